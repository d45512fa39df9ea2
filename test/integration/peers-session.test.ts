import { expect } from 'chai';
import { nextEvent, payloadOf } from '../unit/peers/support/frame-log.js';
import { invalidFrames, meterIntervalConfig, startPair, type Pair } from '../unit/peers/support/pair.js';

/**
 * The reference charging station against the reference CSMS over real sockets, both versions: boot,
 * status reports, a full charging session, remote start/stop, and every frame valid per the protocol core.
 */
for (const version of ['1.6', '2.0.1'] as const) {
  const v16 = version === '1.6';
  const startAction = v16 ? 'StartTransaction' : 'TransactionEvent';

  describe(`reference CS against reference CSMS, OCPP ${version}`, () => {
    let pair: Pair;
    afterEach(async () => pair?.close());

    it('boots, reports every connector Available, and the CSMS knows the station as Accepted', async () => {
      pair = await startPair({ version, cs: { connectors: 2 } });
      const expected = v16 ? 3 : 2; // 1.6 reports connector 0 too
      await pair.log.waitFor({ action: 'StatusNotification', type: 'CALLRESULT' }, { count: expected });
      const statuses = pair.log.calls('StatusNotification');
      if (v16) {
        expect(statuses.map((s) => s.connectorId)).to.deep.equal([0, 1, 2]);
        expect(statuses.every((s) => s.status === 'Available' && s.errorCode === 'NoError')).to.equal(true);
      } else {
        expect(statuses.map((s) => [s.evseId, s.connectorId, s.connectorStatus])).to.deep.equal([
          [1, 1, 'Available'],
          [2, 1, 'Available'],
        ]);
        await pair.log.nextCall('SecurityEventNotification', { where: (p) => p.type === 'StartupOfTheDevice' });
      }
      const boot = pair.log.calls('BootNotification')[0];
      expect(boot).to.deep.include(v16 ? { chargePointVendor: 'ocpp-harness', chargePointModel: 'reference-cs' } : { reason: 'PowerUp' });
      const session = pair.csms.stations.get('REF-CS-1')!;
      expect(session.bootStatus).to.equal('Accepted');
      expect(session.version).to.equal(version);
      expect(pair.cs.state.bootStatus).to.equal('Accepted');
      // The first frame on the wire is the BootNotification, answered before anything else is sent.
      expect(pair.log.records[0].action).to.equal('BootNotification');
      expect(pair.log.records[1]).to.include({ type: 'CALLRESULT', action: 'BootNotification' });
      expect(invalidFrames(pair)).to.deep.equal([]);
    });

    it('heartbeats at the interval from the BootNotification answer', async () => {
      // 200 ms per interval: far from the 3x of the heartbeat-interval-ignored fault, and above a loaded machine's timer jitter.
      pair = await startPair({ version, csms: { heartbeatInterval: 2 }, cs: { msPerSecond: 100 } });
      const first = await pair.log.waitFor({ action: 'Heartbeat', type: 'CALL' });
      const fourth = await pair.log.waitFor({ action: 'Heartbeat', type: 'CALL' }, { count: 4 });
      const meanGap = (Date.parse(fourth.ts) - Date.parse(first.ts)) / 3;
      expect(meanGap).to.be.within(150, 400); // 2 protocol seconds of 100 ms
      expect(pair.cs.state.heartbeatInterval).to.equal(2);
      const answer = await pair.log.nextResult('Heartbeat');
      expect(answer.currentTime).to.be.a('string');
    });

    it('runs a full session: plug in, authorize, start, meter values, stop by the same tag, unplug; every frame valid', async () => {
      pair = await startPair({ version, cs: { config: meterIntervalConfig(version, 2) } });
      const { cs, log, csms } = pair;
      await cs.control.perform('plugIn', { connectorId: 1 });
      await log.nextCall('StatusNotification', { where: (p) => (v16 ? p.status === 'Preparing' : p.connectorStatus === 'Occupied') });
      await cs.control.perform('presentIdTag', { idTag: 'VALID-TAG-1' });
      const authorize = await log.nextCall('Authorize');
      expect(authorize).to.deep.equal(v16 ? { idTag: 'VALID-TAG-1' } : { idToken: { idToken: 'VALID-TAG-1', type: 'ISO14443' } });
      expect(await log.nextResult('Authorize')).to.deep.equal(v16 ? { idTagInfo: { status: 'Accepted' } } : { idTokenInfo: { status: 'Accepted' } });
      const start = await log.nextCall(startAction);
      if (v16) {
        expect(start).to.include({ connectorId: 1, idTag: 'VALID-TAG-1', meterStart: 0 });
        const answer = await log.nextResult('StartTransaction');
        expect(answer.transactionId).to.be.a('number');
        await log.nextCall('StatusNotification', { where: (p) => p.status === 'Charging' });
      } else {
        expect(start).to.deep.include({ eventType: 'Started', triggerReason: 'Authorized', seqNo: 0, evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'VALID-TAG-1', type: 'ISO14443' } });
        await log.nextCall('TransactionEvent', { where: (p) => p.triggerReason === 'ChargingStateChanged' && (p.transactionInfo as { chargingState?: string }).chargingState === 'Charging' });
      }
      // Periodic samples at the configured interval: wait for two, check the register only grows.
      const meterMatch = v16 ? { action: 'MeterValues', type: 'CALL' as const } : { action: 'TransactionEvent', type: 'CALL' as const, where: (p: Record<string, unknown>) => p.triggerReason === 'MeterValuePeriodic' };
      const second = await log.waitFor(meterMatch, { count: 2 });
      const samples = log.matching(meterMatch).map(payloadOf);
      const energy = samples.map((p) => Number(((p.meterValue as Array<{ sampledValue: Array<{ value: unknown }> }>)[0].sampledValue[0].value)));
      expect(energy[1]).to.be.greaterThan(energy[0]);
      if (v16) expect(payloadOf(second).transactionId).to.equal((await log.nextResult('StartTransaction')).transactionId);
      const beforeStop = log.mark();
      await cs.control.perform('presentIdTag', { idTag: 'VALID-TAG-1' });
      if (v16) {
        const stop = await log.nextCall('StopTransaction', { from: beforeStop });
        expect(stop).to.include({ reason: 'Local', idTag: 'VALID-TAG-1' });
        expect(stop.meterStop as number).to.be.at.least(energy[1]);
        await log.nextCall('StatusNotification', { from: beforeStop, where: (p) => p.status === 'Finishing' });
        expect(log.calls('Authorize', beforeStop)).to.have.length(0); // the tag that started it stops it without asking
      } else {
        await log.nextCall('TransactionEvent', { from: beforeStop, where: (p) => p.triggerReason === 'StopAuthorized' });
        const ended = await log.nextCall('TransactionEvent', { from: beforeStop, where: (p) => p.eventType === 'Ended' });
        expect(ended.transactionInfo).to.include({ stoppedReason: 'Local', chargingState: 'EVConnected' });
        const seqNos = log.calls('TransactionEvent').map((p) => p.seqNo);
        expect(seqNos).to.deep.equal(seqNos.map((_, i) => i));
      }
      await cs.control.perform('unplug', { connectorId: 1 });
      await log.nextCall('StatusNotification', { from: beforeStop, where: (p) => (v16 ? p.status : p.connectorStatus) === 'Available' });
      const tx = [...csms.stations.get('REF-CS-1')!.transactions.values()];
      expect(tx).to.have.length(1);
      expect(tx[0]).to.include({ active: false, stopReason: 'Local', idTag: 'VALID-TAG-1' });
      expect(cs.state.transactions).to.deep.equal([]);
      expect(invalidFrames(pair)).to.deep.equal([]);
    });

    it('identification first: authorize, then plug in within the connection timeout starts the transaction', async () => {
      pair = await startPair({ version });
      const decided = nextEvent(pair.cs.events, 'authorization');
      await pair.cs.control.perform('presentIdTag', { idTag: 'VALID-TAG-2' });
      expect(await decided).to.deep.equal(['VALID-TAG-2', 'Accepted']);
      if (v16) await pair.log.nextCall('StatusNotification', { where: (p) => p.status === 'Preparing' });
      await pair.cs.control.perform('plugIn');
      const start = await pair.log.nextCall(startAction);
      expect(v16 ? start.idTag : (start.idToken as { idToken: string }).idToken).to.equal('VALID-TAG-2');
      if (!v16) expect(start).to.deep.include({ triggerReason: 'CablePluggedIn', evse: { id: 1, connectorId: 1 } });
      expect(invalidFrames(pair)).to.deep.equal([]);
    });

    it('an authorization lapses after the connection timeout when nobody plugs in', async () => {
      // 2.0.1: with TxStartPoint Authorized the transaction starts at once and ends with the timeout (E03).
      const config: Record<string, string> = v16 ? { ConnectionTimeOut: '3' } : { 'TxCtrlr.EVConnectionTimeOut': '3', 'TxCtrlr.TxStartPoint': 'Authorized' };
      pair = await startPair({ version, cs: { config } });
      await pair.cs.control.perform('presentIdTag');
      await pair.log.nextResult('Authorize');
      if (v16) {
        const preparing = await pair.log.waitFor({ action: 'StatusNotification', type: 'CALL', where: (p) => p.status === 'Preparing' });
        await pair.log.nextCall('StatusNotification', { where: (p) => p.status === 'Available' && p.connectorId === 1, from: pair.log.records.indexOf(preparing) });
      } else {
        expect(await pair.log.nextCall('TransactionEvent')).to.deep.include({ eventType: 'Started', triggerReason: 'Authorized' });
        const ended = await pair.log.nextCall('TransactionEvent', { where: (p) => p.eventType === 'Ended' });
        expect(ended).to.deep.include({ triggerReason: 'EVConnectTimeout', seqNo: 1 });
        expect(ended.transactionInfo).to.include({ stoppedReason: 'Timeout' });
      }
      const mark = pair.log.mark();
      await pair.cs.control.perform('plugIn');
      await pair.log.nextResult('StatusNotification', { from: mark });
      expect(pair.log.calls(startAction, mark)).to.have.length(0);
      expect(invalidFrames(pair)).to.deep.equal([]);
    });

    it('does not start for an invalid, blocked or expired idTag', async () => {
      pair = await startPair({ version, csms: { idTags: { valid: ['VALID-TAG-1'], blocked: ['BLOCKED'], expired: ['EXPIRED'] } } });
      await pair.cs.control.perform('plugIn');
      for (const [tag, status] of [['UNKNOWN', 'Invalid'], ['BLOCKED', 'Blocked'], ['EXPIRED', 'Expired']]) {
        const mark = pair.log.mark();
        await pair.cs.control.perform('presentIdTag', { idTag: tag });
        const answer = await pair.log.nextResult('Authorize', { from: mark });
        expect(v16 ? answer.idTagInfo : answer.idTokenInfo).to.deep.equal({ status });
      }
      expect(pair.log.calls(startAction)).to.have.length(0);
      expect(pair.cs.state.transactions).to.deep.equal([]);
    });

    it('remote start and remote stop through the CSMS control', async () => {
      pair = await startPair({ version });
      const { cs, csms, log } = pair;
      await cs.control.perform('plugIn');
      await csms.control.perform('remoteStart', { connectorId: 1, idTag: 'VALID-TAG-1' });
      const answer = await log.nextResult(v16 ? 'RemoteStartTransaction' : 'RequestStartTransaction');
      expect(answer.status).to.equal('Accepted');
      const start = await log.nextCall(startAction);
      if (!v16) {
        expect(start.triggerReason).to.equal('RemoteStart');
        expect((start.transactionInfo as { remoteStartId?: number }).remoteStartId).to.be.a('number');
      }
      await (v16 ? log.nextResult('StartTransaction') : log.nextCall('TransactionEvent', { where: (p) => p.triggerReason === 'ChargingStateChanged' }));
      const mark = log.mark();
      await csms.control.perform('remoteStop', {});
      expect((await log.nextResult(v16 ? 'RemoteStopTransaction' : 'RequestStopTransaction', { from: mark })).status).to.equal('Accepted');
      if (v16) expect(await log.nextCall('StopTransaction', { from: mark })).to.include({ reason: 'Remote' });
      else expect(await log.nextCall('TransactionEvent', { from: mark, where: (p) => p.eventType === 'Ended' })).to.deep.include({ triggerReason: 'RemoteStop', transactionInfo: { transactionId: (start.transactionInfo as { transactionId: string }).transactionId, chargingState: 'EVConnected', stoppedReason: 'Remote' } });
      expect(invalidFrames(pair)).to.deep.equal([]);
    });

    it('unplugging during a transaction ends it with reason EVDisconnected', async () => {
      pair = await startPair({ version });
      await pair.cs.control.perform('plugIn');
      await pair.cs.control.perform('presentIdTag');
      await pair.log.nextCall(startAction);
      await pair.cs.control.perform('unplug');
      if (v16) expect(await pair.log.nextCall('StopTransaction')).to.include({ reason: 'EVDisconnected' });
      else {
        const ended = await pair.log.nextCall('TransactionEvent', { where: (p) => p.eventType === 'Ended' });
        expect(ended).to.deep.include({ triggerReason: 'EVCommunicationLost' });
        expect(ended.transactionInfo).to.include({ stoppedReason: 'EVDisconnected', chargingState: 'Idle' });
      }
      expect(invalidFrames(pair)).to.deep.equal([]);
    });

    it('a RemoteStopTransaction for an unknown transaction is Rejected', async () => {
      pair = await startPair({ version });
      const answer = await pair.csms.sendCall('REF-CS-1', v16 ? 'RemoteStopTransaction' : 'RequestStopTransaction', { transactionId: v16 ? 999 : 'no-such-tx' });
      expect(answer).to.deep.equal({ status: 'Rejected' });
    });
  });
}
