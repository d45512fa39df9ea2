import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * Test peers built from plain `ws`: a CSMS and stations that record every message exactly as received, and
 * promise helpers with bounded waits (no sleeps). Shared by the proxy integration tests.
 */
export const WAIT_MS = 5000;

export interface Received {
  data: Buffer;
  binary: boolean;
}

/** Wraps one socket: collects messages and the close, and lets a test await the next of each. */
export class Peer {
  readonly received: Received[] = [];
  readonly pings: Buffer[] = [];
  readonly pongs: Buffer[] = [];
  closed?: { code: number; reason: string };
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket, readonly request?: IncomingMessage) {
    ws.on('message', (data: Buffer, binary: boolean) => this.push(() => this.received.push({ data, binary })));
    ws.on('ping', (d: Buffer) => this.push(() => this.pings.push(d)));
    ws.on('pong', (d: Buffer) => this.push(() => this.pongs.push(d)));
    ws.on('close', (code: number, reason: Buffer) => this.push(() => (this.closed = { code, reason: reason.toString() })));
    ws.on('error', () => {});
  }

  /** Resolves once `count` messages have arrived; returns the one at index count-1. */
  async message(count = this.received.length + 1, ms = WAIT_MS): Promise<Received> {
    await this.until(() => this.received.length >= count, ms, `message #${count}`);
    return this.received[count - 1];
  }

  async text(count?: number, ms?: number): Promise<string> {
    return (await this.message(count, ms)).data.toString('utf8');
  }

  async closeEvent(ms = WAIT_MS): Promise<{ code: number; reason: string }> {
    await this.until(() => this.closed !== undefined, ms, 'close');
    return this.closed!;
  }

  until(check: () => boolean, ms = WAIT_MS, what = 'condition'): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      };
      this.waiters.push(waiter);
    });
  }

  private push(apply: () => void): void {
    apply();
    for (const w of [...this.waiters]) w();
  }
}

export interface TestCsms {
  url: string;
  port: number;
  server: Server;
  wss: WebSocketServer;
  peers: Peer[];
  /** Resolves with the n-th station connection (1-based). */
  connection(n?: number, ms?: number): Promise<Peer>;
  close(): Promise<void>;
}

export interface CsmsOptions {
  /** Subprotocols this CSMS accepts, in preference order; default the three OCPP ones. */
  accept?: string[];
  /** Answer the upgrade with this HTTP status instead (e.g. 401). */
  refuseWith?: number;
  /** Called for each message; return text to send back. */
  answer?: (text: string, peer: Peer) => string | undefined;
  /** Never answer upgrades (a CSMS that hangs). */
  hang?: boolean;
}

export async function startCsms(o: CsmsOptions = {}): Promise<TestCsms> {
  const accept = o.accept ?? ['ocpp1.6', 'ocpp2.0.1', 'ocpp2.1'];
  const server = createServer();
  const wss = new WebSocketServer({
    noServer: true,
    autoPong: false,
    perMessageDeflate: false,
    skipUTF8Validation: true,
    handleProtocols: (offered) => [...offered].find((p) => accept.includes(p)) ?? false,
  });
  const peers: Peer[] = [];
  const waiters = new Set<() => void>();
  server.on('upgrade', (req, socket, head) => {
    if (o.hang) return;
    if (o.refuseWith) {
      socket.end(`HTTP/1.1 ${o.refuseWith} Nope\r\nWWW-Authenticate: Basic realm="csms"\r\nContent-Length: 6\r\nConnection: close\r\n\r\nrefuse`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const peer = new Peer(ws, req);
      if (o.answer) {
        ws.on('message', (data: Buffer) => {
          const reply = o.answer!(data.toString('utf8'), peer);
          if (reply !== undefined) ws.send(reply);
        });
      }
      peers.push(peer);
      for (const w of [...waiters]) w();
    });
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}/ocpp`,
    port,
    server,
    wss,
    peers,
    connection: (n = 1, ms = WAIT_MS) =>
      new Promise<Peer>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for CSMS connection #${n}`)), ms);
        const check = () => {
          if (peers.length >= n) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(peers[n - 1]);
          }
        };
        waiters.add(check);
        check();
      }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Opens a station connection; resolves when open, rejects with the HTTP status on refusal. */
export function connectStation(url: string, protocols: string | string[] = 'ocpp1.6', options: WebSocket.ClientOptions = {}): Promise<Peer> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { autoPong: false, perMessageDeflate: false, skipUTF8Validation: true, ...options });
    const peer = new Peer(ws);
    ws.once('open', () => resolve(peer));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, headers: res.headers, body })));
    });
    ws.once('error', (e) => reject(e));
  });
}

/** Every JSON line of a frame log. */
export function readLog(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function frames(log: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return log.filter((r) => typeof r.dir === 'string');
}

export function events(log: Array<Record<string, unknown>>, name?: string): Array<Record<string, unknown>> {
  return log.filter((r) => typeof r.event === 'string' && (name === undefined || r.event === name));
}

/** Rejects after `ms` with a message naming what was awaited. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}
