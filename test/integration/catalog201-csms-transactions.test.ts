import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCPP 2.0.1 Part 6, CSMS under test, Core (E Transactions, J MeterValues, N Diagnostics): every case of the group
 * passes against the reference CSMS and fails, naming the broken expectation, against the reference CSMS with the
 * fault it exists to catch. The harness plays the station through the reusable states of testcases/states/ocpp2.0.1/csms.
 */
const CALLERROR = (text: string) => new RegExp(`failed: expected a CALLRESULT[^;]*; got CALLERROR PropertyConstraintViolation "${text}`);
const NO_ID_TOKEN_INFO = /failed: expected a CALLRESULT where idTokenInfo\.status is "Accepted"; got CALLRESULT \{\} \(idTokenInfo: expected an object where status is "Accepted", got absent\)$/;

const CATCHES: CatchSpec[] = [
  { id: 'TC_E_01_CSMS', fault: 'no-id-token-info', reason: /^Step 5 / },
  { id: 'TC_E_02_CSMS', fault: 'no-id-token-info', reason: /^Step 6 / },
  { id: 'TC_E_03_CSMS', fault: 'no-id-token-info', reason: /^Step Authorized\.4 / },
  { id: 'TC_E_04_CSMS', fault: 'no-id-token-info', reason: /^Step Authorized\.4 / },
  { id: 'TC_E_07_CSMS', fault: 'csms201-ended-while-charging-error', reason: CALLERROR('transaction [-0-9a-f]+ is still charging') },
  { id: 'TC_E_08_CSMS', fault: 'no-id-token-info', reason: /^Step StopAuthorized\.EnergyTransferStarted\.Authorized\.4 / },
  { id: 'TC_E_09_CSMS', fault: 'csms201-started-without-idtoken-error', reason: CALLERROR('a transaction starts with an idToken') },
  { id: 'TC_E_10_CSMS', fault: 'no-id-token-info', reason: /^Step 4 / },
  { id: 'TC_E_11_CSMS', fault: 'csms201-signed-meter-value-error', reason: /^Step 6 failed: expected a CALLRESULT where idTokenInfo\.status is "Accepted"; got CALLERROR PropertyConstraintViolation "signedMeterValue is not supported"/ },
  { id: 'TC_E_12_CSMS', fault: 'csms201-trigger-reason-error', reason: CALLERROR('unknown triggerReason EVDetected') },
  { id: 'TC_E_14_CSMS', fault: 'no-id-token-info', reason: /^Step EVConnectedPostSession\.StopAuthorized\.EnergyTransferStarted\.Authorized\.4 / },
  { id: 'TC_E_15_CSMS', fault: 'csms201-ended-while-charging-error', reason: CALLERROR('transaction [-0-9a-f]+ is still charging') },
  { id: 'TC_E_16_CSMS', fault: 'authorize-accepts-any', reason: /^Step 3 failed: .*\(idTokenInfo\.status: expected one of "Invalid", "Unknown", got "Accepted"\)$/ },
  { id: 'TC_E_17_CSMS', fault: 'csms201-suspended-ev-error', reason: /^Step EnergyTransferSuspended\.5 .*unknown chargingState SuspendedEV/ },
  { id: 'TC_E_19_CSMS', fault: 'csms201-trigger-reason-error', reason: CALLERROR('unknown triggerReason EVDeparted') },
  { id: 'TC_E_20_CSMS', fault: 'csms201-suspended-ev-error', reason: /^Step EnergyTransferSuspended\.5 .*unknown chargingState SuspendedEV/ },
  { id: 'TC_E_21_CSMS', fault: 'csms201-request-stop-uppercase-id', reason: /^Step 2 failed: expected RequestStopTransaction where transactionId is "([-0-9a-f]+)".*\(transactionId: expected "\1", got "[-0-9A-F]+"\)$/ },
  { id: 'TC_E_22_CSMS', fault: 'csms201-stopped-reason-error', reason: CALLERROR('unknown stoppedReason StoppedByEV') },
  { id: 'TC_E_26_CSMS', fault: 'csms201-ev-communication-lost-ends-transaction', reason: /^Step 8 .*transaction [-0-9a-f]+ has ended/ },
  { id: 'TC_E_38_CSMS', fault: 'csms201-suspended-ev-error', reason: /^Step 4 .*unknown chargingState SuspendedEV/ },
  { id: 'TC_E_39_CSMS', fault: 'csms201-stopped-reason-error', reason: CALLERROR('unknown stoppedReason Timeout') },
  { id: 'TC_E_53_CSMS', fault: 'csms201-seqno-per-station', reason: /^Step EnergyTransferStarted#2\.Authorized\.4 .*"seqNo 0 does not follow 5"/ },
  { id: 'TC_J_01_CSMS', fault: 'csms201-meter-values-evse0-error', reason: CALLERROR('no EVSE 0') },
  { id: 'TC_J_02_CSMS', fault: 'csms201-tx-meter-context-error', reason: /^Step 4 .*unexpected meter value context Sample\.Clock/ },
  { id: 'TC_J_03_CSMS', fault: 'csms201-tx-meter-context-error', reason: /^Step EVDisconnected\.7 .*unexpected meter value context Sample\.Clock/ },
  { id: 'TC_J_04_CSMS', fault: 'csms201-signed-meter-value-error', reason: /^Step EVDisconnected\.8 .*signedMeterValue is not supported/ },
  { id: 'TC_J_07_CSMS', fault: 'csms201-tx-meter-context-error', reason: /^Step EVConnectedPreSession\.6 .*unexpected meter value context Transaction\.Begin/ },
  { id: 'TC_J_08_CSMS', fault: 'csms201-tx-meter-context-error', reason: /^Step EVConnectedPreSession\.6 .*unexpected meter value context Transaction\.Begin/ },
  { id: 'TC_J_09_CSMS', fault: 'csms201-trigger-reason-error', reason: CALLERROR('unknown triggerReason MeterValuePeriodic') },
  { id: 'TC_J_10_CSMS', fault: 'csms201-tx-meter-context-error', reason: /^Step EVDisconnected\.7 .*unexpected meter value context Transaction\.End/ },
  { id: 'TC_J_11_CSMS', fault: 'csms201-signed-meter-value-error', reason: /^Step EVDisconnected\.8 .*signedMeterValue is not supported/ },
  { id: 'TC_N_25_CSMS', fault: 'csms201-get-log-type-swapped', reason: /^Step 2 failed: expected GetLog where logType is "DiagnosticsLog".*\(logType: expected "DiagnosticsLog", got "SecurityLog"\)$/ },
  { id: 'TC_N_27_CSMS', fault: 'csms201-customer-information-flags-swapped', reason: /^Step 2 failed: expected CustomerInformation where report is true.*\(report: expected true, got false\)$/ },
  { id: 'TC_N_28_CSMS', fault: 'csms201-customer-information-flags-swapped', reason: /^Step 2 failed: expected CustomerInformation where report is true.*\(report: expected true, got false\)$/ },
  { id: 'TC_N_29_CSMS', fault: 'csms201-customer-information-flags-swapped', reason: /^Step 2 failed: expected CustomerInformation where report is true.*answered with \{"status":"Rejected"\}.*\(report: expected true, got false\)$/ },
  { id: 'TC_N_30_CSMS', fault: 'csms201-customer-information-token-type-central', reason: /^Step 2 failed: expected CustomerInformation .*clear is true.*\(idToken\.type: expected "ISO14443", got "Central"\)$/ },
  { id: 'TC_N_31_CSMS', fault: 'csms201-customer-information-token-type-central', reason: /^Step 2 failed: expected CustomerInformation .*clear is true.*\(idToken\.type: expected "ISO14443", got "Central"\)$/ },
  { id: 'TC_N_32_CSMS', fault: 'csms201-customer-information-flags-swapped', reason: /^Step 2 failed: expected CustomerInformation where report is false.*\(report: expected false, got true; clear: expected true, got false\)$/ },
  { id: 'TC_N_34_CSMS', fault: 'csms201-get-log-without-location', reason: /^Step 2 failed: .*\[schema\.required\] \/log\/remoteLocation GetLogRequest/ },
  { id: 'TC_N_35_CSMS', fault: 'csms201-get-log-type-swapped', reason: /^Step 2 failed: expected GetLog where logType is "SecurityLog".*\(logType: expected "SecurityLog", got "DiagnosticsLog"\)$/ },
  { id: 'TC_N_36_CSMS', fault: 'csms201-log-status-canceled-error', reason: /^Step 6 failed: expected a CALLRESULT; got CALLERROR PropertyConstraintViolation "unknown log status AcceptedCanceled"/ },
];
const GROUP = CATCHES.map((c) => c.id);

describeCatalogGroup({
  title: 'OCPP 2.0.1 CSMS Core catalog: E Transactions, J MeterValues, N Diagnostics against the reference CSMS',
  cases: GROUP,
  // A missing idTokenInfo must also be what the reason names, not only the step it fails at.
  catches: CATCHES.map((c) => (c.fault === 'no-id-token-info' ? { ...c, reason: [c.reason, NO_ID_TOKEN_INFO].flat() } : c)),
  caseDir: 'ocpp2.0.1/csms',
  timeoutMs: 30_000,
});
