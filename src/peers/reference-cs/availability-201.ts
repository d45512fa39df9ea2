import type { FaultSet } from '../faults.js';
import type { Station } from './station.js';

/**
 * 2.0.1 availability details (OCPP 2.0.1 Part 2 G01, G03, G04) and the fault switches of the G Availability
 * certification cases (faults/catalog-201-cs-availability.ts).
 */

/** True when ChangeAvailability asks for what is already in effect for the target (0: the whole station). */
export function availabilityUnchanged(st: Station, target: number, operative: boolean): boolean {
  if (target === 0) return st.stationOperative === operative && st.connectors.every((c) => c.operative === operative && !c.inoperativeScheduled);
  const c = st.connector(target);
  return !!c && c.operative === operative && !c.inoperativeScheduled;
}

/** A status change the station keeps to itself under a fault switch (from is undefined after a boot: muted only by occupied-not-reported). */
export function statusChangeMuted(faults: FaultSet, from: string | undefined, to: string): boolean {
  if (faults.has('occupied-not-reported') && to === 'Occupied') return true;
  if (from === undefined) return false;
  if (faults.has('available-not-reported') && to === 'Available' && (from === 'Occupied' || from === 'Unavailable')) return true;
  return faults.has('unavailable-not-reported') && to === 'Unavailable';
}
