import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultName } from '../../src/peers/faults.js';
import { executeRun } from '../../src/runner/run-plan.js';
import { FAST_REFERENCE, memoryIo } from './runner-helpers.js';

/**
 * Each case catches the bug it exists for: run against a reference peer with that fault switched on, it fails
 * (exit 1), and its reason names the broken expectation.
 */
const CATCHES: Array<{ id: string; fault: FaultName; reason: RegExp }> = [
  { id: 'TC_001_CS', fault: 'boot-retry-ignores-interval', reason: /^Step 3 failed: expected BootNotification, arriving 5 s \(± 250 ms\) after rejected.*arrival time: expected arriving 5 s \(± 250 ms\) after rejected, got \d+ ms after rejected\)$/ },
  { id: 'TC_001_CS', fault: 'heartbeat-interval-ignored', reason: /^Step 5 failed: expected Heartbeat, arriving 3 s \(± 250 ms\) after accepted; got Heartbeat \{\} \(arrival time: .* got \d+ ms after accepted\)$/ },
  { id: 'TC_001_CS', fault: 'no-status-notification-after-boot', reason: /^Step 4 failed: expected StatusNotification where connectorId is 0, status is "Available"; and StatusNotification where connectorId is 1, .*; got nothing matching within 1 s/ },
  { id: 'TC_001_CS', fault: 'status-before-boot', reason: /^Step 2 failed: expected BootNotification, .*; got an unexpected StatusNotification \{"connectorId":0/ },
  { id: 'TC_003_CS', fault: 'start-before-authorize', reason: /^Step 5 failed: expected Authorize where idTag is "VALID-TAG-1".*; got an unexpected StartTransaction \{"connectorId":1,"idTag":"VALID-TAG-1"/ },
  { id: 'TC_004_1_CS', fault: 'start-before-authorize', reason: /^Step Authorized\.2 failed: expected Authorize where idTag is "VALID-TAG-1".*; got nothing matching within 1 s/ },
  { id: 'TC_010_CS', fault: 'remote-start-rejected', reason: /^Step Charging\.5 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Rejected"\} \(status: expected "Accepted", got "Rejected"\)$/ },
  { id: 'TC_001_CSMS', fault: 'boot-wrong-status', reason: /^Step 1 failed: expected a CALLRESULT where status is "Accepted".*\(status: expected "Accepted", got "Rejected"\)$/ },
  { id: 'TC_001_CSMS', fault: 'boot-response-schema-violation', reason: /^Step 1 failed: .*valid per the BootNotification response schema; got the response to BootNotification: \[schema\.required\] \/currentTime/ },
  { id: 'TC_001_CSMS', fault: 'heartbeat-no-current-time', reason: /^Step 3 failed: .*got the response to Heartbeat: \[schema\.required\] \/currentTime/ },
  { id: 'TC_003_CSMS', fault: 'transaction-id-string', reason: /^Step 3 failed: .*got the response to StartTransaction: \[schema\.type\] \/transactionId/ },
  { id: 'TC_004_1_CSMS', fault: 'transaction-id-string', reason: /^Step Charging\.3 failed: .*\[schema\.type\] \/transactionId/ },
  { id: 'TC_010_CSMS', fault: 'remote-start-without-idtag', reason: /^Step 3 failed: expected RemoteStartTransaction where idTag is "VALID-TAG-1".*\(idTag: expected "VALID-TAG-1", got ""\)$/ },
  { id: 'TC_B_01_CS', fault: 'no-status-notification-after-boot', reason: /^Step Booted\.4 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is "Available" or NotifyEvent .*got nothing matching within 1 s/ },
  { id: 'TC_B_01_CS', fault: 'status-before-boot', reason: /^Step Booted\.3 failed: expected BootNotification, .*; got an unexpected StatusNotification \{/ },
  { id: 'TC_E_01_CS', fault: 'no-evse-on-first-event', reason: /^Step EVConnectedPreSession\.6 failed: expected TransactionEvent where eventType is "Started", .*evse\.id is 1, evse\.connectorId is 1; .*TransactionEvent \{"eventType":"Started".*\(evse: expected an object where id is 1, connectorId is 1, got absent\)/ },
  { id: 'TC_B_01_CSMS', fault: 'boot-wrong-status', reason: /^Step Booted\.1 failed: expected a CALLRESULT where status is "Accepted"; .*\(status: expected "Accepted", got "Rejected"\)$/ },
  { id: 'TC_E_01_CSMS', fault: 'no-id-token-info', reason: /^Step 5 failed: expected a CALLRESULT where idTokenInfo\.status is "Accepted"; got CALLRESULT \{\} \(idTokenInfo: expected an object where status is "Accepted", got absent\)$/ },
];

describe('each case catches its fault (reference peers with fault switches)', function () {
  this.timeout(30_000);
  let reports: string;
  before(() => (reports = mkdtempSync(join(tmpdir(), 'runner-faults-'))));
  after(() => rmSync(reports, { recursive: true, force: true }));

  for (const { id, fault, reason } of CATCHES) {
    it(`${id} fails against the peer with "${fault}"`, async () => {
      const outcome = await executeRun({ patterns: [id], viaProxy: true, reportsDir: reports, command: 'test', toolVersion: '0', referenceFaults: [fault], referenceConfig: FAST_REFERENCE }, memoryIo());
      const c = outcome.report!.cases[0];
      expect(c.verdict, c.reason).to.equal('failed');
      expect(c.reason).to.match(reason);
      expect(outcome.exitCode).to.equal(1);
      const failedStep = c.steps.find((s) => s.verdict === 'failed')!;
      expect(failedStep.expected, 'the failed step says what was expected').to.be.a('string').and.not.equal('');
    });
  }

  it('and passes against the same peer without the fault (same short timeouts)', async () => {
    const ids = [...new Set(CATCHES.map((c) => c.id))];
    const outcome = await executeRun({ patterns: ids, viaProxy: true, reportsDir: reports, command: 'test', toolVersion: '0', referenceConfig: FAST_REFERENCE }, memoryIo());
    expect(outcome.report!.cases.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.reason}`)).to.deep.equal([]);
  });
});
