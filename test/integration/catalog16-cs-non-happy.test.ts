import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCTT 1.6, charging station under test: Core non-happy flows (§2.10-2.16), firmware management (§2.18),
 * diagnostics (§2.19) and remote trigger (§2.21). Each case passes against the reference station and fails,
 * naming the broken expectation, against the station with the bug it exists to catch.
 */
const CATCHES: CatchSpec[] = [
  { id: 'TC_023_CS', fault: 'charge-on-invalid-idtag', reason: /^Step 6 failed: expected no StartTransaction within 2 s; got StartTransaction \{"connectorId":1,"idTag":"INVALID-TAG-1"/ },
  { id: 'TC_023_5_CS', fault: 'charge-on-invalid-idtag', reason: /^Step 6 failed: expected no StartTransaction within 2 s; got StartTransaction \{"connectorId":1,"idTag":"INVALID-TAG-1"/ },
  { id: 'TC_024_CS', fault: 'start-on-lock-failure', reason: /^Step 3 failed: expected StatusNotification where connectorId is 1, errorCode is "ConnectorLockFailure", status is "Faulted"; got an unexpected StartTransaction \{"connectorId":1,"idTag":"VALID-TAG-1"/ },
  { id: 'TC_026_CS', fault: 'remote-start-on-busy-connector', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_027_CS', fault: 'remote-start-connector-zero-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected", or a CALLERROR with code a string; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_028_CS', fault: 'remote-stop-unknown-transaction-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_030_CS', fault: 'unlock-failure-reported-unlocked', reason: /^Step 1 failed: expected a CALLRESULT where status is "UnlockFailed"; got CALLRESULT \{"status":"Unlocked"\}/ },
  { id: 'TC_031_CS', fault: 'unlock-unknown-connector-unlocked', reason: /^Step 1 failed: expected a CALLRESULT where status is "NotSupported"; got CALLRESULT \{"status":"Unlocked"\}/ },
  { id: 'TC_032_1_CS', fault: 'backup-power-ignored', reason: /^Step 2 failed: expected StatusNotification where connectorId is 1, status is "Finishing"; got nothing matching within 1 s; meanwhile came .*StatusNotification \{"connectorId":1,"errorCode":"NoError","status":"Preparing"/ },
  { id: 'TC_032_2_CS', fault: 'wrong-stop-reason', reason: /^Step 4 failed: expected StopTransaction where transactionId is \d+, reason is "PowerLoss"; got StopTransaction .*\(reason: expected "PowerLoss", got "Local"\)$/ },
  { id: 'TC_034_CS', fault: 'availability-lost-on-reboot', reason: /^Step 6 failed: expected StatusNotification where connectorId is 0, status is "Unavailable".*got nothing matching within 1 s.*status: expected "Unavailable", got "Available"/ },
  { id: 'TC_040_1_CS', fault: 'unknown-config-key-rejected', reason: /^Step 1 failed: expected a CALLRESULT where status is "NotSupported"; got CALLRESULT \{"status":"Rejected"\}/ },
  { id: 'TC_040_2_CS', fault: 'negative-config-value-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected", or a CALLERROR with code "PropertyConstraintViolation"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_041_CS', fault: 'charge-while-faulted', reason: /^Step 7 failed: expected no StartTransaction within 2 s; got StartTransaction \{"connectorId":1,"idTag":"VALID-TAG-1"/ },
  { id: 'TC_036_CS', fault: 'offline-meter-values-dropped', reason: /^Step 5 failed: expected MeterValues where connectorId is 1, transactionId is \d+, meterValue is .*got nothing matching within 1 s; meanwhile came MeterValues .*\(meterValue\.0\.timestamp: expected a date-time within 600 ms of 500 ms after / },
  { id: 'TC_037_1_CS', fault: 'offline-tx-messages-dropped', reason: /^Step 8 failed: expected StartTransaction where connectorId is 1, idTag is "VALID-TAG-1".*got nothing matching within 1 s/ },
  { id: 'TC_037_2_CS', fault: 'charge-on-invalid-idtag', reason: /^Step 9 failed: expected StatusNotification where connectorId is 1, status is "SuspendedEVSE"; got nothing matching within 1 s/ },
  { id: 'TC_037_3_CS', fault: 'wrong-stop-reason', reason: /^Step 9 failed: expected StopTransaction where transactionId is \d+, reason is "DeAuthorized"; got StopTransaction .*\(reason: expected "DeAuthorized", got "Local"\)$/ },
  { id: 'TC_038_CS', fault: 'offline-tx-messages-dropped', reason: /^Step 6 failed: expected StopTransaction where transactionId is \d+, reason is "Local" or absent; got nothing matching within 1 s/ },
  { id: 'TC_039_CS', fault: 'offline-tx-messages-dropped', reason: /^Step 11 failed: expected StartTransaction where connectorId is 1, idTag is "VALID-TAG-1".*got nothing matching within 1 s/ },
  { id: 'TC_044_1_CS', fault: 'no-firmware-installed-status', reason: /^Step 5 failed: expected .*FirmwareStatusNotification where status is "Installed".*got nothing matching within 1 s/ },
  { id: 'TC_044_2_CS', fault: 'firmware-download-failure-hidden', reason: /^Step 2 failed: expected FirmwareStatusNotification where status is "DownloadFailed".*got nothing matching within 1 s.*status: expected "DownloadFailed", got "Downloaded"/ },
  { id: 'TC_044_3_CS', fault: 'firmware-installation-failure-hidden', reason: /^Step 4 failed: expected FirmwareStatusNotification where status is "InstallationFailed".*got nothing matching within 1 s.*got "Installed"/ },
  { id: 'TC_045_1_CS', fault: 'diagnostics-no-uploading-status', reason: /^Step 2 failed: expected DiagnosticsStatusNotification where status is "Uploading".*got nothing matching within 1 s.*got "Uploaded"/ },
  { id: 'TC_045_2_CS', fault: 'diagnostics-upload-failure-hidden', reason: /^Step 3 failed: expected DiagnosticsStatusNotification where status is "UploadFailed".*got nothing matching within 1 s.*got "Uploaded"/ },
  { id: 'TC_054_CS', fault: 'trigger-diagnostics-status-not-idle', reason: /^Step 8 failed: expected DiagnosticsStatusNotification where status is "Idle".*got nothing matching within 1 s.*got "Uploaded"/ },
  { id: 'TC_055_CS', fault: 'trigger-unknown-connector-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected", or a CALLERROR with code a string; got CALLRESULT \{"status":"Accepted"\}/ },
];

describeCatalogGroup({
  title: 'OCTT 1.6 CS non-happy flows, firmware, diagnostics, remote trigger: each case catches its fault',
  cases: [...new Set(CATCHES.map((c) => c.id))],
  catches: CATCHES,
});
