import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { CLIENT_SCRIPT } from '../../../src/reporters/html/client-script.js';
import { escapeHtml, html, jsonForScript, SafeHtml } from '../../../src/reporters/html/escape.js';
import { CLIENT_SCRIPT_HASH, REPORT_CSP, renderHtmlReport } from '../../../src/reporters/html-report.js';
import type { Report } from '../../../src/reporters/report-model.js';
import { HOSTILE, hostileReport } from './fixtures/hostile-report.js';
import { buildReport } from './fixtures/report-builder.js';
import { realisticReport } from './fixtures/realistic-report.js';

/** The text of the embedded data block, exactly as the page carries it. */
function dataBlock(page: string): string {
  const m = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(page);
  expect(m, 'data block').not.to.equal(null);
  return m![1]!;
}

/** Every <script ...> opening tag in the page. */
function scriptTags(page: string): string[] {
  return page.match(/<script\b[^>]*>/gi) ?? [];
}

describe('html report (as a string)', () => {
  describe('escaping helpers', () => {
    it('escapeHtml escapes the five markup characters and replaces control characters', () => {
      expect(escapeHtml(`<a href="x" title='y'>&</a>`)).to.equal('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
      expect(escapeHtml('a\u0000b\u001bc\u0085d\te\nf')).to.equal('a\uFFFDb\uFFFDc\uFFFDd\te\nf');
    });

    it('html escapes every interpolated value, joins arrays, keeps SafeHtml', () => {
      const out = html`<p title="${'"><b>'}">${['<i>', html`<b>${'&'}</b>`]}${undefined}${null}${false}${0}</p>`;
      expect(out).to.be.instanceOf(SafeHtml);
      expect(out.value).to.equal('<p title="&quot;&gt;&lt;b&gt;">&lt;i&gt;<b>&amp;</b>0</p>');
    });

    it('jsonForScript leaves no <, >, &, U+2028 or U+2029 and parses back to the same value', () => {
      const value = { a: HOSTILE.scriptBreakout, b: HOSTILE.lineSeparators, c: HOSTILE.htmlComment, d: '&amp;', e: HOSTILE.emoji };
      const text = jsonForScript(value);
      expect(text).not.to.match(/[<>&\u2028\u2029]/);
      expect(JSON.parse(text)).to.deep.equal(value);
    });
  });

  describe('the page', () => {
    const report = realisticReport();
    const page = renderHtmlReport(report);

    it('is one HTML document declaring UTF-8 first and a strict CSP', () => {
      expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"')).to.equal(true);
      expect(REPORT_CSP).to.include("default-src 'none'").and.include("style-src 'unsafe-inline'").and.include(`script-src '${CLIENT_SCRIPT_HASH}'`);
      expect(REPORT_CSP).not.to.include("'unsafe-eval'");
      expect(REPORT_CSP.split('script-src ')[1]!.split(';')[0]).not.to.include('unsafe-inline');
    });

    it('has exactly two script elements: the JSON data and the inline script, whose hash is in the CSP', () => {
      expect(scriptTags(page)).to.deep.equal(['<script type="application/json" id="report-data">', '<script>']);
      const inline = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
      expect(inline).to.equal(CLIENT_SCRIPT);
      expect(`sha256-${createHash('sha256').update(inline, 'utf8').digest('base64')}`).to.equal(CLIENT_SCRIPT_HASH);
    });

    it('loads nothing: no src, no external href, no url(), no @import, no link element', () => {
      expect(page).not.to.match(/\ssrc\s*=/i);
      expect(page).not.to.match(/<link\b/i);
      expect(page).not.to.match(/url\(/i);
      expect(page).not.to.match(/@import/i);
      const hrefs = page.match(/href="[^"]*"/g) ?? [];
      expect(hrefs.every((h) => h.startsWith('href="#f-'))).to.equal(true);
    });

    it('embeds the report, which parses back to the same object', () => {
      expect(JSON.parse(dataBlock(page))).to.deep.equal(report);
    });

    it('renders the summary and one list item per case without JavaScript', () => {
      for (const [verdict, n] of [['passed', 3], ['failed', 2], ['error', 1], ['not-applicable', 1], ['not-run', 1]] as const) {
        expect(page).to.include(`<div class="tile v-${verdict}" data-verdict="${verdict}"><span class="n">${n}</span>`);
      }
      expect(page.match(/<li class="case /g)).to.have.length(report.cases.length);
      for (const c of report.cases) expect(page).to.include(`<span class="cid">${c.id}</span>`);
      expect(page).to.include('<td class="desc">Expect StartTransaction.req for connector 1 with idTag VALID-TAG-01 and a meterStart</td>');
    });

    it('is a pure function of the report', () => {
      const before = JSON.stringify(report);
      expect(renderHtmlReport(report)).to.equal(page);
      expect(JSON.stringify(report)).to.equal(before);
    });

    it('keeps markup out of the client script (no innerHTML, no eval, no URLs)', () => {
      expect(CLIENT_SCRIPT).not.to.match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|setAttribute\('on|https?:/);
    });
  });

  describe('hostile content', () => {
    const report = hostileReport();
    const page = renderHtmlReport(report);

    it('never lets report text become markup: no raw <img, <svg, extra <script or comment', () => {
      expect(page).not.to.match(/<img/i);
      expect(page).not.to.match(/<svg/i);
      expect(page).not.to.match(/<b>ACME/);
      expect(page).not.to.include('<!--');
      expect(scriptTags(page)).to.have.length(2);
      expect(page.match(/<\/script>/g)).to.have.length(2);
    });

    it('shows the hostile text escaped in the server-rendered parts', () => {
      expect(page).to.include('&lt;img src=x onerror=window.__pwned=1&gt;');
      expect(page).to.include('&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;');
      expect(page).to.include(escapeHtml(report.sut.name));
      expect(page).to.include(escapeHtml(report.cases[0]!.title));
    });

    it('the data block holds the hostile report exactly, 1 MB payload included', () => {
      const block = dataBlock(page);
      expect(block).not.to.match(/[<>&\u2028\u2029]/);
      expect(JSON.parse(block)).to.deep.equal(report);
    });

    it('data-driven class names and attributes come from whitelists', () => {
      const odd = buildReport([{ ...realisticReport().cases[0]!, verdict: 'x" onclick="alert(1)' as never }], { role: 'cs', name: 'n' });
      const out = renderHtmlReport(odd);
      expect(out).to.include('<li class="case v-unknown" data-verdict="unknown"');
      expect(out).not.to.include('onclick="');
      expect(out).to.include('x&quot; onclick=&quot;alert(1)');
    });
  });

  it('renders a run with no cases', () => {
    const empty: Report = buildReport([], { role: 'csms', name: 'empty' });
    const out = renderHtmlReport(empty);
    expect(out).to.include('No cases in this run');
    expect(out).to.include('This run has no cases.');
  });
});
