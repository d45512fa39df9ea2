import type { IncomingMessage, ServerResponse } from 'node:http';
import httpProxy from 'http-proxy';
import type { UpstreamTlsOptions } from './types.js';

/**
 * Plain HTTP requests (OCPP 1.5 / 1.6S SOAP, health checks) go to the CSMS's origin unchanged through
 * http-proxy; each becomes one `http` event record: method, path, status, body sizes, SOAP action and, when
 * the SOAP header names it, the station (chargeBoxIdentity).
 */
export interface HttpRecord {
  station: string;
  method: string;
  path: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
  durationMs: number;
  soapAction?: string;
  error?: string;
}

/** How much of a request body is kept to find the SOAP action and station identity. */
const SNIFF_BYTES = 8 * 1024;

export function createHttpPassthrough(upstream: URL, tls: UpstreamTlsOptions | undefined, timeoutMs: number, publish: (r: HttpRecord) => void) {
  const secure = upstream.protocol === 'wss:' || upstream.protocol === 'https:';
  const target = {
    protocol: secure ? 'https:' : 'http:',
    host: upstream.hostname,
    hostname: upstream.hostname,
    port: upstream.port || (secure ? '443' : '80'),
    ca: tls?.ca,
    cert: tls?.cert,
    key: tls?.key,
  };
  const proxy = httpProxy.createProxyServer({
    target: target as unknown as string,
    secure: tls?.rejectUnauthorized ?? true,
    changeOrigin: true,
    proxyTimeout: timeoutMs,
  });
  const seen = new WeakMap<IncomingMessage, { responseBytes: number; error?: string }>();
  proxy.on('proxyRes', (proxyRes, req) => {
    const s = seen.get(req);
    if (s) proxyRes.on('data', (c: Buffer) => (s.responseBytes += c.length));
  });
  proxy.on('error', (err, req, res) => {
    const s = seen.get(req);
    if (s) s.error = err.message;
    const r = res as ServerResponse;
    if (typeof r.writeHead === 'function' && !r.headersSent) {
      r.writeHead(502, { 'content-type': 'text/plain' });
      r.end(`ocpp-harness proxy: cannot reach the CSMS: ${err.message}\n`);
    } else if (typeof r.destroy === 'function') r.destroy();
  });

  return {
    handle(req: IncomingMessage, res: ServerResponse): void {
      const started = Date.now();
      const s = { responseBytes: 0 } as { responseBytes: number; error?: string };
      seen.set(req, s);
      try {
        proxy.web(req, res);
      } catch (e) {
        s.error = e instanceof Error ? e.message : String(e);
        if (!res.headersSent) res.writeHead(502).end();
      }
      let requestBytes = 0;
      const head: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        if (requestBytes < SNIFF_BYTES) head.push(c);
        requestBytes += c.length;
      });
      res.on('close', () => {
        const body = Buffer.concat(head).subarray(0, SNIFF_BYTES).toString('utf8');
        const record: HttpRecord = {
          station: soapStation(body) ?? '',
          method: req.method ?? '',
          path: req.url ?? '',
          status: res.statusCode,
          requestBytes,
          responseBytes: s.responseBytes,
          durationMs: Date.now() - started,
        };
        const action = soapAction(req, body);
        if (action) record.soapAction = action;
        if (s.error) record.error = s.error;
        publish(record);
      });
    },
    close(): void {
      proxy.close();
    },
  };
}

/** SOAP 1.1 names the action in the SOAPAction header, SOAP 1.2 in the content type; else the body element. */
function soapAction(req: IncomingMessage, body: string): string | undefined {
  const header = req.headers.soapaction;
  if (typeof header === 'string' && header.trim() !== '') return header.trim().replace(/^"|"$/g, '');
  const type = /action="?([^";]+)"?/i.exec(req.headers['content-type'] ?? '');
  if (type) return type[1];
  const wsa = /<(?:\w+:)?Action[^>]*>([^<]+)</.exec(body);
  return wsa?.[1].trim();
}

function soapStation(body: string): string | undefined {
  return /<(?:\w+:)?chargeBoxIdentity[^>]*>([^<]*)</i.exec(body)?.[1].trim();
}
