import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 H Reservation, charging station under test. */
export const CATALOG_201_CS_RESERVATION_FAULTS = {
  'reservation-201-not-reported': { peer: 'cs', versions: V201, description: 'Takes a reservation but keeps reporting its connector Available instead of Reserved.' },
  'reserve-201-accepts-any': { peer: 'cs', versions: V201, description: 'Answers ReserveNow Accepted whatever the state of the EVSE (already reserved, occupied, unavailable) and stores the reservation.' },
  'reservation-201-no-expiry-notice': { peer: 'cs', versions: V201, description: 'Lets a reservation expire (the connector becomes Available) without sending ReservationStatusUpdate Expired.' },
  'cancel-reservation-201-keeps-reserved': { peer: 'cs', versions: V201, description: 'Answers CancelReservation Accepted but keeps the reservation (the connector stays Reserved).' },
  'cancel-reservation-201-accepts-unknown': { peer: 'cs', versions: V201, description: 'Answers CancelReservation Accepted for a reservationId it does not know.' },
  'reservation-201-held-after-authorization': { peer: 'cs', versions: V201, description: 'Keeps the connector Reserved after the reservation\'s own driver was authorized on it, until the transaction starts.' },
  'reservation-201-not-enforced': { peer: 'cs', versions: V201, description: 'Lets any accepted idToken use a reserved EVSE, not only the reservation\'s own (or one of its groupIdToken).' },
  'reservation-201-group-ignored': { peer: 'cs', versions: V201, description: 'Lets only the reservation\'s own idToken use it, ignoring its groupIdToken.' },
  'reservation-201-kept-when-inoperative': { peer: 'cs', versions: V201, description: 'Keeps the reservation of an EVSE set Inoperative (or Faulted), without ReservationStatusUpdate Removed; it is Reserved again once Operative.' },
  'reservation-201-not-replaced': { peer: 'cs', versions: V201, description: 'Answers a ReserveNow with the id of an existing reservation Occupied instead of replacing that reservation.' },
  'reservation-201-enabled-ignored': { peer: 'cs', versions: V201, description: 'Accepts reservations while ReservationCtrlr.Enabled is false.' },
  'reserve-201-connector-type-rejected': { peer: 'cs', versions: V201, description: 'Answers every ReserveNow with a connectorType Rejected, as if it had no connector of that type.' },
  'reservation-201-remote-start-accepted': { peer: 'cs', versions: V201, description: 'Accepts a RequestStartTransaction on an EVSE reserved for another idToken (a presented idToken is still refused).' },
  'reservation-201-id-not-reported': { peer: 'cs', versions: V201, description: 'Leaves reservationId out of the TransactionEvent of a transaction that used a reservation.' },
} as const satisfies Record<string, FaultInfo>;
