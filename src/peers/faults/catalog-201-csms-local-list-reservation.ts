import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 Local Authorization List Management and H Reservation, CSMS under test. */
export const CATALOG_201_CSMS_LOCAL_LIST_RESERVATION_FAULTS = {
  'csms201-local-list-update-type-swapped': { peer: 'csms', versions: V201, description: 'Sends SendLocalList with updateType Differential when asked for a full list (also an empty one), and Full when asked for a differential one.' },
  'csms201-local-list-version-not-increased': { peer: 'csms', versions: V201, description: 'Sends a Differential SendLocalList with the version the station already has instead of a higher one.' },
  'csms201-local-list-remove-with-info': { peer: 'csms', versions: V201, description: 'Removes idTokens from the local list with entries that carry idTokenInfo status Invalid instead of entries without idTokenInfo.' },
  'csms201-local-list-kept-after-clear': { peer: 'csms', versions: V201, description: 'After clearing the customer information of an idToken on the local list, does not remove it from the list (no SendLocalList).' },
  'csms201-reserve-now-connector-type-always': { peer: 'csms', versions: V201, description: 'Adds connectorType cType2 to every ReserveNow, also one for a specific EVSE.' },
  'csms201-reserve-now-evse-always': { peer: 'csms', versions: V201, description: 'Sends ReserveNow for EVSE 1 when asked to reserve any EVSE (evseId never omitted).' },
  'csms201-reserve-now-connector-type-dropped': { peer: 'csms', versions: V201, description: 'Leaves connectorType out of a ReserveNow asked for a connector type.' },
  'csms201-reserve-now-without-group': { peer: 'csms', versions: V201, description: 'Leaves groupIdToken out of ReserveNow although the idToken belongs to a group.' },
  'csms201-reserve-now-reservation-id-field': { peer: 'csms', versions: V201, description: 'Sends ReserveNow with the 1.6 field reservationId instead of id (a schema violation).' },
  'csms201-cancel-reservation-wrong-id': { peer: 'csms', versions: V201, description: 'Sends CancelReservation for the reservationId after the one it was asked to cancel.' },
  'csms201-reservation-removed-error': { peer: 'csms', versions: V201, description: 'Answers a ReservationStatusUpdate with status Removed by a CALLERROR (it only handles Expired).' },
} as const satisfies Record<string, FaultInfo>;
