import { nanoid } from 'nanoid';
import type { Payload } from '../../ocpp/frame.js';
import type { TimerHandle } from '../timers.js';
import type { ActiveTx, Connector } from './connectors.js';
import { advanceMeter, meterValue } from './meter.js';
import { splitList } from './settings.js';
import { signReadings201 } from './signed-meter-201.js';
import type { EndedSampling } from './tx-ended-samples-201.js';
import type { Station } from './station.js';

/**
 * What one OCPP 2.0.1 TransactionEvent says (Part 2 E01-E07, J02): the transaction's state as the station
 * reports it, the next seqNo, the EVSE on the first event, the idToken when one is to be sent, and the meter
 * values with the measurands the device model asks for. The transaction engine (tx-201.ts) decides when.
 */
export interface IdToken {
  idToken: string;
  type: string;
}

export interface Tx201 extends ActiveTx {
  transactionId: string;
  seqNo: number;
  idToken?: IdToken;
  groupIdToken?: string;
  authorized: boolean;
  remoteStartId?: number;
  /** The next event is the first after a RequestStartTransaction: trigger RemoteStart, remoteStartId. */
  remoteStartPending: boolean;
  /** evse was sent since the transaction began or the EV was last plugged in. */
  evseSent: boolean;
  /** Stop-point conditions that held at some point during the transaction. */
  reached: Set<string>;
  /** Why the driver's authorization ended (used when the transaction ends later, at unplug). */
  stopReason?: string;
  /** The master pass idToken that ended the authorization (C16), reported with triggerReason StopAuthorized. */
  stopIdToken?: IdToken;
  reportedChargingState?: string;
  lastMeterAt: number;
  meterTimer?: TimerHandle;
  /** The meter values collected for the Ended event (TxEndedInterval). */
  endedSampling?: EndedSampling;
  ended: boolean;
  /** Started at a reader of the whole station before an EV was plugged in: no EVSE yet (J02, E01.FR.16-17). */
  evseUnknown?: boolean;
}

/** A transaction as it begins: a new station-assigned id, seqNo 0, nothing reported yet. */
export function newTx201(o: { authorized: boolean; idToken?: IdToken; groupIdToken?: string; remoteStartId?: number; energizing: boolean; evseUnknown?: boolean }): Tx201 {
  return {
    transactionId: nanoid(16),
    seqNo: 0,
    idToken: o.idToken,
    groupIdToken: o.groupIdToken,
    authorized: o.authorized,
    remoteStartId: o.remoteStartId,
    remoteStartPending: o.remoteStartId !== undefined,
    evseSent: false,
    reached: new Set(),
    lastMeterAt: Date.now(),
    energizing: o.energizing,
    suspendedByStation: false,
    ended: false,
    evseUnknown: o.evseUnknown,
  };
}

export type EventType = 'Started' | 'Updated' | 'Ended';
export type MeterContext = 'Transaction.Begin' | 'Transaction.End' | 'Sample.Periodic' | 'Sample.Clock' | 'Trigger';

export interface EventOptions {
  withIdToken?: boolean;
  meter?: MeterContext;
  stoppedReason?: string;
  reservationId?: number;
}

/** The payload of the transaction's next event; the transaction moves on (seqNo, what it has reported). */
export function transactionEvent201(st: Station, c: Connector, tx: Tx201, eventType: EventType, trigger: string, o: EventOptions): Payload {
  const faults = st.faults;
  const chargingState = chargingState201(st, c, tx);
  const info: Payload = { transactionId: tx.transactionId };
  if (chargingState !== tx.reportedChargingState || eventType !== 'Updated') info.chargingState = chargingState;
  tx.reportedChargingState = chargingState;
  if (o.stoppedReason) info.stoppedReason = o.stoppedReason;
  let triggerReason = trigger;
  if (tx.remoteStartPending) {
    // The first event after a RequestStartTransaction says so and names the request (Part 6 general rules).
    triggerReason = 'RemoteStart';
    info.remoteStartId = tx.remoteStartId;
    tx.remoteStartPending = false;
  }
  const payload: Payload = { eventType, timestamp: new Date().toISOString(), triggerReason, seqNo: faults.has('seqno-not-incremented') ? 0 : tx.seqNo, transactionInfo: info };
  tx.seqNo++;
  if (!st.ready && !faults.has('offline-flag-missing')) payload.offline = true;
  if (!tx.evseUnknown && (!tx.evseSent || eventType === 'Started')) {
    if (!(faults.has('no-evse-on-first-event') && c.plugged)) payload.evse = { id: c.evseId, connectorId: 1 };
    tx.evseSent = true;
  }
  if (o.withIdToken && tx.idToken) payload.idToken = tx.idToken;
  else if (trigger === 'StopAuthorized' && tx.stopIdToken) payload.idToken = tx.stopIdToken; // C16: the master pass that stopped it
  if (o.reservationId !== undefined && !faults.has('reservation-201-id-not-reported')) payload.reservationId = o.reservationId;
  if (o.meter) {
    advanceMeter(c, st.timers.secondsSince(tx.lastMeterAt), st.opts.chargingPowerW);
    tx.lastMeterAt = Date.now();
    const broken = o.meter === 'Sample.Periodic' && faults.has('meter-values-schema-violation');
    payload.meterValue = [...(o.meter === 'Transaction.End' ? (tx.endedSampling?.samples ?? []) : []), signReadings201(st, meterValue('2.0.1', c, measurandsFor201(st, o.meter), o.meter, st.opts.chargingPowerW, broken))];
  }
  return payload;
}

function chargingState201(st: Station, c: Connector, tx: Tx201): string {
  if (!c.plugged) return 'Idle';
  if (tx.suspendedByStation) return 'SuspendedEVSE';
  if (!tx.energizing) return 'EVConnected';
  return c.evSuspended && !st.faults.has('ev-suspended-reported-charging') ? 'SuspendedEV' : 'Charging';
}

/** SampledDataCtrlr: TxStartedMeasurands at the start (J02.FR.10), TxEndedMeasurands at the end, TxUpdatedMeasurands otherwise. */
export function measurandsFor201(st: Station, context: MeterContext): string[] {
  if (context === 'Sample.Clock') return splitList(st.deviceModel?.value('AlignedDataCtrlr', 'Measurands') ?? '');
  const variable = context === 'Transaction.Begin' && !st.faults.has('tx-started-measurands-ignored') ? 'TxStartedMeasurands' : context === 'Transaction.End' ? 'TxEndedMeasurands' : undefined;
  const list = variable && st.deviceModel?.value('SampledDataCtrlr', variable);
  return list === undefined || list === '' ? st.settings.sampledMeasurands() : splitList(list);
}
