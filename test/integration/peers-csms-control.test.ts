import { expect } from 'chai';
import { CSMS_ACTIONS } from '../../src/peers/reference-csms/index.js';
import { nextEvent } from '../unit/peers/support/frame-log.js';
import { IDENTITY, invalidFrames, startPair, type Pair } from '../unit/peers/support/pair.js';

/**
 * The reference CSMS's operations (control.perform) against the reference charging station, both
 * versions: each request goes out in the station's version and the station answers and acts per spec.
 */
for (const version of ['1.6', '2.0.1'] as const) {
  const v16 = version === '1.6';
  const status = (p: Record<string, unknown>) => (v16 ? p.status : p.connectorStatus);
  const startAction = v16 ? 'StartTransaction' : 'TransactionEvent';

  describe(`reference CSMS operations against the reference CS, OCPP ${version}`, () => {
    let pair: Pair;
    afterEach(async () => {
      if (pair) expect(invalidFrames(pair)).to.deep.equal([]);
      await pair?.close();
    });
    const perform = (action: string, params: Record<string, unknown> = {}) => pair.csms.control.perform(action, params);
    const answerTo = (action: string, from: number) => pair.log.nextResult(action, { from });

    it('lists its operations', async () => {
      pair = await startPair({ version });
      expect([...pair.csms.control.actions]).to.deep.equal([...CSMS_ACTIONS]);
      expect(pair.csms.control.actions).to.include.members(['remoteStart', 'remoteStop', 'reset', 'changeAvailability', 'triggerMessage', 'call', 'csmsSend']);
    });

    it('changeAvailability: Inoperative makes the connector Unavailable, Operative brings it back', async () => {
      pair = await startPair({ version });
      const mark = pair.log.mark();
      await perform('changeAvailability', { connectorId: 1, type: 'Inoperative' });
      expect(await answerTo('ChangeAvailability', mark)).to.deep.equal({ status: 'Accepted' });
      await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => status(p) === 'Unavailable' });
      await perform('changeAvailability', { connectorId: 1, type: 'Operative' });
      await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => status(p) === 'Available' });
    });

    it('changeAvailability during a transaction is Scheduled and applied when it ends', async () => {
      pair = await startPair({ version });
      await pair.cs.control.perform('plugIn');
      await pair.cs.control.perform('presentIdTag');
      await pair.log.waitFor({ type: 'CALLRESULT', action: startAction });
      const mark = pair.log.mark();
      await perform('changeAvailability', { connectorId: 1, type: 'Inoperative' });
      expect(await answerTo('ChangeAvailability', mark)).to.deep.equal({ status: 'Scheduled' });
      await pair.cs.control.perform('unplug');
      await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => status(p) === 'Unavailable' });
    });

    it('changeConfiguration / setVariables, then getConfiguration / getVariables read the new value', async () => {
      pair = await startPair({ version });
      const mark = pair.log.mark();
      const key = v16 ? { key: 'MeterValueSampleInterval' } : { component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval' };
      await perform('changeConfiguration', { ...key, value: '17' });
      const changed = await answerTo(v16 ? 'ChangeConfiguration' : 'SetVariables', mark);
      if (v16) expect(changed).to.deep.equal({ status: 'Accepted' });
      else expect((changed.setVariableResult as Array<{ attributeStatus: string }>)[0].attributeStatus).to.equal('Accepted');
      await perform('getConfiguration', v16 ? { key: ['MeterValueSampleInterval', 'NoSuchKey'] } : key);
      const read = await answerTo(v16 ? 'GetConfiguration' : 'GetVariables', mark);
      if (v16) expect(read).to.deep.equal({ configurationKey: [{ key: 'MeterValueSampleInterval', readonly: false, value: '17' }], unknownKey: ['NoSuchKey'] });
      else expect(read.getVariableResult).to.deep.equal([{ attributeStatus: 'Accepted', attributeType: 'Actual', component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedInterval' }, attributeValue: '17' }]);
    });

    it('a read-only key / variable is Rejected, an unknown one NotSupported / UnknownVariable', async () => {
      pair = await startPair({ version });
      const readonly = v16 ? { key: 'NumberOfConnectors' } : { component: 'ChargingStation', variable: 'SupplyPhases' };
      const unknown = v16 ? { key: 'NoSuchKey' } : { component: 'TxCtrlr', variable: 'NoSuchVariable' };
      const results: unknown[] = [];
      for (const target of [readonly, unknown]) {
        const mark = pair.log.mark();
        await perform('changeConfiguration', { ...target, value: '3' });
        const a = await answerTo(v16 ? 'ChangeConfiguration' : 'SetVariables', mark);
        results.push(v16 ? a.status : (a.setVariableResult as Array<{ attributeStatus: string }>)[0].attributeStatus);
      }
      expect(results).to.deep.equal(v16 ? ['Rejected', 'NotSupported'] : ['Rejected', 'UnknownVariable']);
    });

    it('changing the heartbeat interval takes effect at once', async () => {
      pair = await startPair({ version });
      const mark = pair.log.mark();
      await perform('changeConfiguration', v16 ? { key: 'HeartbeatInterval', value: '2' } : { component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval', value: '2' });
      await pair.log.waitFor({ action: 'Heartbeat', type: 'CALL' }, { from: mark, count: 2 });
    });

    it('reset: the station ends its transaction, reboots and boots again', async () => {
      pair = await startPair({ version });
      await pair.cs.control.perform('plugIn');
      await pair.cs.control.perform('presentIdTag');
      await pair.log.waitFor({ type: 'CALLRESULT', action: startAction });
      const mark = pair.log.mark();
      await perform('reset', { type: v16 ? 'Hard' : 'Immediate' });
      expect(await answerTo('Reset', mark)).to.deep.equal({ status: 'Accepted' });
      if (v16) expect(await pair.log.nextCall('StopTransaction', { from: mark })).to.include({ reason: 'HardReset' });
      else expect((await pair.log.nextCall('TransactionEvent', { from: mark, where: (p) => p.eventType === 'Ended' })).transactionInfo).to.include({ stoppedReason: 'ImmediateReset' });
      const boot = await pair.log.nextCall('BootNotification', { from: mark });
      if (!v16) {
        expect(boot.reason).to.equal('RemoteReset');
        await pair.log.nextCall('SecurityEventNotification', { from: mark, where: (p) => p.type === 'ResetOrReboot' });
      }
      await pair.cs.waitForBoot();
    });

    it('reset OnIdle (2.0.1) during a transaction is Scheduled and happens once it ends', async function () {
      if (v16) this.skip();
      pair = await startPair({ version });
      await pair.cs.control.perform('plugIn');
      await pair.cs.control.perform('presentIdTag');
      await pair.log.waitFor({ type: 'CALLRESULT', action: 'TransactionEvent' });
      const mark = pair.log.mark();
      await perform('reset', { type: 'OnIdle' });
      expect(await answerTo('Reset', mark)).to.deep.equal({ status: 'Scheduled' });
      await pair.cs.control.perform('unplug');
      await pair.log.nextCall('BootNotification', { from: mark });
    });

    it('triggerMessage makes the station send the requested message', async () => {
      pair = await startPair({ version });
      for (const requestedMessage of ['Heartbeat', 'StatusNotification', 'MeterValues']) {
        const mark = pair.log.mark();
        await perform('triggerMessage', { requestedMessage, connectorId: 1 });
        expect(await answerTo('TriggerMessage', mark)).to.deep.equal({ status: 'Accepted' });
        await pair.log.nextCall(requestedMessage, { from: mark });
      }
      const mark = pair.log.mark();
      await perform('triggerMessage', { requestedMessage: 'BootNotification' });
      // 1.6 boots again on request; a 2.0.1 station already accepted refuses (F06).
      expect(await answerTo('TriggerMessage', mark)).to.deep.equal({ status: v16 ? 'Accepted' : 'Rejected' });
    });

    it('unlockConnector, clearCache, dataTransfer and a generic call are answered per spec', async () => {
      pair = await startPair({ version });
      const mark = pair.log.mark();
      await perform('unlockConnector', { connectorId: 1 });
      expect(await answerTo('UnlockConnector', mark)).to.deep.equal({ status: 'Unlocked' });
      await perform('clearCache');
      expect(await answerTo('ClearCache', mark)).to.deep.equal({ status: 'Accepted' });
      await perform('dataTransfer', { vendorId: 'com.example' });
      expect(await answerTo('DataTransfer', mark)).to.deep.equal({ status: 'UnknownVendorId' });
      const answer = await pair.csms.sendCall(IDENTITY, 'GetLocalListVersion', {});
      expect(answer).to.deep.equal(v16 ? { listVersion: 0 } : { versionNumber: 0 });
      await perform('csmsSend', { action: 'GetLocalListVersion', payload: {} });
    });

    it('sendLocalList installs a list the station then uses offline-first (LocalPreAuthorize)', async () => {
      pair = await startPair({ version, cs: { config: v16 ? { LocalPreAuthorize: 'true' } : { 'AuthCtrlr.LocalPreAuthorize': 'true' } } });
      const mark = pair.log.mark();
      await perform('sendLocalList', { listVersion: 4, idTags: ['VALID-TAG-1'] });
      expect(await answerTo('SendLocalList', mark)).to.deep.equal({ status: 'Accepted' });
      await perform('getLocalListVersion');
      expect(await answerTo('GetLocalListVersion', mark)).to.deep.equal(v16 ? { listVersion: 4 } : { versionNumber: 4 });
      await pair.cs.control.perform('plugIn');
      await pair.cs.control.perform('presentIdTag', { idTag: 'VALID-TAG-1' });
      await pair.log.nextCall(startAction, { from: mark });
      expect(pair.log.calls('Authorize', mark)).to.have.length(0);
      // A Differential update needs a newer version.
      const again = pair.log.mark();
      await perform('sendLocalList', { listVersion: 4, updateType: 'Differential', idTags: [] });
      expect(await answerTo('SendLocalList', again)).to.deep.equal({ status: 'VersionMismatch' });
    });

    it('reserveNow makes the connector Reserved for that tag only; cancelReservation frees it', async () => {
      pair = await startPair({ version });
      const mark = pair.log.mark();
      await perform('reserveNow', { connectorId: 1, idTag: 'VALID-TAG-1', reservationId: 5 });
      expect(await answerTo('ReserveNow', mark)).to.deep.equal({ status: 'Accepted' });
      await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => status(p) === 'Reserved' });
      await perform('reserveNow', { connectorId: 1, idTag: 'VALID-TAG-2', reservationId: 6 });
      expect(await pair.log.nextResult('ReserveNow', { from: mark, where: (p) => p.status !== 'Accepted' })).to.deep.equal({ status: 'Occupied' });
      await perform('cancelReservation', { reservationId: 5 });
      expect(await answerTo('CancelReservation', mark)).to.deep.equal({ status: 'Accepted' });
      await pair.log.nextCall('StatusNotification', { from: mark, where: (p) => status(p) === 'Available' });
      expect(pair.cs.state.reservations).to.deep.equal([]);
    });

    it('a reservation is used by its tag: the transaction carries the reservationId', async () => {
      pair = await startPair({ version });
      await perform('reserveNow', { connectorId: 1, idTag: 'VALID-TAG-1', reservationId: 9 });
      await pair.cs.control.perform('plugIn');
      await pair.cs.control.perform('presentIdTag', { idTag: 'VALID-TAG-1' });
      expect((await pair.log.nextCall(startAction)).reservationId).to.equal(9);
    });

    it('setChargingProfile shapes the composite schedule', async () => {
      pair = await startPair({ version });
      const mark = pair.log.mark();
      await perform('setChargingProfile', { connectorId: 1, limit: 10, purpose: 'TxDefaultProfile' });
      expect(await answerTo('SetChargingProfile', mark)).to.deep.equal({ status: 'Accepted' });
      await perform('getCompositeSchedule', { connectorId: 1, duration: 600 });
      const answer = await answerTo('GetCompositeSchedule', mark);
      expect(answer.status).to.equal('Accepted');
      const schedule = (v16 ? answer.chargingSchedule : answer.schedule) as { chargingSchedulePeriod: Array<{ limit: number }> };
      expect(schedule.chargingSchedulePeriod[0].limit).to.equal(10);
      await perform('clearChargingProfile', { profileId: 1 });
      expect(await answerTo('ClearChargingProfile', mark)).to.deep.equal({ status: 'Accepted' });
    });

    it('updateFirmware: download, install, reboot, and Installed after the boot', async () => {
      pair = await startPair({ version, cs: { transferStepSeconds: 1 } });
      const mark = pair.log.mark();
      await perform('updateFirmware', { location: 'https://firmware.example/v2.bin' });
      const installed = await pair.log.nextCall('FirmwareStatusNotification', { from: mark, where: (p) => p.status === 'Installed' });
      const statuses = pair.log.calls('FirmwareStatusNotification', mark).map((p) => p.status);
      expect(statuses).to.deep.equal(v16 ? ['Downloading', 'Downloaded', 'Installing', 'Installed'] : ['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'InstallRebooting', 'Installed']);
      const boot = await pair.log.nextCall('BootNotification', { from: mark });
      if (!v16) {
        expect(boot.reason).to.equal('FirmwareUpdate');
        expect(installed.requestId).to.be.a('number');
      }
    });

    it('a firmware download that fails is reported DownloadFailed', async () => {
      pair = await startPair({ version, cs: { transferStepSeconds: 1 } });
      const mark = pair.log.mark();
      await perform('updateFirmware', { location: 'https://firmware.example/fail.bin' });
      await pair.log.nextCall('FirmwareStatusNotification', { from: mark, where: (p) => p.status === 'DownloadFailed' });
    });

    it('getDiagnostics (1.6) / getLog upload with status notifications', async () => {
      pair = await startPair({ version, cs: { transferStepSeconds: 1 } });
      const mark = pair.log.mark();
      await perform('getDiagnostics', { location: 'ftp://logs.example/in' });
      const answer = await answerTo(v16 ? 'GetDiagnostics' : 'GetLog', mark);
      expect(v16 ? answer.fileName : answer.filename).to.be.a('string');
      const notice = v16 ? 'DiagnosticsStatusNotification' : 'LogStatusNotification';
      await pair.log.nextCall(notice, { from: mark, where: (p) => p.status === 'Uploaded' });
      expect(pair.log.calls(notice, mark).map((p) => p.status)).to.deep.equal(['Uploading', 'Uploaded']);
    });

    it('getBaseReport (2.0.1) arrives as NotifyReport parts with seqNo in order and tbc on all but the last', async function () {
      if (v16) this.skip();
      pair = await startPair({ version, cs: { connectors: 2 } });
      const mark = pair.log.mark();
      await perform('getBaseReport', { requestId: 42, reportBase: 'FullInventory' });
      expect(await answerTo('GetBaseReport', mark)).to.deep.equal({ status: 'Accepted' });
      await pair.log.nextCall('NotifyReport', { from: mark, where: (p) => p.tbc === false });
      const parts = pair.log.calls('NotifyReport', mark);
      expect(parts.map((p) => p.seqNo)).to.deep.equal(parts.map((_, i) => i));
      expect(parts.every((p) => p.requestId === 42)).to.equal(true);
      await pair.log.waitFor({ type: 'CALLRESULT', action: 'NotifyReport' }, { from: mark, count: parts.length });
      const items = pair.csms.stations.get(IDENTITY)!.reports.get(42)!;
      const names = items.map((i) => `${(i as { component: { name: string } }).component.name}.${(i as { variable: { name: string } }).variable.name}`);
      expect(names).to.include.members(['OCPPCommCtrlr.HeartbeatInterval', 'TxCtrlr.TxStartPoint', 'EVSE.AvailabilityState', 'Connector.ConnectorType']);
      expect(names.filter((n) => n === 'EVSE.Power')).to.have.length(2);
    });

    it('rejects an operation it does not know, and names the station when several are connected', async () => {
      pair = await startPair({ version });
      try {
        await perform('explode');
        expect.fail('should reject');
      } catch (e) {
        expect((e as Error).message).to.match(/unknown action "explode"/);
      }
      try {
        await perform('clearCache', { stationId: 'nobody' });
        expect.fail('should reject');
      } catch (e) {
        expect((e as Error).message).to.match(/station "nobody" is not connected/);
      }
    });
  });
}

describe('reference CSMS boot answers', () => {
  let pair: Pair;
  afterEach(async () => pair?.close());

  for (const version of ['1.6', '2.0.1'] as const) {
    it(`${version}: a Pending boot is retried after the interval and accepted later`, async () => {
      pair = await startPair({ version, booted: false, csms: { bootStatus: (_id, n) => (n < 3 ? 'Pending' : 'Accepted'), bootRetryInterval: 2 } });
      await pair.cs.waitForBoot();
      const boots = pair.log.matching({ action: 'BootNotification', type: 'CALL' });
      expect(boots).to.have.length(3);
      const gaps = boots.slice(1).map((b, i) => Date.parse(b.ts) - Date.parse(boots[i].ts));
      expect(Math.min(...gaps)).to.be.at.least(15); // 2 protocol seconds of 10 ms, give or take a timer tick
      await pair.log.waitFor({ action: 'StatusNotification', type: 'CALL' });
      expect(pair.log.matching({ action: 'StatusNotification' }).every((r) => r.ts >= boots[2].ts)).to.equal(true);
    });

    it(`${version}: a Rejected station sends nothing but BootNotification retries`, async () => {
      pair = await startPair({ version, booted: false, csms: { bootStatus: 'Rejected', bootRetryInterval: 1 } });
      await pair.log.waitFor({ action: 'BootNotification', type: 'CALL' }, { count: 3 });
      expect(pair.log.records.every((r) => r.action === 'BootNotification')).to.equal(true);
      expect(pair.cs.state.bootStatus).to.equal('Rejected');
    });
  }
});

describe('reference CSMS handshake', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await pair?.close();
    pair = undefined;
  });

  it('accepts a station with the right Basic auth password and refuses a wrong one (401)', async () => {
    pair = await startPair({ version: '1.6', csms: { passwords: { [IDENTITY]: 's3cret-password' } }, cs: { password: 's3cret-password' } });
    expect(pair.csms.stations.get(IDENTITY)?.bootStatus).to.equal('Accepted');
    await pair.close();
    pair = await startPair({ version: '1.6', booted: false, csms: { passwords: { [IDENTITY]: 's3cret-password' } }, cs: { password: 'wrong' } });
    const [event] = await nextEvent(pair.cs.events, 'connection', (e: { event: string; message?: unknown }) => e.event === 'error');
    expect(String(event.message)).to.match(/401/);
    expect(pair.cs.state.connected).to.equal(false);
  });

  it('refuses unknown stations with 404 when it has a list of known ones', async () => {
    pair = await startPair({ version: '2.0.1', booted: false, csms: { knownStations: ['SOMEONE-ELSE'] } });
    const [event] = await nextEvent(pair.cs.events, 'connection', (e: { event: string; message?: unknown }) => e.event === 'error');
    expect(String(event.message)).to.match(/404/);
  });

  it('picks the subprotocol the station offered, and closes a station whose version it does not accept', async () => {
    pair = await startPair({ version: '2.0.1', booted: false, csms: { versions: ['1.6'] } });
    const [refused] = await nextEvent(pair.csms.events, 'connection', (e: { event: string; reason?: unknown }) => e.event === 'refused');
    expect(String(refused.reason)).to.match(/no supported subprotocol among \[ocpp2\.0\.1\]/);
    expect(pair.log.records).to.deep.equal([]);
    await pair.close();
    pair = await startPair({ version: '1.6', csms: { versions: ['2.0.1', '1.6'] } });
    expect(pair.csms.stations.get(IDENTITY)?.version).to.equal('1.6');
  });
});
