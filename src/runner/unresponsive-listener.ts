import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { AttemptQueue } from './connection-attempts.js';

/**
 * A second address of the harness-as-CSMS that never answers: every TCP connection is counted and dropped before
 * anything is said (no HTTP, no TLS), so a station trying it sees a failed connection attempt whatever its security
 * profile. Cases about a station falling back to another network connection profile (OCPP 2.0.1 B10) point the
 * first profile here and count the attempts.
 */
export class UnresponsiveListener {
  readonly attempts: AttemptQueue;

  private constructor(
    private readonly server: Server,
    now: () => number,
  ) {
    this.attempts = new AttemptQueue(now);
  }

  static async listen(host: string, now: () => number = Date.now): Promise<UnresponsiveListener> {
    const server = createServer();
    const listener = new UnresponsiveListener(server, now);
    server.on('connection', (socket: Socket) => {
      socket.on('error', () => undefined);
      socket.destroy();
      listener.attempts.push();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    return listener;
  }

  /** `host:port` as a station would dial it. */
  get address(): string {
    const a = this.server.address() as AddressInfo;
    const host = a.address === '0.0.0.0' || a.address === '::' ? 'localhost' : a.address.includes(':') ? `[${a.address}]` : a.address;
    return `${host}:${a.port}`;
  }

  async close(): Promise<void> {
    this.attempts.dispose();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
