import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCTT 2.0.1, charging station under test, Core mandatory cases of E Transactions, F RemoteControl, J MeterValues
 * and P DataTransfer: every case passes against the reference station (through the proxy), and fails against it
 * with the fault it exists to catch, naming the broken expectation.
 */

/** A clock-aligned interval well inside the expect timeout (TC_J_01/02_CS wait up to one interval for the first sample). */
const FAST = { ...FAST_REFERENCE, settings: { alignedDataInterval: '5', alignedDataTxEndedInterval: '3', sampledDataTxEndedInterval: '3' } };
/** A Started measurand other than the one sampled by default, so that sampling the wrong list shows (TC_J_07_CS). */
const POWER_STARTED = { ...FAST, settings: { ...FAST.settings, sampledDataTxStartedMeasurands: 'Power.Active.Import' } };
const POWER_STARTED_CASES = ['TC_J_07_CS'];

const CASES = ['TC_E_28_CS', 'TC_E_39_CS', 'TC_E_29_CS', 'TC_E_33_CS', 'TC_E_40_CS', 'TC_E_50_CS', 'TC_E_51_CS', 'TC_E_30_CS', 'TC_E_32_CS', 'TC_E_34_CS', 'TC_F_08_CS', 'TC_F_04_CS', 'TC_F_09_CS', 'TC_F_20_CS', 'TC_J_01_CS', 'TC_J_02_CS', 'TC_J_03_CS', 'TC_J_07_CS', 'TC_J_09_CS', 'TC_J_10_CS', 'TC_P_01_CS', 'TC_P_03_CS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_E_28_CS', fault: 'tx-status-always-ongoing', reason: /^Step 1 failed: .*\(ongoingIndicator: expected false, got true\)/ },
  { id: 'TC_E_29_CS', fault: 'tx-status-queue-ignored', reason: /^Step 4 failed: .*\(messagesInQueue: expected true, got false\)/ },
  { id: 'TC_E_33_CS', fault: 'tx-status-queue-ignored', reason: /^Step 4 failed: .*\(messagesInQueue: expected true, got false\)/ },
  { id: 'TC_E_40_CS', fault: 'offline-flag-missing', reason: /^Step 4 failed: expected TransactionEvent where eventType is "Updated", offline is true/ },
  { id: 'TC_E_50_CS', fault: 'tx-message-not-retried', reason: /^Step 2 failed: expected TransactionEvent .*arriving 5 s .*after sent1, answered with CALLERROR InternalError; got nothing matching/ },
  { id: 'TC_E_51_CS', fault: 'tx-message-not-retried', reason: /^Step 2 failed: expected TransactionEvent .*arriving 5 s .*after sent1; got nothing matching/ },
  { id: 'TC_E_39_CS', fault: 'ev-connect-timeout-ignored', reason: /^Step 7 failed: expected no TransactionEvent within 1500 ms; got TransactionEvent .*"chargingState":"Charging"/ },
  { id: 'TC_E_30_CS', fault: 'tx-status-queue-always', reason: /^Step 1 failed: .*\(messagesInQueue: expected false, got true\)/ },
  { id: 'TC_E_32_CS', fault: 'tx-status-always-ongoing', reason: /^Step 1 failed: .*\(ongoingIndicator: expected false, got true\)/ },
  { id: 'TC_F_08_CS', fault: 'remote-stop-ignored', reason: /^Step StopAuthorized\.8 failed: expected TransactionEvent where eventType is "Ended", triggerReason is "RemoteStop".*got nothing matching/ },
  { id: 'TC_F_09_CS', fault: 'remote-stop-any-transaction', reason: /^Step 1 failed: .*\(status: expected "Rejected", got "Accepted"\)/ },
  { id: 'TC_E_34_CS', fault: 'tx-status-always-ongoing', reason: /^Step 1 failed: .*ongoingIndicator: expected absent, got true/ },
  { id: 'TC_F_04_CS', fault: 'ev-connect-timeout-ignored', reason: /^Step 1 failed: expected TransactionEvent where eventType is "Ended", triggerReason is "EVConnectTimeout".*arriving 5 s .*after remoteStartRequested; got nothing matching/ },
  { id: 'TC_F_20_CS', fault: 'trigger-heartbeat-not-sent', reason: /^Step 2 failed: expected Heartbeat, arriving at most 1 s after triggered.*got nothing matching/ },
  { id: 'TC_J_01_CS', fault: 'clock-aligned-201-as-periodic', reason: /^Step 1 failed: expected MeterValues .*got nothing matching/ },
  { id: 'TC_J_02_CS', fault: 'clock-aligned-201-as-periodic', reason: /^Step 1 failed: expected one of: MeterValues .*TransactionEvent where eventType is "Updated", triggerReason is "MeterValueClock"/ },
  { id: 'TC_J_03_CS', fault: 'tx-ended-samples-dropped', reason: /^Step ParkingBayUnoccupied\.EVDisconnected\.StopAuthorized\.5 failed: expected TransactionEvent where eventType is "Ended".*meterValue/ },
  { id: 'TC_J_10_CS', fault: 'tx-ended-samples-dropped', reason: /^Step ParkingBayUnoccupied\.EVDisconnected\.StopAuthorized\.5 failed: expected TransactionEvent where eventType is "Ended".*meterValue/ },
  { id: 'TC_J_07_CS', fault: 'tx-started-measurands-ignored', reason: /^Step 5 failed: .*TransactionEvent where eventType is "Started".*measurand is "Power\.Active\.Import"/ },
  { id: 'TC_J_09_CS', fault: 'no-meter-values', reason: /^Step 1 failed: expected TransactionEvent where eventType is "Updated", triggerReason is "MeterValuePeriodic".*got nothing matching/ },
  { id: 'TC_P_01_CS', fault: 'data-transfer-201-accepted', reason: /^Step 1 failed: .*\(status: expected one of "UnknownVendorId", "UnknownMessageId", "Rejected", got "Accepted"\)/ },
  { id: 'TC_P_03_CS', fault: 'custom-data-rejected', reason: /^Step 1 failed: expected a CALLRESULT where setVariableResult is .*got CALLERROR FormatViolation/ },
];

describeCatalogGroup({
  title: 'OCTT 2.0.1 charging station Core: E Transactions, F RemoteControl, J MeterValues, P DataTransfer',
  cases: CASES,
  catches: CATCHES.map((c) => (POWER_STARTED_CASES.includes(c.id) ? { ...c, config: POWER_STARTED } : c)),
  config: FAST,
  passWith: [{ cases: POWER_STARTED_CASES, config: POWER_STARTED }],
});
