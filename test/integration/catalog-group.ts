import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultName } from '../../src/peers/faults.js';
import type { SutConfigFile } from '../../src/runner/sut-config.js';
import { executeRun } from '../../src/runner/run-plan.js';
import { FAST_REFERENCE, memoryIo } from './runner-helpers.js';

/** One fault a case exists to catch, and the reason its failure must give. */
export interface CatchSpec {
  id: string;
  fault: FaultName;
  reason: RegExp;
  /** Reference configuration for this run, when the group's default does not suit it. */
  config?: Partial<SutConfigFile>;
}

export interface CatalogGroup {
  /** The mocha describe title. */
  title: string;
  /** Cases that must pass against the fault-free reference peers with `config`. */
  cases: string[];
  catches: CatchSpec[];
  /** Reference configuration of every run; FAST_REFERENCE when absent. */
  config?: Partial<SutConfigFile>;
  /** Cases that pass only with another configuration, run apart from `cases`. */
  passWith?: Array<{ cases: string[]; config: Partial<SutConfigFile> }>;
  /** Configuration of the "catches its fault" runs when it differs from `config`. */
  faultConfig?: Partial<SutConfigFile>;
  timeoutMs?: number;
}

/**
 * The test every certification catalog group has: each case passes against the fault-free reference peers,
 * through the proxy, and each fails against a peer with the fault it exists to catch, naming the broken
 * expectation in its reason.
 */
export function describeCatalogGroup(group: CatalogGroup): void {
  const config = group.config ?? FAST_REFERENCE;
  describe(group.title, function () {
    this.timeout(group.timeoutMs ?? 60_000);
    let reports: string;
    before(() => (reports = mkdtempSync(join(tmpdir(), 'catalog-group-'))));
    after(() => rmSync(reports, { recursive: true, force: true }));

    const run = (patterns: string[], referenceConfig: Partial<SutConfigFile>, referenceFaults?: FaultName[]) =>
      executeRun({ patterns, viaProxy: true, reportsDir: reports, command: 'test', toolVersion: '0', referenceConfig, referenceFaults }, memoryIo());

    it('every case passes against the fault-free reference peers', async () => {
      const runs = [{ cases: group.cases, config }, ...(group.passWith ?? [])].filter((r) => r.cases.length > 0);
      const cases = [];
      for (const r of runs) cases.push(...(await run(r.cases, r.config)).report!.cases);
      expect(cases.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.verdict} ${c.reason}`)).to.deep.equal([]);
      expect(cases.map((c) => c.id).sort()).to.deep.equal(runs.flatMap((r) => r.cases).sort());
    });

    for (const { id, fault, reason, config: own } of group.catches) {
      it(`${id} fails against the peer with "${fault}"`, async () => {
        const outcome = await run([id], own ?? group.faultConfig ?? config, [fault]);
        const c = outcome.report!.cases[0];
        expect(c.verdict, c.reason).to.equal('failed');
        expect(c.reason).to.match(reason);
        expect(outcome.exitCode).to.equal(1);
      });
    }
  });
}
