import { expect } from 'chai';
import { FAULTS, PEER_FAULTS, type FaultName, type PeerFaultName } from '../../src/peers/faults.js';
import { nextEvent, payloadOf } from '../unit/peers/support/frame-log.js';
import { IDENTITY, meterIntervalConfig, startPair, type Pair, type PairOptions } from '../unit/peers/support/pair.js';

/**
 * Every fault switch changes the peer's behaviour where it says, observably on the wire: one scenario
 * per switch and version, asserting the deliberate bug shows. The table is keyed by FaultName, so a new
 * switch without a scenario does not compile.
 */
type Version = '1.6' | '2.0.1';
type Scenario = (version: Version) => Promise<void>;

let pair: Pair | undefined;
const v16 = (v: Version) => v === '1.6';
const startAction = (v: Version) => (v16(v) ? 'StartTransaction' : 'TransactionEvent');

async function chargingSession(v: Version, faults: { cs?: FaultName[]; csms?: FaultName[] }, extra: Partial<PairOptions> = {}): Promise<Pair> {
  pair = await startPair({ ...extra, version: v, csFaults: faults.cs, csmsFaults: faults.csms });
  await pair.cs.control.perform('plugIn');
  await pair.cs.control.perform('presentIdTag');
  await pair.log.waitFor({ type: 'CALLRESULT', action: startAction(v) });
  return pair;
}

const SCENARIOS: Record<PeerFaultName, Scenario> = {
  'status-before-boot': async (v) => {
    pair = await startPair({ version: v, csFaults: ['status-before-boot'] });
    const first = pair.log.matching({ type: 'CALL' })[0];
    expect(first.action).to.equal('StatusNotification');
    expect(first.errors.map((e) => e.rule)).to.include('rpc.before-boot');
  },
  'no-status-notification-after-boot': async (v) => {
    pair = await startPair({ version: v, csFaults: ['no-status-notification-after-boot'] });
    await pair.cs.control.perform('plugIn');
    const first = await pair.log.nextCall('StatusNotification');
    expect(v16(v) ? first.status : first.connectorStatus).to.equal(v16(v) ? 'Preparing' : 'Occupied');
  },
  'boot-retry-ignores-interval': async (v) => {
    pair = await startPair({ version: v, booted: false, csFaults: ['boot-retry-ignores-interval'], csms: { bootStatus: 'Pending', bootRetryInterval: 30 } });
    const boots = [await pair.log.waitFor({ action: 'BootNotification', type: 'CALL' }), await pair.log.waitFor({ action: 'BootNotification', type: 'CALL' }, { count: 2 })];
    // Asked to wait 30 protocol seconds (300 ms), it came back after one.
    expect(Date.parse(boots[1].ts) - Date.parse(boots[0].ts)).to.be.below(150);
  },
  'heartbeat-interval-ignored': async (v) => {
    pair = await startPair({ version: v, csFaults: ['heartbeat-interval-ignored'], csms: { heartbeatInterval: 1 }, cs: { msPerSecond: 25 } });
    const a = await pair.log.waitFor({ action: 'Heartbeat', type: 'CALL' });
    const b = await pair.log.waitFor({ action: 'Heartbeat', type: 'CALL' }, { count: 2 });
    expect(Date.parse(b.ts) - Date.parse(a.ts)).to.be.above(55); // 3 x 25 ms instead of 25 ms
  },
  'concurrent-calls': async (v) => {
    pair = await startPair({ version: v, csFaults: ['concurrent-calls'], cs: { connectors: 3 } });
    await pair.log.waitFor({ action: 'StatusNotification', type: 'CALLRESULT' }, { count: 3 });
    const rules = pair.log.records.flatMap((r) => r.errors.map((e) => `${e.rule}:${e.severity}`));
    expect(rules).to.include(`rpc.concurrent-call:${v16(v) ? 'warning' : 'error'}`);
  },
  'start-before-authorize': async (v) => {
    pair = await startPair({ version: v, csFaults: ['start-before-authorize'] });
    await pair.cs.control.perform('plugIn');
    await pair.cs.control.perform('presentIdTag');
    await pair.log.nextCall(startAction(v));
    expect(pair.log.calls('Authorize')).to.deep.equal([]);
  },
  'charge-on-invalid-idtag': async (v) => {
    pair = await startPair({ version: v, csFaults: ['charge-on-invalid-idtag'] });
    await pair.cs.control.perform('plugIn');
    await pair.cs.control.perform('presentIdTag', { idTag: 'NOT-A-VALID-TAG' });
    const answer = await pair.log.nextResult('Authorize');
    expect(JSON.stringify(answer)).to.include('Invalid');
    await pair.log.nextCall(startAction(v));
  },
  'remote-start-rejected': async (v) => {
    pair = await startPair({ version: v, csFaults: ['remote-start-rejected'] });
    await pair.csms.control.perform('remoteStart', { connectorId: 1 });
    expect(await pair.log.nextResult(v16(v) ? 'RemoteStartTransaction' : 'RequestStartTransaction')).to.deep.equal({ status: 'Rejected' });
  },
  'remote-stop-ignored': async (v) => {
    await chargingSession(v, { cs: ['remote-stop-ignored'] });
    await pair!.csms.control.perform('remoteStop', {});
    await pair!.cs.control.perform('unplug');
    // The transaction was still running: it ends at the unplug, not by the remote stop.
    if (v16(v)) expect(await pair!.log.nextCall('StopTransaction')).to.include({ reason: 'EVDisconnected' });
    else expect((await pair!.log.nextCall('TransactionEvent', { where: (p) => p.eventType === 'Ended' })).triggerReason).to.equal('EVCommunicationLost');
  },
  'wrong-stop-reason': async (v) => {
    await chargingSession(v, { cs: ['wrong-stop-reason'] });
    await pair!.cs.control.perform('unplug');
    if (v16(v)) expect(await pair!.log.nextCall('StopTransaction')).to.include({ reason: 'Local' });
    else expect((await pair!.log.nextCall('TransactionEvent', { where: (p) => p.eventType === 'Ended' })).transactionInfo).to.include({ stoppedReason: 'Local' });
  },
  'meter-values-schema-violation': async (v) => {
    await chargingSession(v, { cs: ['meter-values-schema-violation'] }, { cs: { config: meterIntervalConfig(v, 1) } });
    const sample = await pair!.log.waitFor({ action: v16(v) ? 'MeterValues' : 'TransactionEvent', type: 'CALL', where: (p) => v16(v) || p.triggerReason === 'MeterValuePeriodic' });
    expect(sample.valid).to.equal(false);
    expect(sample.errors.map((e) => e.rule)).to.include(v16(v) ? 'schema.type' : 'schema.required');
    // The CSMS refuses it with the finding's CALLERROR.
    const refusal = await pair!.log.waitFor({ type: 'CALLERROR', dir: 'csms->cs' });
    expect(payloadOf(refusal).errorCode).to.equal(v16(v) ? 'TypeConstraintViolation' : 'OccurrenceConstraintViolation');
  },
  'no-meter-values': async (v) => {
    await chargingSession(v, { cs: ['no-meter-values'] }, { csms: { heartbeatInterval: 1 }, cs: { config: meterIntervalConfig(v, 1) } });
    const mark = pair!.log.mark();
    await pair!.log.waitFor({ action: 'Heartbeat', type: 'CALL' }, { from: mark, count: 3 }); // three sample intervals went by
    expect(pair!.log.calls('MeterValues', mark)).to.deep.equal([]);
    expect(pair!.log.calls('TransactionEvent', mark).filter((p) => p.triggerReason === 'MeterValuePeriodic')).to.deep.equal([]);
  },
  'reset-ignored': async (v) => {
    pair = await startPair({ version: v, csFaults: ['reset-ignored'] });
    const conn = pair.log.records[0].conn;
    await pair.csms.control.perform('reset', { type: v16(v) ? 'Hard' : 'Immediate' });
    expect(await pair.log.nextResult('Reset')).to.deep.equal({ status: 'Accepted' });
    await pair.csms.sendCall(IDENTITY, 'ClearCache', {});
    expect(pair.log.records.at(-1)!.conn).to.equal(conn);
    expect(pair.log.calls('BootNotification')).to.have.length(1);
  },
  'readonly-config-accepted': async (v) => {
    pair = await startPair({ version: v, csFaults: ['readonly-config-accepted'] });
    if (v16(v)) {
      await pair.csms.control.perform('changeConfiguration', { key: 'NumberOfConnectors', value: '5' });
      expect(await pair.log.nextResult('ChangeConfiguration')).to.deep.equal({ status: 'Accepted' });
      expect(pair.cs.state.config('NumberOfConnectors')).to.equal('1');
    } else {
      await pair.csms.control.perform('setVariables', { component: 'ChargingStation', variable: 'SupplyPhases', value: '1' });
      expect(((await pair.log.nextResult('SetVariables')).setVariableResult as Array<{ attributeStatus: string }>)[0].attributeStatus).to.equal('Accepted');
    }
  },
  'seqno-not-incremented': async (v) => {
    await chargingSession(v, { cs: ['seqno-not-incremented'] });
    await pair!.log.waitFor({ action: 'TransactionEvent', type: 'CALL' }, { count: 2 });
    expect(pair!.log.calls('TransactionEvent').map((p) => p.seqNo)).to.deep.equal([0, 0]);
  },
  'no-evse-on-first-event': async (v) => {
    await chargingSession(v, { cs: ['no-evse-on-first-event'] });
    const started = pair!.log.calls('TransactionEvent')[0];
    expect(started.eventType).to.equal('Started');
    expect(started).to.not.have.property('evse');
  },
  'no-remote-start-id': async (v) => {
    pair = await startPair({ version: v, csFaults: ['no-remote-start-id'] });
    await pair.cs.control.perform('plugIn');
    await pair.csms.control.perform('remoteStart', { evseId: 1 });
    const started = await pair.log.nextCall('TransactionEvent');
    expect(started.triggerReason).to.equal('Authorized');
    expect(started.transactionInfo).to.not.have.property('remoteStartId');
  },
  'boot-wrong-status': async (v) => {
    pair = await startPair({ version: v, booted: false, csmsFaults: ['boot-wrong-status'] });
    await nextEvent(pair.cs.events, 'boot');
    expect(pair.cs.state.bootStatus).to.equal('Rejected');
  },
  'boot-response-schema-violation': async (v) => {
    pair = await startPair({ version: v, booted: false, csmsFaults: ['boot-response-schema-violation'] });
    const answer = await pair.csLog.waitFor({ action: 'BootNotification', type: 'CALLRESULT' });
    expect(answer.valid).to.equal(false);
    expect(answer.errors.map((e) => e.path)).to.include('/currentTime');
  },
  'authorize-accepts-any': async (v) => {
    pair = await startPair({ version: v, csmsFaults: ['authorize-accepts-any'], csms: { idTags: { blocked: ['BLOCKED'] } } });
    await pair.cs.control.perform('presentIdTag', { idTag: 'BLOCKED' });
    expect(JSON.stringify(await pair.log.nextResult('Authorize'))).to.include('"Accepted"');
  },
  'transaction-id-string': async (v) => {
    await chargingSession(v, { csms: ['transaction-id-string'] });
    const answer = pair!.log.matching({ type: 'CALLRESULT', action: 'StartTransaction' })[0];
    expect(payloadOf(answer).transactionId).to.equal('1');
    expect(answer.errors.map((e) => e.rule)).to.include('schema.type');
  },
  'transaction-id-reused': async (v) => {
    await chargingSession(v, { csms: ['transaction-id-reused'] });
    await pair!.cs.control.perform('presentIdTag');
    await pair!.log.nextCall('StopTransaction');
    const mark = pair!.log.mark();
    await pair!.cs.control.perform('presentIdTag');
    const ids = [(await pair!.log.nextResult('StartTransaction')).transactionId, (await pair!.log.nextResult('StartTransaction', { from: mark })).transactionId];
    expect(ids).to.deep.equal([1, 1]);
  },
  'no-id-token-info': async (v) => {
    await chargingSession(v, { csms: ['no-id-token-info'] });
    const started = pair!.log.calls('TransactionEvent')[0];
    expect(started).to.have.property('idToken');
    expect(await pair!.log.nextResult('TransactionEvent')).to.deep.equal({});
  },
  'no-subprotocol': async (v) => {
    pair = await startPair({ version: v, booted: false, csmsFaults: ['no-subprotocol'] });
    const [event] = await nextEvent(pair.cs.events, 'connection', (e: { event: string }) => e.event === 'error');
    expect(String((event as { message?: string }).message)).to.match(/no subprotocol/i);
    const [opened] = await nextEvent(pair.csms.events, 'connection', (e: { event: string }) => e.event === 'open');
    expect(opened).to.include({ subprotocol: null });
  },
  'remote-start-without-idtag': async (v) => {
    pair = await startPair({ version: v, csmsFaults: ['remote-start-without-idtag'] });
    await pair.csms.control.perform('remoteStart', { connectorId: 1 }).catch(() => undefined);
    const request = await pair.log.nextCall(v16(v) ? 'RemoteStartTransaction' : 'RequestStartTransaction');
    expect(v16(v) ? request.idTag : (request.idToken as { idToken: string }).idToken).to.equal('');
  },
  'heartbeat-no-current-time': async (v) => {
    pair = await startPair({ version: v, csmsFaults: ['heartbeat-no-current-time'], csms: { heartbeatInterval: 1 } });
    const answer = await pair.csLog.waitFor({ action: 'Heartbeat', type: 'CALLRESULT' });
    expect(payloadOf(answer)).to.deep.equal({});
    expect(answer.errors.map((e) => `${e.rule} ${e.path}`)).to.include('schema.required /currentTime');
  },
};

describe('fault switches', () => {
  afterEach(async () => {
    await pair?.close();
    pair = undefined;
  });

  // The catalog groups' switches (src/peers/faults/) are shown by their catalog tests instead.
  const PEER_FAULT_NAMES = Object.keys(PEER_FAULTS) as PeerFaultName[];

  it('every switch has a one-line description, a peer and versions, and a scenario here', () => {
    expect(Object.keys(SCENARIOS).sort()).to.deep.equal([...PEER_FAULT_NAMES].sort());
    for (const name of Object.keys(FAULTS) as FaultName[]) {
      const f = FAULTS[name];
      expect(f.description, name).to.match(/^[A-Z].*\.$/);
      expect(f.description, name).to.not.include('\n');
      expect(['cs', 'csms']).to.include(f.peer);
      expect(f.versions.length, name).to.be.greaterThan(0);
    }
  });

  for (const name of PEER_FAULT_NAMES) {
    for (const version of FAULTS[name].versions) {
      it(`${name} (${FAULTS[name].peer}, ${version}): ${FAULTS[name].description}`, () => SCENARIOS[name](version as Version));
    }
  }
});
