import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { redactAuthorization } from '../log/redact.js';
import { precompile } from '../ocpp/schema-validator.js';
import { versionOfSubprotocol } from '../ocpp/versions.js';
import type { ConnectionEventRecord, Finding, Version } from '../types.js';
import { ConsoleView, wantsColor } from './console-view.js';
import { createHttpPassthrough, type HttpRecord } from './http-passthrough.js';
import { LiveView } from './live-view.js';
import { replyAndClose } from './http-reply.js';
import { RecordStream } from './observers.js';
import { RecordPipeline } from './record-pipeline.js';
import { RelaySession } from './relay-session.js';
import { Session } from './session.js';
import type { SessionBase } from './session-common.js';
import { displayUrl, readStationRequest, upgradeProblem, type StationRequest } from './station-request.js';
import { clientCertificate, serverTlsOptions } from './tls-options.js';
import type { ProxyHandle, ProxyOptions, ProxyStats } from './types.js';
import { dialUpstream, type Dial, type DialResult } from './upstream-dialer.js';
import { detachSocket, listenerSnapshot } from './ws-detach.js';

export type { ProxyHandle, ProxyOptions, ProxyStats } from './types.js';

/**
 * Starts the man-in-the-middle proxy: stations connect here, each is dialled through to the CSMS with the same
 * subprotocols and credentials, and every frame is forwarded unchanged, validated and published as a record.
 * Throws (before listening) on bad options, and when the port cannot be bound.
 */
export async function startProxy(options: ProxyOptions): Promise<ProxyHandle> {
  const proxy = new ProxyServer(options, upstreamUrl(options.upstream));
  await proxy.listen();
  return proxy;
}

const DEFAULTS = { host: '127.0.0.1', upstreamTimeoutMs: 10_000, highWaterMark: 1024 * 1024, fallbackVersion: '1.6' as Version };
/** Bound on how long close() waits for one connection's closing handshakes. */
const SHUTDOWN_TIMEOUT_MS = 6000;

class ProxyServer extends RecordStream implements ProxyHandle {
  port = 0;
  url = '';
  logFile?: string;
  uiUrl?: string;
  certificate?: string;
  private server!: Server;
  private readonly wss = new WebSocketServer({
    noServer: true,
    autoPong: false,
    perMessageDeflate: false,
    skipUTF8Validation: true,
    clientTracking: false,
    // The station gets whatever the CSMS agreed to (false: none), looked up per request.
    handleProtocols: (_offered, req) => this.agreed.get(req) ?? false,
  });
  private readonly agreed = new WeakMap<IncomingMessage, string | false>();
  private readonly sessions = new Set<Session | RelaySession>();
  private readonly dials = new Set<Dial>();
  private readonly sockets = new Set<Socket>();
  private readonly counters = { conn: 0, http: 0 };
  private backpressurePauses = 0;
  private readonly http;
  private records!: RecordPipeline;
  private consoleView?: ConsoleView;
  private liveView?: LiveView;
  private closing?: Promise<void>;

  constructor(
    private readonly o: ProxyOptions,
    private readonly upstream: URL,
  ) {
    super();
    if (o.clientCa && !o.tls) throw new Error('a client CA (mutual TLS) needs TLS towards the stations: give a certificate or use a self-signed one');
    this.http = createHttpPassthrough(upstream, o.upstreamTls, o.upstreamTimeoutMs ?? DEFAULTS.upstreamTimeoutMs, (r) => this.onHttp(r));
  }

  async listen(): Promise<void> {
    if (this.o.ui) {
      this.liveView = await LiveView.start(this.o.ui);
      this.uiUrl = this.liveView.url;
    }
    try {
      this.records = new RecordPipeline(this.o.log, {
        deliver: ([kind, record]) => (kind === 'frame' ? this.publishFrame(record) : this.publishEvent(record)),
        wants: (kind) => this.listenerCount(kind) > 0,
        problem: (message) => process.stderr.write(`ocpp-harness proxy: ${message}\n`),
      }, this.o.recordBacklogBytes);
    } catch (e) {
      await this.liveView?.close();
      throw e;
    }
    this.logFile = this.records.logFile;
    this.attachObservers();
    if (this.o.tls) {
      const tls = await serverTlsOptions(this.o.tls, this.o.clientCa);
      this.certificate = tls.certificate;
      this.server = createHttpsServer(tls.options);
      this.server.on('tlsClientError', (err: Error, s: Socket) => this.event('tls-error', '', '', { message: err.message, remote: remote(s) }));
    } else {
      this.server = createHttpServer();
    }
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.once('close', () => this.sockets.delete(s));
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      this.onUpgrade(req, socket, head).catch((e) => this.toolError(e, socket));
    });
    this.server.on('request', (req: IncomingMessage, res: ServerResponse) => this.http.handle(req, res));
    this.server.on('clientError', (err: Error, s: Socket) => {
      this.event('refused', '', '', { status: 400, reason: `malformed HTTP request: ${err.message}`, remote: remote(s) });
      if (s.writable) s.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
    const host = this.o.host ?? DEFAULTS.host;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.o.port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    }).catch(async (e: NodeJS.ErrnoException) => {
      await this.records.close();
      await this.liveView?.close();
      throw new Error(`cannot listen on ${host}:${this.o.port}: ${e.code ?? e.message}`);
    });
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : this.o.port;
    this.url = `${this.o.tls ? 'wss' : 'ws'}://${urlHost(host)}:${this.port}`;
    this.event('proxy-start', '', '', { url: this.url, upstream: displayUrl(this.upstream.toString()), enforce: this.o.enforce === true });
  }

  async stats(): Promise<ProxyStats> {
    const counted = await this.records.stats();
    return { ...counted, backpressurePauses: this.backpressurePauses, observerErrors: this.observerErrors };
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  /** The log and the counts are kept by the record thread; these observers get the records it sends back. */
  private attachObservers(): void {
    const live = this.liveView;
    if (live) {
      this.on('frame', (r) => live.frame(r));
      this.on('event', (e) => live.event(e));
    }
    if (this.o.console) {
      const view = new ConsoleView(this.o.console, { quiet: this.o.quiet, color: this.o.color ?? wantsColor(this.o.console) });
      this.consoleView = view;
      // Quiet: no frame listener, so frame records are not even sent back from the record thread.
      if (!this.o.quiet) this.on('frame', (r) => view.onFrame(r));
      this.on('event', (e) => view.onEvent(e));
    }
  }

  private async onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    // A station that resets mid-handshake shows up as 'close'; an unhandled socket error would kill the process.
    socket.on('error', () => {});
    const conn = `c${++this.counters.conn}`;
    if (this.closing) return this.refuse(socket, '', conn, 503, 'the proxy is shutting down');
    const problem = upgradeProblem(req);
    const target = readStationRequest(req, this.upstream);
    if (problem) return this.refuse(socket, 'error' in target ? '' : target.station, conn, 400, `not a valid WebSocket upgrade: ${problem}`);
    if ('error' in target) return this.refuse(socket, '', conn, 400, target.error);
    const { station } = target;
    const noOcpp = noOcppSubprotocol(target.offered);
    if (noOcpp) this.event('handshake', station, conn, { offered: target.offered, finding: noOcpp });

    const dial = dialUpstream({ url: target.upstreamUrl, offered: target.offered, headers: target.headers, tls: this.o.upstreamTls, timeoutMs: this.o.upstreamTimeoutMs ?? DEFAULTS.upstreamTimeoutMs });
    this.dials.add(dial);
    // Read during the dial so a station that hangs up (FIN) is noticed; anything it sent early joins `head`.
    const early: Buffer[] = [head];
    const onData = (chunk: Buffer) => early.push(chunk);
    const stationGone = () => dial.abort();
    socket.on('data', onData).once('end', stationGone).once('close', stationGone);
    const result = await dial.result;
    this.dials.delete(dial);
    socket.off('data', onData).off('end', stationGone).off('close', stationGone);

    if (socket.destroyed || socket.readableEnded || this.closing) {
      if (result.kind === 'open') result.ws.terminate();
      this.event('aborted', station, conn, { reason: this.closing ? 'the proxy is shutting down' : 'the station went away during the upgrade' });
      if (this.closing) replyAndClose(socket, 503);
      else socket.destroy();
      return;
    }
    this.answerStation(req, socket, Buffer.concat(early), conn, target, result);
  }

  private answerStation(req: IncomingMessage, socket: Socket, head: Buffer, conn: string, target: StationRequest, result: DialResult): void {
    const { station } = target;
    const upstream = displayUrl(target.upstreamUrl);
    switch (result.kind) {
      case 'refused':
        this.event('upstream-failed', station, conn, { status: result.status, reason: result.reason, upstream });
        return replyAndClose(socket, result.status, result.headers, result.body);
      case 'failed':
        this.event('upstream-failed', station, conn, { status: result.status, reason: result.reason, code: result.code, upstream });
        return replyAndClose(socket, result.status, { 'content-type': 'text/plain; charset=utf-8' }, `ocpp-harness proxy: ${result.reason}\n`);
      case 'no-subprotocol': {
        // Mirror the CSMS: the station's upgrade completes without a subprotocol, and nothing can be relayed.
        const finding: Finding = { rule: 'handshake.no-subprotocol', severity: 'error', path: '', message: `The CSMS selected none of the offered subprotocols (${target.offered.join(', ')}).` };
        this.event('upstream-failed', station, conn, { status: 101, reason: result.reason, upstream, finding });
        this.agreed.set(req, false);
        this.wss.handleUpgrade(req, socket, head, (ws) => ws.close(1002, 'the CSMS agreed to no subprotocol'));
        return;
      }
      case 'open': {
        this.agreed.set(req, result.protocol || false);
        const before = listenerSnapshot(socket);
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          // Observe mode relays raw bytes: ws has done the handshakes, the proxy takes the sockets back.
          if (this.o.enforce !== true) {
            detachSocket(socket, before);
            detachSocket(result.socket, result.before);
          }
          this.startSession(req, socket, conn, target, result, ws);
        });
      }
    }
  }

  private startSession(req: IncomingMessage, socket: Socket, conn: string, target: StationRequest, up: Extract<DialResult, { kind: 'open' }>, ws: WebSocket): void {
    const { station } = target;
    const negotiated = versionOfSubprotocol(up.protocol);
    const version = negotiated ?? this.o.fallbackVersion ?? DEFAULTS.fallbackVersion;
    // Enforce mode validates here, before forwarding; observe mode only in the record thread.
    if (this.o.enforce === true) precompile(version);
    const common: SessionBase = {
      conn,
      station,
      version,
      responseTimeoutMs: this.o.responseTimeoutMs,
      highWaterMark: this.o.highWaterMark ?? DEFAULTS.highWaterMark,
      publishFrame: (r) => this.records.frame(r),
      publishEvent: (event, detail) => this.event(event, station, conn, detail),
      onBackpressure: () => this.backpressurePauses++,
    };
    // The sessions read their options for every frame. Added to `common` rather than spread into a new object:
    // V8 gave the spread copies made per connection a map each after the first few, and every read of them became
    // a megamorphic lookup.
    const session =
      this.o.enforce === true
        ? new Session(Object.assign(common, { cs: { ws, socket }, csms: { ws: up.ws, socket: up.socket }, enforce: true }))
        : new RelaySession(Object.assign(common, { cs: socket, csms: up.socket, records: this.records.connection(station, conn, version, this.o.responseTimeoutMs) }));
    this.sessions.add(session);
    void session.ended.then(() => this.sessions.delete(session));
    const detail: Record<string, unknown> = { subprotocol: up.protocol || null, version, offered: target.offered, path: target.path, upstream: displayUrl(target.upstreamUrl), remote: remote(socket) };
    if (!negotiated) detail.versionAssumed = true;
    if (req.headers.authorization) detail.authorization = redactAuthorization(req.headers.authorization);
    const cert = clientCertificate(socket);
    if (cert) detail.clientCert = cert;
    this.event('open', station, conn, detail);
    session.start();
  }

  private refuse(socket: Socket, station: string, conn: string, status: number, reason: string): void {
    this.event('refused', station, conn, { status, reason });
    replyAndClose(socket, status, { 'content-type': 'text/plain; charset=utf-8' }, `ocpp-harness proxy: ${reason}\n`);
  }

  private onHttp(r: HttpRecord): void {
    const { station, ...detail } = r;
    this.event('http', station, `h${++this.counters.http}`, { ...detail });
  }

  /** A bug or an unexpected failure in the proxy itself: logged, and only this connection is dropped. */
  private toolError(e: unknown, socket: Socket): void {
    this.event('error', '', '', { side: 'proxy', message: e instanceof Error ? e.message : String(e), remote: remote(socket) });
    socket.destroy();
  }

  private event(event: string, station: string, conn: string, detail: Record<string, unknown>): void {
    const record: ConnectionEventRecord = { ts: new Date().toISOString(), station, conn, event };
    for (const [k, v] of Object.entries(detail)) if (v !== undefined) record[k] = v;
    this.records.event(record);
  }

  /** Logged too, and in order: it goes the way of every other record. */
  protected override reportObserverError(record: ConnectionEventRecord): void {
    this.records.event(record);
  }

  private async shutdown(): Promise<void> {
    const serverClosed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const dial of this.dials) dial.abort();
    await Promise.all([...this.sessions].map((s) => Promise.race([s.shutdown(), delay(SHUTDOWN_TIMEOUT_MS)])));
    this.http.close();
    this.server.closeAllConnections();
    for (const s of this.sockets) s.destroy();
    await serverClosed;
    const stats = await this.stats().catch(() => undefined);
    this.event('proxy-stop', '', '', { stats });
    // Waits for the record thread to log everything, and to send back what the observers are waiting for.
    await this.records.close();
    if (stats) this.consoleView?.summary(stats);
    await this.liveView?.close();
  }
}

/** A station that offers no OCPP-J subprotocol: a handshake finding; the CSMS decides what happens next. */
function noOcppSubprotocol(offered: string[]): Finding | undefined {
  if (offered.some((p) => versionOfSubprotocol(p))) return undefined;
  const message = offered.length
    ? `The station offered ${offered.join(', ')}, none of which names an OCPP-J version (ocpp1.6, ocpp2.0.1, ocpp2.1).`
    : 'The station offered no subprotocol (Sec-WebSocket-Protocol); OCPP-J requires one naming the version.';
  return { rule: 'handshake.no-subprotocol', severity: 'error', path: '', message };
}

function upstreamUrl(text: string): URL {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new Error(`the upstream "${text}" is not a URL (expected ws://host:port/path or wss://...)`);
  }
  if (u.protocol === 'http:') u.protocol = 'ws:';
  if (u.protocol === 'https:') u.protocol = 'wss:';
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') throw new Error(`the upstream "${text}" must be a ws:// or wss:// URL`);
  return u;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function remote(s: Socket): string {
  return `${s.remoteAddress ?? '?'}:${s.remotePort ?? '?'}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
