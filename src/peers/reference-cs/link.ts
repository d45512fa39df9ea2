import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import { subprotocolOf } from '../../ocpp/versions.js';
import type { ConnectionEventRecord, FrameRecord } from '../../types.js';
import { RpcEndpoint } from '../rpc-endpoint.js';
import type { TimerHandle, Timers } from '../timers.js';
import type { CsTlsOptions, CsVersion } from './options.js';

/**
 * The station's side of the WebSocket: dials `url/identity` offering the version's subprotocol (and
 * Basic auth when a password is set), wraps each open socket in an RpcEndpoint, and redials after a
 * drop until told to stay offline. One endpoint per connection; the station registers its handlers
 * on each new one ('open').
 */
export interface LinkOptions {
  url: string;
  identity: string;
  version: CsVersion;
  password?: string;
  tls?: CsTlsOptions;
  responseTimeoutMs: number;
  concurrentCalls: boolean;
  /** Protocol seconds between attempts. */
  reconnectDelay: number;
  /** Protocol seconds before the next attempt after `failures` failed ones since the connection was lost (2.0.1 back-off); undefined: reconnectDelay. */
  backOff?: (failures: number) => number | undefined;
  timers: Timers;
}

export interface LinkEvents {
  frame: [FrameRecord];
  connection: [ConnectionEventRecord];
  open: [RpcEndpoint];
  close: [];
  /** connect() was called: the station starts connecting afresh (2.0.1: from its first network profile). */
  connecting: [];
  /** An attempt ended without an established connection. */
  dialFailed: [];
  problem: [Error];
  /** A TLS handshake the station ended: the error code (certificate not trusted, TLS version too old …). */
  tlsRefused: [string];
}

export function stationUrl(base: string, identity: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(identity)}`;
}

export class StationLink extends EventEmitter<LinkEvents> {
  endpoint: RpcEndpoint | undefined;
  private dialing: WebSocket | undefined;
  private wanted = false;
  private retry: TimerHandle | undefined;
  /** Attempts that failed since the last connection was established. */
  private failures = 0;

  constructor(private readonly o: LinkOptions) {
    super();
  }

  get online(): boolean {
    return this.endpoint?.isOpen ?? false;
  }

  /** Connects now (if not connected or connecting) and keeps reconnecting after drops. */
  connect(): void {
    this.wanted = true;
    this.failures = 0;
    this.emit('connecting');
    this.retry?.cancel();
    if (!this.endpoint && !this.dialing) this.dial();
  }

  /** Closes the connection cleanly and stays offline until `connect`. */
  async disconnect(): Promise<void> {
    this.wanted = false;
    this.retry?.cancel();
    this.dialing?.terminate();
    await this.endpoint?.close(1000, 'going offline');
  }

  /** Drops the connection without a closing handshake (power cut) and stays offline until `connect`. */
  async drop(): Promise<void> {
    this.wanted = false;
    this.retry?.cancel();
    this.dialing?.terminate();
    await this.endpoint?.terminate();
  }

  private dial(): void {
    const { url, identity, version, password, tls } = this.o;
    const headers: Record<string, string> = {};
    if (password !== undefined) headers.Authorization = `Basic ${Buffer.from(`${identity}:${password}`).toString('base64')}`;
    const protocol = subprotocolOf(version);
    let ws: WebSocket;
    try {
      ws = new WebSocket(stationUrl(url, identity), [protocol], { headers, ...tls, handshakeTimeout: this.o.responseTimeoutMs });
    } catch (e) {
      this.event('error', { message: e instanceof Error ? e.message : String(e) });
      this.emit('dialFailed');
      this.scheduleRetry();
      return;
    }
    this.dialing = ws;
    let opened = false;
    ws.on('error', (e: NodeJS.ErrnoException) => {
      this.event('error', { message: e.message });
      if (isTlsRefusal(e)) this.emit('tlsRefused', e.code ?? e.message);
    });
    ws.once('open', () => {
      opened = true;
      this.dialing = undefined;
      if (ws.protocol !== protocol) {
        // The CSMS agreed to no OCPP version we offered: do not proceed as if it had.
        this.event('refused', { reason: `the CSMS selected subprotocol "${ws.protocol}" instead of ${protocol}` });
        ws.close(1002, 'no agreed subprotocol');
        return;
      }
      const endpoint = new RpcEndpoint({ socket: ws, version, side: 'cs', station: identity, responseTimeoutMs: this.o.responseTimeoutMs, concurrentCalls: this.o.concurrentCalls });
      endpoint.on('frame', (r) => this.emit('frame', r));
      endpoint.on('problem', (e) => this.emit('problem', e));
      this.endpoint = endpoint;
      this.failures = 0;
      this.event('open', { subprotocol: ws.protocol }, endpoint.conn);
      this.emit('open', endpoint);
    });
    ws.once('close', (code, reason) => {
      if (this.dialing === ws) this.dialing = undefined;
      if (!opened) this.emit('dialFailed');
      const endpoint = this.endpoint;
      if (endpoint && !endpoint.isOpen) {
        this.endpoint = undefined;
        this.event('close', { code, reason: reason.toString() }, endpoint.conn);
        this.emit('close');
      }
      this.scheduleRetry();
    });
  }

  private scheduleRetry(): void {
    if (!this.wanted) return;
    this.retry?.cancel();
    const delay = this.o.backOff?.(this.failures) ?? this.o.reconnectDelay;
    this.failures++;
    this.retry = this.o.timers.after(delay, () => {
      if (this.wanted && !this.endpoint && !this.dialing) this.dial();
    });
  }

  private event(event: string, detail: Record<string, unknown>, conn = ''): void {
    this.emit('connection', { ts: new Date().toISOString(), station: this.o.identity, conn, event, ...detail });
  }
}

/** Errors of a TLS handshake the station itself ended (the server's certificate or TLS version), not of the network. */
function isTlsRefusal(e: NodeJS.ErrnoException): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME|ERR_SSL|EPROTO/.test(e.code ?? '') || /unsupported protocol|wrong version number/i.test(e.message);
}
