import type { Station } from './station.js';

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
