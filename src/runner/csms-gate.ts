import { connect, createServer, type Server, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/**
 * The way out when the harness plays the station and owns the TLS of the connection (the embedded reference CSMS at
 * security profile 1, whose stations may raise it): a local plain port the proxy dials, each connection passed on to
 * the CSMS as raw TCP (profiles 0 and 1) or over TLS trusting `ca` (profile 2; with the client certificate at 3). A
 * case changes the profile between two connections (TC_A_19_CSMS, TC_083_CSMS).
 */
export interface CsmsGateTls {
  ca: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
}

export class CsmsGate {
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
    public securityProfile: number,
    private readonly tls: CsmsGateTls,
  ) {}

  static async listen(options: { target: { host: string; port: number }; securityProfile: number; tls: CsmsGateTls }): Promise<CsmsGate> {
    const server = createServer();
    const gate = new CsmsGate(server, options.target, options.securityProfile, options.tls);
    server.on('connection', (s) => gate.forward(s));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return gate;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(from: Socket): void {
    from.pause();
    from.on('error', () => undefined);
    const { host, port } = this.target;
    const to = this.securityProfile >= 2 ? tlsConnect({ host, port, ca: this.tls.ca, ...(this.securityProfile >= 3 ? { cert: this.tls.cert, key: this.tls.key } : {}) }) : connect({ host, port });
    for (const s of [from, to]) {
      this.sockets.add(s);
      s.once('close', () => this.sockets.delete(s));
    }
    to.on('error', () => from.destroy());
    to.once('close', () => from.destroy());
    from.once('close', () => to.destroy());
    from.pipe(to);
    to.pipe(from);
    from.resume();
  }
}
