import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCTT 2.0.1, charging station under test, the Core cases that need the runner to leave a CALL unanswered, watch
 * connection attempts and time reconnections (TC_E_41/42_CS, TC_B_46_CS, TC_B_57_CS): every case passes against the
 * reference station (through the proxy), and fails against it with the fault it exists to catch, naming the broken
 * expectation.
 */
const CASES = ['TC_E_41_CS', 'TC_E_42_CS', 'TC_B_57_CS', 'TC_B_46_CS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_E_41_CS', fault: 'tx-timeout-not-retried', reason: /^Step 2 failed: expected TransactionEvent .*arriving 35 s .*after sent1, left unanswered; got nothing matching/ },
  { id: 'TC_E_41_CS', fault: 'tx-retry-limit-ignored', reason: /^Step 4 failed: expected no TransactionEvent within .*; got TransactionEvent/ },
  { id: 'TC_E_42_CS', fault: 'tx-timeout-not-retried', reason: /^Step 2 failed: expected TransactionEvent .*arriving 35 s .*after sent1; got nothing matching/ },
  { id: 'TC_B_57_CS', fault: 'reconnect-backoff-ignored', reason: /^Step 2 failed: expected a connection coming at least 10 s .*after closed1; got the station connected \d+ ms after closed1/ },
  { id: 'TC_B_57_CS', fault: 'reconnect-backoff-not-increased', reason: /^Step 5 failed: expected a connection coming at least 2\d?(\.\d+)? s .*after refused; got the station connected \d+ ms after refused/ },
  { id: 'TC_B_46_CS', fault: 'network-profile-no-fallback', reason: /^Step 6 failed: expected BootNotification.*; got no connection from the station within/ },
  // TC_E_50_CS belongs to the E Transactions group; its extra iteration (expectNone withinS) is this group's runner feature.
  { id: 'TC_E_50_CS', fault: 'tx-retry-limit-ignored', reason: /^Step 4 failed: expected no TransactionEvent within .*; got TransactionEvent/ },
];

describeCatalogGroup({ title: 'catalog 2.0.1 connection: unanswered messages, reconnection, network profile fallback', cases: CASES, catches: CATCHES, timeoutMs: 120_000 });
