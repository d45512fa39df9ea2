import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redactFrameRecord } from '../log/redact.js';
import type { ConnectionEventRecord } from '../types.js';
import { LIVE_VIEW_CSP, LIVE_VIEW_PAGE } from './live-view-page.js';
import type { ProxyFrameRecord } from './types.js';

/**
 * `proxy --ui PORT`: frames and connection events live in a browser. One page and one Server-Sent Events stream of
 * the records, redacted exactly as in the frame log. A browser that opens late gets the last `backlog` records
 * first; one that cannot keep up misses records (and is told how many) rather than making the proxy buffer them.
 * It listens on 127.0.0.1 unless told otherwise, and answers only requests addressed to that host, so a web page
 * elsewhere cannot read the traffic through a rebound DNS name.
 */
export interface LiveViewOptions {
  port: number;
  host?: string;
  /** Records kept for browsers that connect later. Default 2000. */
  backlog?: number;
}

/** Bytes queued towards one browser before records for it are skipped. */
const MAX_QUEUED = 1024 * 1024;

interface Client {
  res: ServerResponse;
  skipped: number;
}

export class LiveView {
  readonly url: string;
  private readonly ring: string[] = [];
  private readonly clients = new Set<Client>();

  private constructor(
    private readonly server: Server,
    private readonly backlog: number,
    private readonly allowedHosts: Set<string>,
  ) {
    this.url = `http://${[...allowedHosts][0]}/`;
  }

  static async start(o: LiveViewOptions): Promise<LiveView> {
    const host = o.host ?? '127.0.0.1';
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((e: NodeJS.ErrnoException) => {
      throw new Error(`cannot serve the live view on ${host}:${o.port}: ${e.code ?? e.message}`);
    });
    const { port } = server.address() as AddressInfo;
    const names = host === '127.0.0.1' || host === '0.0.0.0' || host === 'localhost' ? ['127.0.0.1', 'localhost'] : [host.includes(':') ? `[${host}]` : host];
    const view = new LiveView(server, o.backlog ?? 2000, new Set(names.map((n) => `${n}:${port}`)));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => view.handle(req, res));
    return view;
  }

  frame(record: ProxyFrameRecord): void {
    this.publish('frame', JSON.stringify(redactFrameRecord(record)));
  }

  event(record: ConnectionEventRecord): void {
    this.publish('event', JSON.stringify(record));
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.res.end();
    this.clients.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private publish(kind: 'frame' | 'event', json: string): void {
    const message = `event: ${kind}\ndata: ${json}\n\n`;
    this.ring.push(message);
    if (this.ring.length > this.backlog) this.ring.shift();
    for (const c of this.clients) this.send(c, message);
  }

  private send(c: Client, message: string): void {
    if (c.res.writableLength > MAX_QUEUED) {
      c.skipped++;
      return;
    }
    if (c.skipped > 0) {
      c.res.write(`event: skipped\ndata: ${c.skipped}\n\n`);
      c.skipped = 0;
    }
    c.res.write(message);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (!this.allowedHosts.has(req.headers.host ?? '')) return plain(res, 421, 'This live view answers only requests addressed to its own host and port.');
    if (req.method !== 'GET') return plain(res, 405, 'Only GET.');
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': LIVE_VIEW_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
      return void res.end(LIVE_VIEW_PAGE);
    }
    if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      // Headers go out at once, so the browser sees the stream open even before the first record.
      res.flushHeaders();
      const client: Client = { res, skipped: 0 };
      for (const m of this.ring) res.write(m);
      this.clients.add(client);
      req.on('close', () => this.clients.delete(client));
      return;
    }
    plain(res, 404, 'Not found: the live view is at / and its stream at /events.');
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text + '\n');
}
