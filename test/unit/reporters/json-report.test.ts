import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRunId, runDir, serializeReport, writeJsonReport } from '../../../src/reporters/json-report.js';
import type { Report } from '../../../src/reporters/report-model.js';
import { validateReport } from '../../../src/reporters/report-schema.js';
import { BIG_DATA, HOSTILE, hostileReport } from './fixtures/hostile-report.js';
import { csmsReport, realisticReport } from './fixtures/realistic-report.js';

describe('json report', () => {
  describe('makeRunId', () => {
    it('is the UTC date and time, then six random lowercase letters or digits', () => {
      const id = makeRunId(new Date('2025-03-14T09:30:15.999Z'));
      expect(id).to.match(/^20250314-093015-[0-9a-z]{6}$/);
    });

    it('sorts by time and differs between runs in the same second', () => {
      const at = new Date('2025-03-14T09:30:15Z');
      const ids = new Set(Array.from({ length: 200 }, () => makeRunId(at)));
      expect(ids.size).to.equal(200);
      expect(makeRunId(new Date('2025-03-14T09:30:16Z')) > makeRunId(at)).to.equal(true);
    });

    it('is a safe folder name by the schema and by runDir', () => {
      const report = realisticReport();
      report.run.id = makeRunId();
      expect(validateReport(report)).to.deep.equal([]);
      expect(runDir(report, 'reports')).to.equal(join('reports', report.run.id));
    });
  });

  describe('runDir', () => {
    for (const bad of ['../escape', 'a/b', 'a\\b', '.hidden', '', 'x'.repeat(101), 'a b', 'C:', 'rapport-é']) {
      it(`refuses the run id ${JSON.stringify(bad.length > 20 ? `${bad.slice(0, 10)}…` : bad)}`, () => {
        const report = realisticReport();
        report.run.id = bad;
        expect(() => runDir(report, '/tmp/reports')).to.throw(/not a safe folder name/);
      });
    }
  });

  describe('writeJsonReport', () => {
    let root: string;
    beforeEach(async () => {
      root = await mkdtemp(join(tmpdir(), 'ocpp-harness-json-'));
    });
    afterEach(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('writes reports/<run id>/report.json, pretty-printed, creating the folders', async () => {
      const report = realisticReport();
      const file = await writeJsonReport(report, join(root, 'nested', 'reports'));
      expect(file).to.equal(join(root, 'nested', 'reports', report.run.id, 'report.json'));
      const text = await readFile(file, 'utf8');
      expect(text).to.equal(serializeReport(report));
      expect(text.split('\n')[1]).to.equal('  "reportFormat": 1,');
      expect(text.endsWith('}\n')).to.equal(true);
      expect(JSON.parse(text)).to.deep.equal(report);
    });

    it('keeps hostile text byte for byte (UTF-8, emoji, U+2028, markup, 1 MB payload)', async () => {
      const report = hostileReport();
      const file = await writeJsonReport(report, root);
      const bytes = await readFile(file);
      const back = JSON.parse(bytes.toString('utf8')) as Report;
      expect(back).to.deep.equal(report);
      expect(bytes.includes(Buffer.from(HOSTILE.emoji, 'utf8'))).to.equal(true);
      expect(back.cases[1]!.frames[0]!.raw).to.include(BIG_DATA);
      expect(back.sut.identity!.station).to.equal(HOSTILE.unicodeIdentity);
    });
  });

  describe('validateReport (schemas/report.schema.json)', () => {
    it('accepts the realistic fixtures of both roles', () => {
      expect(validateReport(realisticReport())).to.deep.equal([]);
      expect(validateReport(csmsReport())).to.deep.equal([]);
    });

    it('accepts the report as it comes back from report.json', () => {
      expect(validateReport(JSON.parse(serializeReport(realisticReport())))).to.deep.equal([]);
    });

    it('finds exactly the dangling frame reference in the hostile fixture, nothing else', () => {
      expect(validateReport(hostileReport())).to.deep.equal(['/cases/0/steps/1/frameRefs/1: frame 99 does not exist (the case has 5)']);
    });

    it('accepts the extra fields the proxy puts on frame records', () => {
      const report = realisticReport();
      Object.assign(report.cases[0]!.frames[0]!, { redacted: true, dropped: true, injected: true, undelivered: true, rawBytes: 'AA==' });
      expect(validateReport(report)).to.deep.equal([]);
    });

    const broken: Array<[string, (r: Report) => void, RegExp]> = [
      ['a failed case without a reason', (r) => delete r.cases[1]!.reason, /\/cases\/1: must have required property 'reason'/],
      ['a not-run case without a reason', (r) => delete r.cases[3]!.reason, /\/cases\/3: must have required property 'reason'/],
      ['an unknown verdict', (r) => ((r.cases[0] as { verdict: string }).verdict = 'flaky'), /\/cases\/0\/verdict: must be equal to one of the allowed values/],
      ['an unknown step verdict', (r) => ((r.cases[0]!.steps[0] as { verdict: string }).verdict = 'ok'), /\/cases\/0\/steps\/0\/verdict/],
      ['a misspelt field', (r) => Object.assign(r.cases[0]!, { durationMS: 3 }), /\/cases\/0: must NOT have additional properties/],
      ['a timestamp without a zone', (r) => (r.run.startedAt = '2025-03-14 09:30:00'), /\/run\/startedAt: must match format "date-time"/],
      ['an unknown OCPP version', (r) => ((r.cases[0] as { version: string }).version = '1.5'), /\/cases\/0\/version/],
      ['a negative duration', (r) => (r.cases[0]!.durationMs = -1), /\/cases\/0\/durationMs: must be >= 0/],
      ['a wrong report format', (r) => ((r as { reportFormat: number }).reportFormat = 2), /\/reportFormat: must be equal to constant/],
      ['an unsafe run id', (r) => (r.run.id = '../x'), /\/run\/id: must match pattern/],
      ['a frame direction that does not exist', (r) => ((r.cases[0]!.frames[0] as { dir: string }).dir = 'up'), /\/cases\/0\/frames\/0\/dir/],
      ['a finding without a rule', (r) => delete (r.cases[1]!.frames[4]!.errors[0] as { rule?: string }).rule, /\/cases\/1\/frames\/4\/errors\/0: must have required property 'rule'/],
      ['summary counts that do not match the cases', (r) => (r.summary.failed = 5), /^\/summary\/failed: is 5 but the cases count 2$/],
      ['a total that does not match', (r) => (r.summary.total = 1), /^\/summary\/total: is 1 but the cases count 8$/],
    ];
    for (const [what, mutate, message] of broken) {
      it(`rejects ${what}`, () => {
        const report = realisticReport();
        mutate(report);
        const problems = validateReport(report);
        expect(problems.some((p) => message.test(p)), problems.join('\n')).to.equal(true);
      });
    }

    it('rejects what is not a report at all', () => {
      expect(validateReport(null)).to.have.length.greaterThan(0);
      expect(validateReport([])).to.have.length.greaterThan(0);
      expect(validateReport({})).to.include("/: must have required property 'cases'");
    });
  });
});
