import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCTT 1.6, CSMS under test, Core (§3.1-3.13, 3.20): every case of the group passes against the reference CSMS and
 * fails, naming the broken expectation, against the reference CSMS with the fault it exists to catch. TC_001_CSMS,
 * TC_003_CSMS, TC_004_1_CSMS and TC_010_CSMS catch their faults in runner-faults.test.ts.
 */
const GROUP = ['TC_001_CSMS', 'TC_003_CSMS', 'TC_004_1_CSMS', 'TC_010_CSMS', 'TC_004_2_CSMS', 'TC_005_1_CSMS', 'TC_007_CSMS', 'TC_061_CSMS', 'TC_011_1_CSMS', 'TC_011_2_CSMS', 'TC_012_CSMS', 'TC_013_CSMS', 'TC_014_CSMS', 'TC_017_1_CSMS', 'TC_017_2_CSMS', 'TC_018_1_CSMS', 'TC_019_1_CSMS', 'TC_019_2_CSMS', 'TC_021_CSMS', 'TC_023_1_CSMS', 'TC_023_2_CSMS', 'TC_023_3_CSMS', 'TC_024_CSMS', 'TC_026_CSMS', 'TC_028_CSMS', 'TC_030_CSMS', 'TC_031_CSMS', 'TC_032_1_CSMS', 'TC_037_1_CSMS', 'TC_037_3_CSMS', 'TC_039_CSMS', 'TC_040_1_CSMS', 'TC_040_2_CSMS', 'TC_064_CSMS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_004_2_CSMS', fault: 'csms16-available-after-preparing-error', reason: /^Step 4 failed: expected a CALLRESULT; got CALLERROR InternalError/ },
  { id: 'TC_005_1_CSMS', fault: 'csms16-stop-ev-disconnected-error', reason: /^Step 3 failed: expected a CALLRESULT; got CALLERROR PropertyConstraintViolation "unknown stop reason EVDisconnected"/ },
  { id: 'TC_007_CSMS', fault: 'csms16-start-needs-authorize', reason: /^Step 2 failed: expected a CALLRESULT where idTagInfo\.status is "Accepted"; .*\(idTagInfo\.status: expected "Accepted", got "Invalid"\)$/ },
  { id: 'TC_061_CSMS', fault: 'csms16-clear-cache-with-payload', reason: /^Step 2 failed: .*\[schema\.additional-property\] \/connectorId ClearCache\.req/ },
  { id: 'TC_011_1_CSMS', fault: 'csms16-remote-start-connector-zero', reason: /^Step 2 failed: expected RemoteStartTransaction .*\(connectorId: expected absent or a number of at least 1, got 0\)$/ },
  { id: 'TC_011_2_CSMS', fault: 'csms16-available-after-preparing-error', reason: /^Step 6 failed: expected a CALLRESULT; got CALLERROR InternalError/ },
  { id: 'TC_012_CSMS', fault: 'csms16-remote-stop-wrong-transaction', reason: /^Step 3 failed: expected RemoteStopTransaction where transactionId is 1.*\(transactionId: expected 1, got 2\)$/ },
  { id: 'TC_013_CSMS', fault: 'csms16-reset-type-swapped', reason: /^Step 2 failed: expected Reset where type is "Hard".*\(type: expected "Hard", got "Soft"\)$/ },
  { id: 'TC_014_CSMS', fault: 'csms16-reset-type-swapped', reason: /^Step 2 failed: expected Reset where type is "Soft".*\(type: expected "Soft", got "Hard"\)$/ },
  { id: 'TC_017_1_CSMS', fault: 'csms16-unlock-wrong-connector', reason: /^Step 2 failed: expected UnlockConnector where connectorId is 1.*\(connectorId: expected 1, got 0\)$/ },
  { id: 'TC_017_2_CSMS', fault: 'csms16-unlock-wrong-connector', reason: /^Step 2 failed: expected UnlockConnector where connectorId is 1.*\(connectorId: expected 1, got 0\)$/ },
  { id: 'TC_018_1_CSMS', fault: 'csms16-unlock-wrong-connector', reason: /^Step 3 failed: expected UnlockConnector where connectorId is 1.*\(connectorId: expected 1, got 0\)$/ },
  { id: 'TC_019_1_CSMS', fault: 'csms16-get-configuration-all-sends-keys', reason: /^Step 2 failed: expected GetConfiguration where key is absent or has a length that is 0.*got GetConfiguration \{"key":\["HeartbeatInterval"/ },
  { id: 'TC_019_2_CSMS', fault: 'csms16-get-configuration-key-dropped', reason: /^Step 2 failed: expected GetConfiguration where key equals \["SupportedFeatureProfiles"\].*\(key: expected \["SupportedFeatureProfiles"\], got absent\)$/ },
  { id: 'TC_021_CSMS', fault: 'csms16-change-configuration-value-number', reason: /^Step 2 failed: .*\[schema\.type\] \/value ChangeConfiguration\.req: value must be a string, got 60/ },
  { id: 'TC_023_1_CSMS', fault: 'authorize-accepts-any', reason: /^Step 1 failed: .*\(idTagInfo\.status: expected "Invalid", got "Accepted"\)$/ },
  { id: 'TC_023_2_CSMS', fault: 'csms16-blocked-expired-as-invalid', reason: /^Step 1 failed: .*\(idTagInfo\.status: expected "Expired", got "Invalid"\)$/ },
  { id: 'TC_023_3_CSMS', fault: 'csms16-blocked-expired-as-invalid', reason: /^Step 1 failed: .*\(idTagInfo\.status: expected "Blocked", got "Invalid"\)$/ },
  { id: 'TC_024_CSMS', fault: 'csms16-faulted-status-error', reason: /^Step 3 failed: expected a CALLRESULT; got CALLERROR PropertyConstraintViolation "unexpected errorCode ConnectorLockFailure"/ },
  { id: 'TC_026_CSMS', fault: 'remote-start-without-idtag', reason: /^Step 2 failed: expected RemoteStartTransaction where idTag is "VALID-TAG-1".*\(idTag: expected "VALID-TAG-1", got ""\)$/ },
  { id: 'TC_028_CSMS', fault: 'csms16-remote-stop-wrong-transaction', reason: /^Step 3 failed: expected RemoteStopTransaction where transactionId is 1, answered with \{"status":"Rejected"\}.*\(transactionId: expected 1, got 2\)$/ },
  { id: 'TC_030_CSMS', fault: 'csms16-unlock-wrong-connector', reason: /^Step 2 failed: expected UnlockConnector where connectorId is 1, answered with \{"status":"UnlockFailed"\}.*\(connectorId: expected 1, got 0\)$/ },
  { id: 'TC_031_CSMS', fault: 'csms16-unlock-wrong-connector', reason: /^Step 2 failed: expected UnlockConnector where connectorId is 2, answered with \{"status":"NotSupported"\}.*\(connectorId: expected 2, got 1\)$/ },
  { id: 'TC_032_1_CSMS', fault: 'csms16-stop-after-reboot-error', reason: /^Step 7 failed: expected a CALLRESULT; got CALLERROR InternalError "transaction 1 is unknown since the station booted"/ },
  { id: 'TC_037_1_CSMS', fault: 'csms16-start-needs-authorize', reason: /^Step 3 failed: expected a CALLRESULT where idTagInfo\.status is "Accepted"; .*\(idTagInfo\.status: expected "Accepted", got "Invalid"\)$/ },
  { id: 'TC_037_3_CSMS', fault: 'authorize-accepts-any', reason: /^Step 3 failed: expected a CALLRESULT where idTagInfo\.status is "Invalid"; .*\(idTagInfo\.status: expected "Invalid", got "Accepted"\)$/ },
  { id: 'TC_039_CSMS', fault: 'csms16-start-needs-authorize', reason: /^Step 3 failed: expected a CALLRESULT where idTagInfo\.status is "Accepted"; .*\(idTagInfo\.status: expected "Accepted", got "Invalid"\)$/ },
  { id: 'TC_040_1_CSMS', fault: 'csms16-change-configuration-value-number', reason: /^Step 2 failed: .*\[schema\.type\] \/value ChangeConfiguration\.req: value must be a string, got 1/ },
  { id: 'TC_040_2_CSMS', fault: 'csms16-change-configuration-value-number', reason: /^Step 2 failed: .*\[schema\.type\] \/value ChangeConfiguration\.req: value must be a string, got -1/ },
  { id: 'TC_064_CSMS', fault: 'csms16-data-transfer-callerror', reason: /^Step 1 failed: expected a CALLRESULT where status is one of "Rejected", "UnknownMessageId", "UnknownVendorId", "Accepted"; got CALLERROR NotSupported/ },
];

describeCatalogGroup({
  title: 'OCTT 1.6 CSMS Core catalog (§3.1-3.13, 3.20) against the reference CSMS',
  cases: GROUP,
  catches: CATCHES,
  caseDir: 'ocpp1.6/csms',
  timeoutMs: 30_000,
});
