import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCTT 2.0.1, charging station under test, Core conditional cases of C Authorization (local start and stop, the
 * authorization cache, GroupId, master pass, offline authorization): every case passes against the reference station (through the proxy), and fails
 * against it with the fault it exists to catch, naming the broken expectation.
 */

const CASES = ['TC_C_02_CS', 'TC_C_04_CS', 'TC_C_06_CS', 'TC_C_07_CS', 'TC_C_56_CS', 'TC_C_08_CS', 'TC_C_09_CS', 'TC_C_10_CS', 'TC_C_11_CS', 'TC_C_12_CS', 'TC_C_13_CS', 'TC_C_36_CS', 'TC_C_37_CS', 'TC_C_38_CS', 'TC_C_57_CS', 'TC_C_32_CS', 'TC_C_33_CS', 'TC_C_34_CS', 'TC_C_39_CS', 'TC_C_41_CS', 'TC_C_42_CS', 'TC_C_44_CS', 'TC_C_45_CS', 'TC_C_49_CS', 'TC_C_16_CS', 'TC_C_17_CS', 'TC_C_26_CS', 'TC_C_15_CS', 'TC_C_18_CS', 'TC_C_46_CS', 'TC_C_05_CS', 'TC_C_47_CS', 'TC_C_48_CS'];

const NO_TX = /^Step 3 failed: expected no TransactionEvent within 2 s; got TransactionEvent \{"eventType":"Started".*"triggerReason":"Authorized"/;

/** The station had to ask the CSMS about the presented idToken (Authorize) and did not. */
const ASKED = (tag: string) => new RegExp(`^Step 2 failed: expected Authorize where idToken\\.idToken is "${tag}".*got nothing matching`);

/** The station had to decide from its cache (no TransactionEvent due yet) and asked the CSMS. */
const NOT_ASKED = /^Step Authorized\.7 failed: expected no Authorize within 1 s; got Authorize \{"idToken":\{"idToken":"VALID-TAG-1"/;
/** A transaction stopped by an idToken of its group. */
const STOPPED_BY_GROUP = (step: number) => new RegExp(`^Step ${step} failed: expected TransactionEvent where eventType is one of "Updated", "Ended", triggerReason is "StopAuthorized".*got nothing matching`);
/** A transaction went on although an idToken of its group that is not Accepted was presented. */
const NOT_STOPPED = /^Step 5 failed: expected no TransactionEvent within 2 s; got TransactionEvent .*"triggerReason":"StopAuthorized"/;

const CATCHES: CatchSpec[] = [
  { id: 'TC_C_02_CS', fault: 'charge-on-invalid-idtag', reason: NO_TX },
  { id: 'TC_C_06_CS', fault: 'auth-201-only-invalid-refused', reason: NO_TX },
  { id: 'TC_C_07_CS', fault: 'auth-201-only-invalid-refused', reason: NO_TX },
  { id: 'TC_C_56_CS', fault: 'auth-201-only-invalid-refused', reason: NO_TX },
  { id: 'TC_C_04_CS', fault: 'auth-201-stop-with-any-idtoken', reason: /^Step 3 failed: expected no TransactionEvent within 2 s; got TransactionEvent .*"triggerReason":"StopAuthorized"/ },
  { id: 'TC_C_08_CS', fault: 'auth-cache-201-pre-authorize-ignored', reason: /^Step Authorized\.6 failed: expected TransactionEvent where eventType is "Started", triggerReason is "Authorized".*got an unexpected Authorize/ },
  { id: 'TC_C_13_CS', fault: 'auth-cache-201-pre-authorize-ignored', reason: NOT_ASKED },
  { id: 'TC_C_09_CS', fault: 'auth-cache-201-not-accepted-refused-locally', reason: ASKED('INVALID-TAG-1') },
  { id: 'TC_C_10_CS', fault: 'auth-cache-201-not-accepted-refused-locally', reason: ASKED('BLOCKED-TAG-1') },
  { id: 'TC_C_11_CS', fault: 'auth-cache-201-not-accepted-refused-locally', reason: ASKED('EXPIRED-TAG-1') },
  { id: 'TC_C_12_CS', fault: 'auth-cache-201-not-accepted-refused-locally', reason: /^Step Authorized\.3 failed: expected Authorize where idToken\.idToken is "INVALID-TAG-1".*got nothing matching/ },
  { id: 'TC_C_57_CS', fault: 'auth-cache-201-post-authorize-not-disabled', reason: /^Step 2 failed: expected no CALL within 2 s; got Authorize \{"idToken":\{"idToken":"INVALID-TAG-1"/ },
  { id: 'TC_C_36_CS', fault: 'auth-cache-201-used-without-pre-authorize', reason: ASKED('VALID-TAG-1') },
  { id: 'TC_C_37_CS', fault: 'auth-cache-201-clear-ignored', reason: /^Step Authorized\.3 failed: expected Authorize where idToken\.idToken is "VALID-TAG-1".*got nothing matching/ },
  { id: 'TC_C_38_CS', fault: 'auth-cache-201-clear-when-disabled', reason: /^Step 1 failed: .*\(status: expected "Rejected", got "Accepted"\)/ },
  { id: 'TC_C_32_CS', fault: 'auth-cache-201-lost-on-reboot', reason: NOT_ASKED },
  { id: 'TC_C_33_CS', fault: 'auth-cache-201-pre-authorize-ignored', reason: /^Step Authorized#2\.6 failed: expected TransactionEvent where eventType is "Started", triggerReason is "Authorized".*got an unexpected Authorize/ },
  { id: 'TC_C_34_CS', fault: 'auth-cache-201-tx-answer-ignored', reason: /^Step 7 failed: expected Authorize where idToken\.idToken is "VALID-TAG-1".*got nothing matching/ },
  { id: 'TC_C_39_CS', fault: 'group-id-201-ignored', reason: STOPPED_BY_GROUP(5) },
  { id: 'TC_C_41_CS', fault: 'group-id-201-ignored', reason: STOPPED_BY_GROUP(4) },
  { id: 'TC_C_42_CS', fault: 'group-id-201-invalid-stops', reason: NOT_STOPPED },
  { id: 'TC_C_44_CS', fault: 'group-id-201-invalid-stops', reason: NOT_STOPPED },
  { id: 'TC_C_45_CS', fault: 'master-pass-201-ignored', reason: /^Step 5 failed: expected no TransactionEvent within 2 s; got TransactionEvent .*"triggerReason":"ChargingStateChanged".*"chargingState":"Charging"/ },
  { id: 'TC_C_49_CS', fault: 'master-pass-201-stops-one', reason: /^Step 3 failed: expected TransactionEvent where .*transactionInfo\.stoppedReason is "MasterPass".*got nothing matching/ },
  { id: 'TC_C_16_CS', fault: 'stop-tx-on-invalid-id-201-ignored', reason: /^Step 7 failed: expected TransactionEvent where triggerReason is "Deauthorized".*got nothing matching.*"chargingState":"SuspendedEVSE"/ },
  { id: 'TC_C_16_CS', fault: 'offline-cache-201-not-used', reason: /^Step 6 failed: expected TransactionEvent where triggerReason is "ChargingStateChanged", offline is true; got nothing matching/ },
  { id: 'TC_C_17_CS', fault: 'charge-on-invalid-idtag', reason: /^Step 7 failed: expected TransactionEvent where transactionInfo\.chargingState is "SuspendedEVSE"; got nothing matching/ },
  { id: 'TC_C_26_CS', fault: 'offline-unknown-id-201-refused', reason: /^Step 9 failed: expected TransactionEvent where offline is true, idToken\.idToken is "INVALID-TAG-1".*got nothing matching/ },
  { id: 'TC_C_15_CS', fault: 'max-energy-on-invalid-id-201-ignored', reason: /^Step 7 failed: expected no TransactionEvent within 2 s; got TransactionEvent .*"chargingState":"SuspendedEVSE"/ },
  { id: 'TC_C_18_CS', fault: 'stop-tx-on-invalid-id-201-ignored', reason: /^Step 7 failed: expected TransactionEvent where triggerReason is "Deauthorized".*got nothing matching/ },
  { id: 'TC_C_46_CS', fault: 'auth-cache-201-lifetime-ignored', reason: /^Step Authorized\.3 failed: expected Authorize where idToken\.idToken is "VALID-TAG-1".*got nothing matching/ },
  { id: 'TC_C_05_CS', fault: 'charge-on-invalid-idtag', reason: NO_TX },
  { id: 'TC_C_47_CS', fault: 'master-pass-201-stops-one', reason: /^Step 4 failed: expected TransactionEvent where .*transactionInfo\.stoppedReason is "MasterPass".*got nothing matching/ },
  { id: 'TC_C_48_CS', fault: 'master-pass-201-ui-stops-all', reason: /^Step 5 failed: expected no TransactionEvent within 2 s; got TransactionEvent .*"triggerReason":"StopAuthorized"/ },
];

describeCatalogGroup({
  title: 'OCTT 2.0.1 charging station Core conditional: C Authorization',
  cases: CASES,
  catches: CATCHES,
  config: FAST_REFERENCE,
});
