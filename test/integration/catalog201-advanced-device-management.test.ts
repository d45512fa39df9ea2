import { referenceSutConfig } from '../../src/runner/reference-targets.js';
import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, Advanced Device Management (B custom and summary reports, N monitoring), both roles. Every case
 * passes against the fault-free reference peers, and fails against the peer with the fault it exists to catch, naming
 * the broken expectation.
 */

const CASES = ['TC_B_14_CS', 'TC_B_16_CS', 'TC_B_17_CS', 'TC_B_18_CS', 'TC_B_54_CS', 'TC_B_55_CS', 'TC_B_56_CS', 'TC_N_01_CS', 'TC_N_02_CS', 'TC_N_03_CS', 'TC_N_05_CS', 'TC_N_06_CS', 'TC_N_08_CS', 'TC_N_09_CS', 'TC_N_10_CS', 'TC_N_11_CS', 'TC_N_12_CS', 'TC_N_13_CS', 'TC_N_15_CS', 'TC_N_16_CS', 'TC_N_17_CS', 'TC_N_18_CS', 'TC_N_19_CS', 'TC_N_20_CS', 'TC_N_21_CS', 'TC_N_22_CS', 'TC_N_23_CS', 'TC_N_24_CS', 'TC_N_37_CS', 'TC_N_39_CS', 'TC_N_40_CS', 'TC_N_41_CS', 'TC_N_43_CS', 'TC_N_44_CS', 'TC_N_45_CS', 'TC_N_47_CS', 'TC_N_48_CS', 'TC_N_51_CS', 'TC_N_52_CS', 'TC_N_53_CS', 'TC_N_56_CS',
  'TC_B_14_CSMS', 'TC_B_18_CSMS', 'TC_N_01_CSMS', 'TC_N_02_CSMS', 'TC_N_03_CSMS', 'TC_N_05_CSMS', 'TC_N_08_CSMS', 'TC_N_16_CSMS', 'TC_N_17_CSMS', 'TC_N_18_CSMS', 'TC_N_21_CSMS', 'TC_N_24_CSMS', 'TC_N_44_CSMS', 'TC_N_47_CSMS', 'TC_N_49_CSMS', 'TC_N_50_CSMS', 'TC_N_60_CSMS'];

/** A monitor answered Accepted but not kept: the monitoring report that should show it is an EmptyResultSet. */
const NOT_STORED = /^Step 3 failed: expected a CALLRESULT where status is "Accepted".*\(status: expected "Accepted", got "EmptyResultSet"/;

const CATCHES: CatchSpec[] = [
  { id: 'TC_B_14_CS', fault: 'report-values-list-missing', reason: /^Step ReportReceived\.2 failed: expected NotifyReport .*valuesList matches .*got nothing matching/ },
  { id: 'TC_B_16_CS', fault: 'report-criteria-all-variables', reason: /^Step 3 failed: expected NotifyReport .*variable\.name is "Enabled".*got nothing matching/ },
  { id: 'TC_B_17_CS', fault: 'report-component-evse-ignored', reason: /^Step 3 failed: expected NotifyReport .*component\.evse\.id is 1.*got nothing matching/ },
  { id: 'TC_B_18_CS', fault: 'report-criteria-ignored', reason: /^Step 5 failed: expected a CALLRESULT where status is "EmptyResultSet".*got CALLRESULT \{"status":"Accepted"/ },
  { id: 'TC_B_54_CS', fault: 'report-variable-instance-required', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted".*got CALLRESULT \{"status":"EmptyResultSet"/ },
  { id: 'TC_B_55_CS', fault: 'report-variable-instance-ignored', reason: /^Step 3 failed: expected NotifyReport .*variable\.instance is "GetReport".*got nothing matching/ },
  { id: 'TC_B_56_CS', fault: 'report-component-evse-first-only', reason: /^Step 3 failed: expected NotifyReport .*has a length that is 2.*got nothing matching/ },
  { id: 'TC_N_01_CS', fault: 'monitor-report-criteria-ignored', reason: /^Step 3 failed: expected NotifyMonitoringReport .*type is one of "UpperThreshold", "LowerThreshold", got \[/ },
  { id: 'TC_N_02_CS', fault: 'monitor-report-component-without-variable-ignored', reason: /^Step 3 failed: expected NotifyMonitoringReport .*component\.evse\.id is 1, variable\.name is "AvailabilityState", variableMonitoring contains an element that is an object where type is "Delta", got \[/ },
  { id: 'TC_N_03_CS', fault: 'monitor-report-criteria-ignored', reason: /^Step 2 failed: expected a CALLRESULT where status is "EmptyResultSet".*\(status: expected "EmptyResultSet", got "Accepted"\)/ },
  { id: 'TC_N_06_CS', fault: 'monitoring-base-keeps-custom', reason: /^Step 6 failed: expected a CALLRESULT where status is "EmptyResultSet".*\(status: expected "EmptyResultSet", got "Accepted"\)/ },
  { id: 'TC_N_05_CS', fault: 'monitoring-base-hardwired-only-unsupported', reason: /^Step 3 failed: expected a CALLRESULT where status is "Accepted".*\(status: expected "Accepted", got "NotSupported"/ },
  { id: 'TC_N_08_CS', fault: 'monitor-not-stored', reason: NOT_STORED },
  { id: 'TC_N_09_CS', fault: 'monitor-not-stored', reason: NOT_STORED },
  { id: 'TC_N_10_CS', fault: 'monitor-duplicate-ignores-severity', reason: /^Step 1 failed: .*\(setMonitoringResult: expected an array containing an element that is an object where status is "Accepted", type is "Delta", severity is 7/ },
  { id: 'TC_N_11_CS', fault: 'monitor-unknown-evse-accepted', reason: /^Step 1 failed: .*status is one of "UnknownComponent", "Rejected".*got \[\{"status":"Accepted","type":"Delta"/ },
  { id: 'TC_N_12_CS', fault: 'monitor-negative-delta-accepted', reason: /^Step 1 failed: .*\(setMonitoringResult\.0\.id: expected absent, got \d+; setMonitoringResult\.0\.status: expected "Rejected", got "Accepted"\)/ },
  { id: 'TC_N_13_CS', fault: 'monitor-threshold-range-unchecked', reason: /^Step 1 failed: .*\(setMonitoringResult\.0\.id: expected absent, got \d+; setMonitoringResult\.0\.status: expected "Rejected", got "Accepted"\)/ },
  { id: 'TC_N_15_CS', fault: 'monitor-duplicate-accepted', reason: /^Step 1 failed: .*status is "Duplicate".*got \[\{"status":"Accepted"/ },
  { id: 'TC_N_17_CS', fault: 'monitoring-level-range-unchecked', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected".*\(status: expected "Rejected", got "Accepted"\)/ },
  { id: 'TC_N_18_CS', fault: 'monitor-clear-not-removed', reason: /^Step 3 failed: expected a CALLRESULT where status is "EmptyResultSet".*\(status: expected "EmptyResultSet", got "Accepted"\)/ },
  { id: 'TC_N_19_CS', fault: 'monitor-clear-unknown-accepted', reason: /^Step 1 failed: .*\(clearMonitoringResult\.0\.status: expected "NotFound", got "Accepted"\)/ },
  { id: 'TC_N_37_CS', fault: 'monitor-unknown-variable-rejected', reason: /^Step 1 failed: .*\(setMonitoringResult\.0\.status: expected "UnknownVariable", got "Rejected"\)/ },
  { id: 'TC_N_39_CS', fault: 'monitor-wrong-component-unknown-variable', reason: /^Step 1 failed: .*\(setMonitoringResult\.0\.status: expected "Rejected", got "UnknownVariable"\)/ },
  { id: 'TC_N_40_CS', fault: 'monitor-replace-ignored', reason: /^Step 4 failed: expected NotifyMonitoringReport .*severity is 4.*meanwhile came NotifyMonitoringReport/ },
  { id: 'TC_N_41_CS', fault: 'monitoring-factory-default-not-restored', reason: /^Step 8 failed: expected NotifyMonitoringReport .*variableMonitoring contains an element that is an object where id is 1, severity is 6, got \[/ },
  { id: 'TC_N_44_CS', fault: 'monitor-hardwired-clearable', reason: /^Step 1 failed: expected a CALLRESULT where clearMonitoringResult is \[\{"status":"Rejected","id":2\}\].*"status":"Accepted"/ },
  { id: 'TC_N_43_CS', fault: 'monitor-negative-delta-accepted', reason: /^Step 1 failed: .*expected an array containing an element that is an object where status is "Rejected", type is "Delta"/ },
  { id: 'TC_N_47_CS', fault: 'monitor-not-stored', reason: /^Step 3 failed: expected NotifyMonitoringReport .*component\.name is "ChargingStation", variable\.name is "AvailabilityState".*got nothing matching/ },
  { id: 'TC_N_16_CS', fault: 'monitoring-level-ignored', reason: /^Step 4 failed: expected no NotifyEvent within \d+ ms; got NotifyEvent .*"trigger":"Delta","actualValue":"Occupied","component":\{"name":"EVSE"/ },
  { id: 'TC_N_21_CS', fault: 'hardwired-notification-as-custom', reason: /^Step 2 failed: expected NotifyEvent .*eventNotificationType is "HardWiredNotification".*got nothing matching/ },
  { id: 'TC_N_22_CS', fault: 'monitor-events-not-queued-offline', reason: /^Step 7 failed: expected NotifyEvent where eventData contains an element that is an object where trigger is "Delta", actualValue is "Occupied".*got nothing matching/ },
  { id: 'TC_N_23_CS', fault: 'monitor-offline-severity-ignored', reason: /^Step 12 failed: expected no NotifyEvent within \d+ ms; got NotifyEvent .*"trigger":"Delta","actualValue":"Available"/ },
  { id: 'TC_N_24_CS', fault: 'monitor-periodic-not-sent', reason: /^Step 2 failed: expected NotifyEvent where eventData contains an element that is an object where trigger is "Periodic".*got nothing matching/ },
  { id: 'TC_N_53_CS', fault: 'monitors-lost-on-reboot', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted".*\(status: expected "Accepted", got "EmptyResultSet"/ },
  { id: 'TC_N_56_CS', fault: 'monitor-delta-text-not-triggered', reason: /^Step 3 failed: expected NotifyEvent where eventData contains an element that is an object where trigger is "Delta".*got nothing matching/ },
  { id: 'TC_N_20_CS', fault: 'monitor-threshold-no-cleared', reason: /^Step 9 failed: expected NotifyEvent where eventData contains an element .*cleared is true.*got nothing matching/ },
  { id: 'TC_N_45_CS', fault: 'monitor-delta-numeric-not-triggered', reason: /^Step 3 failed: expected NotifyEvent .*trigger is "Delta", component\.name is "EVSE", component\.evse\.id is 1, variable\.name is "Power".*got nothing matching/ },
  { id: 'TC_N_48_CS', fault: 'monitor-write-only-value-reported', reason: /^Step 8 failed: expected NotifyEvent where eventData contains an element that is an object where actualValue is "", component\.name is "SecurityCtrlr", variable\.name is "BasicAuthPassword"/ },
  { id: 'TC_N_51_CS', fault: 'monitor-replace-ignored', reason: /^Step 3 failed: expected NotifyEvent .*trigger is "Alerting".*got nothing matching/ },
  { id: 'TC_N_52_CS', fault: 'monitor-clear-not-removed', reason: /^Step 3 failed: expected a CALLRESULT where status is "EmptyResultSet".*\(status: expected "EmptyResultSet", got "Accepted"\)/ },
  { id: 'TC_B_14_CSMS', fault: 'csms201-summary-report-as-full', reason: /^Step 2 failed: expected GetBaseReport .*reportBase is "SummaryInventory".*got GetBaseReport \{"requestId":\d+,"reportBase":"FullInventory"\}/ },
  { id: 'TC_B_18_CSMS', fault: 'csms201-report-criteria-dropped', reason: /^Step 2 failed: expected GetReport .*componentCriteria equals \["Problem"\].*got GetReport \{"requestId":\d+,"componentVariable"/ },
  { id: 'TC_N_01_CSMS', fault: 'csms201-monitoring-criteria-swapped', reason: /^Step 2 failed: expected GetMonitoringReport .*monitoringCriteria equals \["DeltaMonitoring"\].*got GetMonitoringReport \{"requestId":\d+,"monitoringCriteria":\["ThresholdMonitoring"\]\}/ },
  { id: 'TC_N_02_CSMS', fault: 'csms201-report-evse-dropped', reason: /^Step 4 failed: expected GetMonitoringReport .*component\.evse\.id is 1, variable\.name is "AvailabilityState"/ },
  { id: 'TC_N_03_CSMS', fault: 'csms201-monitoring-criteria-swapped', reason: /^Step 2 failed: expected GetMonitoringReport .*monitoringCriteria equals \["DeltaMonitoring"\].*got GetMonitoringReport \{"requestId":\d+,"monitoringCriteria":\["ThresholdMonitoring"\]/ },
  { id: 'TC_N_05_CSMS', fault: 'csms201-monitoring-base-always-all', reason: /^Step 4 failed: expected SetMonitoringBase where monitoringBase is "FactoryDefault".*\(monitoringBase: expected "FactoryDefault", got "All"\)/ },
  { id: 'TC_N_08_CSMS', fault: 'csms201-monitor-severity-default', reason: /^Step 2 failed: expected SetVariableMonitoring .*got SetVariableMonitoring \{"setMonitoringData":\[\{"value":1,"type":"Delta","severity":0,/ },
  { id: 'TC_N_16_CSMS', fault: 'csms201-monitoring-level-off-by-one', reason: /^Step 2 failed: expected SetMonitoringLevel where severity is 4.*\(severity: expected 4, got 5\)/ },
  { id: 'TC_N_17_CSMS', fault: 'csms201-monitoring-level-off-by-one', reason: /^Step 2 failed: expected SetMonitoringLevel where severity is 4.*\(severity: expected 4, got 5\)/ },
  { id: 'TC_N_18_CSMS', fault: 'csms201-clear-monitoring-not-split', reason: /^Step 3 failed: expected ClearVariableMonitoring where id has a length that is a number from 1 to 2.*\(id: expected length is a number from 1 to 2, got length 3\)/ },
  { id: 'TC_N_21_CSMS', fault: 'csms201-notify-event-hardwired-error', reason: /^Step 1 failed: expected a CALLRESULT where the payload equals \{\}; got CALLERROR PropertyConstraintViolation/ },
  { id: 'TC_N_24_CSMS', fault: 'csms201-notify-event-periodic-error', reason: /^Step 1 failed: expected a CALLRESULT where the payload equals \{\}; got CALLERROR PropertyConstraintViolation/ },
  { id: 'TC_N_44_CSMS', fault: 'csms201-clear-monitoring-ids-dropped', reason: /^Step 2 failed: expected frames that follow the OCPP schemas .*ClearVariableMonitoringRequest: id has 0 items/ },
  { id: 'TC_N_47_CSMS', fault: 'csms201-monitoring-report-all-criteria', reason: /^Step 2 failed: expected GetMonitoringReport where .*monitoringCriteria is absent.*\(monitoringCriteria: expected absent/ },
  { id: 'TC_N_49_CSMS', fault: 'csms201-notify-event-cleared-error', reason: /^Step 1 failed: expected a CALLRESULT where the payload equals \{\}; got CALLERROR PropertyConstraintViolation/ },
  { id: 'TC_N_50_CSMS', fault: 'csms201-notify-event-periodic-error', reason: /^Step 1 failed: expected a CALLRESULT where the payload equals \{\}; got CALLERROR PropertyConstraintViolation/ },
  { id: 'TC_N_60_CSMS', fault: 'csms201-monitoring-report-first-component-only', reason: /^Step 2 failed: expected GetMonitoringReport .*componentVariable: expected length is 2, got length 1/ },
];

/** The configured clock-aligned interval (TC_N_24_CS's period) shorter than the expect timeout. */
const CONFIG = { ...FAST_REFERENCE, settings: { ...referenceSutConfig('2.0.1', 'cs').settings, alignedDataInterval: '5' } };

describeCatalogGroup({
  title: 'OCPP 2.0.1 Advanced Device Management, both roles (catalog group)',
  cases: CASES,
  catches: CATCHES,
  config: CONFIG,
});
