import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultName } from '../../src/peers/faults.js';
import { executeRun } from '../../src/runner/run-plan.js';
import { FAST_REFERENCE, memoryIo } from './runner-helpers.js';

/**
 * OCTT 2.0.1, charging station under test, Core mandatory cases of E Transactions, F RemoteControl, J MeterValues
 * and P DataTransfer: every case passes against the reference station (through the proxy), and fails against it
 * with the fault it exists to catch, naming the broken expectation.
 */

const FAST = FAST_REFERENCE;

const CASES = ['TC_E_28_CS', 'TC_E_34_CS'];

const CATCHES: Array<{ id: string; fault: FaultName; reason: RegExp }> = [
  { id: 'TC_E_28_CS', fault: 'tx-status-always-ongoing', reason: /^Step 1 failed: .*\(ongoingIndicator: expected false, got true\)/ },
  { id: 'TC_E_34_CS', fault: 'tx-status-always-ongoing', reason: /^Step 1 failed: .*ongoingIndicator: expected absent, got true/ },
];

describe('OCTT 2.0.1 charging station Core: E Transactions, F RemoteControl, J MeterValues, P DataTransfer', function () {
  this.timeout(60_000);
  let reports: string;
  before(() => (reports = mkdtempSync(join(tmpdir(), 'catalog201-cs-transactions-'))));
  after(() => rmSync(reports, { recursive: true, force: true }));

  it('every case passes against the fault-free reference station', async () => {
    const outcome = await executeRun({ patterns: CASES, viaProxy: true, reportsDir: reports, command: 'test', toolVersion: '0', referenceConfig: FAST }, memoryIo());
    const cases = outcome.report!.cases;
    expect(cases.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.verdict} ${c.reason}`)).to.deep.equal([]);
    expect(cases.map((c) => c.id).sort()).to.deep.equal([...CASES].sort());
  });

  for (const { id, fault, reason } of CATCHES) {
    it(`${id} fails against the station with "${fault}"`, async () => {
      const outcome = await executeRun({ patterns: [id], viaProxy: true, reportsDir: reports, command: 'test', toolVersion: '0', referenceFaults: [fault], referenceConfig: FAST }, memoryIo());
      const c = outcome.report!.cases[0];
      expect(c.verdict, c.reason).to.equal('failed');
      expect(c.reason).to.match(reason);
      expect(outcome.exitCode).to.equal(1);
    });
  }
});
