import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateReport } from '../../src/reporters/report-schema.js';
import { loadCatalog } from '../../src/runner/case-loader.js';
import { executeRun } from '../../src/runner/run-plan.js';
import { memoryIo } from './runner-helpers.js';

/** The embedded default (npm start): every case against the reference peers, both roles, through the proxy. */
describe('runner against the reference peers', function () {
  // The first test runs the whole catalog (what npm start does): minutes of protocol time on the fast clock.
  this.timeout(300_000);
  // Real protocol timing on a fast clock: one retry absorbs a window missed by a loaded machine (see catalog-group.ts).
  this.retries(1);
  let reports: string;
  before(() => (reports = mkdtempSync(join(tmpdir(), 'runner-reports-'))));
  after(() => rmSync(reports, { recursive: true, force: true }));

  it('runs every case in testcases/ for both roles and versions through the proxy: all pass, exit 0', async () => {
    const io = memoryIo();
    const outcome = await executeRun({ patterns: [], viaProxy: true, reportsDir: reports, command: 'ocpp-harness run', toolVersion: '0.1.0' }, io);
    const report = outcome.report!;
    const failing = report.cases.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.verdict} ${c.reason}`);
    expect(failing).to.deep.equal([]);
    expect(outcome.exitCode).to.equal(0);
    expect(report.summary.total).to.equal(loadCatalog().cases.length);
    expect(new Set(report.cases.map((c) => `${c.version}/${c.sut}`))).to.deep.equal(new Set(['1.6/cs', '1.6/csms', '2.0.1/cs', '2.0.1/csms']));
    expect(report.run.viaProxy).to.equal(true);
    expect(report.proxyFindings).to.deep.equal([]);
    expect(io.out()).to.contain(`Reports: ${outcome.paths!.html}`);
    expect(io.err()).to.equal('');
  });

  it('writes report.json (valid per schemas/report.schema.json), report.html and junit.xml; every case has steps and frames', async () => {
    const outcome = await executeRun({ patterns: ['TC_003_CS', 'TC_B_01_CSMS'], viaProxy: true, reportsDir: reports, command: 'ocpp-harness run TC_003_CS TC_B_01_CSMS', toolVersion: '0.1.0' }, memoryIo());
    const paths = outcome.paths!;
    for (const f of [paths.json, paths.html, paths.junit]) expect(existsSync(f), f).to.equal(true);
    const json = JSON.parse(readFileSync(paths.json, 'utf8'));
    expect(validateReport(json)).to.deep.equal([]);
    for (const c of json.cases) {
      expect(c.steps.length, c.id).to.be.greaterThan(0);
      expect(c.frames.length, c.id).to.be.greaterThan(0);
      for (const s of c.steps) for (const ref of s.frameRefs ?? []) expect(ref).to.be.below(c.frames.length);
    }
    expect(json.run.schemas.map((s: { ocppVersion: string }) => s.ocppVersion)).to.deep.equal(['1.6', '2.0.1']);
  });

  it('without the proxy as well, one role at a time', async () => {
    const outcome = await executeRun({ patterns: [], sut: 'csms', version: '1.6', viaProxy: false, reportsDir: reports, command: 'test', toolVersion: '0.1.0' }, memoryIo());
    expect(outcome.exitCode, JSON.stringify(outcome.report?.cases.map((c) => c.reason))).to.equal(0);
    expect(outcome.report!.sut).to.deep.include({ role: 'csms', version: '1.6' });
    expect(outcome.report).to.not.have.property('proxyFindings');
  });

  it('a case whose prerequisites the SUT does not declare is not-applicable, with the reason; the run still exits 0', async () => {
    const outcome = await executeRun({ patterns: ['TC_E_01_CS', 'TC_B_01_CS'], viaProxy: true, reportsDir: reports, command: 'test', toolVersion: '0', referenceConfig: { features: ['C-09.1', 'C-09.4'] } }, memoryIo());
    const [b01, e01] = outcome.report!.cases;
    expect(b01.verdict).to.equal('passed');
    expect(e01).to.include({ verdict: 'not-applicable' });
    expect(e01.reason).to.match(/^the SUT configuration does not declare condition: feature C-09\.4 is declared and \(feature C-51 is declared or not \(\(feature C-09\.1 is declared/);
    expect(outcome.exitCode).to.equal(0);
    expect(outcome.report!.summary).to.include({ passed: 1, notApplicable: 1 });
  });
});
