import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy, type ProxyHandle } from '../../src/proxy/proxy-server.js';
import { connectStation, frames, readLog, startCsms, type TestCsms } from './proxy-fixtures.js';

/** The CALLERROR code each invalid request must get, per version (OCPP-J 1.6 §4.2.3, 2.x Part 4 §4.3). */
const CASES: Array<{ name: string; frame: string; codes: Record<string, string> }> = [
  { name: 'payload not an object', frame: '[2,"e1","Heartbeat","oops"]', codes: { 'ocpp1.6': 'FormationViolation', 'ocpp2.0.1': 'FormatViolation', 'ocpp2.1': 'FormatViolation' } },
  { name: 'required field missing', frame: '[2,"e2","Authorize",{}]', codes: { 'ocpp1.6': 'OccurenceConstraintViolation', 'ocpp2.0.1': 'OccurrenceConstraintViolation', 'ocpp2.1': 'OccurrenceConstraintViolation' } },
  { name: 'unknown action', frame: '[2,"e3","MakeCoffee",{}]', codes: { 'ocpp1.6': 'NotImplemented', 'ocpp2.0.1': 'NotImplemented', 'ocpp2.1': 'NotImplemented' } },
  { name: 'unknown message type', frame: '[9,"e4",{}]', codes: { 'ocpp1.6': 'FormationViolation', 'ocpp2.0.1': 'MessageTypeNotSupported', 'ocpp2.1': 'MessageTypeNotSupported' } },
];

describe('proxy: --enforce', () => {
  let dir: string;
  let csms: TestCsms;
  let proxy: ProxyHandle;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'proxy-enforce-'));
    csms = await startCsms();
    proxy = await startProxy({ port: 0, upstream: csms.url, enforce: true, log: { dir } });
  });
  afterEach(async () => {
    await proxy.close();
    await csms.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const subprotocol of ['ocpp1.6', 'ocpp2.0.1', 'ocpp2.1']) {
    it(`${subprotocol}: invalid station CALLs are answered with the version's error code and never reach the CSMS`, async () => {
      const station = await connectStation(`${proxy.url}/CP1`, subprotocol);
      const upstream = await csms.connection();
      for (const [i, c] of CASES.entries()) {
        station.ws.send(c.frame);
        const answer = JSON.parse(await station.text(i + 1));
        expect(answer.slice(0, 3), c.name).to.deep.equal([4, JSON.parse(c.frame)[1], c.codes[subprotocol]]);
        expect(answer[3]).to.be.a('string').with.length.greaterThan(0).and.at.most(255);
        expect(answer[4]).to.be.an('object');
      }
      // The first thing the CSMS sees is the valid frame sent after all the invalid ones.
      const valid = '[2,"ok","Heartbeat",{}]';
      station.ws.send(valid);
      expect(await upstream.text()).to.equal(valid);
      expect(upstream.received).to.have.length(1);
      await proxy.close();
      const logged = frames(readLog(proxy.logFile!));
      expect(logged).to.have.length(2 * CASES.length + 1);
      for (let i = 0; i < CASES.length; i++) {
        expect(logged[2 * i]).to.deep.include({ raw: CASES[i].frame, dir: 'cs->csms', valid: false, dropped: true });
        expect(logged[2 * i + 1]).to.deep.include({ dir: 'csms->cs', type: 'CALLERROR', injected: true, valid: true });
      }
      expect((await proxy.stats()).frames.dropped).to.equal(CASES.length);
    });
  }

  it('answers an invalid CSMS CALL on behalf of the station, and forwards invalid answers unchanged', async () => {
    const station = await connectStation(`${proxy.url}/CP1`, 'ocpp2.0.1');
    const upstream = await csms.connection();
    upstream.ws.send('[2,"c1","Reset",{"type":"Bogus"}]');
    expect(JSON.parse(await upstream.text()).slice(0, 3)).to.deep.equal([4, 'c1', 'PropertyConstraintViolation']);
    // An invalid CALLRESULT cannot be refused: it goes through as it is.
    station.ws.send('[2,"b","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]');
    await upstream.message(2);
    upstream.ws.send('[3,"b",{"status":"Maybe"}]');
    expect(await station.text()).to.equal('[3,"b",{"status":"Maybe"}]');
    expect(station.received).to.have.length(1);
  });

  it('does not quote secrets of the refused CALL in its answer', async () => {
    const station = await connectStation(`${proxy.url}/CP1`, 'ocpp1.6');
    await csms.connection();
    const upstream = csms.peers[0];
    upstream.ws.send('[2,"c1","ChangeConfiguration",{"key":"AuthorizationKey","value":"very-secret-key-1","extra":1}]');
    const answer = await upstream.text();
    expect(answer).to.match(/^\[4,"c1","FormationViolation"/);
    expect(answer).not.to.include('very-secret-key-1');
    expect(station.received).to.have.length(0);
  });
});
