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
];

/** A reference build without the EnergyTransfer start option (C-09.5), for the cases Part 5 gives only such stations. */
const WITHOUT_ENERGY_TRANSFER_START = { ...FAST_REFERENCE, features: referenceSutConfig('2.0.1', 'cs').features!.filter((f) => f !== 'C-09.5') };
const WITHOUT_ENERGY_TRANSFER_START_CASES = ['TC_E_38_CS'];

const noStart = (step: string) => new RegExp(`^Step ${step} failed: expected TransactionEvent where eventType is "Started".*got nothing matching`);
const notEnded = (step: string) => new RegExp(`^Step ${step} failed: expected TransactionEvent where eventType is "Ended".*got nothing matching.*\\(eventType: expected "Ended", got "Updated"`);
const stopReason = (step: string, expected: string) => new RegExp(`^Step ${step} failed: .*\\(transactionInfo\\.stoppedReason: expected ${expected}, got "Local"\\)`);

const CATCHES: CatchSpec[] = [
  { id: 'TC_E_02_CS', fault: 'tx-start-point-ignored', reason: /^Step 3 failed: expected TransactionEvent where eventType is "Started".*\(triggerReason: expected one of "ChargingStateChanged", "Authorized", got "CablePluggedIn"; transactionInfo\.chargingState: expected "Charging", got "EVConnected"\)/ },
  { id: 'TC_E_09_CS', fault: 'tx-start-point-ignored', reason: noStart('3') },
  { id: 'TC_E_10_CS', fault: 'tx-start-point-ignored', reason: noStart('Authorized\\.5') },
  { id: 'TC_E_13_CS', fault: 'tx-start-point-ignored', reason: noStart('Authorized\\.11') },
  { id: 'TC_E_07_CS', fault: 'tx-stop-point-ignored', reason: notEnded('StopAuthorized\\.5') },
  { id: 'TC_E_08_CS', fault: 'tx-stop-point-ignored', reason: notEnded('StopAuthorized\\.5') },
  { id: 'TC_E_15_CS', fault: 'tx-stop-point-ignored', reason: notEnded('3') },
  { id: 'TC_E_21_CS', fault: 'tx-stop-point-ignored', reason: notEnded('StopAuthorized\\.8') },
  { id: 'TC_E_35_CS', fault: 'tx-stop-point-ignored', reason: notEnded('StopAuthorized\\.8') },
  { id: 'TC_E_14_CS', fault: 'tx-stop-on-deauthorize', reason: /^Step StopAuthorized\.6 failed: expected TransactionEvent where eventType is "Updated".*\(eventType: expected "Updated", got "Ended"\)/ },
  { id: 'TC_E_22_CS', fault: 'wrong-stop-reason', reason: stopReason('2', '"StoppedByEV"') },
  { id: 'TC_E_20_CS', fault: 'wrong-stop-reason', reason: stopReason('2', '"EVDisconnected"') },
  { id: 'TC_E_37_CS', fault: 'wrong-stop-reason', reason: stopReason('2', 'one of "EVDisconnected", "StoppedByEV"') },
  { id: 'TC_E_54_CS', fault: 'wrong-stop-reason', reason: stopReason('2', 'one of "StoppedByEV", "EVDisconnected"') },
  { id: 'TC_E_03_CS', fault: 'start-before-authorize', reason: /^Step Authorized\.3 failed: expected Authorize .*got nothing matching/ },
  { id: 'TC_E_04_CS', fault: 'start-before-authorize', reason: /^Step Authorized\.3 failed: expected Authorize .*got nothing matching/ },
  { id: 'TC_E_05_CS', fault: 'ev-connect-timeout-ignored', reason: /^Step Authorized#2\.3 failed: expected Authorize .*got nothing matching/ },
  { id: 'TC_E_06_CS', fault: 'tx-stop-point-ignored', reason: notEnded('StopAuthorized\\.5') },
  { id: 'TC_E_38_CS', fault: 'ev-suspended-reported-charging', reason: /^Step 3 failed: .*\(transactionInfo\.chargingState: expected "SuspendedEV", got "Charging"\)/, config: WITHOUT_ENERGY_TRANSFER_START },
];

describeCatalogGroup({
  title: 'OCTT 2.0.1 Core conditional: E Transactions (start and stop options, EV-side disconnect, offline, transaction status)',
  cases: CASES,
  catches: CATCHES,
  config: FAST_REFERENCE,
  passWith: [{ cases: WITHOUT_ENERGY_TRANSFER_START_CASES, config: WITHOUT_ENERGY_TRANSFER_START }],
  timeoutMs: 120_000,
});
