import { expect } from 'chai';
import { invalidFrames, startPair, type Pair } from '../unit/peers/support/pair.js';

/**
 * 2.0.1 transaction start and stop points (TxCtrlr.TxStartPoint / TxStopPoint, Part 2 E01-E07): the
 * reference station starts at the first start point reached and ends when a stop point it reached stops
 * holding, each change one TransactionEvent with the triggerReason that caused it.
 */
type Event = { eventType: string; triggerReason: string; seqNo: number; chargingState?: string; stoppedReason?: string; evse?: boolean; idToken?: boolean };

function summary(pair: Pair): Event[] {
  return pair.log.calls('TransactionEvent').map((p) => {
    const info = p.transactionInfo as { chargingState?: string; stoppedReason?: string };
    const e: Event = { eventType: String(p.eventType), triggerReason: String(p.triggerReason), seqNo: Number(p.seqNo) };
    if (info.chargingState) e.chargingState = info.chargingState;
    if (info.stoppedReason) e.stoppedReason = info.stoppedReason;
    if (p.evse) e.evse = true;
    if (p.idToken) e.idToken = true;
    return e;
  });
}

describe('reference CS, 2.0.1 TxStartPoint / TxStopPoint', () => {
  let pair: Pair;
  afterEach(async () => {
    expect(invalidFrames(pair)).to.deep.equal([]);
    await pair.close();
  });
  const start = (config: Record<string, string>) => startPair({ version: '2.0.1', cs: { config } });
  const ended = () => pair.log.nextCall('TransactionEvent', { where: (p) => p.eventType === 'Ended' });

  it('EVConnected / EVConnected: starts at plug-in, a second presentation only stops the energy, unplugging ends it', async () => {
    pair = await start({ 'TxCtrlr.TxStartPoint': 'EVConnected', 'TxCtrlr.TxStopPoint': 'EVConnected' });
    await pair.cs.control.perform('plugIn');
    await pair.log.nextCall('TransactionEvent');
    await pair.cs.control.perform('presentIdTag');
    await pair.log.nextCall('TransactionEvent', { where: (p) => p.triggerReason === 'ChargingStateChanged' });
    await pair.cs.control.perform('presentIdTag');
    await pair.log.nextCall('TransactionEvent', { where: (p) => p.triggerReason === 'ChargingStateChanged' && (p.transactionInfo as { chargingState: string }).chargingState === 'EVConnected' });
    await pair.cs.control.perform('unplug');
    await ended();
    expect(summary(pair)).to.deep.equal([
      { eventType: 'Started', triggerReason: 'CablePluggedIn', seqNo: 0, chargingState: 'EVConnected', evse: true },
      { eventType: 'Updated', triggerReason: 'Authorized', seqNo: 1, idToken: true },
      { eventType: 'Updated', triggerReason: 'ChargingStateChanged', seqNo: 2, chargingState: 'Charging' },
      { eventType: 'Updated', triggerReason: 'StopAuthorized', seqNo: 3, idToken: true },
      { eventType: 'Updated', triggerReason: 'ChargingStateChanged', seqNo: 4, chargingState: 'EVConnected' },
      { eventType: 'Ended', triggerReason: 'EVCommunicationLost', seqNo: 5, chargingState: 'Idle', stoppedReason: 'Local' },
    ]);
  });

  it('Authorized / Authorized: starts at authorization before the EV (no EVSE chosen yet), names the EVSE at plug-in, ends at the second presentation', async () => {
    pair = await start({ 'TxCtrlr.TxStartPoint': 'Authorized', 'TxCtrlr.TxStopPoint': 'Authorized' });
    await pair.cs.control.perform('presentIdTag');
    await pair.log.nextCall('TransactionEvent');
    await pair.cs.control.perform('plugIn');
    await pair.log.nextCall('TransactionEvent', { where: (p) => p.triggerReason === 'ChargingStateChanged' });
    await pair.cs.control.perform('presentIdTag');
    await ended();
    expect(summary(pair)).to.deep.equal([
      { eventType: 'Started', triggerReason: 'Authorized', seqNo: 0, chargingState: 'Idle', idToken: true },
      { eventType: 'Updated', triggerReason: 'CablePluggedIn', seqNo: 1, chargingState: 'EVConnected', evse: true },
      { eventType: 'Updated', triggerReason: 'ChargingStateChanged', seqNo: 2, chargingState: 'Charging' },
      { eventType: 'Updated', triggerReason: 'StopAuthorized', seqNo: 3, idToken: true },
      { eventType: 'Ended', triggerReason: 'ChargingStateChanged', seqNo: 4, chargingState: 'EVConnected', stoppedReason: 'Local' },
    ]);
  });

  it('EnergyTransfer: the transaction starts when energy flows', async () => {
    pair = await start({ 'TxCtrlr.TxStartPoint': 'EnergyTransfer' });
    await pair.cs.control.perform('plugIn');
    await pair.cs.control.perform('presentIdTag');
    await pair.log.nextCall('TransactionEvent');
    expect(summary(pair)[0]).to.deep.equal({ eventType: 'Started', triggerReason: 'ChargingStateChanged', seqNo: 0, chargingState: 'Charging', evse: true, idToken: true });
  });

  it('a CSMS that refuses the idToken in its TransactionEvent answer ends the transaction (StopTxOnInvalidId)', async () => {
    pair = await startPair({ version: '2.0.1', csms: { idTags: { valid: [] } }, cs: { config: { 'TxCtrlr.TxStartPoint': 'EVConnected', 'AuthCtrlr.LocalPreAuthorize': 'true' }, localAuthList: [{ idTag: 'LISTED', status: 'Accepted' }] } });
    await pair.cs.control.perform('plugIn');
    await pair.cs.control.perform('presentIdTag', { idTag: 'LISTED' });
    const end = await ended();
    expect(end.triggerReason).to.equal('Deauthorized');
    expect(end.transactionInfo).to.include({ stoppedReason: 'DeAuthorized' });
    expect(pair.log.calls('Authorize')).to.have.length(0);
  });
});
