import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * What the proxy reads from a station's upgrade request: who it is (last path segment), which subprotocols it
 * offers, where to dial upstream and which headers go along.
 */
export interface StationRequest {
  /** The identity, URL-decoded (for logs). */
  station: string;
  /** The request path and query as the station sent them. */
  path: string;
  /** Subprotocols offered, in the station's order. */
  offered: string[];
  /** `<upstream>/<identity, still URL-encoded>` plus the station's query string. */
  upstreamUrl: string;
  /** Headers that go upstream with the upgrade (Authorization among them). */
  headers: Record<string, string | string[]>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const KEY = /^[+/0-9A-Za-z]{22}==$/;

/** Headers that belong to this hop or that the WebSocket client sets itself. */
const HOP_HEADERS = new Set([
  'host', 'connection', 'upgrade', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'content-length',
  'proxy-authorization', 'proxy-connection', 'sec-websocket-key', 'sec-websocket-version',
  'sec-websocket-extensions', 'sec-websocket-protocol',
]);

/** Why this is not a WebSocket upgrade the proxy can complete (checked before dialling upstream), or undefined. */
export function upgradeProblem(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET') return `method ${req.method} is not GET`;
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') return 'Upgrade header is not "websocket"';
  if (!KEY.test(req.headers['sec-websocket-key'] ?? '')) return 'missing or invalid Sec-WebSocket-Key';
  const version = req.headers['sec-websocket-version'];
  if (version !== '13' && version !== '8') return 'missing or unsupported Sec-WebSocket-Version';
  if (parseSubprotocols(req.headers['sec-websocket-protocol']) === undefined) return 'malformed Sec-WebSocket-Protocol';
  return undefined;
}

/** The offered subprotocols; [] when none; undefined when the header is malformed. */
export function parseSubprotocols(header: string | undefined): string[] | undefined {
  if (header === undefined) return [];
  const list = header.split(',').map((p) => p.trim());
  if (list.some((p) => !TOKEN.test(p)) || new Set(list).size !== list.length) return undefined;
  return list;
}

export function readStationRequest(req: IncomingMessage, upstream: URL): StationRequest | { error: string } {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  const search = q < 0 ? '' : url.slice(q);
  const segments = pathname.split('/').filter((s) => s !== '');
  const segment = segments[segments.length - 1];
  if (segment === undefined) return { error: `no station identity in the path "${pathname}"` };
  return {
    station: decodeIdentity(segment),
    path: url,
    offered: parseSubprotocols(req.headers['sec-websocket-protocol']) ?? [],
    upstreamUrl: upstreamUrlFor(upstream, segment, search),
    headers: forwardedHeaders(req.headers),
  };
}

/** The upstream path gets the identity appended; the query strings of both are kept, upstream's first. */
export function upstreamUrlFor(upstream: URL, segment: string, search: string): string {
  const base = `${upstream.protocol}//${upstream.host}${upstream.pathname.replace(/\/+$/, '')}/${segment}`;
  const queries = [upstream.search.slice(1), search.slice(1)].filter((s) => s !== '');
  return queries.length ? `${base}?${queries.join('&')}` : base;
}

export function forwardedHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_HEADERS.has(name)) out[name] = value;
  }
  return out;
}

function decodeIdentity(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The upstream URL without credentials, for logs. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}
