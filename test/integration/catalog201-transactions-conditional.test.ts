import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { referenceSutConfig } from '../../src/runner/reference-targets.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCTT 2.0.1, Core conditional cases of E Transactions (both roles): the start and stop options (TxStartPoint /
 * TxStopPoint, Part 5 C-09.x / C-10.x), local start and stop, cable disconnected at the EV side, offline
 * behaviour and the transaction status checks. Every case passes against the reference peers (through the proxy)
 * and fails against a peer with the fault it exists to catch, naming the broken expectation.
 */

const CASES = [
  'TC_E_02_CS', 'TC_E_09_CS', 'TC_E_10_CS', 'TC_E_13_CS',
  'TC_E_07_CS', 'TC_E_08_CS', 'TC_E_14_CS', 'TC_E_15_CS', 'TC_E_20_CS', 'TC_E_21_CS', 'TC_E_22_CS', 'TC_E_35_CS', 'TC_E_37_CS', 'TC_E_54_CS',
  'TC_E_03_CS', 'TC_E_04_CS', 'TC_E_05_CS', 'TC_E_06_CS',
  'TC_E_17_CS', 'TC_E_24_CS', 'TC_E_25_CS', 'TC_E_26_CS',
  'TC_E_43_CS', 'TC_E_44_CS', 'TC_E_45_CS', 'TC_E_16_CS', 'TC_E_31_CS', 'TC_E_52_CS', 'TC_E_12_CS', 'TC_E_19_CS', 'TC_E_11_CS',
  'TC_E_29_CSMS', 'TC_E_30_CSMS', 'TC_E_31_CSMS', 'TC_E_33_CSMS', 'TC_E_34_CSMS',
];

/** A reference build without the EnergyTransfer start option (C-09.5), for the cases Part 5 gives only such stations. */
const WITHOUT_ENERGY_TRANSFER_START = { ...FAST_REFERENCE, features: referenceSutConfig('2.0.1', 'cs').features!.filter((f) => f !== 'C-09.5') };
const WITHOUT_ENERGY_TRANSFER_START_CASES = ['TC_E_38_CS'];
/** A reference build with a fixed cable (HFS-2 instead of HFS-1): the EV-side disconnect cases take their fixed-cable branch. */
const FIXED_CABLE = { ...FAST_REFERENCE, features: [...referenceSutConfig('2.0.1', 'cs').features!.filter((f) => f !== 'HFS-1'), 'HFS-2', 'FixedCable'] };
const FIXED_CABLE_CASES = ['TC_E_27_CS', 'TC_E_17_CS', 'TC_E_25_CS', 'TC_E_26_CS'];

const noStart = (step: string) => new RegExp(`^Step ${step} failed: expected TransactionEvent where eventType is "Started".*got nothing matching`);
const notEnded = (step: string) => new RegExp(`^Step ${step} failed: expected TransactionEvent where eventType is "Ended".*got nothing matching.*\\(eventType: expected "Ended", got "Updated"`);
const stopReason = (step: string, expected: string) => new RegExp(`^Step ${step} failed: .*\\(transactionInfo\\.stoppedReason: expected ${expected}, got "Local"\\)`);

const CATCHES: CatchSpec[] = [
  { id: 'TC_E_02_CS', fault: 'tx-start-point-ignored', reason: /^Step 3 failed: expected TransactionEvent where eventType is "Started".*\(triggerReason: expected one of "ChargingStateChanged", "Authorized", got "CablePluggedIn"; transactionInfo\.chargingState: expected "Charging", got "EVConnected"\)/ },
  { id: 'TC_E_09_CS', fault: 'tx-start-point-ignored', reason: noStart('3') },
  { id: 'TC_E_10_CS', fault: 'tx-start-point-ignored', reason: noStart('Authorized\\.\\d+') },
  { id: 'TC_E_13_CS', fault: 'tx-start-point-ignored', reason: noStart('Authorized\\.\\d+') },
  { id: 'TC_E_07_CS', fault: 'tx-stop-point-ignored', reason: notEnded('StopAuthorized\\.\\d+') },
  { id: 'TC_E_08_CS', fault: 'tx-stop-point-ignored', reason: notEnded('StopAuthorized\\.\\d+') },
  { id: 'TC_E_15_CS', fault: 'tx-stop-point-ignored', reason: notEnded('3') },
  { id: 'TC_E_21_CS', fault: 'tx-stop-point-ignored', reason: notEnded('StopAuthorized\\.\\d+') },
  { id: 'TC_E_35_CS', fault: 'tx-stop-point-ignored', reason: notEnded('StopAuthorized\\.\\d+') },
  { id: 'TC_E_14_CS', fault: 'tx-stop-on-deauthorize', reason: /^Step StopAuthorized\.\d+ failed: expected TransactionEvent where eventType is "Updated".*\(eventType: expected "Updated", got "Ended"\)/ },
  { id: 'TC_E_22_CS', fault: 'wrong-stop-reason', reason: stopReason('2', '"StoppedByEV"') },
  { id: 'TC_E_20_CS', fault: 'wrong-stop-reason', reason: stopReason('2', '"EVDisconnected"') },
  { id: 'TC_E_37_CS', fault: 'wrong-stop-reason', reason: stopReason('2', 'one of "EVDisconnected", "StoppedByEV"') },
  { id: 'TC_E_54_CS', fault: 'wrong-stop-reason', reason: stopReason('2', 'one of "StoppedByEV", "EVDisconnected"') },
  { id: 'TC_E_03_CS', fault: 'start-before-authorize', reason: /^Step Authorized\.\d+ failed: expected Authorize .*got nothing matching/ },
  { id: 'TC_E_04_CS', fault: 'start-before-authorize', reason: /^Step Authorized\.\d+ failed: expected Authorize .*got nothing matching/ },
  { id: 'TC_E_05_CS', fault: 'ev-connect-timeout-ignored', reason: /^Step Authorized#2\.\d+ failed: expected Authorize .*got nothing matching/ },
  { id: 'TC_E_06_CS', fault: 'tx-stop-point-ignored', reason: notEnded('StopAuthorized\\.\\d+') },
  { id: 'TC_E_38_CS', fault: 'ev-suspended-reported-charging', reason: /^Step 3 failed: .*\(transactionInfo\.chargingState: expected "SuspendedEV", got "Charging"\)/, config: WITHOUT_ENERGY_TRANSFER_START },
  { id: 'TC_E_29_CSMS', fault: 'csms201-tx-status-id-dropped', reason: /^Step 5 failed: expected GetTransactionStatus where transactionId is ".*; got GetTransactionStatus \{\} \(transactionId: expected ".*", got absent\)/ },
  { id: 'TC_E_30_CSMS', fault: 'csms201-tx-status-id-dropped', reason: /^Step 2 failed: expected GetTransactionStatus where transactionId is ".*; got GetTransactionStatus \{\} \(transactionId: expected ".*", got absent\)/ },
  { id: 'TC_E_31_CSMS', fault: 'csms201-tx-status-id-dropped', reason: /^Step 8 failed: expected GetTransactionStatus where transactionId is ".*; got GetTransactionStatus \{\} \(transactionId: expected ".*", got absent\)/ },
  { id: 'TC_E_33_CSMS', fault: 'csms201-tx-status-id-always', reason: /^Step 5 failed: expected GetTransactionStatus where transactionId is absent.*\(transactionId: expected absent, got ".+"\)/ },
  { id: 'TC_E_34_CSMS', fault: 'csms201-tx-status-id-always', reason: /^Step 2 failed: expected GetTransactionStatus where transactionId is absent.*\(transactionId: expected absent, got ""\)/ },
  { id: 'TC_E_17_CS', fault: 'ev-side-disconnect-never-stops', reason: /^Step 3 failed: expected TransactionEvent where triggerReason is "EVCommunicationLost".*\(transactionInfo\.stoppedReason: expected "EVDisconnected", got absent; eventType: expected "Ended", got "Updated"\)/ },
  { id: 'TC_E_24_CS', fault: 'available-not-reported', reason: /^Step 6 failed: expected StatusNotification where .*connectorStatus is "Available" or NotifyEvent .*got nothing matching/ },
  { id: 'TC_E_25_CS', fault: 'available-not-reported', reason: /^Step 7 failed: expected StatusNotification where .*connectorStatus is "Available" or NotifyEvent .*got nothing matching/ },
  { id: 'TC_E_26_CS', fault: 'ev-side-disconnect-always-stops', reason: /^Step 3 failed: expected TransactionEvent where triggerReason is "EVCommunicationLost".*\(eventType: expected "Updated", got "Ended"\)/ },
  { id: 'TC_E_27_CS', fault: 'ev-connect-timeout-ignored', reason: /^Step 4 failed: expected TransactionEvent where eventType is "Ended", triggerReason is "EVConnectTimeout".*arriving 5 s .*after evGone; got nothing matching/, config: FIXED_CABLE },
  { id: 'TC_E_43_CS', fault: 'offline-flag-missing', reason: /^Step 10 failed: expected TransactionEvent where eventType is "Started", offline is true; and TransactionEvent where eventType is "Ended", offline is true.*\(.*offline: expected true, got absent\)/ },
  { id: 'TC_E_44_CS', fault: 'offline-flag-missing', reason: /^Step 7 failed: expected TransactionEvent where eventType is "Ended", offline is true.*\(offline: expected true, got absent\)/ },
  { id: 'TC_E_45_CS', fault: 'offline-flag-missing', reason: /^Step 7 failed: expected TransactionEvent where eventType is "Ended", offline is true.*\(offline: expected true, got absent\)/ },
  { id: 'TC_E_16_CS', fault: 'charge-on-invalid-idtag', reason: /^Step 2 failed: expected TransactionEvent where eventType is "Ended", triggerReason is "Deauthorized".*stoppedReason is "DeAuthorized".*got nothing matching/ },
  { id: 'TC_E_31_CS', fault: 'tx-status-always-ongoing', reason: /^Step 9 failed: .*\(ongoingIndicator: expected false, got true\)/ },
  { id: 'TC_E_52_CS', fault: 'remote-authorization-not-disabled', reason: /^Step 2 failed: expected no Authorize within \d+ ms; got Authorize/ },
  { id: 'TC_E_12_CS', fault: 'tx-start-point-ignored', reason: noStart('2') },
  { id: 'TC_E_19_CS', fault: 'tx-stop-point-ignored', reason: /^Step 2 failed: expected TransactionEvent where eventType is "Ended", triggerReason is "EVDeparted".*got nothing matching/ },
  { id: 'TC_E_11_CS', fault: 'signed-meter-values-unsigned', reason: /^Step 3 failed: expected TransactionEvent where eventType is "Started".*meterValue contains an element that is an object where sampledValue contains an element that is an object where signedMeterValue\.encodingMethod is present/ },
];

describeCatalogGroup({
  title: 'OCTT 2.0.1 Core conditional: E Transactions (start and stop options, EV-side disconnect, offline, transaction status)',
  cases: CASES,
  catches: CATCHES,
  config: FAST_REFERENCE,
  passWith: [
    { cases: WITHOUT_ENERGY_TRANSFER_START_CASES, config: WITHOUT_ENERGY_TRANSFER_START },
    { cases: FIXED_CABLE_CASES, config: FIXED_CABLE },
  ],
  timeoutMs: 120_000,
});
