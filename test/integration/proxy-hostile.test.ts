import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startProxy, type ProxyHandle } from '../../src/proxy/proxy-server.js';
import { killRecordThread } from '../../src/proxy/record-worker.js';
import { connectStation, events, frames, readLog, startCsms, within, type TestCsms } from './proxy-fixtures.js';

type Rec = Record<string, unknown>;

/** Sends raw bytes to the proxy and resolves with everything it answers before closing. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(text));
    let got = '';
    s.on('data', (c) => (got += c.toString('latin1')));
    s.on('close', () => resolve(got));
    s.on('error', reject);
  });
}
const rules = (f: Rec) => (f.errors as Array<{ rule: string }>).map((e) => e.rule);

describe('proxy: hostile and odd input', () => {
  let dir: string;
  let csms: TestCsms;
  let proxy: ProxyHandle;

  async function setup(csmsOptions: Parameters<typeof startCsms>[0] = {}, proxyOptions: Partial<Parameters<typeof startProxy>[0]> = {}) {
    csms = await startCsms(csmsOptions);
    proxy = await startProxy({ port: 0, upstream: csms.url, log: { dir }, ...proxyOptions });
  }
  async function finish(): Promise<Rec[]> {
    await proxy.close();
    return readLog(proxy.logFile!);
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'proxy-hostile-'));
  });
  afterEach(async () => {
    await proxy?.close();
    await csms?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('forwards non-JSON, unknown type ids and deeply nested frames unchanged and logs each with a finding', async () => {
    await setup();
    const station = await connectStation(`${proxy.url}/CP1`);
    const upstream = await csms.connection();
    const deep = `[2,"9","DataTransfer",{"vendorId":"x","data":${'['.repeat(200_000)}${']'.repeat(200_000)}}]`;
    const sent = ['hello, not json', '[7,"1",{}]', '{"an":"object"}', '[2,"1"]', '', deep];
    for (const text of sent) station.ws.send(text);
    for (let i = 0; i < sent.length; i++) expect((await upstream.message(i + 1)).data.toString()).to.equal(sent[i]);
    const logged = frames(await finish());
    expect(logged.map((f) => f.raw)).to.deep.equal(sent);
    expect(logged.every((f) => f.valid === false)).to.equal(true);
    expect(rules(logged[0])).to.include('frame.not-json');
    expect(rules(logged[1])).to.include('frame.unknown-type');
    expect(rules(logged[2])).to.include('frame.not-array');
  });

  it('forwards 1 MiB frames both ways byte-exact', async () => {
    await setup();
    const station = await connectStation(`${proxy.url}/CP1`);
    const upstream = await csms.connection();
    const big = `[2,"1","DataTransfer",{"vendorId":"big","data":"${'x'.repeat(1024 * 1024)}"}]`;
    station.ws.send(big);
    expect((await upstream.message()).data.equals(Buffer.from(big))).to.equal(true);
    const answer = `[3,"1",{"status":"Accepted","data":"${'y'.repeat(1024 * 1024)}"}]`;
    upstream.ws.send(answer);
    expect((await station.message()).data.equals(Buffer.from(answer))).to.equal(true);
    const logged = frames(await finish());
    expect(logged.map((f) => (f.raw as string).length)).to.deep.equal([big.length, answer.length]);
  });

  it('passes invalid UTF-8 through unchanged as a text frame and flags it, keeping the exact bytes', async () => {
    await setup();
    const station = await connectStation(`${proxy.url}/CP1`);
    const upstream = await csms.connection();
    const bytes = Buffer.concat([Buffer.from('[2,"1","Heartbeat",{"x":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}]')]);
    station.ws.send(bytes, { binary: false });
    const got = await upstream.message();
    expect(got.binary).to.equal(false);
    expect(got.data.equals(bytes)).to.equal(true);
    const [f] = frames(await finish());
    expect(rules(f)).to.include('frame.invalid-utf8');
    expect(f.valid).to.equal(false);
    expect(Buffer.from(f.rawBytes as string, 'base64').equals(bytes)).to.equal(true);
  });

  it('logs a fragmented message once, as the whole message, and delivers it whole', async () => {
    await setup();
    const station = await connectStation(`${proxy.url}/CP1`);
    const upstream = await csms.connection();
    station.ws.send('[2,"1","Heart', { fin: false });
    station.ws.send('beat",{}]', { fin: true });
    expect(await upstream.text()).to.equal('[2,"1","Heartbeat",{}]');
    const logged = frames(await finish());
    expect(logged).to.have.length(1);
    expect(logged[0]).to.deep.include({ type: 'CALL', action: 'Heartbeat' });
  });

  it('survives a station that disconnects mid-call and keeps serving others', async () => {
    await setup();
    const station = await connectStation(`${proxy.url}/CP1`);
    const upstream = await csms.connection();
    station.ws.send('[2,"1","Heartbeat",{}]');
    await upstream.message();
    station.ws.terminate();
    upstream.ws.send('[3,"1",{"currentTime":"2024-01-01T00:00:00Z"}]');
    expect((await upstream.closeEvent()).code).to.equal(1001);
    const again = await connectStation(`${proxy.url}/CP2`);
    (await csms.connection(2)).ws.send('[2,"x","Reset",{"type":"Soft"}]');
    expect(await again.text()).to.equal('[2,"x","Reset",{"type":"Soft"}]');
    const log = await finish();
    expect(frames(log)[0]).to.deep.include({ station: 'CP1', action: 'Heartbeat' });
    expect(events(log, 'close').find((e) => e.station === 'CP1')).to.deep.include({ by: 'cs', forwardedCode: 1001 });
  });

  it('answers 502 when the CSMS is down, and logs why', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    proxy = await startProxy({ port: 0, upstream: `ws://127.0.0.1:${port}/ocpp`, log: { dir } });
    const err = await connectStation(`${proxy.url}/CP1`).catch((e: { status?: number }) => e);
    expect(err).to.have.property('status', 502);
    const [failed] = events(await finish(), 'upstream-failed');
    expect(failed).to.deep.include({ station: 'CP1', status: 502, code: 'ECONNREFUSED' });
  });

  it('answers 504 when the CSMS does not answer the upgrade in time', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as { port: number }).port;
      proxy = await startProxy({ port: 0, upstream: `ws://127.0.0.1:${port}`, log: { dir }, upstreamTimeoutMs: 200 });
      const err = await connectStation(`${proxy.url}/CP1`).catch((e: { status?: number }) => e);
      expect(err).to.have.property('status', 504);
      expect(events(await finish(), 'upstream-failed')[0]).to.deep.include({ status: 504 });
    } finally {
      silent.close();
    }
  });

  it('flags answers slower than the response timeout, still forwarding them', async () => {
    await setup({ answer: () => undefined }, { responseTimeoutMs: 20 });
    const station = await connectStation(`${proxy.url}/CP1`);
    const upstream = await csms.connection();
    station.ws.send('[2,"1","Heartbeat",{}]');
    await upstream.message();
    // The CSMS is slow: it answers well after the proxy's response timeout.
    await new Promise((r) => setTimeout(r, 60));
    upstream.ws.send('[3,"1",{"currentTime":"2024-01-01T00:00:00Z"}]');
    await station.message();
    const answer = frames(await finish())[1];
    expect(rules(answer)).to.include('rpc.late-response');
    expect(answer.latencyMs as number).to.be.greaterThan(20);
  });

  it('passes on a CSMS that closes with 4000 right after accepting', async () => {
    await setup();
    const station = await connectStation(`${proxy.url}/CP1`);
    (await csms.connection()).ws.close(4000, 'go away');
    expect(await station.closeEvent()).to.deep.equal({ code: 4000, reason: 'go away' });
  });

  it('mirrors a CSMS that agrees to no subprotocol, and logs the finding', async () => {
    await setup({ accept: ['ocpp2.0.1'] });
    const err = await connectStation(`${proxy.url}/CP1`, 'ocpp1.6').catch((e: Error) => e);
    expect(String(err)).to.match(/no subprotocol/);
    const [failed] = events(await finish(), 'upstream-failed');
    expect(failed).to.deep.include({ station: 'CP1', status: 101 });
    expect(failed.finding).to.deep.include({ rule: 'handshake.no-subprotocol' });
  });

  it('passes a 401 from the CSMS on with its headers and body', async () => {
    await setup({ refuseWith: 401 });
    const err = (await connectStation(`${proxy.url}/CP1`).catch((e) => e)) as { status: number; headers: Rec; body: string };
    expect(err.status).to.equal(401);
    expect(err.headers['www-authenticate']).to.equal('Basic realm="csms"');
    expect(err.body).to.equal('refuse');
    expect(events(await finish(), 'upstream-failed')[0]).to.deep.include({ status: 401 });
  });

  it('logs a handshake finding for a station that offers no OCPP subprotocol, and lets the CSMS decide', async () => {
    await setup();
    const station = await connectStation(`${proxy.url}/CP1`, []);
    expect(station.ws.protocol).to.equal('');
    const log = await finish();
    expect(events(log, 'handshake')[0].finding).to.deep.include({ rule: 'handshake.no-subprotocol' });
    expect(events(log, 'open')[0]).to.deep.include({ versionAssumed: true, version: '1.6' });
  });

  it('refuses malformed upgrades and paths without an identity with 400, without dialling', async () => {
    await setup();
    const err = await connectStation(`${proxy.url}/`).catch((e) => e);
    expect(err).to.have.property('status', 400);
    const res = await rawRequest(proxy.port, 'GET /CP1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
    expect(res).to.match(/^HTTP\/1.1 400 /);
    expect(csms.peers).to.have.length(0);
    expect(events(await finish(), 'refused')).to.have.length(2);
  });

  it('keeps traffic flowing when an observer throws, and logs the failure', async () => {
    await setup();
    proxy.on('frame', () => {
      throw new Error('observer bug');
    });
    const station = await connectStation(`${proxy.url}/CP1`);
    const upstream = await csms.connection();
    station.ws.send('[2,"1","Heartbeat",{}]');
    station.ws.send('[2,"2","Heartbeat",{}]');
    await upstream.message(2);
    expect((await proxy.stats()).observerErrors).to.equal(2);
    const log = await finish();
    expect(frames(log)).to.have.length(2);
    expect(events(log, 'observer-error')[0]).to.deep.include({ message: 'observer bug', station: 'CP1' });
  });

  it('stops reading from a station whose CSMS cannot keep up, then delivers everything in order', async () => {
    await setup({}, { highWaterMark: 64 * 1024 });
    const station = await connectStation(`${proxy.url}/CP1`);
    const upstream = await csms.connection();
    upstream.ws.pause();
    const chunk = 'z'.repeat(256 * 1024);
    // 12 MiB against a 64 KiB high-water mark: far past it, yet quick on a loaded machine.
    const count = 48;
    for (let i = 0; i < count; i++) station.ws.send(`[2,"${i}","DataTransfer",{"vendorId":"v","data":"${chunk}"}]`);
    // The proxy paused the station's socket, so the station's own send queue backs up instead of the proxy's memory.
    await within(new Promise((resolve) => proxy.on('event', (e) => e.event === 'backpressure' && resolve(e))), 5000, 'a backpressure pause');
    expect(station.ws.bufferedAmount).to.be.greaterThan(0);
    upstream.ws.resume();
    await upstream.message(count, 30000);
    upstream.received.forEach((m, i) => expect(m.data.subarray(0, 12).toString()).to.equal(`[2,"${i}","DataTransfer"`.slice(0, 12)));
    expect(frames(await finish())).to.have.length(count);
  });

  it('stops reading while the inspection and log are too far behind, then goes on with nothing lost', async () => {
    // A 1-byte bound: every message puts the record thread behind, so reading stops and resumes again and again.
    await setup({}, { recordBacklogBytes: 1 });
    const holds: Rec[] = [];
    proxy.on('event', (e) => e.event === 'backpressure' && holds.push(e));
    const station = await connectStation(`${proxy.url}/CP1`);
    const upstream = await csms.connection();
    const count = 300;
    const sent = Array.from({ length: count }, (_, i) => `[2,"${i}","DataTransfer",{"vendorId":"v","data":"${'d'.repeat(i * 10)}"}]`);
    for (const text of sent) station.ws.send(text);
    await upstream.message(count, 30000);
    expect(upstream.received.map((m) => m.data.toString())).to.deep.equal(sent);
    const log = await finish();
    expect(frames(log).map((f) => f.raw)).to.deep.equal(sent);
    expect(holds.length).to.be.greaterThan(0);
    expect(holds[0]).to.deep.include({ paused: 'cs' });
    expect(holds[0].recordBacklogBytes).to.be.greaterThan(1);
  });

  it('keeps forwarding when its record thread dies, and says that frames are no longer checked or logged', async () => {
    await setup();
    const said: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => (said.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      const station = await connectStation(`${proxy.url}/CP1`);
      const upstream = await csms.connection();
      station.ws.send('[2,"1","Heartbeat",{}]');
      await upstream.message(1);
      await killRecordThread();
      station.ws.send('[2,"2","Heartbeat",{}]');
      expect(await upstream.text(2)).to.equal('[2,"2","Heartbeat",{}]');
      upstream.ws.send('[3,"2",{"currentTime":"2024-01-01T00:00:00Z"}]');
      expect(await station.text(1)).to.equal('[3,"2",{"currentTime":"2024-01-01T00:00:00Z"}]');
      await within(proxy.close(), 10_000, 'the proxy closing');
    } finally {
      process.stderr.write = write;
    }
    expect(said.join('')).to.include('the record thread stopped');
    expect(said.join('')).to.include('frames are still forwarded, but no longer checked or logged');
    // The next proxy in the process gets a new thread, and it checks and logs again.
    await csms.close();
    await setup();
    const station = await connectStation(`${proxy.url}/CP2`);
    station.ws.send('[2,"1","Heartbeat",{}]');
    await (await csms.connection()).message(1);
    expect(frames(await finish()).map((f) => f.raw)).to.deep.equal(['[2,"1","Heartbeat",{}]']);
  });

  it('handles 200 stations connecting at once, each with its own conversation, all logged', async () => {
    await setup({ answer: (text) => `[3,${JSON.stringify(JSON.parse(text)[1])},{"status":"Accepted","currentTime":"2024-01-01T00:00:00Z","interval":60}]` });
    const n = 200;
    const stations = await within(Promise.all(Array.from({ length: n }, (_, i) => connectStation(`${proxy.url}/CP${i}`))), 10000, '200 stations');
    stations.forEach((s, i) => s.ws.send(`[2,"boot","BootNotification",{"chargePointVendor":"V","chargePointModel":"M${i}"}]`));
    await within(Promise.all(stations.map((s) => s.message())), 10000, '200 answers');
    for (const s of stations) s.ws.close(1000);
    await within(Promise.all(stations.map((s) => s.closeEvent())), 10000, '200 closes');
    const log = await finish();
    const logged = frames(log);
    expect(logged).to.have.length(2 * n);
    // Every station reused the id "boot": per-connection state means no duplicate-id findings.
    expect(logged.every((f) => f.valid === true)).to.equal(true);
    expect(new Set(logged.map((f) => f.conn)).size).to.equal(n);
    expect(events(log, 'open')).to.have.length(n);
    expect(events(log, 'close')).to.have.length(n);
    expect((await proxy.stats()).stations).to.equal(n);
  });

  it('does not crash on garbage instead of a handshake, or on a station that resets mid-upgrade', async () => {
    await setup({ hang: true }, { upstreamTimeoutMs: 3000 });
    expect(await rawRequest(proxy.port, 'NOT HTTP AT ALL\r\n\r\n')).to.match(/^HTTP\/1.1 400/);
    const dialling = new Promise((r) => csms.server.once('upgrade', r));
    const ws = new WebSocket(`${proxy.url}/CP1`, 'ocpp1.6');
    ws.on('error', () => {});
    // Once the proxy is dialling the hanging CSMS, the station gives up.
    await within(dialling, 3000, 'the proxy dialling upstream');
    ws.terminate();
    const aborted = await within(new Promise<Rec>((r) => proxy.on('event', (e) => e.event === 'aborted' && r(e))), 3000, 'aborted event');
    expect(aborted).to.deep.include({ station: 'CP1' });
    const log = await finish();
    expect(log[log.length - 1].event).to.equal('proxy-stop');
  });

});
