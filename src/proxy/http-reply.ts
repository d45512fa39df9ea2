import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';

/** Response headers that describe this hop, not the CSMS's answer: recomputed here. */
const SKIP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);

/**
 * Answers a station's upgrade request with a plain HTTP response on its raw socket and closes it: used to
 * pass on the CSMS's refusal (same status, headers such as WWW-Authenticate, and body) or the proxy's 4xx/5xx.
 */
export function replyAndClose(socket: Duplex, status: number, headers: IncomingHttpHeaders = {}, body: Buffer | string = ''): void {
  if (socket.destroyed) return;
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}`];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || SKIP.has(name.toLowerCase())) continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${sanitize(String(v))}`);
  }
  lines.push('Connection: close', `Content-Length: ${payload.length}`);
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), payload]));
  // end() waits for the station to close its side; do not keep a dead socket around for long.
  setTimeout(() => socket.destroy(), 1000).unref();
}

function sanitize(v: string): string {
  return v.replace(/[\r\n]/g, ' ');
}
