import { expect } from 'chai';
import { XMLValidator } from 'fast-xml-parser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtmlReport } from '../../../src/reporters/html-report.js';
import { renderJunit } from '../../../src/reporters/junit-report.js';
import { redactReport } from '../../../src/reporters/redact-report.js';
import { validateReport } from '../../../src/reporters/report-schema.js';
import { writeReports } from '../../../src/reporters/write-reports.js';
import { formatDuration, summarize } from '../../../src/reporters/verdicts.js';
import { buildCase, buildReport, step } from './fixtures/report-builder.js';
import { realisticReport } from './fixtures/realistic-report.js';

const SECRET = 's3cr3t-Key-0001';

function reportWithSecret() {
  const c = buildCase({
    id: 'TC_SEC_CS',
    title: 'Set the AuthorizationKey',
    version: '1.6',
    sut: 'cs',
    verdict: 'failed',
    reason: `The station echoed "${SECRET}" back`,
    start: 0,
    durationMs: 10,
    steps: [step('1', 'ChangeConfiguration AuthorizationKey', 'failed', { frameRefs: [0], expected: 'Accepted', actual: `Rejected for ${SECRET}`, findings: [{ rule: 'schema.other', severity: 'error', path: '', message: `bad value ${SECRET}` }] })],
    frames: [{ at: 0, dir: 'csms->cs', type: 'CALL', id: '42', action: 'ChangeConfiguration', payload: { key: 'AuthorizationKey', value: SECRET } }],
  });
  return buildReport([c], { role: 'cs', name: 'station' });
}

describe('writeReports', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ocpp-harness-reports-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes report.json, report.html and junit.xml into <root>/<run id>/ and returns their paths', async () => {
    const report = realisticReport();
    const paths = await writeReports(report, root);
    const dir = join(root, report.run.id);
    expect(paths).to.deep.equal({ dir, json: join(dir, 'report.json'), html: join(dir, 'report.html'), junit: join(dir, 'junit.xml') });
    expect((await readdir(dir)).sort()).to.deep.equal(['junit.xml', 'report.html', 'report.json']);
    const json = JSON.parse(await readFile(paths.json, 'utf8'));
    expect(json).to.deep.equal(report);
    expect(validateReport(json)).to.deep.equal([]);
    expect(await readFile(paths.html, 'utf8')).to.equal(renderHtmlReport(report));
    const xml = await readFile(paths.junit, 'utf8');
    expect(xml).to.equal(renderJunit(report));
    expect(XMLValidator.validate(xml)).to.equal(true);
  });

  it('refuses a run id that is not a plain folder name, writing nothing', async () => {
    const report = realisticReport();
    report.run.id = '../outside';
    let error: unknown;
    await writeReports(report, join(root, 'reports')).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/not a safe folder name/);
    expect(await readdir(root)).to.deep.equal([]);
  });

  it('redacts secrets in frames and in every text that quotes them, in all three files', async () => {
    const paths = await writeReports(reportWithSecret(), root);
    for (const file of [paths.json, paths.html, paths.junit]) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.to.include(SECRET);
    }
    const json = JSON.parse(await readFile(paths.json, 'utf8'));
    expect(json.cases[0].frames[0].raw).to.equal('[2,"42","ChangeConfiguration",{"key":"AuthorizationKey","value":"***"}]');
    expect(json.cases[0].frames[0].redacted).to.equal(true);
    expect(json.cases[0].reason).to.equal('The station echoed "***" back');
    expect(json.cases[0].steps[0].actual).to.equal('Rejected for ***');
    expect(json.cases[0].steps[0].findings[0].message).to.equal('bad value ***');
    expect(validateReport(json)).to.deep.equal([]);
  });
});

describe('redactReport', () => {
  it('returns cases without secrets unchanged (same objects)', () => {
    const report = realisticReport();
    const out = redactReport(report);
    out.cases.forEach((c, i) => expect(c).to.equal(report.cases[i]));
  });

  it('does not modify its input', () => {
    const report = reportWithSecret();
    const before = JSON.stringify(report);
    redactReport(report);
    expect(JSON.stringify(report)).to.equal(before);
  });
});

describe('verdict helpers', () => {
  it('summarize counts every verdict', () => {
    expect(summarize(realisticReport().cases)).to.deep.equal({ total: 8, passed: 3, failed: 2, error: 1, notApplicable: 1, notRun: 1 });
    expect(summarize([])).to.deep.equal({ total: 0, passed: 0, failed: 0, error: 0, notApplicable: 0, notRun: 0 });
  });

  it('formatDuration reads well at every scale', () => {
    expect([0, 4.4, 999, 1000, 1234, 59_994, 60_000, 125_400, -1, Number.NaN].map(formatDuration)).to.deep.equal([
      '0 ms',
      '4 ms',
      '999 ms',
      '1.00 s',
      '1.23 s',
      '59.99 s',
      '1 min 00 s',
      '2 min 05 s',
      '–',
      '–',
    ]);
  });
});
