import { expect } from 'chai';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy, type ProxyHandle } from '../../src/proxy/proxy-server.js';
import { connectStation, events, frames, readLog, startCsms, within } from './proxy-fixtures.js';
import { MAX_INSPECTED_MESSAGE } from '../../src/proxy/frame-tap.js';

/**
 * Observe mode relays the bytes of the WebSocket connection themselves: both ends here speak RFC 6455 by hand
 * on raw TCP sockets, so the test sees frame boundaries, masks and control frames exactly as they crossed.
 */
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const accept = (key: string) => createHash('sha1').update(key + GUID).digest('base64');

/** One frame; `mask` given: masked with it (station to CSMS), as the RFC requires of clients. */
function frame(opcode: number, payload: Buffer, o: { fin?: boolean; mask?: Buffer; rsv1?: boolean } = {}): Buffer {
  const head = [((o.fin ?? true) ? 0x80 : 0) | (o.rsv1 ? 0x40 : 0) | opcode];
  if (payload.length < 126) head.push((o.mask ? 0x80 : 0) | payload.length);
  else head.push((o.mask ? 0x80 : 0) | 126, payload.length >> 8, payload.length & 0xff);
  if (!o.mask) return Buffer.concat([Buffer.from(head), payload]);
  const masked = Buffer.from(payload.map((b, i) => b ^ o.mask![i % 4]));
  return Buffer.concat([Buffer.from(head), o.mask, masked]);
}

/** A CSMS on a raw socket: completes the upgrade by hand, then records every byte. */
async function rawCsms(): Promise<{ server: Server; port: number; conn: Promise<{ socket: Socket; bytes: () => Buffer; wait: (n: number) => Promise<Buffer> }> }> {
  let resolveConn!: (c: { socket: Socket; bytes: () => Buffer; wait: (n: number) => Promise<Buffer> }) => void;
  const conn = new Promise<{ socket: Socket; bytes: () => Buffer; wait: (n: number) => Promise<Buffer> }>((r) => (resolveConn = r));
  const server = createServer((socket) => {
    let buf = Buffer.alloc(0);
    let upgraded = false;
    const waiters: Array<{ n: number; resolve: (b: Buffer) => void }> = [];
    const check = () => {
      for (const w of [...waiters]) if (buf.length >= w.n) (waiters.splice(waiters.indexOf(w), 1), w.resolve(buf.subarray(0, w.n)));
    };
    socket.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      if (!upgraded) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const key = /sec-websocket-key: *(\S+)/i.exec(buf.subarray(0, end).toString('latin1'))![1];
        socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept(key)}\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n`);
        upgraded = true;
        buf = buf.subarray(end + 4);
        resolveConn({ socket, bytes: () => buf, wait: (n) => new Promise((resolve) => (waiters.push({ n, resolve }), check())) });
      }
      check();
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port, conn };
}

/** A station on a raw socket: upgrades by hand; `wait(n)` resolves with the first n bytes after the 101. */
function rawStation(url: string): Promise<{ socket: Socket; wait: (n: number) => Promise<Buffer> }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(u.port), u.hostname);
    let buf = Buffer.alloc(0);
    let upgraded = false;
    const waiters: Array<{ n: number; resolve: (b: Buffer) => void }> = [];
    const check = () => {
      for (const w of [...waiters]) if (buf.length >= w.n) (waiters.splice(waiters.indexOf(w), 1), w.resolve(buf.subarray(0, w.n)));
    };
    socket.on('connect', () => socket.write(`GET ${u.pathname} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n`));
    socket.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      if (!upgraded) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        if (!buf.subarray(0, 12).toString().includes('101')) return reject(new Error(buf.toString()));
        upgraded = true;
        buf = buf.subarray(end + 4);
        resolve({ socket, wait: (n) => new Promise((r) => (waiters.push({ n, resolve: r }), check())) });
      }
      check();
    });
    socket.on('error', reject);
  });
}

describe('proxy: observe mode relays the WebSocket bytes themselves', () => {
  let dir: string;
  let proxy: ProxyHandle | undefined;
  let server: Server | undefined;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'proxy-relay-'))));
  afterEach(async () => {
    await proxy?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers fragments, masks and interleaved control frames unchanged in both directions, and logs whole messages', async () => {
    const csms = await rawCsms();
    server = csms.server;
    proxy = await startProxy({ port: 0, upstream: `ws://127.0.0.1:${csms.port}`, log: { dir } });
    const station = await rawStation(`${proxy.url}/CP-RAW`);
    const upstream = await within(csms.conn, 5000, 'upstream connection');

    const mask = randomBytes(4);
    const up = Buffer.concat([
      frame(0x1, Buffer.from('[2,"1","Heart'), { fin: false, mask }),
      frame(0x9, Buffer.from('ping!'), { mask }),
      frame(0x0, Buffer.from('beat",{}]'), { mask }),
      frame(0x2, Buffer.from([0, 1, 2, 255]), { mask: randomBytes(4) }),
    ]);
    station.socket.write(up);
    expect((await within(upstream.wait(up.length), 5000, 'station bytes')).equals(up)).to.equal(true);

    const down = Buffer.concat([frame(0xa, Buffer.from('ping!')), frame(0x1, Buffer.from('[3,"1",'), { fin: false }), frame(0x0, Buffer.from('{"currentTime":"2024-01-01T00:00:00Z"}]'))]);
    upstream.socket.write(down);
    expect((await within(station.wait(down.length), 5000, 'CSMS bytes')).equals(down)).to.equal(true);

    const closing = Buffer.concat([frame(0x8, Buffer.from([0x03, 0xe8, 0x62, 0x79, 0x65]), { mask })]);
    station.socket.write(closing);
    expect((await within(upstream.wait(up.length + closing.length), 5000, 'close frame')).subarray(up.length).equals(closing)).to.equal(true);
    upstream.socket.end(frame(0x8, Buffer.from([0x03, 0xe8])));
    await within(new Promise((r) => station.socket.once('close', r)), 5000, 'station socket closed');

    await proxy.close();
    const log = readLog(proxy.logFile!);
    expect(frames(log).map((f) => [f.dir, f.type, f.raw])).to.deep.equal([
      ['cs->csms', 'CALL', '[2,"1","Heartbeat",{}]'],
      ['cs->csms', 'INVALID', Buffer.from([0, 1, 2, 255]).toString('base64')],
      ['csms->cs', 'CALLRESULT', '[3,"1",{"currentTime":"2024-01-01T00:00:00Z"}]'],
    ]);
    expect(events(log, 'close')[0]).to.deep.include({ by: 'cs', code: 1000, reason: 'bye', forwardedCode: 1000, peerCode: 1000 });
  });

  it('forwards frames that break RFC 6455 unchanged, logs the protocol error, and keeps relaying', async () => {
    const csms = await rawCsms();
    server = csms.server;
    proxy = await startProxy({ port: 0, upstream: `ws://127.0.0.1:${csms.port}`, log: { dir } });
    const station = await rawStation(`${proxy.url}/CP-BAD`);
    const upstream = await within(csms.conn, 5000, 'upstream connection');
    // RSV1 set without a negotiated extension, then an unmasked frame from a client: both are protocol errors.
    const bad = Buffer.concat([frame(0x1, Buffer.from('[2,"1","Heartbeat",{}]'), { rsv1: true, mask: randomBytes(4) }), frame(0x1, Buffer.from('[2,"2","Heartbeat",{}]'))]);
    station.socket.write(bad);
    expect((await within(upstream.wait(bad.length), 5000, 'bad bytes')).equals(bad)).to.equal(true);
    const answer = frame(0x1, Buffer.from('[3,"1",{"currentTime":"2024-01-01T00:00:00Z"}]'));
    upstream.socket.write(answer);
    expect((await within(station.wait(answer.length), 5000, 'answer')).equals(answer)).to.equal(true);

    // Both ends hang up without closing handshakes (this raw CSMS would never answer the proxy's close frame).
    upstream.socket.destroy();
    station.socket.destroy();
    await proxy.close();
    const log = readLog(proxy.logFile!);
    const [problem] = events(log, 'protocol-error');
    expect(problem).to.deep.include({ side: 'cs', station: 'CP-BAD' });
    expect(problem.message).to.match(/RSV1/);
    expect(frames(log).map((f) => f.dir)).to.deep.equal(['csms->cs']);
  });

  it('forwards a message too large to inspect whole, and says it stopped inspecting that direction', async () => {
    const csms = await startCsms();
    try {
      proxy = await startProxy({ port: 0, upstream: csms.url, log: { dir } });
      const station = await connectStation(`${proxy.url}/CP-BIG`);
      const upstream = await csms.connection();
      const big = `[2,"1","DataTransfer",{"vendorId":"x","data":"${'a'.repeat(MAX_INSPECTED_MESSAGE)}"}]`;
      station.ws.send(big);
      expect((await upstream.message()).data.length).to.equal(big.length);
      await proxy.close();
      const log = readLog(proxy.logFile!);
      expect(events(log, 'protocol-error')[0]).to.deep.include({ side: 'cs', code: 'message-too-large' });
      expect(frames(log)).to.deep.equal([]);
    } finally {
      await csms.close();
    }
  });
});
