import { reservationVerdict } from './availability.js';
import type { Connector } from './connectors.js';
import { parseOcppBoolean } from './settings.js';
import type { Station } from './station.js';

/**
 * 2.0.1 reservation details (OCPP 2.0.1 Part 2 H01-H04) beyond what both versions share (availability.ts,
 * station.ts), and the fault switches of the H Reservation certification cases (faults/catalog-201-cs-reservation.ts).
 */

/**
 * ReserveNow's verdict (H01): with a connectorType (H01.S3) only an EVSE with a connector of that type can be reserved;
 * every connector of the reference station has the type of its Connector.ConnectorType, so a reservation of that type
 * is one of no EVSE in particular (or of the EVSE given), and another type is Rejected.
 */
export function reserveNowVerdict201(st: Station, evseId: number, reservationId: number, connectorType: string | undefined): ReturnType<typeof reservationVerdict> {
  if (connectorType !== undefined && (connectorType !== st.deviceModel?.value('Connector', 'ConnectorType') || st.faults.has('reserve-201-connector-type-rejected'))) return 'Rejected';
  return reservationVerdict(st, evseId, reservationId);
}

/** ReservationCtrlr.Enabled (H01.FR.01): when false every ReserveNow is Rejected. */
export function reservationEnabled201(st: Station): boolean {
  if (!st.deviceModel || st.faults.has('reservation-201-enabled-ignored')) return true;
  return parseOcppBoolean(st.deviceModel.value('ReservationCtrlr', 'Enabled') ?? 'true') ?? true;
}

/**
 * The driver the reservation is for was authorized on this EVSE (H03): the reservation is used, so the connector is
 * no longer Reserved (Part 6 TC_H_01_CS: Reserved to Available before the EV is connected). Returns its id, which the
 * transaction's TransactionEvent carries.
 */
export function takeReservation201(st: Station, c: Connector, idTag: string, groupIdToken?: string): number | undefined {
  if (st.faults.has('reservation-201-held-after-authorization')) return undefined;
  let id = st.consumeReservation(c, idTag, groupIdToken);
  // A reservation of no EVSE in particular (H01.S1) is used wherever its driver is authorized, even on an EVSE it did not hold.
  const mine = st.reservations.find((r) => r.evseId === 0 && (r.idTag === idTag || (r.parentIdTag !== undefined && r.parentIdTag === groupIdToken && !st.faults.has('reservation-201-group-ignored'))));
  if (id === undefined && mine) {
    st.reservations = st.reservations.filter((r) => r !== mine);
    id = mine.id;
  }
  if (id !== undefined) st.reportStatuses();
  return id;
}

/**
 * H01.FR.17/18: an EVSE that becomes Inoperative or Faulted loses its reservation, and the CSMS is told with
 * ReservationStatusUpdate Removed. A reservation of no EVSE in particular goes when no EVSE can serve it any more.
 */
export function dropUnusableReservations201(st: Station): void {
  if (st.version !== '2.0.1' || st.faults.has('reservation-201-kept-when-inoperative')) return;
  const usable = (c: Connector) => c.operative && !c.fault && st.stationOperative && !st.stationFault;
  const removed = st.reservations.filter((r) => {
    if (r.evseId === 0) return !st.connectors.some(usable);
    const c = st.connector(r.evseId);
    return !c || !usable(c);
  });
  if (removed.length === 0) return;
  st.reservations = st.reservations.filter((r) => !removed.includes(r));
  if (st.ready) for (const r of removed) st.send('ReservationStatusUpdate', { reservationId: r.id, reservationUpdateStatus: 'Removed' });
}
