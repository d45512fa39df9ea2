import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, charging station under test, B Provisioning (Core mandatory cases): every case passes
 * against the reference station, and fails against it with the fault it exists to catch, naming the broken expectation.
 */

/** A heartbeat interval (also the boot retry interval of TC_B_03_CS) long enough that a retry after 1 s is told apart from one after the interval. */
const FAST = { ...FAST_REFERENCE, heartbeatIntervalS: 10 };

const CASES = ['TC_B_01_CS', 'TC_B_06_CS', 'TC_B_07_CS', 'TC_B_09_CS', 'TC_B_10_CS', 'TC_B_32_CS', 'TC_B_33_CS', 'TC_B_34_CS', 'TC_B_35_CS', 'TC_B_36_CS', 'TC_B_37_CS', 'TC_B_39_CS', 'TC_B_12_CS', 'TC_B_13_CS', 'TC_B_53_CS', 'TC_B_02_CS', 'TC_B_03_CS', 'TC_B_30_CS', 'TC_B_20_CS', 'TC_B_21_CS', 'TC_B_22_CS', 'TC_B_23_CS', 'TC_B_11_CS', 'TC_B_51_CS', 'TC_B_52_CS', 'TC_B_43_CS', 'TC_B_45_CS'];

/**
 * `after`: cases run first in the same session, so the station is settled (TC_B_20_CS ends once every connector's status is reported)
 * when the case begins, as a station under test would be.
 */
const CATCHES: CatchSpec[] = [
  { id: 'TC_B_06_CS', fault: 'set-variable-not-stored', reason: /^Step 1 failed: .*\(getVariableResult\.0\.attributeValue: expected "300", got "60"\)$/ },
  { id: 'TC_B_07_CS', fault: 'set-variable-not-stored', reason: /^Step 1 failed: .*getVariableResult: expected .*"300"/ },
  { id: 'TC_B_09_CS', fault: 'set-variable-reboot-required', reason: /^Step 1 failed: .*\(setVariableResult\.0\.attributeStatus: expected "Accepted", got "RebootRequired"\)$/ },
  { id: 'TC_B_10_CS', fault: 'set-variable-reboot-required', reason: /^Step 1 failed: .*setVariableResult: expected .*"Accepted"/ },
  { id: 'TC_B_32_CS', fault: 'unknown-component-as-unknown-variable', reason: /^Step 1 failed: .*\(getVariableResult\.0\.attributeStatus: expected "UnknownComponent", got "UnknownVariable"\)$/ },
  { id: 'TC_B_35_CS', fault: 'unknown-component-as-unknown-variable', reason: /^Step 1 failed: .*\(setVariableResult\.0\.attributeStatus: expected "UnknownComponent", got "UnknownVariable"\)$/ },
  { id: 'TC_B_33_CS', fault: 'unknown-variable-rejected', reason: /^Step 1 failed: .*\(getVariableResult\.0\.attributeStatus: expected "UnknownVariable", got "Rejected"\)$/ },
  { id: 'TC_B_36_CS', fault: 'unknown-variable-rejected', reason: /^Step 1 failed: .*\(setVariableResult\.0\.attributeStatus: expected "UnknownVariable", got "Rejected"\)$/ },
  { id: 'TC_B_34_CS', fault: 'attribute-type-ignored', reason: /^Step 1 failed: .*\(getVariableResult\.0\.attributeStatus: expected "NotSupportedAttributeType", got "Accepted"\)$/ },
  { id: 'TC_B_37_CS', fault: 'attribute-type-ignored', reason: /^Step 1 failed: .*\(setVariableResult\.0\.attributeStatus: expected "NotSupportedAttributeType", got "Accepted"\)$/ },
  { id: 'TC_B_39_CS', fault: 'readonly-config-accepted', reason: /^Step 1 failed: .*\(setVariableResult\.0\.attributeStatus: expected "Rejected", got "Accepted"\)$/ },
  { id: 'TC_B_12_CS', fault: 'configuration-inventory-includes-readonly', reason: /^Step ReportReceived\.2 failed: expected NotifyReport .*reportData: expected .*mutability is "ReadOnly"/ },
  { id: 'TC_B_13_CS', fault: 'report-values-list-missing', reason: /^Step ReportReceived\.2 failed: expected NotifyReport .*reportData: expected .*valuesList/ },
  { id: 'TC_B_13_CS', fault: 'report-seqno-not-incremented', reason: /^Step ReportReceived\.3 failed: expected NotifyReport where requestId is \d+, seqNo is 1\b.*\(seqNo: expected 1, got 0\)/ },
  { id: 'TC_B_53_CS', fault: 'report-writeonly-value', reason: /^Step ReportReceived\.\d+ failed: expected NotifyReport .*reportData: expected .*mutability is "WriteOnly", value is present/ },
  { id: 'TC_B_02_CS', fault: 'pending-boot-accepts-remote-start', reason: /^Step 8 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT .*\(status: expected "Rejected", got "Accepted"\)$/ },
  { id: 'TC_B_03_CS', fault: 'boot-retry-ignores-interval', reason: /^Step 3 failed: expected BootNotification, arriving 10 s \(± 250 ms\) after rejected.*got \d+ ms after rejected/ },
  { id: 'TC_B_30_CS', fault: 'rejected-boot-answers-requests', reason: /^Step 4 failed: expected a CALLERROR with code "SecurityError"; got CALLRESULT/ },
  { id: 'TC_B_20_CS', fault: 'reset-ignored', reason: /^Step 2 failed: expected BootNotification, .*got nothing matching within 1 s/ },
  { id: 'TC_B_22_CS', fault: 'wrong-stop-reason', reason: /^Step 2 failed: expected TransactionEvent where eventType is "Ended", triggerReason is "ResetCommand".*transactionInfo\.stoppedReason: expected "ImmediateReset", got "Local"/ },
  { id: 'TC_B_23_CS', fault: 'availability-lost-on-reset', reason: /^Step 3 failed: expected StatusNotification .*connectorStatus is "Unavailable"/ },
  { id: 'TC_B_21_CS', fault: 'reset-onidle-not-scheduled', reason: /^Step 1 failed: expected a CALLRESULT where status is "Scheduled"; got CALLRESULT .*\(status: expected "Scheduled", got "Accepted"\)$/ },
  { id: 'TC_B_11_CS', fault: 'set-variable-format-unchecked', reason: /^Step 3 failed: .*"AuthCtrlr".*\(setVariableResult\.0\.attributeStatus: expected "Rejected", got "Accepted"\)$/ },
  { id: 'TC_B_51_CS', fault: 'offline-threshold-ignored', reason: /^Step 6 failed: expected StatusNotification .*connectorStatus is "Available"/, after: ['TC_B_20_CS'] },
  { id: 'TC_B_52_CS', fault: 'offline-status-change-not-reported', reason: /^Step 5 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is "Occupied" or NotifyEvent .*got nothing( matching)? within 1 s/ },
  { id: 'TC_B_43_CS', fault: 'network-profile-any-slot-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT .*\(status: expected "Rejected", got "Accepted"\)$/ },
  { id: 'TC_B_45_CS', fault: 'network-priority-change-rejected', reason: /^Step 2 failed: .*\(setVariableResult\.0\.attributeStatus: expected one of "Accepted", "RebootRequired", got "Rejected"\)$/ },
];

describeCatalogGroup({ title: 'OCPP 2.0.1 charging station B Provisioning (catalog group, Core)', cases: CASES, catches: CATCHES, config: FAST });
