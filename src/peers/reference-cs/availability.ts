import { availabilityUnchanged } from './availability-201.js';
import { dropUnusableReservations201, reservationEnabled201 } from './reservation-201.js';
import type { Station } from './station.js';

/**
 * ChangeAvailability for both versions (1.6 §5.2, 2.0.1 G03-G04): a connector (or the whole station,
 * target 0) becomes Inoperative at once when idle, or after its transaction ends ("Scheduled").
 * Operative applies at once and cancels a scheduled change.
 */
export type AvailabilityStatus = 'Accepted' | 'Scheduled' | 'Rejected';

export function changeAvailability(st: Station, target: number, operative: boolean): AvailabilityStatus {
  const one = target === 0 ? undefined : st.connector(target);
  if (target !== 0 && !one) return 'Rejected';
  // 2.0.1: a request for what is already in effect is Accepted too (OCTT TC_G_09/10/12/13/15/16_CS).
  const unchanged = st.version !== '1.6' && availabilityUnchanged(st, target, operative);
  if (unchanged && st.faults.has('availability-noop-rejected')) return 'Rejected';
  const affected = one ? [one] : st.connectors;
  if (operative) {
    for (const c of affected) {
      c.operative = true;
      c.inoperativeScheduled = false;
    }
    if (target === 0) st.stationOperative = true;
    st.reportStatuses();
    return 'Accepted';
  }
  let scheduled = false;
  // Fault station-inoperative-waits-for-transactions: idle EVSEs too wait for the running transactions to end.
  const waitAll = target === 0 && st.faults.has('station-inoperative-waits-for-transactions') && affected.some((c) => c.tx);
  for (const c of affected) {
    if (c.tx || waitAll) {
      if (!st.faults.has('scheduled-availability-forgotten')) c.inoperativeScheduled = true;
      scheduled = true;
    } else c.operative = false;
  }
  // The station as a whole stops taking new sessions at once; running ones finish first.
  if (target === 0 && !waitAll) st.stationOperative = false;
  st.reportStatuses();
  // 2.0.1 H01.FR.17: the reservations of what became Inoperative are removed (after the status report, Part 6 TC_H_21_CS).
  dropUnusableReservations201(st);
  // 2.0.1 (OCTT TC_G_13_CS): the whole station set Inoperative again reports the state of all its connectors.
  if (unchanged && target === 0 && !st.faults.has('station-inoperative-not-rereported')) st.reportStatuses(true);
  return scheduled ? 'Scheduled' : 'Accepted';
}

/** ReserveNow's verdict on a connector (the names are the same in both versions). */
export function reservationVerdict(st: Station, evseId: number, reservationId: number): 'Accepted' | 'Faulted' | 'Occupied' | 'Rejected' | 'Unavailable' {
  if (st.version === '2.0.1' && !reservationEnabled201(st)) return 'Rejected';
  if (st.faults.has('reserve-201-accepts-any')) return 'Accepted';
  if (evseId === 0) {
    if (!st.settings.reserveStationSupported()) return 'Rejected';
    // The whole station faulted or out of service: say why no connector can be reserved (OCTT TC_050_1/3).
    if (st.stationFault || st.connectors.every((c) => c.fault)) return 'Faulted';
    if (!st.stationOperative || st.connectors.every((c) => !c.operative)) return 'Unavailable';
    const free = st.connectors.some((c) => !c.tx && !c.plugged && !c.fault && c.operative && !st.reservations.some((r) => r.evseId === c.evseId && r.id !== reservationId));
    return free ? 'Accepted' : 'Occupied';
  }
  const c = st.connector(evseId);
  if (!c) return 'Rejected';
  if (c.fault) return 'Faulted';
  if (!c.operative || !st.stationOperative) return 'Unavailable';
  const replaces = (id: number) => id === reservationId && !st.faults.has('reservation-201-not-replaced');
  if (c.tx || c.plugged || c.awaitingPlug || st.reservations.some((r) => r.evseId === evseId && !replaces(r.id))) return 'Occupied';
  return 'Accepted';
}

/** Stores a reservation (replacing one with the same id) and arms its expiry. */
export function addReservation(st: Station, r: { id: number; evseId: number; idTag: string; parentIdTag?: string; expiresAt: number }): void {
  st.reservations = st.reservations.filter((x) => x.id !== r.id);
  if (st.faults.has('reservation-expires-early')) r = { ...r, expiresAt: Date.now() };
  st.reservations.push(r);
  st.timers.afterMs(r.expiresAt - Date.now(), () => st.expireReservations());
  st.reportStatuses();
}

export function cancelReservation(st: Station, id: number): boolean {
  const known = st.reservations.some((r) => r.id === id);
  if (known ? st.faults.has('cancel-reservation-201-keeps-reserved') : st.faults.has('cancel-reservation-201-accepts-unknown')) return true;
  const before = st.reservations.length;
  st.reservations = st.reservations.filter((r) => r.id !== id);
  if (st.reservations.length === before) return false;
  st.reportStatuses();
  return true;
}
