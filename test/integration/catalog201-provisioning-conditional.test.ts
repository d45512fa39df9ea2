import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCTT 2.0.1, B Provisioning, Core conditional cases, both roles (Part 5 features: C-13 reset per EVSE, C-47 network
 * profile fallback, C-56 SummaryInventory, HFS-8 several EVSEs; CSMS C-45/C-46 several variables, C-17/C-50.2 base
 * reports, C-44 boot Pending first): every case passes against the reference peers built with or without the feature (the run picks the
 * reference build whose features fit), through the proxy, and fails against the peer with the fault it exists to
 * catch, naming the broken expectation.
 */
const CASES = ['TC_B_15_CS', 'TC_B_25_CS', 'TC_B_26_CS', 'TC_B_27_CS', 'TC_B_28_CS', 'TC_B_29_CS', 'TC_B_49_CS', 'TC_B_47_CS', 'TC_B_41_CS', 'TC_B_07_CSMS', 'TC_B_10_CSMS', 'TC_B_12_CSMS', 'TC_B_13_CSMS', 'TC_B_25_CSMS', 'TC_B_26_CSMS', 'TC_B_27_CSMS', 'TC_B_02_CSMS', 'TC_B_30_CSMS', 'TC_B_31_CSMS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_B_15_CS', fault: 'summary-inventory-unsupported-accepted', reason: /^Step 2 failed: expected a CALLRESULT where status is "NotSupported".*; got .*"Accepted"/ },
  { id: 'TC_B_25_CS', fault: 'reset-evse-rejected', reason: /^Step 1 failed: expected a CALLRESULT where status is "Accepted"; got .*"Rejected"/ },
  { id: 'TC_B_26_CS', fault: 'reset-evse-onidle-immediate', reason: /^Step 1 failed: expected a CALLRESULT where status is "Scheduled"; got .*"Accepted"/ },
  { id: 'TC_B_27_CS', fault: 'reset-evse-reason-reboot', reason: /^Step 2 failed: expected TransactionEvent .*stoppedReason.*; got .*\(transactionInfo\.stoppedReason: expected "ImmediateReset", got "Reboot"\)/ },
  { id: 'TC_B_28_CS', fault: 'reset-evse-unsupported-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected"; got .*"Accepted"/ },
  { id: 'TC_B_29_CS', fault: 'reset-evse-unsupported-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected"; got .*"Scheduled"/ },
  { id: 'TC_B_49_CS', fault: 'network-profile-no-fallback', reason: /^Step 7 failed: expected a connection attempt from the station while the harness refuses connections; got no attempt/ },
  { id: 'TC_B_49_CS', fault: 'reconnect-backoff-ignored', reason: /^Step 8 failed: expected a connection coming at least 10 s .*after refused; got the station connected \d+ ms after refused/ },
  { id: 'TC_B_41_CS', fault: 'reset-onidle-not-scheduled', reason: /^Step 1 failed: expected a CALLRESULT where status is "Scheduled"; got .*"Accepted"/ },
  { id: 'TC_B_07_CSMS', fault: 'csms201-get-variables-first-only', reason: /^Step 2 failed: expected GetVariables where .*AuthorizeRemoteStart.*; got GetVariables .*\(getVariableData: / },
  { id: 'TC_B_10_CSMS', fault: 'csms201-set-variables-first-only', reason: /^Step 2 failed: expected SetVariables where .*AuthorizeRemoteStart.*; got SetVariables .*\(setVariableData: / },
  { id: 'TC_B_12_CSMS', fault: 'csms201-base-report-swapped', reason: /^Step 2 failed: expected GetBaseReport where .*reportBase is "ConfigurationInventory".*; got GetBaseReport .*\(reportBase: expected "ConfigurationInventory", got "FullInventory"\)/ },
  { id: 'TC_B_13_CSMS', fault: 'csms201-base-report-swapped', reason: /^Step 2 failed: expected GetBaseReport where .*reportBase is "FullInventory".*; got GetBaseReport .*\(reportBase: expected "FullInventory", got "ConfigurationInventory"\)/ },
  { id: 'TC_B_25_CSMS', fault: 'csms201-reset-evse-dropped', reason: /^Step 2 failed: expected Reset where type is "OnIdle", evseId is 1.*; got Reset \{"type":"OnIdle"\}/ },
  { id: 'TC_B_26_CSMS', fault: 'csms201-reset-evse-dropped', reason: /^Step 2 failed: expected Reset where type is "OnIdle", evseId is 1/ },
  { id: 'TC_B_27_CSMS', fault: 'csms201-reset-evse-dropped', reason: /^Step 2 failed: expected Reset where type is "Immediate", evseId is 1/ },
  { id: 'TC_B_02_CSMS', fault: 'csms201-pending-forever', reason: /^Step 5 failed: expected a CALLRESULT where status is "Accepted"; got .*\(status: expected "Accepted", got "Pending"\)/ },
  { id: 'TC_B_30_CSMS', fault: 'csms201-pending-messages-accepted', reason: /^Step 2\[1\] failed: expected a CALLERROR with code "SecurityError"; got CALLRESULT/ },
  { id: 'TC_B_31_CSMS', fault: 'csms201-pending-no-trigger', reason: /^Step 2 failed: expected TriggerMessage where requestedMessage is "BootNotification".*; got nothing/ },
  { id: 'TC_B_47_CS', fault: 'network-profile-no-fallback', reason: /^Step 7 failed: expected a CALLRESULT where getVariableResult is .*"attributeValue":"0".*\(getVariableResult\.0\.attributeValue: expected "0", got "1"\)/ },
  { id: 'TC_B_47_CS', fault: 'additional-root-no-fallback', reason: /^Step 5 failed: expected BootNotification.*; got no connection from the station within/ },
];

describeCatalogGroup({ title: 'catalog 2.0.1 B Provisioning, Core conditional', cases: CASES, catches: CATCHES, timeoutMs: 120_000 });
