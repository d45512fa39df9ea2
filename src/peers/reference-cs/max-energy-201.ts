import { parseWholeNumber } from './settings.js';
import type { Station } from './station.js';

/**
 * TxCtrlr.MaxEnergyOnInvalidId (OCPP 2.0.1 Part 2 E05, C12; Part 5 C-03): when the CSMS answers that the idToken of a
 * running transaction is not valid and StopTxOnInvalidId is false, the station may go on delivering this much energy
 * (Wh) before it suspends charging. Returns false when no limit applies (the caller suspends at once).
 */
export function limitEnergyOnInvalid201(st: Station, suspend: () => void): boolean {
  const maxWh = parseWholeNumber(st.deviceModel?.value('TxCtrlr', 'MaxEnergyOnInvalidId') ?? '0') ?? 0;
  if (maxWh <= 0 || st.faults.has('max-energy-on-invalid-id-201-ignored')) return false;
  // The energy flows at the charging power: the limit is reached after maxWh / power hours.
  st.timers.after((maxWh * 3600) / Math.max(1, st.opts.chargingPowerW), suspend);
  return true;
}
