import type { Payload } from '../../ocpp/frame.js';
import type { TimerHandle } from '../timers.js';
import { sameOwner } from './auth.js';
import { authorizeIdTag, idTagInfoOf } from './authorize.js';
import type { ActiveTx, Connector } from './connectors.js';
import { advanceMeter, meterValue, type ReadingContext } from './meter.js';
import type { Station, TxEngine } from './station.js';

/**
 * OCPP 1.6 transactions (§3.6, §4.8, §4.10, §5.11, §5.12): authorize, StartTransaction once the EV is
 * plugged in and the tag accepted, MeterValues at MeterValueSampleInterval, StopTransaction with the
 * reason that ended it. The CSMS assigns the transactionId in its StartTransaction answer.
 */
export type StopReason16 = 'Local' | 'Remote' | 'EVDisconnected' | 'HardReset' | 'SoftReset' | 'PowerLoss' | 'Reboot' | 'DeAuthorized' | 'UnlockCommand' | 'EmergencyStop' | 'Other';

interface Tx16 extends ActiveTx {
  idTag: string;
  parentIdTag?: string;
  transactionId?: number;
  meterStart: number;
  startedAt: string;
  stopping: boolean;
  lastMeterAt: number;
  meterTimer?: TimerHandle;
}

export class TxEngine16 implements TxEngine {
  private readonly txs = new Map<Connector, Tx16>();
  private readonly plugTimeouts = new Map<Connector, TimerHandle>();
  private readonly awaitingParent = new Map<Connector, string | undefined>();
  /** Called when a transaction ends (a scheduled reset or availability change may be waiting for it). */
  onTxEnded: () => void = () => undefined;

  constructor(private readonly st: Station) {}

  transactions(): Array<{ evseId: number; transactionId: number | undefined; idTag: string }> {
    return [...this.txs].map(([c, tx]) => ({ evseId: c.evseId, transactionId: tx.transactionId, idTag: tx.idTag }));
  }

  connectorOfTransaction(transactionId: number): Connector | undefined {
    return [...this.txs].find(([, tx]) => tx.transactionId === transactionId)?.[0];
  }

  async presentIdTag(idTag: string, connector: Connector | undefined, _tokenType?: string): Promise<void> {
    const st = this.st;
    // The tag that started a transaction stops it, without asking the CSMS (§3.6.1).
    const own = [...this.txs].find(([c, tx]) => (!connector || c === connector) && tx.idTag === idTag && !tx.stopping);
    if (own) return this.stop(own[0], 'Local', idTag);
    const target = connector ?? this.pickConnector();
    if (!target) return;
    const running = this.txs.get(target);
    // Another tag can only stop it as a member of the same group; without a parentIdTag there is nothing to ask the CSMS (OCTT TC_068_CS).
    if (running && running.parentIdTag === undefined && !st.faults.has('stop-with-any-idtag')) return;
    const skipAuthorize = st.faults.has('start-before-authorize');
    const info = skipAuthorize ? { status: 'Accepted' } : await authorizeIdTag(st, idTag, st.opts.idTokenType);
    st.events.emit('authorization', idTag, info.status);
    if (running) {
      // Another tag of the same group (parentIdTag) may stop it too.
      const member = sameOwner({ idTag, parentIdTag: info.parentIdTag }, running) && !st.faults.has('parent-idtag-ignored');
      if (info.status === 'Accepted' && (member || st.faults.has('stop-with-any-idtag'))) this.stop(target, 'Local', idTag);
      return;
    }
    if (info.status !== 'Accepted' && !st.faults.has('charge-on-invalid-idtag')) return;
    // A faulted connector (or station) does not start a transaction (OCTT TC_041_CS).
    if ((target.fault || st.stationFault) && !st.faults.has('charge-while-faulted')) return;
    if (st.blockedByReservation(target, idTag, info.parentIdTag)) return;
    this.authorized(target, idTag, info.parentIdTag);
  }

  /** RemoteStartTransaction: the decision (answered at once) and, when accepted, what follows the answer. */
  remoteStart(connectorId: number | undefined, idTag: string): { status: 'Accepted' | 'Rejected'; proceed?: () => Promise<void> } {
    const st = this.st;
    if (st.faults.has('remote-start-rejected')) return { status: 'Rejected' };
    // connectorId 0 is the charge point itself: no transaction can run there (§5.11; OCTT TC_027_CS).
    const anyConnector = connectorId === undefined || (connectorId === 0 && st.faults.has('remote-start-connector-zero-accepted'));
    const c = anyConnector ? this.pickConnector() : st.connector(connectorId);
    if (!c || (c.tx && !st.faults.has('remote-start-on-busy-connector')) || c.fault || c.awaitingPlug || !c.operative || !st.stationOperative) return { status: 'Rejected' };
    // A reservation with a parentIdTag may admit this idTag: only its Authorize answer tells (§5.13; OCTT TC_053_2_CS).
    const groupReservation = st.settings.authorizeRemoteStart() && st.reservationFor(c)?.parentIdTag !== undefined;
    if (st.blockedByReservation(c, idTag) && !groupReservation) return { status: 'Rejected' };
    const proceed = async () => {
      let parentIdTag: string | undefined;
      if (st.settings.authorizeRemoteStart()) {
        const info = await authorizeIdTag(st, idTag, st.opts.idTokenType);
        st.events.emit('authorization', idTag, info.status);
        if (info.status !== 'Accepted' && !st.faults.has('charge-on-invalid-idtag')) return;
        parentIdTag = info.parentIdTag;
      }
      if (st.blockedByReservation(c, idTag, parentIdTag)) return;
      if (!c.tx) this.authorized(c, idTag, parentIdTag);
    };
    return { status: 'Accepted', proceed };
  }

  /** RemoteStopTransaction: Accepted when the transaction runs here. */
  remoteStop(transactionId: number): { status: 'Accepted' | 'Rejected'; proceed?: () => void } {
    const c = this.connectorOfTransaction(transactionId);
    if (!c) return { status: this.st.faults.has('remote-stop-unknown-transaction-accepted') ? 'Accepted' : 'Rejected' };
    if (this.st.faults.has('remote-stop-ignored')) return { status: 'Accepted' };
    return { status: 'Accepted', proceed: () => this.stop(c, 'Remote') };
  }

  plugIn(c: Connector): void {
    c.plugged = true;
    c.cableAtStation = false;
    c.finishing = false;
    const waiting = c.awaitingPlug;
    const tx = this.txs.get(c);
    if (waiting && c.fault?.errorCode === 'ConnectorLockFailure' && !this.st.faults.has('start-on-lock-failure')) {
      // The cable could not be locked: no transaction, the authorization lapses (OCTT TC_024_CS).
      this.cancelAwaitingPlug(c);
      this.st.reportStatuses();
    } else if (waiting) {
      this.plugTimeouts.get(c)?.cancel();
      c.awaitingPlug = undefined;
      this.start(c, waiting.idTag, this.awaitingParent.get(c));
    } else if (tx && !tx.stopping && !tx.suspendedByStation) {
      tx.energizing = true; // back after an unplug that did not end the transaction
      this.st.reportStatuses();
    } else this.st.reportStatuses();
  }

  unplug(c: Connector): void {
    c.plugged = false;
    c.finishing = false;
    const tx = this.txs.get(c);
    if (tx && !tx.stopping) {
      const stops = this.st.settings.stopTxOnEVSideDisconnect() && !this.st.faults.has('ev-side-disconnect-keeps-transaction');
      if (stops || this.st.faults.has('ev-side-disconnect-always-stops')) return this.stop(c, 'EVDisconnected');
      tx.energizing = false;
    }
    this.st.reportStatuses();
  }

  setEvSuspended(c: Connector, suspended: boolean): void {
    c.evSuspended = suspended;
    this.st.reportStatuses();
  }

  stop(c: Connector, reason: StopReason16, idTag?: string): void {
    const st = this.st;
    const tx = this.txs.get(c);
    if (!tx || tx.stopping) return;
    tx.stopping = true;
    tx.meterTimer?.cancel();
    advanceMeter(c, st.timers.secondsSince(tx.lastMeterAt), st.opts.chargingPowerW);
    const reported: StopReason16 = st.faults.has('wrong-stop-reason') ? 'Local' : reason;
    const meterStop = c.meterWh;
    const timestamp = new Date().toISOString();
    const stopData = st.config16?.get('StopTxnSampledData') ?? '';
    const transactionData = stopData ? [meterValue('1.6', c, stopData.split(','), 'Transaction.End', st.opts.chargingPowerW)] : undefined;
    st.sendTx('StopTransaction', () => {
      const payload: Payload = { transactionId: tx.transactionId ?? 0, meterStop, timestamp, reason: reported };
      if (idTag) payload.idTag = idTag;
      if (transactionData) payload.transactionData = transactionData;
      return payload;
    });
    this.txs.delete(c);
    c.tx = undefined;
    c.finishing = c.plugged || c.cableAtStation;
    c.evSuspended = false;
    if (c.inoperativeScheduled) {
      c.operative = false;
      c.inoperativeScheduled = false;
    }
    st.reportStatuses();
    this.onTxEnded();
  }

  stopAllForReset(kind: 'Hard' | 'Soft' | 'PowerLoss'): void {
    const reason: StopReason16 = kind === 'Hard' ? 'HardReset' : kind === 'Soft' ? 'SoftReset' : 'PowerLoss';
    for (const c of [...this.txs.keys()]) this.stop(c, reason);
    for (const c of this.st.connectors) this.cancelAwaitingPlug(c);
  }

  forgetAfterPowerLoss(): void {
    for (const c of this.st.connectors) this.cancelAwaitingPlug(c);
  }

  sampleMeter(c: Connector, context: 'Sample.Periodic' | 'Trigger'): void {
    const st = this.st;
    const tx = this.txs.get(c);
    const broken = context === 'Sample.Periodic' && st.faults.has('meter-values-schema-violation');
    if (tx && !st.ready && st.faults.has('offline-meter-values-dropped')) return;
    if (tx) {
      advanceMeter(c, st.timers.secondsSince(tx.lastMeterAt), st.opts.chargingPowerW);
      tx.lastMeterAt = Date.now();
    }
    const reported: ReadingContext = context === 'Sample.Periodic' && st.faults.has('sampled-meter-values-as-clock') ? 'Sample.Clock' : context;
    const value = meterValue('1.6', c, st.settings.sampledMeasurands(), reported, st.opts.chargingPowerW, broken);
    if (!tx) return st.send('MeterValues', { connectorId: c.evseId, meterValue: [value] });
    st.sendTx('MeterValues', () => ({ connectorId: c.evseId, transactionId: tx.transactionId ?? 0, meterValue: [value] }));
  }

  /** Ends a pending authorization (Preparing without EV) when the CSMS or a reset cancels it. */
  cancelAwaitingPlug(c: Connector): void {
    this.plugTimeouts.get(c)?.cancel();
    if (c.awaitingPlug) {
      c.awaitingPlug = undefined;
      this.st.reportStatuses();
    }
  }

  private authorized(c: Connector, idTag: string, parentIdTag: string | undefined): void {
    if (c.plugged) return this.start(c, idTag, parentIdTag);
    c.awaitingPlug = { idTag };
    this.awaitingParent.set(c, parentIdTag);
    this.plugTimeouts.get(c)?.cancel();
    // The driver has ConnectionTimeOut seconds to plug in; then the connector is free again (TC_004_2).
    this.plugTimeouts.set(
      c,
      this.st.timers.after(this.st.settings.connectionTimeOut() * (this.st.faults.has('connection-timeout-ignored') ? 2 : 1), () => this.cancelAwaitingPlug(c)),
    );
    this.st.reportStatuses();
  }

  private start(c: Connector, idTag: string, parentIdTag: string | undefined): void {
    const st = this.st;
    const reservationId = st.consumeReservation(c, idTag, parentIdTag);
    const tx: Tx16 = { idTag, parentIdTag, energizing: true, suspendedByStation: false, meterStart: c.meterWh, startedAt: new Date().toISOString(), stopping: false, lastMeterAt: Date.now() };
    this.txs.set(c, tx);
    c.tx = tx;
    c.finishing = false;
    st.sendTx(
      'StartTransaction',
      () => {
        const payload: Payload = { connectorId: c.evseId, idTag, meterStart: tx.meterStart, timestamp: tx.startedAt };
        if (reservationId !== undefined && !st.faults.has('reservation-id-not-reported')) payload.reservationId = reservationId;
        return payload;
      },
      (answer) => this.onStartAnswer(c, tx, answer),
    );
    st.reportStatuses();
    const interval = st.settings.meterSampleInterval();
    if (interval > 0 && !st.faults.has('no-meter-values')) tx.meterTimer = st.timers.every(interval, () => this.sampleMeter(c, 'Sample.Periodic'));
  }

  private onStartAnswer(c: Connector, tx: Tx16, answer: Payload): void {
    const st = this.st;
    if (typeof answer.transactionId === 'number') tx.transactionId = answer.transactionId;
    const info = idTagInfoOf(answer);
    if (info?.parentIdTag !== undefined) tx.parentIdTag = info.parentIdTag;
    if (info) st.auth.remember(tx.idTag, info, st.settings.authCacheEnabled());
    if (!info || info.status === 'Accepted' || st.faults.has('charge-on-invalid-idtag') || tx.stopping) return;
    // The CSMS refused the tag after the start (§5.12): stop, or hold the energy back.
    if (st.settings.stopTxOnInvalidId()) return this.stop(c, 'DeAuthorized');
    tx.suspendedByStation = true;
    tx.energizing = false;
    st.reportStatuses();
  }

  private pickConnector(): Connector | undefined {
    const free = this.st.connectors.filter((c) => !c.tx && !c.fault && !c.awaitingPlug && c.operative && this.st.stationOperative);
    return free.find((c) => c.plugged) ?? free[0];
  }
}
