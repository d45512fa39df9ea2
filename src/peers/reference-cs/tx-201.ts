import type { Payload } from '../../ocpp/frame.js';
import type { TimerHandle } from '../timers.js';
import { authorizeIdTag, idTagInfoOf } from './authorize.js';
import { cachesAnswer201 } from './auth-cache-201.js';
import { isMasterPass201, stopsRunning201 } from './group-id-201.js';
import { limitEnergyOnInvalid201 } from './max-energy-201.js';
import type { Connector } from './connectors.js';
import { meterValue } from './meter.js';
import { signReadings201 } from './signed-meter-201.js';
import { startEndedSampling } from './tx-ended-samples-201.js';
import { startPointReached201, startTrigger201, stopPointLost201, stopTxOnEvSideDisconnect201, txConditions201, txStartPoints201, type TxConditions } from './tx-points-201.js';
import { takeReservation201 } from './reservation-201.js';
import { costInAnswer201 } from './tariff-cost-201.js';
import type { Station, TxEngine } from './station.js';
import { measurandsFor201, newTx201, transactionEvent201, type EventOptions, type EventType, type IdToken, type Tx201 } from './tx-event-201.js';

export type { IdToken } from './tx-event-201.js';

interface PendingAuth {
  idToken: IdToken;
  groupIdToken?: string;
  remoteStartId?: number;
  /** Presented at no EVSE in particular. */
  evseUnknown?: boolean;
  /** The reservation this authorization used (reported in the Started event). */
  reservationId?: number;
}

/**
 * OCPP 2.0.1 transactions (Part 2 E01-E07, E14, F01-F03): one TransactionEvent stream per transaction,
 * seqNo counting from 0, started at the first TxStartPoint reached and ended at the first TxStopPoint
 * that stops holding. The station assigns the transactionId. Every change is one event whose
 * triggerReason says what happened (CablePluggedIn, Authorized, RemoteStart, ChargingStateChanged ...);
 * what each event carries is made in tx-event-201.ts.
 */
export class TxEngine201 implements TxEngine {
  private readonly txs = new Map<Connector, Tx201>();
  private readonly pending = new Map<Connector, PendingAuth>();
  private readonly plugTimeouts = new Map<Connector, TimerHandle>();
  /** Where a master pass was presented on a station with a user interface, until the holder chooses. */
  private masterPassAt?: Connector;
  private masterPassToken?: IdToken;
  /** Remote starts still being authorized (AuthorizeRemoteStart): a transaction the EV starts meanwhile is the remote one. */
  private readonly remoteAuthorizing = new Map<Connector, number>();
  onTxEnded: () => void = () => undefined;

  constructor(private readonly st: Station) {}

  transactions(): Array<{ evseId: number; transactionId: string; idTag: string | undefined; chargingState: string | undefined }> {
    return [...this.txs].map(([c, tx]) => ({ evseId: c.evseId, transactionId: tx.transactionId, idTag: tx.idToken?.idToken, chargingState: tx.reportedChargingState }));
  }

  txOf(c: Connector): { transactionId: string } | undefined {
    return this.txs.get(c);
  }

  authorizedAt(c: Connector): boolean {
    return this.pending.has(c) || !!this.txs.get(c)?.authorized;
  }

  /** The master pass holder's choice on the display (C16.FR.01): every transaction (evseId undefined) or one EVSE's. */
  masterPassChoose(evseId: number | undefined): void {
    const at = this.masterPassAt;
    if (!at) throw new Error('no master pass was presented');
    this.masterPassAt = undefined;
    const faults = this.st.faults;
    for (const [c, tx] of [...this.txs]) {
      const chosen = evseId === undefined ? !faults.has('master-pass-201-stops-one') || c === at : c.evseId === evseId || faults.has('master-pass-201-ui-stops-all');
      if (tx.authorized && chosen) this.deauthorize(c, 'masterpass');
    }
  }

  connectorOfTransaction(transactionId: string): Connector | undefined {
    return [...this.txs].find(([, tx]) => tx.transactionId === transactionId)?.[0];
  }

  async presentIdTag(idTag: string, connector: Connector | undefined, tokenType?: string): Promise<void> {
    const st = this.st;
    const own = [...this.txs].find(([c, tx]) => (!connector || c === connector) && tx.authorized && tx.idToken?.idToken === idTag);
    if (own) return this.deauthorize(own[0], 'local');
    const target = connector ?? this.pickConnector();
    if (!target || this.pending.has(target)) return;
    const idToken = { idToken: idTag, type: tokenType ?? st.opts.idTokenType };
    const info = st.faults.has('start-before-authorize') ? { status: 'Accepted' } : await authorizeIdTag(st, idTag, idToken.type);
    st.events.emit('authorization', idTag, info.status);
    // A master pass (C16) never starts a transaction; without UI it stops every authorized one, with UI those the holder chooses.
    if (isMasterPass201(st, info)) {
      this.masterPassToken = idToken;
      if (st.opts.masterPassUi) this.masterPassAt = target;
      else for (const [c, tx] of [...this.txs]) if (tx.authorized && (c === target || !st.faults.has('master-pass-201-stops-one'))) this.deauthorize(c, 'masterpass');
      return;
    }
    const running = this.txs.get(target);
    if (running?.authorized) {
      if (stopsRunning201(st, info, idTag, running)) this.deauthorize(target, 'local');
      return;
    }
    if (info.status !== 'Accepted' && !st.faults.has('charge-on-invalid-idtag')) return;
    if (st.blockedByReservation(target, idTag, info.parentIdTag)) return;
    this.authorizedEvent(target, { idToken, groupIdToken: info.parentIdTag, evseUnknown: !connector && !target.plugged }, 'Authorized');
  }

  /** RequestStartTransaction: the decision (answered at once) and what follows the answer. */
  requestStart(evseId: number | undefined, remoteStartId: number, idToken: IdToken): { status: 'Accepted' | 'Rejected'; transactionId?: string; proceed?: () => Promise<void> } {
    const st = this.st;
    if (st.faults.has('remote-start-rejected')) return { status: 'Rejected' };
    const c = evseId === undefined ? this.pickConnector() : st.connector(evseId);
    if (c?.plugged && st.faults.has('remote-start-rejected-when-occupied')) return { status: 'Rejected' };
    if (!c || c.fault || !c.operative || !st.stationOperative || this.pending.has(c) || this.txs.get(c)?.authorized) return { status: 'Rejected' };
    if (st.blockedByReservation(c, idToken.idToken) && !st.faults.has('reservation-201-remote-start-accepted')) return { status: 'Rejected' };
    const proceed = async () => {
      let groupIdToken: string | undefined;
      // Faults remote-start-not-authorized / remote-start-always-authorized: AuthorizeRemoteStart ignored.
      const authorize = st.settings.authorizeRemoteStart() ? !st.faults.has('remote-start-not-authorized') : st.faults.has('remote-start-always-authorized');
      if (authorize) {
        this.remoteAuthorizing.set(c, remoteStartId);
        const info = await authorizeIdTag(st, idToken.idToken, idToken.type).finally(() => this.remoteAuthorizing.delete(c));
        st.events.emit('authorization', idToken.idToken, info.status);
        if (info.status !== 'Accepted') return;
        groupIdToken = info.parentIdTag;
      }
      this.authorizedEvent(c, { idToken, groupIdToken, remoteStartId }, 'RemoteStart');
    };
    return { status: 'Accepted', transactionId: this.txs.get(c)?.transactionId, proceed };
  }

  requestStop(transactionId: string): { status: 'Accepted' | 'Rejected'; proceed?: () => void } {
    const c = this.connectorOfTransaction(transactionId);
    if (!c) return { status: this.st.faults.has('remote-stop-any-transaction') ? 'Accepted' : 'Rejected' };
    if (this.st.faults.has('remote-stop-ignored')) return { status: 'Accepted' };
    return { status: 'Accepted', proceed: () => this.deauthorize(c, 'remote') };
  }

  plugIn(c: Connector): void {
    c.plugged = true;
    this.plugTimeouts.get(c)?.cancel();
    const unknown = evseUnknownTx(this.txs, c);
    if (unknown) this.bindEvse(unknown, c);
    this.st.reportStatuses();
    const tx = this.txs.get(c);
    if (tx) {
      tx.evseSent = false; // the first event after plug-in names the EVSE and connector again
      // The Transaction.Begin values of a transaction that started before its EVSE was known go with its first EVSE (TC_J_08_CS).
      this.event(c, tx, 'Updated', 'CablePluggedIn', unknown && !this.st.faults.has('evse-unknown-begin-values-dropped') ? { meter: 'Transaction.Begin' } : {});
    } else if (this.startPointReached(c)) this.begin(c, startTrigger201(this.st, this.conditions(c, undefined), 'CablePluggedIn'));
    this.maybeEnergize(c);
  }

  unplug(c: Connector): void {
    c.plugged = false;
    c.evSuspended = false;
    const tx = this.txs.get(c);
    if (tx) tx.energizing = false;
    this.st.reportStatuses();
    if (!tx) return;
    // StopTxOnEVSideDisconnect is about the cable pulled out of the EV; otherwise only the stop points decide.
    if (this.stopPointLost(c, tx) || (c.evSideUnplugged && stopTxOnEvSideDisconnect201(this.st))) this.end(c, tx, 'EVCommunicationLost', tx.stopReason ?? 'EVDisconnected');
    else {
      this.event(c, tx, 'Updated', 'EVCommunicationLost');
      // A fixed cable: the driver has EVConnectionTimeOut to bring the EV back before the authorization lapses (E10.FR.02).
      if (this.st.opts.fixedCable && tx.authorized) this.armPlugTimeout(c);
    }
  }

  /** The bay sensor sees an EV arrive (E01 S1: TxStartPoint ParkingBayOccupancy starts the transaction, triggerReason EVDetected). */
  driveIn(c: Connector): void {
    c.bayOccupied = true;
    if (!this.txs.get(c) && this.startPointReached(c)) this.begin(c, 'EVDetected');
  }

  /** The EV leaves the bay (E06 S1: TxStopPoint ParkingBayOccupancy ends the transaction, triggerReason EVDeparted). */
  driveOut(c: Connector): void {
    c.bayOccupied = false;
    const tx = this.txs.get(c);
    if (tx && this.stopPointLost(c, tx)) this.end(c, tx, 'EVDeparted', tx.stopReason ?? 'Local');
  }

  setEvSuspended(c: Connector, suspended: boolean): void {
    c.evSuspended = suspended;
    const tx = this.txs.get(c);
    if (!tx?.energizing) return;
    // TxStopPoint EnergyTransfer: the EV pausing ends the energy transfer, and so the transaction (E06.FR.07).
    if (suspended && this.stopPointLost(c, tx)) this.end(c, tx, 'ChargingStateChanged', 'StoppedByEV');
    else this.event(c, tx, 'Updated', 'ChargingStateChanged');
  }

  /** The driver's authorization ends: presented again (local), RequestStopTransaction (remote), or refused by the CSMS. */
  deauthorize(c: Connector, how: 'local' | 'remote' | 'invalid' | 'masterpass'): void {
    const tx = this.txs.get(c);
    if (!tx || !tx.authorized) return;
    if (how === 'local') this.event(c, tx, 'Updated', 'StopAuthorized', { withIdToken: true });
    tx.authorized = false;
    tx.energizing = false;
    if (how === 'masterpass') tx.stopIdToken = this.masterPassToken;
    tx.stopReason = how === 'local' ? 'Local' : how === 'remote' ? 'Remote' : how === 'masterpass' ? 'MasterPass' : 'DeAuthorized';
    const trigger = how === 'local' ? 'ChargingStateChanged' : how === 'remote' ? 'RemoteStop' : how === 'masterpass' ? 'StopAuthorized' : 'Deauthorized';
    if (this.stopPointLost(c, tx)) this.end(c, tx, trigger, tx.stopReason);
    else this.event(c, tx, 'Updated', trigger);
  }

  /** Ends one EVSE's transaction for a Reset Immediate of that EVSE (B12.FR.08). */
  stopForEvseReset(c: Connector, stoppedReason = 'ImmediateReset'): void {
    const tx = this.txs.get(c);
    if (tx) this.end(c, tx, 'ResetCommand', stoppedReason);
  }

  stopAllForReset(kind: 'Hard' | 'Soft' | 'PowerLoss'): void {
    for (const [c, tx] of [...this.txs]) {
      if (kind === 'PowerLoss') this.end(c, tx, 'AbnormalCondition', 'PowerLoss');
      else this.end(c, tx, 'ResetCommand', kind === 'Hard' ? 'ImmediateReset' : 'Reboot');
    }
    this.forgetAfterPowerLoss();
  }

  forgetAfterPowerLoss(): void {
    for (const t of this.plugTimeouts.values()) t.cancel();
    this.pending.clear();
  }

  sampleMeter(c: Connector, context: 'Sample.Periodic' | 'Trigger'): void {
    const tx = this.txs.get(c);
    if (tx) return this.event(c, tx, 'Updated', context === 'Trigger' ? 'Trigger' : 'MeterValuePeriodic', { meter: context });
    const value = meterValue('2.0.1', c, this.st.settings.sampledMeasurands(), context, this.st.opts.chargingPowerW);
    this.st.send('MeterValues', { evseId: c.evseId, meterValue: [value] });
  }

  /** A clock-aligned sample (J01): in the running transaction's events (triggerReason MeterValueClock), else as MeterValues. */
  clockSample(c: Connector): void {
    const asPeriodic = this.st.faults.has('clock-aligned-201-as-periodic');
    const context = asPeriodic ? 'Sample.Periodic' : 'Sample.Clock';
    const tx = this.txs.get(c);
    if (tx) return this.event(c, tx, 'Updated', asPeriodic ? 'MeterValuePeriodic' : 'MeterValueClock', { meter: context });
    this.st.send('MeterValues', { evseId: c.evseId, meterValue: [signReadings201(this.st, meterValue('2.0.1', c, measurandsFor201(this.st, 'Sample.Clock'), context, this.st.opts.chargingPowerW))] });
  }

  /** TriggerMessage(TransactionEvent): an Updated event of the running transaction, if any. */
  triggerEvent(c: Connector): boolean {
    const tx = this.txs.get(c);
    if (!tx) return false;
    // F06.FR.07 as Part 6 TC_F_13/14_CS reads it: the current state, with the EVSE, chargingState and a Trigger meter sample.
    tx.evseSent = false;
    tx.reportedChargingState = undefined;
    this.event(c, tx, 'Updated', 'Trigger', { meter: this.st.faults.has('trigger-tx-event-without-meter') ? undefined : 'Trigger' });
    return true;
  }

  private authorizedEvent(c: Connector, auth: PendingAuth, trigger: 'Authorized' | 'RemoteStart'): void {
    const noRemoteId = this.st.faults.has('no-remote-start-id');
    const how = noRemoteId ? 'Authorized' : trigger;
    const tx = this.txs.get(c);
    if (tx) {
      Object.assign(tx, { idToken: auth.idToken, groupIdToken: auth.groupIdToken, authorized: true, remoteStartId: noRemoteId ? undefined : auth.remoteStartId, remoteStartPending: trigger === 'RemoteStart' && !noRemoteId });
      this.event(c, tx, 'Updated', how, { withIdToken: true, reservationId: takeReservation201(this.st, c, auth.idToken.idToken, auth.groupIdToken) });
    } else {
      const reservationId = takeReservation201(this.st, c, auth.idToken.idToken, auth.groupIdToken);
      this.pending.set(c, { ...auth, remoteStartId: noRemoteId ? undefined : auth.remoteStartId, reservationId });
      if (this.startPointReached(c)) this.begin(c, startTrigger201(this.st, this.conditions(c, undefined), how));
    }
    if (!c.plugged) this.armPlugTimeout(c);
    this.maybeEnergize(c);
  }

  private armPlugTimeout(c: Connector): void {
    this.plugTimeouts.get(c)?.cancel();
    this.plugTimeouts.set(
      c,
      this.st.timers.after(this.st.settings.connectionTimeOut(), () => {
        if (c.plugged || this.st.faults.has('ev-connect-timeout-ignored')) return;
        this.pending.delete(c);
        const tx = this.txs.get(c);
        if (!tx) return;
        // The authorization lapses; the transaction ends only where Authorized is a stop point (else e.g. ParkingBayOccupancy keeps it).
        tx.authorized = false;
        if (this.stopPointLost(c, tx)) this.end(c, tx, 'EVConnectTimeout', 'Timeout');
        else this.event(c, tx, 'Updated', 'EVConnectTimeout');
      }),
    );
  }

  /** The TxStartPoint/TxStopPoint conditions at `c`; before a transaction, Authorized means an authorization waits there. */
  private conditions(c: Connector, tx: Tx201 | undefined): TxConditions {
    return txConditions201(this.st, c, tx, this.pending.has(c));
  }

  private startPointReached(c: Connector): boolean {
    return startPointReached201(this.st, this.conditions(c, undefined));
  }

  private stopPointLost(c: Connector, tx: Tx201): boolean {
    return stopPointLost201(this.st, this.conditions(c, tx), tx);
  }

  private maybeEnergize(c: Connector): void {
    const tx = this.txs.get(c);
    const authorized = tx ? tx.authorized : this.pending.has(c);
    if (!c.plugged || !authorized || tx?.energizing || tx?.suspendedByStation) return;
    if (tx) {
      tx.energizing = true;
      tx.lastMeterAt = Date.now();
      this.event(c, tx, 'Updated', 'ChargingStateChanged');
    } else if (txStartPoints201(this.st).includes('EnergyTransfer')) {
      this.begin(c, 'ChargingStateChanged', true);
    }
  }

  private begin(c: Connector, trigger: string, energizing = false): void {
    const st = this.st;
    const auth = this.pending.get(c);
    this.pending.delete(c);
    const reservationId = auth ? (auth.reservationId ?? st.consumeReservation(c, auth.idToken.idToken, auth.groupIdToken)) : undefined;
    const tx = newTx201({
      authorized: !!auth,
      idToken: auth?.idToken,
      groupIdToken: auth?.groupIdToken,
      remoteStartId: auth?.remoteStartId ?? this.remoteAuthorizing.get(c),
      energizing,
      evseUnknown: auth?.evseUnknown && !c.plugged ? true : undefined,
    });
    this.txs.set(c, tx);
    // A transaction whose EVSE is not known yet does not occupy one (bindEvse gives it the EVSE the EV plugs into).
    if (!tx.evseUnknown) c.tx = tx;
    c.evAway = false;
    this.event(c, tx, 'Started', trigger, { withIdToken: true, meter: tx.evseUnknown ? undefined : 'Transaction.Begin', reservationId });
    const interval = st.settings.meterSampleInterval();
    if (interval > 0 && !st.faults.has('no-meter-values')) tx.meterTimer = st.timers.every(interval, () => this.sampleMeter(c, 'Sample.Periodic'));
    tx.endedSampling = startEndedSampling(st, c);
    st.reportStatuses();
  }

  private end(c: Connector, tx: Tx201, trigger: string, stoppedReason: string): void {
    if (tx.ended) return;
    tx.energizing = false;
    this.event(c, tx, 'Ended', trigger, { stoppedReason: this.st.faults.has('wrong-stop-reason') ? 'Local' : stoppedReason, meter: 'Transaction.End' });
    tx.ended = true;
    tx.meterTimer?.cancel();
    tx.endedSampling?.stop();
    this.plugTimeouts.get(c)?.cancel();
    this.txs.delete(c);
    c.tx = undefined;
    if (c.inoperativeScheduled) {
      c.operative = false;
      c.inoperativeScheduled = false;
    }
    this.st.reportStatuses();
    this.onTxEnded();
  }

  private event(c: Connector, tx: Tx201, eventType: EventType, trigger: string, o: EventOptions = {}): void {
    const cond = this.conditions(c, tx);
    for (const p of Object.keys(cond)) if (cond[p]) tx.reached.add(p);
    const payload = transactionEvent201(this.st, c, tx, eventType, trigger, o);
    const sentIdToken = payload.idToken !== undefined;
    this.st.sendTx('TransactionEvent', () => payload, (answer) => this.onAnswer(c, tx, sentIdToken, answer));
  }

  private onAnswer(c: Connector, tx: Tx201, sentIdToken: boolean, answer: Payload): void {
    if (costInAnswer201(this.st, tx.transactionId, answer, tx.ended)) return this.deauthorize(c, 'local'); // I02/I03 (tariff-cost-201.ts)
    const info = idTagInfoOf(answer);
    if (!sentIdToken || !info || !tx.idToken) return;
    if (cachesAnswer201(this.st, 'TransactionEvent')) this.st.auth.remember(tx.idToken.idToken, info, this.st.settings.authCacheEnabled());
    if (info.status === 'Accepted' || this.st.faults.has('charge-on-invalid-idtag') || tx.ended) return;
    if (this.st.settings.stopTxOnInvalidId() && !this.st.faults.has('stop-tx-on-invalid-id-201-ignored')) return this.deauthorize(c, 'invalid');
    const suspend = () => {
      if (tx.ended || tx.suspendedByStation) return;
      tx.suspendedByStation = true;
      tx.energizing = false;
      this.event(c, tx, 'Updated', 'ChargingStateChanged');
    };
    if (!limitEnergyOnInvalid201(this.st, suspend)) suspend();
  }

  /** The EV plugged in at `c`: the transaction that waited for its EVSE moves there (from the connector that held it). */
  private bindEvse(from: Connector, c: Connector): void {
    const tx = this.txs.get(from)!;
    tx.evseUnknown = false;
    if (from !== c) {
      this.txs.delete(from);
      this.txs.set(c, tx);
      this.plugTimeouts.get(from)?.cancel();
      tx.meterTimer?.cancel();
      const interval = this.st.settings.meterSampleInterval();
      if (tx.meterTimer) tx.meterTimer = this.st.timers.every(interval, () => this.sampleMeter(c, 'Sample.Periodic'));
      tx.endedSampling?.stop();
      tx.endedSampling = startEndedSampling(this.st, c);
    }
    c.tx = tx;
  }

  private pickConnector(): Connector | undefined {
    const free = this.st.connectors.filter((c) => !c.fault && c.operative && this.st.stationOperative && !this.pending.has(c) && !this.txs.get(c)?.authorized);
    return free.find((c) => c.plugged) ?? free[0];
  }
}

/** The connector holding a transaction whose EVSE is not known yet, when the EV plugs in at `c` (which has none). */
function evseUnknownTx(txs: Map<Connector, Tx201>, c: Connector): Connector | undefined {
  if (txs.get(c) && !txs.get(c)!.evseUnknown) return undefined;
  if (txs.get(c)?.evseUnknown) return c;
  return [...txs].find(([, tx]) => tx.evseUnknown)?.[0];
}
