import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import type { Version } from '../types.js';
import { subprotocolOf } from '../ocpp/versions.js';
import type { Link, LinkListener } from './link.js';
import type { StationGate } from './station-gate.js';
import { closeSocket, LinkDownError, LinkEvents, LinkOpenError } from './link.js';
import { AttemptQueue } from './connection-attempts.js';

/**
 * The harness plays the CSMS: it listens, and the charging station under test connects to
 * `ws://host:port/<anything>/<identity>` offering the version's subprotocol. One station at a time: a new
 * connection replaces the old one (a rebooted station reconnects before the old socket has timed out).
 */
export interface CsmsLinkOptions {
  port: number;
  host?: string;
  version: Version;
  /** When set, stations must send HTTP Basic auth with this password (security profiles 1 and 2). */
  password?: string;
  tls?: { cert: string | Buffer; key: string | Buffer; ca?: string | Buffer; requestCert?: boolean };
}

let connections = 0;

export class WsCsmsLink implements Link {
  private ws?: WebSocket;
  private readonly events = new LinkEvents();
  private refusing = false;
  private readonly waiters = new Set<() => void>();
  /** Connection attempts refused while refusing reconnects (since the close that began refusing). */
  readonly refusedAttempts = new AttemptQueue();
  station = '(not connected yet)';
  conn = '';
  /** Set by the target when a station gate sits in front of this listener (the embedded reference station). */
  gate?: StationGate;

  private readonly configuredPassword: string | undefined;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly options: CsmsLinkOptions,
  ) {
    this.configuredPassword = options.password;
  }

  setPassword(password: string | null): void {
    this.options.password = password === null ? this.configuredPassword : password;
  }

  static async listen(options: CsmsLinkOptions): Promise<WsCsmsLink> {
    const server = options.tls ? createHttpsServer({ ...options.tls }) : createHttpServer();
    const protocol = subprotocolOf(options.version);
    const wss = new WebSocketServer({
      server,
      handleProtocols: (offered) => (offered.has(protocol) ? protocol : false),
      verifyClient: (info: { req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => link.verify(info.req, done),
    });
    const link = new WsCsmsLink(server, wss, options);
    wss.on('connection', (ws, req) => link.accept(ws, req));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) => reject(new LinkOpenError(`cannot listen on port ${options.port}: ${e.code ?? e.message}`)));
      server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
    });
    return link;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get endpoint(): string {
    const host = this.options.host && this.options.host !== '0.0.0.0' ? this.options.host : 'localhost';
    return `${this.options.tls ? 'wss' : 'ws'}://${host}:${this.port}/`;
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  setListener(listener: LinkListener): void {
    this.events.setListener(listener);
  }

  send(text: string): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) throw new LinkDownError('the charging station is not connected');
    this.ws.send(text);
  }

  async open(timeoutMs: number): Promise<void> {
    this.refusing = false;
    if (this.isOpen) return;
    await new Promise<void>((resolve, reject) => {
      const onOpen = () => {
        clearTimeout(timer);
        this.waiters.delete(onOpen);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(onOpen);
        reject(new LinkOpenError(`no charging station connected to ${this.endpoint} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(onOpen);
    });
  }

  async close(options: { refuseReconnect?: boolean } = {}): Promise<void> {
    this.refusing = options.refuseReconnect === true;
    this.refusedAttempts.clear();
    await closeSocket(this.ws);
  }

  async dispose(): Promise<void> {
    this.refusing = true;
    this.refusedAttempts.dispose();
    await this.close({ refuseReconnect: true });
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private verify(req: IncomingMessage, done: (ok: boolean, code?: number, message?: string) => void): void {
    if (this.refusing) {
      this.refusedAttempts.push();
      return done(false, 503, 'Service Unavailable');
    }
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    if (!offered.includes(subprotocolOf(this.options.version))) return done(false, 400, 'Bad Request');
    // Security profile 3 authenticates the station by its client certificate (at the gate), not by Basic auth.
    if (this.options.password !== undefined && !(this.gate && this.gate.current.securityProfile >= 3)) {
      const expected = `Basic ${Buffer.from(`${identityOf(req.url)}:${this.options.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return done(false, 401, 'Unauthorized');
    }
    done(true);
  }

  private accept(ws: WebSocket, req: IncomingMessage): void {
    const previous = this.ws;
    if (previous && previous.readyState === WebSocket.OPEN) previous.close(1000, 'replaced by a new connection');
    this.ws = ws;
    this.station = identityOf(req.url);
    const conn = `${this.station}#${++connections}`;
    this.conn = conn;
    this.events.wire(ws, conn, () => {
      if (this.ws === ws) this.ws = undefined;
    });
    for (const w of [...this.waiters]) w();
  }
}

/** The station identity: the last path segment of the request URL. */
export function identityOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0];
  const last = path.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
