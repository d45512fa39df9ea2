import type { Connector } from './connectors.js';
import type { Station } from './station.js';
import { signsReadings201 } from './signed-meter-201.js';
import type { Tx201 } from './tx-event-201.js';

/**
 * The TxStartPoint / TxStopPoint members the 2.0.1 transaction engine acts on: the device model's lists, or what a
 * station with the fault switches of the E01/E06 cases would act on instead.
 */
export function txStartPoints201(st: Station): string[] {
  // A station that always starts when the power path closes, whatever TxStartPoint says.
  if (st.faults.has('tx-start-point-ignored')) return ['PowerPathClosed'];
  return st.settings.txStartPoints();
}

export function txStopPoints201(st: Station): string[] {
  // A station that ends transactions only when the cable is pulled out, whatever TxStopPoint says.
  if (st.faults.has('tx-stop-point-ignored')) return ['EVConnected'];
  // A station that ends transactions whenever the driver's authorization ends, whatever TxStopPoint says.
  if (st.faults.has('tx-stop-on-deauthorize')) return [...new Set([...st.settings.txStopPoints(), 'Authorized'])];
  return st.settings.txStopPoints();
}

/** TxCtrlr.StopTxOnEVSideDisconnect, or what a station with the E09/E10 fault switches does instead. */
export function stopTxOnEvSideDisconnect201(st: Station): boolean {
  if (st.faults.has('ev-side-disconnect-always-stops')) return true;
  if (st.faults.has('ev-side-disconnect-never-stops')) return false;
  return st.settings.stopTxOnEVSideDisconnect();
}

/** Which of the TxStartPoint / TxStopPoint conditions (2.0.1 Part 2 E01, TxCtrlr) hold, by name. */
export type TxConditions = Record<string, boolean>;

/** The conditions at `c`; `authorized`: the transaction's authorization or, before one, an authorization waiting at `c`. */
export function txConditions201(st: Station, c: Connector, tx: Tx201 | undefined, authorizedWithoutTx: boolean): TxConditions {
  const authorized = tx ? tx.authorized : authorizedWithoutTx;
  return {
    EVConnected: c.plugged,
    Authorized: authorized,
    PowerPathClosed: c.plugged && authorized,
    EnergyTransfer: !!tx?.energizing && !c.evSuspended,
    ParkingBayOccupancy: c.bayOccupied,
    DataSigned: c.plugged && authorized && signsReadings201(st),
  };
}

/** A start point other than EnergyTransfer holds (that one starts the transaction when energy flows, not before). */
export function startPointReached201(st: Station, cond: TxConditions): boolean {
  return txStartPoints201(st).some((p) => p !== 'EnergyTransfer' && cond[p]);
}

/** TxStartPoint DataSigned alone: the transaction starts because the meter delivered its signed start reading. */
export function startTrigger201(st: Station, cond: TxConditions, trigger: string): string {
  const reached = txStartPoints201(st).filter((p) => p !== 'EnergyTransfer' && cond[p]);
  return reached.length > 0 && reached.every((p) => p === 'DataSigned') ? 'SignedDataReceived' : trigger;
}

/** A stop point that held during the transaction and holds no more. */
export function stopPointLost201(st: Station, cond: TxConditions, tx: Tx201): boolean {
  return txStopPoints201(st).some((p) => tx.reached.has(p) && !cond[p]);
}
