import WebSocket from 'ws';
import type { Version } from '../types.js';
import { subprotocolOf } from '../ocpp/versions.js';
import type { Link, LinkListener } from './link.js';
import { closeSocket, LinkDownError, LinkEvents, LinkOpenError } from './link.js';

/**
 * The harness plays the charging station: it dials `<url>/<identity>` offering the version's subprotocol
 * (with HTTP Basic auth and TLS as the SUT configuration says). Every failure to connect becomes a LinkOpenError
 * whose message a person can act on (refused, HTTP status, no subprotocol, timeout).
 */
export interface StationLinkOptions {
  url: string;
  identity: string;
  version: Version;
  /** HTTP Basic auth password (security profiles 1 and 2); the user is the identity. */
  password?: string;
  tls?: { ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer; rejectUnauthorized?: boolean };
}

let connections = 0;

export class WsStationLink implements Link {
  private ws?: WebSocket;
  private readonly events = new LinkEvents();
  conn = '';

  private readonly configuredPassword: string | undefined;

  constructor(private readonly options: StationLinkOptions) {
    this.configuredPassword = options.password;
  }

  private username?: string;

  setUsername(username: string | null): void {
    this.username = username ?? undefined;
  }

  /** Set by a target that has invalid client certificates to present (the embedded reference CSMS at profile 3). */
  presentClientCertificate?: (kind: string | null) => void;

  /** Set by a target that can change the security profile the harness connects with (csms-gate.ts). */
  setSecurityProfile?: (profile: number) => void;

  useClientCertificate(cert: string, key: string): void {
    this.options.tls = { ...this.options.tls, cert, key };
  }

  setPassword(password: string | null): void {
    this.options.password = password === null ? this.configuredPassword : password;
  }

  get station(): string {
    return this.options.identity;
  }

  get endpoint(): string {
    return this.options.url;
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** The URL dialed: the endpoint with the identity as the last path segment. */
  get target(): string {
    return `${this.options.url.replace(/\/+$/, '')}/${encodeURIComponent(this.options.identity)}`;
  }

  setListener(listener: LinkListener): void {
    this.events.setListener(listener);
  }

  send(text: string): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) throw new LinkDownError('the connection to the CSMS is closed');
    this.ws.send(text);
  }

  async open(timeoutMs: number): Promise<void> {
    if (this.isOpen) return;
    const protocol = subprotocolOf(this.options.version);
    const headers: Record<string, string> = {};
    if (this.options.password !== undefined) headers.Authorization = `Basic ${Buffer.from(`${this.username ?? this.options.identity}:${this.options.password}`).toString('base64')}`;
    const ws = new WebSocket(this.target, [protocol], { headers, handshakeTimeout: timeoutMs, ...this.options.tls });
    await new Promise<void>((resolve, reject) => {
      const fail = (why: string) => {
        ws.removeAllListeners();
        ws.on('error', () => undefined);
        ws.terminate();
        reject(new LinkOpenError(`cannot connect to the CSMS at ${this.target}: ${why}`));
      };
      ws.once('unexpected-response', (_req, res) => fail(`the server answered the WebSocket upgrade with HTTP ${res.statusCode}${res.statusMessage ? ` ${res.statusMessage}` : ''}`));
      ws.once('error', (e: NodeJS.ErrnoException) => fail(e.code ? `${e.code} (${e.message})` : e.message));
      ws.once('open', () => {
        if (ws.protocol !== protocol) {
          fail(ws.protocol ? `the CSMS selected subprotocol "${ws.protocol}" instead of ${protocol}` : `the CSMS selected no subprotocol (offered ${protocol})`);
          return;
        }
        ws.removeAllListeners();
        resolve();
      });
    });
    this.ws = ws;
    const conn = `${this.options.identity}#${++connections}`;
    this.conn = conn;
    this.events.wire(ws, conn, () => {
      if (this.ws === ws) this.ws = undefined;
    });
  }

  async close(): Promise<void> {
    await closeSocket(this.ws);
  }

  async dispose(): Promise<void> {
    await this.close();
  }
}
