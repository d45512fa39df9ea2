import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy, type ProxyHandle } from '../../src/proxy/proxy-server.js';
import type { FrameRecord } from '../../src/types.js';
import { connectStation, events, frames, readLog, startCsms, type Peer, type TestCsms } from './proxy-fixtures.js';

interface Step {
  from: 'cs' | 'csms';
  text: string;
  valid: boolean;
  type: string;
  action?: string;
}

const TS = '2024-05-01T12:00:00.000Z';

/** A short conversation per version: valid traffic in both directions, odd spacing, one invalid CALL. */
const SCRIPTS: Record<string, Step[]> = {
  'ocpp1.6': [
    { from: 'cs', text: '[2,"1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]', valid: true, type: 'CALL', action: 'BootNotification' },
    { from: 'csms', text: `[3, "1", {"status": "Accepted", "currentTime": "${TS}", "interval": 300}]`, valid: true, type: 'CALLRESULT', action: 'BootNotification' },
    { from: 'cs', text: '[2,"2","Heartbeat",{}]', valid: true, type: 'CALL', action: 'Heartbeat' },
    { from: 'csms', text: `[3,"2",{"currentTime":"${TS}"}]`, valid: true, type: 'CALLRESULT', action: 'Heartbeat' },
    { from: 'cs', text: '[2,"3","Authorize",{}]', valid: false, type: 'CALL', action: 'Authorize' },
    { from: 'csms', text: '[4,"3","OccurenceConstraintViolation","idTag is required",{}]', valid: true, type: 'CALLERROR', action: 'Authorize' },
    { from: 'csms', text: '[2,"s1","Reset",{"type":"Soft"}]', valid: true, type: 'CALL', action: 'Reset' },
    { from: 'cs', text: '[3,"s1",{"status":"Accepted"}]', valid: true, type: 'CALLRESULT', action: 'Reset' },
  ],
  'ocpp2.0.1': [
    { from: 'cs', text: '[2,"1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]', valid: true, type: 'CALL', action: 'BootNotification' },
    { from: 'csms', text: `[3,"1",{"currentTime":"${TS}","interval":300,"status":"Accepted"}]`, valid: true, type: 'CALLRESULT', action: 'BootNotification' },
    { from: 'cs', text: '[2, "2", "Heartbeat", {}]', valid: true, type: 'CALL', action: 'Heartbeat' },
    { from: 'csms', text: `[3,"2",{"currentTime":"${TS}"}]`, valid: true, type: 'CALLRESULT', action: 'Heartbeat' },
    { from: 'cs', text: '[2,"3","Authorize",{}]', valid: false, type: 'CALL', action: 'Authorize' },
    { from: 'csms', text: '[4,"3","OccurrenceConstraintViolation","idToken is required",{}]', valid: true, type: 'CALLERROR', action: 'Authorize' },
    { from: 'csms', text: '[2,"s1","Reset",{"type":"Immediate"}]', valid: true, type: 'CALL', action: 'Reset' },
    { from: 'cs', text: '[3,"s1",{"status":"Accepted"}]', valid: true, type: 'CALLRESULT', action: 'Reset' },
  ],
  'ocpp2.1': [
    { from: 'cs', text: '[2,"1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]', valid: true, type: 'CALL', action: 'BootNotification' },
    { from: 'csms', text: `[3,"1",{"currentTime":"${TS}","interval":300,"status":"Accepted"}]`, valid: true, type: 'CALLRESULT', action: 'BootNotification' },
    { from: 'cs', text: '[2,"2","Heartbeat",{}]', valid: true, type: 'CALL', action: 'Heartbeat' },
    { from: 'csms', text: `[3,"2",{"currentTime":"${TS}"}]`, valid: true, type: 'CALLRESULT', action: 'Heartbeat' },
    { from: 'cs', text: '[2,"3","Authorize",{}]', valid: false, type: 'CALL', action: 'Authorize' },
    { from: 'csms', text: '[4,"3","OccurrenceConstraintViolation","idToken is required",{}]', valid: true, type: 'CALLERROR', action: 'Authorize' },
    { from: 'csms', text: '[2,"s1","Reset",{"type":"Immediate"}]', valid: true, type: 'CALL', action: 'Reset' },
    { from: 'cs', text: '[3,"s1",{"status":"Accepted"}]', valid: true, type: 'CALLRESULT', action: 'Reset' },
  ],
};

describe('proxy: forwarding through plain ws peers', () => {
  let dir: string;
  let csms: TestCsms;
  let proxy: ProxyHandle;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'proxy-fwd-'));
    csms = await startCsms();
    proxy = await startProxy({ port: 0, upstream: csms.url, log: { dir } });
  });
  afterEach(async () => {
    await proxy.close();
    await csms.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [subprotocol, script] of Object.entries(SCRIPTS)) {
    it(`${subprotocol}: both sides receive exactly the bytes sent, and the log holds every frame with its verdict`, async () => {
      const emitted: FrameRecord[] = [];
      const emittedEvents: string[] = [];
      proxy.on('frame', (r) => emitted.push(r));
      proxy.on('event', (e) => emittedEvents.push(e.event));
      const auth = `Basic ${Buffer.from('CP-1:password-123').toString('base64')}`;
      const station = await connectStation(`${proxy.url}/any/prefix/CP-1?site=7`, [subprotocol], { headers: { authorization: auth } });
      expect(station.ws.protocol).to.equal(subprotocol);
      const upstream = await csms.connection();
      expect(upstream.request?.url).to.equal('/ocpp/CP-1?site=7');
      expect(upstream.request?.headers.authorization).to.equal(auth);
      expect(upstream.ws.protocol).to.equal(subprotocol);

      for (const step of script) {
        const [from, to]: [Peer, Peer] = step.from === 'cs' ? [station, upstream] : [upstream, station];
        from.ws.send(step.text);
        const got = await to.message();
        expect(got.binary).to.equal(false);
        expect(got.data.equals(Buffer.from(step.text))).to.equal(true, `bytes of ${step.text}`);
      }
      station.ws.close(4001, 'station says bye');
      expect(await upstream.closeEvent()).to.deep.equal({ code: 4001, reason: 'station says bye' });
      expect(await station.closeEvent()).to.deep.include({ code: 4001 });
      await proxy.close();

      const log = readLog(proxy.logFile!);
      const logged = frames(log);
      expect(logged.map((f) => f.raw)).to.deep.equal(script.map((s) => s.text));
      logged.forEach((f, i) => {
        const s = script[i];
        expect(f, s.text).to.deep.include({ station: 'CP-1', dir: s.from === 'cs' ? 'cs->csms' : 'csms->cs', valid: s.valid, type: s.type, action: s.action, version: subprotocol.slice(4) });
        if (s.valid) expect(f.errors as Array<{ severity: string }>, s.text).to.satisfy((e: Array<{ severity: string }>) => e.every((x) => x.severity !== 'error'));
        expect(f.conn).to.equal(logged[0].conn);
        expect(Date.parse(f.ts as string)).to.be.a('number').and.not.NaN;
      });
      expect(logged[1].latencyMs).to.be.a('number');
      // The in-process stream (what the runner subscribes to) carries the same records, in the same order.
      expect(emitted.map((r) => JSON.parse(JSON.stringify(r)))).to.deep.equal(logged);
      expect(emittedEvents).to.deep.equal(['open', 'close', 'proxy-stop']);
      const open = events(log, 'open')[0];
      expect(open).to.deep.include({ station: 'CP-1', subprotocol, path: '/any/prefix/CP-1?site=7' });
      expect(open.authorization).to.equal('Basic CP-1:***');
      const close = events(log, 'close')[0];
      expect(close).to.deep.include({ by: 'cs', code: 4001, reason: 'station says bye', forwardedCode: 4001 });
      // Order: open before the first frame, close after the last.
      expect(log.indexOf(open)).to.be.lessThan(log.indexOf(logged[0]));
      expect(log.indexOf(close)).to.be.greaterThan(log.indexOf(logged[logged.length - 1]));
    });
  }

  it('forwards binary frames, pings and pongs end to end with their payloads', async () => {
    const station = await connectStation(`${proxy.url}/CP-2`);
    const upstream = await csms.connection();
    const blob = Buffer.from([0, 1, 2, 255, 254, 0x80]);
    station.ws.send(blob, { binary: true });
    const got = await upstream.message();
    expect(got.binary).to.equal(true);
    expect(got.data.equals(blob)).to.equal(true);
    station.ws.ping(Buffer.from('ping-from-station'));
    await upstream.until(() => upstream.pings.length === 1);
    expect(upstream.pings[0].toString()).to.equal('ping-from-station');
    // No auto-pong anywhere: the CSMS answers, and the station gets that answer.
    upstream.ws.pong(Buffer.from('pong-from-csms'));
    await station.until(() => station.pongs.length === 1);
    expect(station.pongs[0].toString()).to.equal('pong-from-csms');
    upstream.ws.ping(Buffer.from('p2'));
    await station.until(() => station.pings.length === 1);
    expect(station.pongs).to.have.length(1);
    await proxy.close();
    const f = frames(readLog(proxy.logFile!))[0];
    expect(f).to.deep.include({ binary: true, type: 'INVALID', valid: false, raw: blob.toString('base64') });
  });

  it('passes the CSMS close code and reason to the station', async () => {
    const station = await connectStation(`${proxy.url}/CP-3`);
    const upstream = await csms.connection();
    upstream.ws.close(4000, 'CSMS kicks you');
    expect(await station.closeEvent()).to.deep.equal({ code: 4000, reason: 'CSMS kicks you' });
    await proxy.close();
    expect(events(readLog(proxy.logFile!), 'close')[0]).to.deep.include({ by: 'csms', code: 4000, reason: 'CSMS kicks you', forwardedCode: 4000 });
  });

  it('closes the CSMS side with 1001 when the station vanishes without a close, and logs it', async () => {
    const station = await connectStation(`${proxy.url}/CP-4`);
    const upstream = await csms.connection();
    station.ws.send('[2,"1","Heartbeat",{}]');
    await upstream.message();
    station.ws.terminate();
    expect((await upstream.closeEvent()).code).to.equal(1001);
    await proxy.close();
    expect(events(readLog(proxy.logFile!), 'close')[0]).to.deep.include({ by: 'cs', code: 1006, forwardedCode: 1001 });
  });

  it('closes the station with 1001 when the CSMS vanishes', async () => {
    const station = await connectStation(`${proxy.url}/CP-5`);
    const upstream = await csms.connection();
    upstream.ws.terminate();
    expect((await station.closeEvent()).code).to.equal(1001);
  });

  it('shuts every connection down with 1001 on close() and logs proxy-start/-stop', async () => {
    const a = await connectStation(`${proxy.url}/CP-6`);
    const b = await connectStation(`${proxy.url}/CP-7`, 'ocpp2.0.1');
    await csms.connection(2);
    await proxy.close();
    expect((await a.closeEvent()).code).to.equal(1001);
    expect((await b.closeEvent()).code).to.equal(1001);
    const log = readLog(proxy.logFile!);
    expect(log[0].event).to.equal('proxy-start');
    expect(log[log.length - 1].event).to.equal('proxy-stop');
    expect(events(log, 'close')).to.have.length(2);
    expect((await proxy.stats())).to.deep.include({ stations: 2 });
  });
});
