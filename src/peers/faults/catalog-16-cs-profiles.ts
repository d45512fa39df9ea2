import { V16, type FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6, charging station under test, local authorization list, reservation, smart charging (OCTT §2.17, 2.20, 2.22). */
export const CATALOG_16_CS_PROFILES_FAULTS = {
  // Local authorization list (§2.17).
  'local-list-version-when-disabled': { peer: 'cs', versions: V16, description: 'Reports its local list version to GetLocalListVersion although LocalAuthListEnabled is false (instead of -1).' },
  'empty-local-list-version-reported': { peer: 'cs', versions: V16, description: 'Reports the version of an empty local list instead of 0.' },
  'local-list-differential-failed': { peer: 'cs', versions: V16, description: 'Answers every Differential SendLocalList Failed (only Full updates work).' },
  'local-list-version-not-checked': { peer: 'cs', versions: V16, description: 'Applies a Differential SendLocalList whose version is older than the installed list instead of answering VersionMismatch.' },
  'local-list-overflow-accepted': { peer: 'cs', versions: V16, description: 'Answers SendLocalList Accepted when the list does not fit (more entries than LocalAuthListMaxLength) instead of Failed.' },
  'local-list-not-used': { peer: 'cs', versions: V16, description: 'Ignores the local authorization list when authorizing: asks the CSMS (Authorize) even for an idTag on the list with LocalPreAuthorize true.' },
  'local-list-unsupported-accepted': { peer: 'cs', versions: V16, description: 'Answers SendLocalList Accepted although it does not support the Local Auth List Management profile.' },
  // Reservation (§2.20).
  'reserve-unsupported-callerror': { peer: 'cs', versions: V16, description: 'Without the Reservation profile, answers ReserveNow with a CALLERROR NotSupported instead of the status Rejected.' },
  'reservation-id-not-reported': { peer: 'cs', versions: V16, description: 'Leaves reservationId out of the StartTransaction of a transaction that used a reservation.' },
  'reservation-not-reported': { peer: 'cs', versions: V16, description: 'Takes a reservation but keeps reporting the connector Available instead of Reserved.' },
  'reservation-expires-early': { peer: 'cs', versions: V16, description: 'Lets a reservation lapse at once instead of at its expiryDate.' },
  'reserve-accepts-any': { peer: 'cs', versions: V16, description: 'Answers ReserveNow Accepted whatever the state of the connector or charge point (Faulted, Occupied, Unavailable).' },
  'cancel-reservation-keeps-reserved': { peer: 'cs', versions: V16, description: 'Answers CancelReservation Accepted but keeps the reservation (the connector stays Reserved).' },
  'cancel-reservation-accepts-unknown': { peer: 'cs', versions: V16, description: 'Answers CancelReservation Accepted for a reservationId it does not know.' },
  'reservation-not-enforced': { peer: 'cs', versions: V16, description: 'Lets any accepted idTag use a reserved connector, not only the reservation\'s own (or its group).' },
  'reservation-parent-ignored': { peer: 'cs', versions: V16, description: 'Lets only the reservation\'s own idTag use a reservation, ignoring its parentIdTag.' },
  // Smart charging (§2.22).
  'tx-default-profile-rejected': { peer: 'cs', versions: V16, description: 'Answers SetChargingProfile with a TxDefaultProfile Rejected (takes only TxProfiles).' },
  'tx-default-not-applied-to-running-tx': { peer: 'cs', versions: V16, description: 'Applies a TxDefaultProfile only to transactions that start after it, not to the one running (composite schedule at the local limit).' },
  'tx-profile-not-applied': { peer: 'cs', versions: V16, description: 'Accepts a TxProfile for the running transaction but does not follow it (composite schedule without it).' },
  'tx-profile-without-transaction-accepted': { peer: 'cs', versions: V16, description: 'Accepts a TxProfile on a connector without a transaction.' },
  'tx-profile-transaction-unchecked': { peer: 'cs', versions: V16, description: 'Accepts a TxProfile whose transactionId is not the transaction running on the connector.' },
  'remote-start-profile-ignored': { peer: 'cs', versions: V16, description: 'Starts the transaction of a RemoteStartTransaction but drops the TxProfile it carried.' },
  'remote-start-profile-purpose-unchecked': { peer: 'cs', versions: V16, description: 'Accepts a RemoteStartTransaction whose ChargingProfile is not a TxProfile.' },
  'tx-default-not-replaced-by-tx-profile': { peer: 'cs', versions: V16, description: 'Combines a TxProfile with the TxDefaultProfiles (lowest limit of both) instead of letting the TxProfile replace them.' },
  'clear-profile-by-id-ignored': { peer: 'cs', versions: V16, description: 'Answers ClearChargingProfile with an id Accepted but keeps the profile.' },
  'stack-level-no-fallback': { peer: 'cs', versions: V16, description: 'When the schedule of the highest stackLevel profile ends, does not fall back to the profile below (local limit instead).' },
} as const satisfies Record<string, FaultInfo>;
