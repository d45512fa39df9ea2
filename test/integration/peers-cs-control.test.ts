import { expect } from 'chai';
import { CS_ACTIONS } from '../../src/peers/reference-cs/index.js';
import { nextEvent } from '../unit/peers/support/frame-log.js';
import { invalidFrames, startPair, type Pair } from '../unit/peers/support/pair.js';

/** The reference charging station's manual actions (control.perform), both versions, over real sockets. */
for (const version of ['1.6', '2.0.1'] as const) {
  const v16 = version === '1.6';
  const status = (p: Record<string, unknown>) => (v16 ? p.status : p.connectorStatus);
  const startAction = v16 ? 'StartTransaction' : 'TransactionEvent';

  describe(`reference CS manual actions, OCPP ${version}`, () => {
    let pair: Pair;
    afterEach(async () => pair?.close());

    it('lists its actions, including the runner vocabulary', async () => {
      pair = await startPair({ version });
      expect(pair.cs.control.actions).to.include.members(['plugIn', 'unplug', 'unplugEvSide', 'presentIdTag', 'reboot', 'fault', 'clearFault', 'disconnect', 'reconnect', 'suspendEV', 'resumeEV', 'driveIn', 'driveOut']);
      expect([...pair.cs.control.actions]).to.deep.equal([...CS_ACTIONS]);
    });

    it('rejects unknown actions, unknown connectors and impossible ones with a reason', async () => {
      pair = await startPair({ version });
      await expectRejection(pair.cs.control.perform('dance'), /unknown action "dance"/);
      await expectRejection(pair.cs.control.perform('plugIn', { connectorId: 7 }), /no connector 7: the station has 1/);
      await expectRejection(pair.cs.control.perform('unplug'), /not plugged in/);
      await pair.cs.control.perform('plugIn');
      await expectRejection(pair.cs.control.perform('plugIn'), /already plugged in/);
    });

    it('fault and clearFault report Faulted and back to Available', async () => {
      pair = await startPair({ version });
      const mark = pair.log.mark();
      await pair.cs.control.perform('fault', { connectorId: 1, errorCode: 'GroundFailure' });
      const faulted = await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => status(p) === 'Faulted' });
      if (v16) expect(faulted).to.include({ connectorId: 1, errorCode: 'GroundFailure' });
      expect(pair.cs.state.connectors[0]).to.include({ status: 'Faulted', fault: 'GroundFailure' });
      await pair.cs.control.perform('clearFault', { connectorId: 1 });
      await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => status(p) === 'Available' });
      expect(invalidFrames(pair)).to.deep.equal([]);
    });

    it('a fault on connector 0 faults the station as a whole (1.6 connector 0)', async function () {
      if (!v16) this.skip();
      pair = await startPair({ version });
      const mark = pair.log.mark();
      await pair.cs.control.perform('fault', { connectorId: 0, errorCode: 'PowerMeterFailure' });
      expect(await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => p.status === 'Faulted' })).to.include({ connectorId: 0, errorCode: 'PowerMeterFailure' });
    });

    it('suspendEV and resumeEV pause and resume the energy transfer', async () => {
      pair = await startPair({ version });
      await pair.cs.control.perform('plugIn');
      await pair.cs.control.perform('presentIdTag');
      await pair.log.nextCall(startAction);
      const mark = pair.log.mark();
      await pair.cs.control.perform('suspendEV');
      if (v16) await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => p.status === 'SuspendedEV' });
      else await pair.log.nextCall('TransactionEvent', { from: mark, where: (p) => (p.transactionInfo as { chargingState?: string }).chargingState === 'SuspendedEV' });
      await pair.cs.control.perform('resumeEV');
      if (v16) await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => p.status === 'Charging' });
      else await pair.log.nextCall('TransactionEvent', { from: mark, where: (p) => p.triggerReason === 'ChargingStateChanged' && (p.transactionInfo as { chargingState?: string }).chargingState === 'Charging' });
    });

    it('reboot (power cycle) boots again and reports the interrupted transaction as ended by power loss', async () => {
      pair = await startPair({ version });
      await pair.cs.control.perform('plugIn');
      await pair.cs.control.perform('presentIdTag');
      // Wait until the CSMS answered the start (1.6) / the Started and Charging events (2.0.1).
      await pair.log.waitFor({ type: 'CALLRESULT', action: startAction }, { count: v16 ? 1 : 2 });
      const mark = pair.log.mark();
      const booted = nextEvent(pair.cs.events, 'boot', (s) => s === 'Accepted');
      await pair.cs.control.perform('reboot');
      await booted;
      const boot = await pair.log.nextCall('BootNotification', { from: mark });
      if (v16) {
        expect(await pair.log.nextCall('StopTransaction', { from: mark })).to.include({ reason: 'PowerLoss' });
      } else {
        expect(boot.reason).to.equal('PowerUp');
        await pair.log.nextCall('SecurityEventNotification', { from: mark, where: (p) => p.type === 'StartupOfTheDevice' });
        // A message whose answer was lost in the power cut is sent again first (at-least-once delivery).
        const ended = await pair.log.nextCall('TransactionEvent', { from: mark, where: (p) => p.eventType === 'Ended' });
        expect(ended).to.deep.include({ eventType: 'Ended', triggerReason: 'AbnormalCondition' });
        expect(ended.transactionInfo).to.include({ stoppedReason: 'PowerLoss' });
      }
      // The cable is still in: the connector is reported occupied after the boot.
      await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => status(p) === (v16 ? 'Preparing' : 'Occupied') });
      expect(pair.cs.state.bootCount).to.equal(2);
      expect(invalidFrames(pair)).to.deep.equal([]);
    });

    it('disconnect and reconnect: no new boot, and what happened offline is delivered after reconnecting', async () => {
      pair = await startPair({ version });
      await pair.cs.control.perform('plugIn');
      await pair.cs.control.perform('presentIdTag');
      await (v16 ? pair.log.nextResult('StartTransaction') : pair.log.nextCall('TransactionEvent', { where: (p) => p.triggerReason === 'ChargingStateChanged' }));
      await pair.cs.control.perform('disconnect');
      expect(pair.cs.state.connected).to.equal(false);
      await pair.cs.control.perform('presentIdTag'); // the same tag stops the transaction, offline
      expect(pair.cs.state.queuedTransactionMessages).to.be.at.least(1);
      const mark = pair.log.mark();
      await pair.cs.control.perform('reconnect');
      if (v16) expect(await pair.log.nextCall('StopTransaction', { from: mark })).to.include({ reason: 'Local', transactionId: 1 });
      else {
        const ended = await pair.log.nextCall('TransactionEvent', { from: mark, where: (p) => p.eventType === 'Ended' });
        expect(ended).to.include({ offline: true });
        expect(ended.transactionInfo).to.include({ stoppedReason: 'Local' });
      }
      expect(pair.log.calls('BootNotification', mark)).to.have.length(0);
      // Once the CSMS has answered, the queue is empty: 2.0.1 says so itself (GetTransactionStatus).
      await pair.log.nextResult(v16 ? 'StopTransaction' : 'TransactionEvent', { from: mark });
      if (v16) await pair.csms.sendCall('REF-CS-1', 'GetLocalListVersion', {});
      else expect(await pair.csms.sendCall('REF-CS-1', 'GetTransactionStatus', {})).to.deep.equal({ messagesInQueue: false });
      expect(pair.cs.state.queuedTransactionMessages).to.equal(0);
      expect(invalidFrames(pair)).to.deep.equal([]);
    });

    it('configure sets a key / variable directly, as a technician would', async () => {
      pair = await startPair({ version });
      const name = v16 ? 'MeterValueSampleInterval' : 'SampledDataCtrlr.TxUpdatedInterval';
      await pair.cs.control.perform('configure', { key: name, value: '5' });
      expect(pair.cs.state.config(name)).to.equal('5');
      await expectRejection(pair.cs.control.perform('configure', { key: 'NoSuchKey.Nope', value: '1' }), /unknown/);
    });

    it('presentIdTag with a type sends that idToken type (2.0.1) and drive in/out are accepted without effect', async () => {
      pair = await startPair({ version });
      await pair.cs.control.perform('driveIn');
      await pair.cs.control.perform('presentIdTag', { idTag: 'VALID-TAG-1', type: 'Central' });
      const authorize = await pair.log.nextCall('Authorize');
      if (!v16) expect(authorize.idToken).to.deep.equal({ idToken: 'VALID-TAG-1', type: 'Central' });
      await pair.cs.control.perform('driveOut');
    });
  });
}

async function expectRejection(p: Promise<unknown>, message: RegExp): Promise<void> {
  try {
    await p;
  } catch (e) {
    expect((e as Error).message).to.match(message);
    return;
  }
  expect.fail(`expected a rejection matching ${message}`);
}
