import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaultName } from '../../src/peers/faults.js';
import { executeRun } from '../../src/runner/run-plan.js';
import { FAST_REFERENCE, memoryIo } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, CSMS under test, Core: A Security, B Provisioning, C Authorization, F RemoteControl,
 * G Availability, P DataTransfer. Every case of the group passes against the reference CSMS, and fails, naming
 * the broken expectation, against the reference CSMS with the fault it exists to catch.
 */
const GROUP = ['TC_C_02_CSMS', 'TC_C_06_CSMS', 'TC_C_07_CSMS'];

const CATCHES: Array<{ id: string; fault: FaultName; reason: RegExp }> = [
  { id: 'TC_C_02_CSMS', fault: 'authorize-accepts-any', reason: /^Step 1 failed: .*\(idTokenInfo\.status: expected one of "Invalid", "Unknown", got "Accepted"\)$/ },
  { id: 'TC_C_06_CSMS', fault: 'authorize-accepts-any', reason: /^Step 1 failed: .*\(idTokenInfo\.status: expected one of "Blocked", "Invalid", got "Accepted"\)$/ },
  { id: 'TC_C_07_CSMS', fault: 'authorize-accepts-any', reason: /^Step 1 failed: .*\(idTokenInfo\.status: expected one of "Expired", "Invalid", got "Accepted"\)$/ },
];

describe('OCPP 2.0.1 CSMS Core catalog: A Security, B Provisioning, C Authorization, F RemoteControl, G Availability, P DataTransfer', function () {
  this.timeout(30_000);
  let reports: string;
  before(() => (reports = mkdtempSync(join(tmpdir(), 'catalog201-csms-provisioning-'))));
  after(() => rmSync(reports, { recursive: true, force: true }));

  it('every case of the group has a file', () => {
    const dir = fileURLToPath(new URL('../../testcases/ocpp2.0.1/csms/', import.meta.url));
    const files = new Set(readdirSync(dir).map((f) => f.replace(/\.json$/, '')));
    expect(GROUP.filter((id) => !files.has(id))).to.deep.equal([]);
  });

  it('all pass against the fault-free reference CSMS', async () => {
    const outcome = await executeRun({ patterns: GROUP, viaProxy: true, reportsDir: reports, command: 'test', toolVersion: '0', referenceConfig: FAST_REFERENCE }, memoryIo());
    expect(outcome.report!.cases.map((c) => c.id).sort()).to.deep.equal([...GROUP].sort());
    expect(outcome.report!.cases.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.reason}`)).to.deep.equal([]);
    expect(outcome.exitCode).to.equal(0);
  });

  for (const { id, fault, reason } of CATCHES) {
    it(`${id} fails against the reference CSMS with "${fault}"`, async () => {
      const outcome = await executeRun({ patterns: [id], viaProxy: true, reportsDir: reports, command: 'test', toolVersion: '0', referenceFaults: [fault], referenceConfig: FAST_REFERENCE }, memoryIo());
      const c = outcome.report!.cases[0];
      expect(c.verdict, c.reason).to.equal('failed');
      expect(c.reason).to.match(reason);
      expect(outcome.exitCode).to.equal(1);
    });
  }
});
