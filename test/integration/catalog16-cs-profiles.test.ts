import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCTT 1.6, charging station under test: Local Auth List Management (§2.17), Reservation (§2.20) and Smart Charging
 * (§2.22). Every case passes against the reference station and fails, naming the broken expectation, against the
 * station with the fault the case exists to catch (src/peers/faults/catalog-16-cs-profiles.ts and faults.ts).
 */
const CATCHES: CatchSpec[] = [
  // Local authorization list (§2.17).
  { id: 'TC_042_1_CS', fault: 'local-list-version-when-disabled', reason: /^Step 1 failed: expected a CALLRESULT where listVersion is -1, or a CALLERROR with code "NotSupported"; got CALLRESULT \{"listVersion":\d+\} \(listVersion: expected -1, got \d+\)$/ },
  { id: 'TC_042_2_CS', fault: 'empty-local-list-version-reported', reason: /^Step 2 failed: expected a CALLRESULT where listVersion is 0; got CALLRESULT \{"listVersion":1\} \(listVersion: expected 0, got 1\)$/ },
  { id: 'TC_043_CS', fault: 'local-list-differential-failed', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Failed"\}/ },
  { id: 'TC_043_2_CS', fault: 'local-list-version-not-checked', reason: /^Step 5 failed: expected a CALLRESULT where status is "VersionMismatch"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_043_3_CS', fault: 'local-list-overflow-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Failed"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_043_1_CS', fault: 'local-list-unsupported-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "NotSupported", or a CALLERROR with code "NotSupported"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_008_CS', fault: 'local-list-not-used', reason: /^Step 7 failed: expected StartTransaction where connectorId is 1, idTag is "VALID-TAG-1".*; got an unexpected Authorize \{"idTag":"VALID-TAG-1"\}$/ },
  { id: 'TC_008_1_CS', fault: 'local-list-not-used', reason: /^Step 7 failed: expected StartTransaction where connectorId is 1, idTag is "VALID-TAG-1".*; got an unexpected Authorize \{"idTag":"VALID-TAG-1"\}$/ },
  // Reservation (§2.20).
  { id: 'TC_046_1_CS', fault: 'reservation-not-enforced', reason: /^Step 5 failed: expected no StatusNotification within 1 s; got StatusNotification \{"connectorId":1,"errorCode":"NoError","status":"Preparing"/ },
  { id: 'TC_046_1_CS', fault: 'reservation-id-not-reported', reason: /^Step 10 failed: expected StartTransaction where connectorId is 1, idTag is "VALID-TAG-1", reservationId is \d+.*\(reservationId: expected \d+, got absent\)$/ },
  { id: 'TC_046_1_CS', fault: 'reservation-not-reported', reason: /^Step 3 failed: expected StatusNotification where connectorId is 1, status is "Reserved"; got nothing matching within 1 s/ },
  { id: 'TC_046_2_CS', fault: 'reservation-id-not-reported', reason: /^Step 8 failed: expected StartTransaction .*reservationId is \d+.*\(reservationId: expected \d+, got absent\)$/ },
  { id: 'TC_047_CS', fault: 'reservation-expires-early', reason: /^Step 4 failed: expected StatusNotification where connectorId is 1, status is "Available", arriving 1 s to 4 s after reserved; .*\(arrival time: expected arriving 1 s to 4 s after reserved, got \d+ ms after reserved\)$/ },
  { id: 'TC_048_1_CS', fault: 'reserve-accepts-any', reason: /^Step 2 failed: expected a CALLRESULT where status is "Faulted"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_048_2_CS', fault: 'reserve-accepts-any', reason: /^Step 2 failed: expected a CALLRESULT where status is "Occupied"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_048_3_CS', fault: 'reserve-accepts-any', reason: /^Step 2 failed: expected a CALLRESULT where status is "Unavailable"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_048_4_CS', fault: 'reserve-unsupported-callerror', reason: /^Step 2 failed: expected a CALLRESULT where status is "Rejected"; got CALLERROR NotSupported/ },
  { id: 'TC_049_CS', fault: 'reservation-id-not-reported', reason: /^Step 8 failed: expected StartTransaction .*reservationId is \d+.*\(reservationId: expected \d+, got absent\)$/ },
  { id: 'TC_050_1_CS', fault: 'reserve-accepts-any', reason: /^Step 2 failed: expected a CALLRESULT where status is "Faulted"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_050_2_CS', fault: 'reserve-accepts-any', reason: /^Step 2 failed: expected a CALLRESULT where status is "Occupied"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_050_3_CS', fault: 'reserve-accepts-any', reason: /^Step 2 failed: expected a CALLRESULT where status is "Unavailable"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_050_4_CS', fault: 'reserve-unsupported-callerror', reason: /^Step 2 failed: expected a CALLRESULT where status is "Rejected"; got CALLERROR NotSupported/ },
  { id: 'TC_051_CS', fault: 'cancel-reservation-keeps-reserved', reason: /^Step 3 failed: expected StatusNotification where connectorId is 1, status is "Available"; got nothing matching within 1 s/ },
  { id: 'TC_052_CS', fault: 'cancel-reservation-accepts-unknown', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_053_CS', fault: 'reservation-parent-ignored', reason: /^Step 5 failed: expected StatusNotification where connectorId is 1, status is "Preparing"; got nothing matching within 1 s/ },
  // Smart charging (§2.22).
  { id: 'TC_056_CS', fault: 'tx-default-profile-rejected', reason: /^Step 1 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Rejected"\}/ },
  { id: 'TC_082_CS', fault: 'tx-default-not-applied-to-running-tx', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted", connectorId is 1, .*\(chargingSchedule\.chargingSchedulePeriod\.0\.limit: expected 6, got 32\)$/ },
  { id: 'TC_057_CS', fault: 'tx-profile-not-applied', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted", connectorId is 1, .*\(chargingSchedule\.chargingSchedulePeriod\.0\.limit: expected 6, got 32\)$/ },
  { id: 'TC_058_1_CS', fault: 'tx-profile-without-transaction-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected", or a CALLERROR with code "PropertyConstraintViolation"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_058_2_CS', fault: 'tx-profile-transaction-unchecked', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_059_CS', fault: 'remote-start-profile-ignored', reason: /^Step 8 failed: expected a CALLRESULT where status is "Accepted", connectorId is 1, .*\(chargingSchedule\.chargingSchedulePeriod\.0\.limit: expected 6, got 32\)$/ },
  { id: 'TC_060_CS', fault: 'remote-start-profile-purpose-unchecked', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected", or a CALLERROR with code "PropertyConstraintViolation"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_066_CS', fault: 'tx-default-not-replaced-by-tx-profile', reason: /^Step 1 failed: expected a CALLRESULT .*\(chargingSchedule\.chargingSchedulePeriod: expected an array of 4 element\(s\), got \d+ element\(s\)/ },
  { id: 'TC_067_CS', fault: 'clear-profile-by-id-ignored', reason: /^Step 2 failed: expected a CALLRESULT .*\(chargingSchedule\.chargingSchedulePeriod: expected an array of 2 element\(s\), got 3 element\(s\): \[\{"startPeriod":0,"limit":6\}/ },
  { id: 'TC_072_CS', fault: 'stack-level-no-fallback', reason: /^Step 1 failed: expected a CALLRESULT .*\(chargingSchedule\.chargingSchedulePeriod: expected an array of 4 element\(s\), got 3 element\(s\)/ },
  { id: 'TC_053_2_CS', fault: 'reservation-parent-ignored', reason: /^Step 7 failed: expected StartTransaction where connectorId is 1, idTag is "OCPPH-VALID-02", reservationId is \d+.*; got nothing matching within 1 s/ },
];

describeCatalogGroup({
  title: 'OCTT 1.6 charging station: local list, reservation, smart charging cases (reference station)',
  cases: [...new Set(CATCHES.map((c) => c.id))],
  catches: CATCHES,
});
