import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCPP 2.0.1 Part 6, Advanced Device Management (B custom and summary reports, N monitoring), both roles. Every case
 * passes against the fault-free reference peers, and fails against the peer with the fault it exists to catch, naming
 * the broken expectation.
 */

const CASES = ['TC_B_14_CS', 'TC_B_16_CS', 'TC_B_17_CS', 'TC_B_18_CS', 'TC_B_54_CS', 'TC_B_55_CS', 'TC_B_56_CS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_B_14_CS', fault: 'report-values-list-missing', reason: /^Step ReportReceived\.2 failed: expected NotifyReport .*valuesList matches .*got nothing matching/ },
  { id: 'TC_B_16_CS', fault: 'report-criteria-all-variables', reason: /^Step 3 failed: expected NotifyReport .*variable\.name is "Enabled".*got nothing matching/ },
  { id: 'TC_B_17_CS', fault: 'report-component-evse-ignored', reason: /^Step 3 failed: expected NotifyReport .*component\.evse\.id is 1.*got nothing matching/ },
  { id: 'TC_B_18_CS', fault: 'report-criteria-ignored', reason: /^Step 5 failed: expected a CALLRESULT where status is "EmptyResultSet".*got CALLRESULT \{"status":"Accepted"/ },
  { id: 'TC_B_54_CS', fault: 'report-variable-instance-required', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted".*got CALLRESULT \{"status":"EmptyResultSet"/ },
  { id: 'TC_B_55_CS', fault: 'report-variable-instance-ignored', reason: /^Step 3 failed: expected NotifyReport .*variable\.instance is "GetReport".*got nothing matching/ },
  { id: 'TC_B_56_CS', fault: 'report-component-evse-first-only', reason: /^Step 3 failed: expected NotifyReport .*has a length that is 2.*got nothing matching/ },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 Advanced Device Management, both roles (catalog group)',
  cases: CASES,
  catches: CATCHES,
});
