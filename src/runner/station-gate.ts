import { X509Certificate } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { createSecureContext, TLSSocket, type SecureContext } from 'node:tls';

/**
 * The door stations come in through when the harness plays the CSMS and owns the TLS of the connection (the embedded
 * reference station): a TCP listener that takes plain WebSocket connections or TLS ones on the same port (it tells them
 * apart by the first byte, a TLS handshake record is 0x16), terminates TLS itself and passes the bytes on to the
 * harness's listener (or the proxy in front of it). What it presents can change between two connections of a case:
 * another security profile (plain only up to profile 1, TLS from profile 2, a client certificate from profile 3), an
 * invalid server certificate, a TLS version below 1.2 (OCPP 2.0.1 A00, 1.6 security whitepaper A05, TC_A_05/06_CS,
 * TC_083_CS, TC_A_19_CS). It also acts as the certificate authority its client certificates must chain to, so the
 * harness can sign a station's CSR and see the station come back with the new certificate (TC_074_CS).
 */
export interface GateMaterial {
  /** The server certificate and key stations trust (issued by `ca`). */
  server: { cert: string; key: string };
  /** The CA that issued the server certificate and that client certificates must chain to (with its key: the harness signs CSRs with it). */
  ca: { cert: string; key: string };
  /** Other server certificates by name, each with its key: invalid ones (`untrusted`, `expired`, …) and `newRoot` (issued by another CSMS root). */
  others: Record<string, { cert: string; key: string }>;
}

/** What the gate presents from now on. */
export interface GatePresentation {
  /** 0/1: plain connections only; 2: TLS; 3: TLS with a client certificate issued by the CA. */
  securityProfile: number;
  /** `configured` (default) or one of the material's other certificates. */
  certificate?: string;
  /** Offer no TLS version above this one (e.g. TLSv1.1: a station must refuse the handshake). */
  maxTlsVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
}

/** One connection attempt as the gate saw it. */
export interface GateAttempt {
  at: number;
  tls: boolean;
  /** `forwarded`, or why the connection went no further. */
  outcome: string;
  /** The client certificate the station presented (DER), when it sent one. */
  clientCertificate?: Buffer;
  /** The port it came to (the gate's own, or an alternative endpoint's). */
  port?: number;
  /** The TLS version negotiated (TLSv1.2 …). */
  tlsVersion?: string;
}

/** One listening port of the gate and what it presents. */
class Door {
  presentation!: GatePresentation;
  context!: SecureContext;
  constructor(
    readonly server: Server,
    private readonly material: GateMaterial,
  ) {}

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  set(next: GatePresentation): void {
    const kind = next.certificate ?? 'configured';
    const pair = kind === 'configured' ? this.material.server : this.material.others[kind];
    if (!pair) throw new Error(`no server certificate "${kind}" (known: configured, ${Object.keys(this.material.others).join(', ')})`);
    const old = next.maxTlsVersion === 'TLSv1' || next.maxTlsVersion === 'TLSv1.1';
    // Old versions can only be offered with OpenSSL's security level lowered.
    this.context = createSecureContext({ cert: pair.cert, key: pair.key, ca: this.material.ca.cert, maxVersion: next.maxTlsVersion, ...(old ? { minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' } : {}) });
    this.presentation = next;
  }
}

export class StationGate {
  readonly attempts: GateAttempt[] = [];
  private readonly main: Door;
  private readonly alternatives: Door[] = [];
  private readonly sockets = new Set<Socket>();
  /** A security profile a case raised the station to: it stays for the rest of the run. */
  private raised?: number;

  private constructor(
    server: Server,
    private readonly host: string,
    private readonly upstream: { host: string; port: number },
    readonly material: GateMaterial,
    private readonly configured: GatePresentation,
  ) {
    this.main = new Door(server, material);
    this.main.set(configured);
  }

  static async listen(options: { host?: string; port?: number; upstream: { host: string; port: number }; material: GateMaterial; securityProfile: number }): Promise<StationGate> {
    const server = createServer();
    const gate = new StationGate(server, options.host ?? '127.0.0.1', options.upstream, options.material, { securityProfile: options.securityProfile });
    await gate.open(gate.main, options.port ?? 0);
    return gate;
  }

  get port(): number {
    return this.main.port;
  }

  /** The URL stations dial, with the scheme of the configured security profile. */
  get url(): string {
    return `${this.configured.securityProfile >= 2 ? 'wss' : 'ws'}://${this.address}`;
  }

  /** host:port of the gate's own door (a wildcard listening address shown as localhost). */
  get address(): string {
    return `${this.shownHost}:${this.port}`;
  }

  private get shownHost(): string {
    return this.host === '0.0.0.0' || this.host === '::' ? 'localhost' : this.host;
  }

  get current(): GatePresentation {
    return this.main.presentation;
  }

  /** From the next connection on, present this (null: as configured, with a raised profile kept). */
  present(p: Partial<GatePresentation> | null): void {
    const next = p === null ? { ...this.configured, securityProfile: Math.max(this.configured.securityProfile, this.raised ?? 0) } : { ...this.main.presentation, ...p };
    this.main.set(next);
    if (p?.securityProfile !== undefined && p.securityProfile > this.configured.securityProfile) this.raised = p.securityProfile;
  }

  /**
   * A second endpoint for the rest of the case (a "new CSMS" a network profile can point to: TC_B_50_CS), passing on
   * to the same place and presenting `p` (on top of the gate's current presentation); resolves to its host:port.
   */
  async openAlternative(p: Partial<GatePresentation>): Promise<string> {
    const door = new Door(createServer(), this.material);
    door.set({ ...this.main.presentation, ...p });
    await this.open(door);
    this.alternatives.push(door);
    return `${this.shownHost}:${door.port}`;
  }

  /** What a case presented ends with it (alternative endpoints too), except a raised security profile: the station cannot go back to a lower one. */
  endCase(): void {
    this.present({ securityProfile: this.main.presentation.securityProfile, certificate: undefined, maxTlsVersion: undefined });
    for (const door of this.alternatives.splice(0)) door.server.close();
  }

  /** The last TLS connection that got through. */
  lastTlsAttempt(): GateAttempt | undefined {
    return [...this.attempts].reverse().find((a) => a.outcome === 'forwarded' && a.tls);
  }

  /** The client certificate of the last TLS connection that got through, if it had one. */
  lastClientCertificate(): Buffer | undefined {
    return [...this.attempts].reverse().find((a) => a.outcome === 'forwarded' && a.tls)?.clientCertificate;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    for (const door of this.alternatives.splice(0)) door.server.close();
    await new Promise<void>((resolve) => this.main.server.close(() => resolve()));
  }

  private async open(door: Door, port = 0): Promise<void> {
    door.server.on('connection', (s) => this.accept(s, door));
    await new Promise<void>((resolve, reject) => {
      door.server.once('error', reject);
      door.server.listen(port, this.host, () => resolve());
    });
  }

  private accept(socket: Socket, door: Door): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      const tls = first[0] === 0x16;
      const attempt: GateAttempt = { at: Date.now(), tls, outcome: 'pending', port: door.port };
      this.attempts.push(attempt);
      // A long run keeps only the recent attempts (cases look at those made while they run).
      if (this.attempts.length > 1000) this.attempts.splice(0, this.attempts.length - 1000);
      const profile = door.presentation.securityProfile;
      if (tls !== profile >= 2) {
        attempt.outcome = tls ? `refused: TLS while the harness accepts plain connections (security profile ${profile})` : `refused: a plain connection while the harness requires TLS (security profile ${profile})`;
        socket.destroy();
        return;
      }
      if (!tls) return this.forward(socket, attempt);
      const secure = new TLSSocket(socket, { isServer: true, secureContext: door.context, requestCert: profile >= 3, rejectUnauthorized: profile >= 3 });
      secure.on('error', (e: NodeJS.ErrnoException) => {
        if (attempt.outcome === 'pending') attempt.outcome = `refused: TLS handshake failed (${e.code ?? e.message})`;
        secure.destroy();
      });
      secure.once('close', () => {
        if (attempt.outcome === 'pending') attempt.outcome = 'refused: the station ended the TLS handshake (it did not accept what the harness presented)';
      });
      secure.once('secure', () => {
        const peer = secure.getPeerX509Certificate?.();
        if (peer) attempt.clientCertificate = peer.raw;
        attempt.tlsVersion = secure.getProtocol() ?? undefined;
        this.forward(secure, attempt);
      });
    });
  }

  private forward(from: Socket, attempt: GateAttempt): void {
    attempt.outcome = 'forwarded';
    const to = connect(this.upstream);
    this.sockets.add(to);
    to.once('close', () => {
      this.sockets.delete(to);
      from.destroy();
    });
    from.once('close', () => to.destroy());
    to.on('error', () => from.destroy());
    from.pipe(to);
    to.pipe(from);
    from.resume();
  }
}

/** The DER of the first certificate of a PEM chain; undefined when there is none. */
export function firstCertificateDer(pem: string): Buffer | undefined {
  try {
    return new X509Certificate(pem).raw;
  } catch {
    return undefined;
  }
}
