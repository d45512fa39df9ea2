import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCTT 2.0.1, charging station under test, Core conditional cases of C Authorization (local start and stop, the
 * authorization cache, GroupId): every case passes against the reference station (through the proxy), and fails
 * against it with the fault it exists to catch, naming the broken expectation.
 */

const CASES = ['TC_C_02_CS', 'TC_C_04_CS', 'TC_C_06_CS', 'TC_C_07_CS', 'TC_C_56_CS'];

const NO_TX = /^Step 3 failed: expected no TransactionEvent within 2 s; got TransactionEvent \{"eventType":"Started".*"triggerReason":"Authorized"/;

const CATCHES: CatchSpec[] = [
  { id: 'TC_C_02_CS', fault: 'charge-on-invalid-idtag', reason: NO_TX },
  { id: 'TC_C_06_CS', fault: 'auth-201-only-invalid-refused', reason: NO_TX },
  { id: 'TC_C_07_CS', fault: 'auth-201-only-invalid-refused', reason: NO_TX },
  { id: 'TC_C_56_CS', fault: 'auth-201-only-invalid-refused', reason: NO_TX },
  { id: 'TC_C_04_CS', fault: 'auth-201-stop-with-any-idtoken', reason: /^Step 3 failed: expected no TransactionEvent within 2 s; got TransactionEvent .*"triggerReason":"StopAuthorized"/ },
];

describeCatalogGroup({
  title: 'OCTT 2.0.1 charging station Core conditional: C Authorization',
  cases: CASES,
  catches: CATCHES,
  config: FAST_REFERENCE,
});
