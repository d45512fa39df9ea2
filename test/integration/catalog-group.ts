import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaultName } from '../../src/peers/faults.js';
import type { SutConfigFile } from '../../src/runner/sut-config.js';
import { executeRun } from '../../src/runner/run-plan.js';
import { FAST_REFERENCE, memoryIo } from './runner-helpers.js';

/** One fault a case exists to catch, and the reason its failure must give. */
export interface CatchSpec {
  id: string;
  fault: FaultName;
  /** Every pattern given must match. */
  reason: RegExp | RegExp[];
  /** Reference configuration for this run, when the group's default does not suit it. */
  config?: Partial<SutConfigFile>;
  /** Cases run first in the same session, so the peer is settled when this one begins. */
  after?: string[];
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
  /** Folder below testcases/ (e.g. "ocpp1.6/csms") that must hold a file for each of `cases`. */
  caseDir?: string;
}

/**
 * Runs against the reference peers through the proxy, with a reports folder made for the enclosing describe
 * (call it in a describe body: it registers the before/after hooks).
 */
export function useReferenceRuns(): (patterns: string[], referenceConfig: Partial<SutConfigFile>, referenceFaults?: FaultName[]) => ReturnType<typeof executeRun> {
  let reports: string;
  before(() => (reports = mkdtempSync(join(tmpdir(), 'catalog-group-'))));
  after(() => rmSync(reports, { recursive: true, force: true }));
  return (patterns, referenceConfig, referenceFaults) =>
    executeRun({ patterns, viaProxy: true, reportsDir: reports, command: 'test', toolVersion: '0', referenceConfig, referenceFaults }, memoryIo());
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
    // These runs are real protocol timing on a fast clock (100 ms per protocol second); on a loaded two-core machine
    // a run can rarely miss a window by a few hundred milliseconds. One retry absorbs that; a real regression fails
    // both times.
    this.retries(1);
    const run = useReferenceRuns();

    if (group.caseDir) {
      const dir = fileURLToPath(new URL(`../../testcases/${group.caseDir}/`, import.meta.url));
      it('every case of the group has a file', () => {
        const files = new Set(readdirSync(dir).map((f) => f.replace(/\.json$/, '')));
        expect(group.cases.filter((id) => !files.has(id))).to.deep.equal([]);
      });
    }

    it('every case passes against the fault-free reference peers', async () => {
      const runs = [{ cases: group.cases, config }, ...(group.passWith ?? [])].filter((r) => r.cases.length > 0);
      const cases = [];
      for (const r of runs) cases.push(...(await run(r.cases, r.config)).report!.cases);
      expect(cases.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.verdict} ${c.reason}`)).to.deep.equal([]);
      expect(cases.map((c) => c.id).sort()).to.deep.equal(runs.flatMap((r) => r.cases).sort());
    });

    for (const { id, fault, reason, config: own, after: first } of group.catches) {
      it(`${id} fails against the peer with "${fault}"`, async () => {
        const outcome = await run([...(first ?? []), id], own ?? group.faultConfig ?? config, [fault]);
        const c = outcome.report!.cases.find((x) => x.id === id)!;
        expect(c.verdict, c.reason).to.equal('failed');
        for (const r of [reason].flat()) expect(c.reason, c.reason).to.match(r);
        expect(outcome.exitCode).to.equal(1);
      });
    }
  });
}
