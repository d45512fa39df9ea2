import { EventEmitter } from 'node:events';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Server } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { subprotocolOf } from '../../ocpp/versions.js';
import type { ConnectionEventRecord, FrameRecord } from '../../types.js';
import type { FaultSet } from '../faults.js';
import { RpcEndpoint } from '../rpc-endpoint.js';
import { registerAnswers16 } from './answers-16.js';
import { registerSecurityAnswers16, tlsFaultsAfterFirstConnection } from './answers-16-security.js';
import { registerProfileAnswers16 } from './answers-16-profiles.js';
import { registerAnswers201 } from './answers-201.js';
import { registerSecurityAnswers201 } from './answers-201-security.js';
import { registerLocalListAnswers201 } from './local-list-201.js';
import { registerReservationAnswers201 } from './reservation-201.js';
import { registerSmartChargingAnswers201 } from './smart-charging-201.js';
import { registerMonitoringAnswers201 } from './monitoring-201.js';
import { registerExtraAnswers201 } from './extra-answers-201.js';
import { registerBootPending201 } from './boot-pending-201.js';
import type { CsmsVersion, ResolvedCsmsOptions } from './options.js';
import { StationSession } from './session.js';
import { clientCommonName, dualListener, ProfileGuard } from './profile-upgrade.js';

/**
 * The reference CSMS's WebSocket server. The handshake follows OCPP-J 1.6 §3 and 2.0.1 Part 4 §3: the
 * station identity is the last path segment; Basic auth is checked when passwords are configured (401);
 * unknown stations get 404 when a list of known ones is set; the subprotocol is the most preferred
 * version the station offered, and without one the handshake completes without a subprotocol and the
 * connection is closed at once.
 */
export interface CsmsServerEvents {
  frame: [FrameRecord];
  connection: [ConnectionEventRecord];
  /** A station connected (new or back). */
  station: [StationSession];
  disconnect: [StationSession];
  problem: [Error];
}

export class CsmsServer extends EventEmitter<CsmsServerEvents> {
  readonly sessions = new Map<string, StationSession>();
  private readonly server: http.Server | https.Server;
  private readonly wss: WebSocketServer;
  private readonly chosen = new WeakMap<IncomingMessage, string | false>();
  private plain?: http.Server;
  private front?: Server;
  private readonly guard: ProfileGuard;
  private nextTransactionId = 1;

  constructor(
    private readonly opts: ResolvedCsmsOptions,
    private readonly faults: FaultSet,
  ) {
    super();
    this.guard = new ProfileGuard(faults);
    const refuseHttp = (_req: IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(426, { 'Content-Type': 'text/plain' });
      res.end('This is an OCPP-J endpoint: connect with a WebSocket to /<station identity>.\n');
    };
    this.server = opts.tls ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key, ca: opts.tls.ca, requestCert: opts.tls.requestCert ?? false, rejectUnauthorized: (opts.tls.requestCert ?? false) && !opts.tls.plainToo, ...(faults.has('csms201-tls-accepts-old-versions') ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' } : {}) }, refuseHttp) : http.createServer(refuseHttp);
    if (opts.tls?.plainToo) {
      // Plain and TLS on one port, for stations that raise their security profile (profile-upgrade.ts).
      this.plain = http.createServer(refuseHttp);
      this.plain.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
      this.front = dualListener(this.plain, this.server as https.Server);
    }
    if (opts.tls) tlsFaultsAfterFirstConnection(this.server as https.Server, faults, opts.tls);
    this.wss = new WebSocketServer({ noServer: true, handleProtocols: (_offered, req) => this.chosen.get(req) ?? false });
    this.server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      const listening = this.front ?? this.server;
      listening.once('error', reject);
      listening.listen(this.opts.port, this.opts.host, () => {
        listening.off('error', reject);
        resolve((listening.address() as AddressInfo).port);
      });
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.endpoint.close(1001, 'CSMS shutting down')));
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.front) await new Promise<void>((resolve) => this.front!.close(() => resolve()));
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const identity = identityOf(req.url);
    if (!identity) return refuse(socket, 400, 'Bad Request');
    if (this.opts.knownStations && !this.opts.knownStations.includes(identity)) {
      this.event(identity, 'refused', { status: 404, reason: 'unknown station' });
      return refuse(socket, 404, 'Not Found');
    }
    if (this.opts.passwords && (!this.authorized(identity, req.headers.authorization) || ((this.faults.has('basic-auth-refused-on-reconnect') || this.faults.has('csms201-basic-auth-refused-on-reconnect')) && this.sessions.has(identity)))) {
      this.event(identity, 'refused', { status: 401, reason: 'missing or wrong Basic auth credentials' });
      return refuse(socket, 401, 'Unauthorized', { 'WWW-Authenticate': 'Basic realm="OCPP"' });
    }
    const profile = this.guard.profileOf(req);
    const lower = this.opts.tls?.plainToo ? this.guard.refusal(identity, profile) : undefined;
    if (lower) {
      this.event(identity, 'refused', { status: 401, reason: lower });
      return refuse(socket, 401, 'Unauthorized');
    }
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean);
    const version = this.opts.versions.find((v) => offered.includes(subprotocolOf(v)));
    // 2.0.1 A00 (security profile 3): the client certificate's commonName is the station's identity (its serial number).
    const commonName = clientCommonName(req);
    if (version === '2.0.1' && commonName !== undefined && commonName !== identity && !this.faults.has('csms201-client-certificate-name-not-checked')) {
      this.event(identity, 'refused', { status: 401, reason: `client certificate for ${commonName}` });
      return refuse(socket, 401, 'Unauthorized');
    }
    const noSubprotocolFault = this.faults.has('no-subprotocol') || (this.faults.has('subprotocol-dropped-on-reconnect') && this.sessions.has(identity));
    this.chosen.set(req, version && !noSubprotocolFault ? subprotocolOf(version) : false);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (!version) {
        this.event(identity, 'refused', { reason: `no supported subprotocol among [${offered.join(', ')}]` });
        ws.close(1002, 'no supported OCPP version');
        return;
      }
      this.guard.accepted(identity, profile);
      this.onSocket(ws, identity, version);
    });
  }

  private authorized(identity: string, header: string | undefined): boolean {
    const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
    if (!m) return false;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    const expected = this.opts.passwords?.[identity];
    const user = decoded.slice(0, colon) === identity || this.faults.has('csms201-basic-auth-ignores-username');
    return user && expected !== undefined && (decoded.slice(colon + 1) === expected || this.faults.has('csms201-basic-auth-accepts-any-password'));
  }

  private onSocket(ws: WebSocket, identity: string, version: CsmsVersion): void {
    const endpoint = new RpcEndpoint({ socket: ws, version, side: 'csms', station: identity, responseTimeoutMs: this.opts.responseTimeoutMs });
    endpoint.on('frame', (r) => this.emit('frame', r));
    endpoint.on('problem', (e) => this.emit('problem', e));
    const previous = this.sessions.get(identity);
    let session: StationSession;
    if (previous && previous.version === version) {
      // The same station back: keep what the CSMS knows (transactions, statuses) and serve the new connection.
      if (previous.connected) void previous.endpoint.close(1000, 'replaced by a new connection');
      previous.endpoint = endpoint;
      previous.connected = true;
      session = previous;
    } else {
      if (previous?.connected) void previous.endpoint.close(1000, 'replaced by a new connection');
      session = new StationSession(identity, version, endpoint, this.opts, this.faults);
      this.sessions.set(identity, session);
    }
    if (version === '1.6') {
      registerAnswers16(endpoint, session, () => this.nextTransactionId++);
      registerProfileAnswers16(endpoint, session);
      registerSecurityAnswers16(endpoint, session);
    } else {
      registerAnswers201(endpoint, session);
      registerSecurityAnswers201(endpoint, session);
      registerLocalListAnswers201(endpoint, session);
      registerReservationAnswers201(endpoint, session);
      registerSmartChargingAnswers201(endpoint, session);
      registerMonitoringAnswers201(endpoint, session);
      registerExtraAnswers201(endpoint, session);
      registerBootPending201(endpoint, session);
    }
    endpoint.on('close', (code, reason) => {
      if (session.endpoint !== endpoint) return;
      session.connected = false;
      this.event(identity, 'close', { code, reason }, endpoint.conn);
      this.emit('disconnect', session);
    });
    this.event(identity, 'open', { subprotocol: ws.protocol || null, version }, endpoint.conn);
    this.emit('station', session);
  }

  private event(station: string, event: string, detail: Record<string, unknown>, conn = ''): void {
    this.emit('connection', { ts: new Date().toISOString(), station, conn, event, ...detail });
  }
}

/** The last path segment of the request URL, decoded; undefined when there is none or it cannot be decoded. */
export function identityOf(url: string | undefined): string | undefined {
  const path = new URL(url ?? '/', 'http://localhost').pathname;
  const last = path.split('/').filter(Boolean).at(-1);
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return undefined;
  }
}

function refuse(socket: Duplex, status: number, text: string, headers: Record<string, string> = {}): void {
  const lines = [`HTTP/1.1 ${status} ${text}`, 'Connection: close', 'Content-Length: 0', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.end(`${lines.join('\r\n')}\r\n\r\n`);
}
