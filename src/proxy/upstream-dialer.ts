import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import type { UpstreamTlsOptions } from './types.js';
import { listenerSnapshot, type ListenerSnapshot } from './ws-detach.js';

/**
 * Dials the CSMS for one station, offering exactly the station's subprotocols and headers. The outcome says
 * how to answer the station: complete its handshake, mirror the CSMS's refusal, or 502/504.
 */
export type DialResult =
  /** `before`: the socket's listeners before ws took it, so that observe mode can take it back (ws-detach). */
  | { kind: 'open'; ws: WebSocket; socket: Socket; protocol: string; before: ListenerSnapshot }
  /** The CSMS answered the upgrade with an HTTP status other than 101 (401, 404, 400 ...). */
  | { kind: 'refused'; status: number; headers: IncomingHttpHeaders; body: Buffer; reason: string }
  /** The CSMS upgraded but agreed to none of the offered subprotocols. */
  | { kind: 'no-subprotocol'; reason: string }
  /** Unreachable (502) or no answer in time (504). */
  | { kind: 'failed'; status: 502 | 504; reason: string; code?: string };

export interface DialOptions {
  url: string;
  offered: string[];
  headers: Record<string, string | string[]>;
  tls?: UpstreamTlsOptions;
  timeoutMs: number;
}

/** Bytes of a refusal body kept to pass on to the station. */
const MAX_REFUSAL_BODY = 64 * 1024;

export interface Dial {
  result: Promise<DialResult>;
  /** Gives up (the station went away): closes whatever was opened. */
  abort(): void;
}

export function dialUpstream(o: DialOptions): Dial {
  let settle!: (r: DialResult) => void;
  const result = new Promise<DialResult>((resolve) => (settle = resolve));
  let done = false;
  let upgraded: IncomingMessage | undefined;
  let before: ListenerSnapshot | undefined;
  const ws = new WebSocket(o.url, o.offered, {
    headers: o.headers,
    autoPong: false,
    perMessageDeflate: false,
    skipUTF8Validation: true,
    followRedirects: false,
    ca: o.tls?.ca,
    cert: o.tls?.cert,
    key: o.tls?.key,
    rejectUnauthorized: o.tls?.rejectUnauthorized ?? true,
  });
  const finish = (r: DialResult) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    settle(r);
    if (r.kind !== 'open') ws.terminate();
  };
  const timer = setTimeout(() => finish({ kind: 'failed', status: 504, reason: `the CSMS did not complete the upgrade within ${o.timeoutMs} ms` }), o.timeoutMs);

  ws.on('upgrade', (res) => {
    upgraded = res;
    before = listenerSnapshot(res.socket as Socket);
  });
  ws.on('open', () => {
    // Hold the CSMS's first frames in the socket until the station's side of the pipe is ready.
    ws.pause();
    finish({ kind: 'open', ws, socket: upgraded!.socket as Socket, protocol: ws.protocol, before: before! });
  });
  ws.on('unexpected-response', (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const refused = () => {
      req.destroy();
      finish({ kind: 'refused', status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks), reason: `the CSMS answered the upgrade with HTTP ${res.statusCode}${res.statusMessage ? ' ' + res.statusMessage : ''}` });
    };
    res.on('data', (c: Buffer) => {
      if (size < MAX_REFUSAL_BODY) chunks.push(c.subarray(0, MAX_REFUSAL_BODY - size));
      size += c.length;
      if (size >= MAX_REFUSAL_BODY) refused();
    });
    res.on('end', refused);
    res.on('error', refused);
  });
  // Stays attached for the socket's life: an error after the session took over must not be unhandled.
  ws.on('error', (err: Error & { code?: string }) => {
    if (upgraded && /no subprotocol/.test(err.message)) finish({ kind: 'no-subprotocol', reason: 'the CSMS completed the upgrade without selecting any of the offered subprotocols' });
    else finish({ kind: 'failed', status: 502, reason: `cannot reach the CSMS: ${err.message}`, code: err.code });
  });
  return {
    result,
    abort: () => {
      if (done) ws.terminate();
      else finish({ kind: 'failed', status: 502, reason: 'the station went away during the upgrade' });
    },
  };
}
