import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCPP 2.0.1 Part 6, charging station under test: the cases outside the Part 5 Ed3 certification tables, and
 * TC_B_24_CS (Reservation). Every case passes against the reference station, and fails against it with the fault it
 * exists to catch, naming the broken expectation.
 */

const CASES = ['TC_B_24_CS', 'TC_O_39_CS', 'TC_C_14_CS', 'TC_N_38_CS', 'TC_P_04_CS', 'TC_N_29_CS', 'TC_N_33_CS', 'TC_K_15_CS', 'TC_O_18_CS', 'TC_B_19_CS', 'TC_N_04_CS', 'TC_N_07_CS', 'TC_N_61_CS', 'TC_N_34_CS', 'TC_K_52_CS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_B_24_CS', fault: 'reservation-201-lost-on-reboot', reason: /^Step 3 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is "Reserved".*\(connectorStatus: expected "Reserved", got "Available"\)/ },
  { id: 'TC_O_39_CS', fault: 'display-message-201-state-dropped', reason: /^Step 7 failed: expected NotifyDisplayMessages where requestId is \d+, messageInfo contains .*state is "Faulted".*\(messageInfo: / },
  { id: 'TC_C_14_CS', fault: 'auth-cache-201-group-not-cached', reason: /^Step 3 failed: expected TransactionEvent where the payload is an object where eventType is "Updated", triggerReason is "StopAuthorized".*got nothing matching/ },
  { id: 'TC_N_38_CS', fault: 'monitor-threshold-on-text-accepted', reason: /^Step 1 failed: expected a CALLRESULT where setMonitoringResult .*\(setMonitoringResult\.0\.status: expected one of "UnsupportedMonitorType", "Rejected", got "Accepted"\)/ },
  { id: 'TC_P_04_CS', fault: 'charging-profile-custom-data-rejected', reason: /^Step 3 failed: expected a CALLRESULT where status is "Accepted"; got CALLERROR FormatViolation/ },
  { id: 'TC_N_29_CS', fault: 'customer-information-no-reference-accepted', reason: /^Step 2 failed: expected a CALLRESULT where status is "Invalid"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_N_33_CS', fault: 'customer-information-no-reference-accepted', reason: /^Step 2 failed: expected a CALLRESULT where status is "Invalid"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_15_CS', fault: 'no-smart-charging-profile-rejected', reason: /^Step 3 failed: expected a CALLERROR with code "NotSupported"; got CALLRESULT \{"status":"Rejected"\}/ },
  { id: 'TC_O_18_CS', fault: 'display-message-201-any-state', reason: /^Step 2 failed: expected a CALLRESULT where status is "NotSupportedState"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_B_19_CS', fault: 'report-unsupported-criterion-accepted', reason: /^Step 2 failed: expected a CALLRESULT where status is "NotSupported".*got CALLRESULT \{"status":"(Accepted|EmptyResultSet)"/ },
  { id: 'TC_N_04_CS', fault: 'monitor-report-unsupported-criterion-accepted', reason: /^Step 2 failed: expected a CALLRESULT where status is "NotSupported".*got CALLRESULT \{"status":"(Accepted|EmptyResultSet)"/ },
  { id: 'TC_N_07_CS', fault: 'monitoring-base-unsupported-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "NotSupported".*got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_N_61_CS', fault: 'monitor-delta-numeric-not-triggered', reason: /^Step 6 failed: expected NotifyEvent where eventData contains .*trigger is "Delta".*variable\.name is "OfflineThreshold".*got nothing matching/ },
  { id: 'TC_N_34_CS', fault: 'log-without-information-accepted', reason: /^Step 2 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"/ },
  { id: 'TC_K_52_CS', fault: 'external-limit-not-reported', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"NoProfiles"\}/ },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 charging station: cases outside the Part 5 certification tables, and TC_B_24_CS (catalog group)',
  cases: CASES,
  catches: CATCHES,
  caseDir: 'ocpp2.0.1/cs',
});
