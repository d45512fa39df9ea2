import { expect } from 'chai';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { junitClassname, MAX_EVIDENCE_CHARS, renderJunit } from '../../../src/reporters/junit-report.js';
import type { CaseResult, Report } from '../../../src/reporters/report-model.js';
import { stripInvalidXml, xmlAttr, xmlText } from '../../../src/reporters/xml-escape.js';
import { BIG_DATA, HOSTILE, hostileReport } from './fixtures/hostile-report.js';
import { buildCase, buildReport, step } from './fixtures/report-builder.js';
import { csmsReport, realisticReport } from './fixtures/realistic-report.js';

interface XmlNode {
  [key: string]: unknown;
}
interface ParsedCase extends XmlNode {
  classname: string;
  name: string;
  time: string;
  failure?: { message: string; type: string; '#text'?: string };
  error?: { message: string; type: string; '#text'?: string };
  skipped?: { message: string; '#text'?: string };
}
interface ParsedSuite extends XmlNode {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  time: string;
  properties: { property: Array<{ name: string; value: string }> };
  testcase: ParsedCase[];
}
interface ParsedDoc {
  testsuites: { name: string; tests: string; failures: string; errors: string; skipped: string; testsuite: ParsedSuite[] };
}

/** Parses junit.xml back, keeping every value as the exact string the XML carries. */
function parse(xml: string): ParsedDoc {
  const valid = XMLValidator.validate(xml);
  expect(valid, JSON.stringify(valid)).to.equal(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    // fast-xml-parser decodes numeric character references (&#10;) only with htmlEntities on.
    htmlEntities: true,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  return parser.parse(xml) as ParsedDoc;
}

function allCases(doc: ParsedDoc): ParsedCase[] {
  return doc.testsuites.testsuite.flatMap((s) => s.testcase);
}

describe('junit report', () => {
  it('is well-formed XML 1.0 with a UTF-8 declaration', () => {
    const xml = renderJunit(realisticReport());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).to.equal(true);
    expect(XMLValidator.validate(xml)).to.equal(true);
  });

  it('has one testsuite per OCPP version and role, in order of first appearance, with counts that match', () => {
    const report = realisticReport();
    const doc = parse(renderJunit(report));
    expect(doc.testsuites.tests).to.equal('8');
    expect(doc.testsuites.failures).to.equal('2');
    expect(doc.testsuites.errors).to.equal('1');
    expect(doc.testsuites.skipped).to.equal('2');
    const suites = doc.testsuites.testsuite.map((s) => [s.name, s.tests, s.failures, s.errors, s.skipped]);
    expect(suites).to.deep.equal([
      ['ocpp1.6.cs', '4', '1', '1', '1'],
      ['ocpp2.0.1.cs', '4', '1', '0', '1'],
    ]);
    expect(doc.testsuites.testsuite[0]!.time).to.equal('5.910');
    const props = Object.fromEntries(doc.testsuites.testsuite[1]!.properties.property.map((p) => [p.name, p.value]));
    expect(props).to.include({ 'ocpp.version': '2.0.1', 'sut.role': 'cs', 'sut.name': 'VendorX SingleSocketCharger', 'run.id': report.run.id });
  });

  it('has one testcase per case: classname ocpp<version>.<role>, name "<id>: <title>", time in seconds', () => {
    const report = realisticReport();
    const cases = allCases(parse(renderJunit(report)));
    expect(cases.map((c) => c.name)).to.deep.equal(report.cases.map((c) => `${c.id}: ${c.title}`));
    expect(cases.map((c) => c.classname)).to.deep.equal(report.cases.map((c) => `ocpp${c.version}.${c.sut}`));
    expect(cases.map((c) => Number(c.time))).to.deep.equal(report.cases.map((c) => c.durationMs / 1000));
    expect(cases[4]!.time).to.equal('32.500');
    expect(junitClassname({ version: '2.0.1', sut: 'csms' })).to.equal('ocpp2.0.1.csms');
  });

  it('gives each verdict its element: failure, error, skipped, or none for passed', () => {
    const report = realisticReport();
    const cases = allCases(parse(renderJunit(report)));
    report.cases.forEach((c, i) => {
      const tc = cases[i]!;
      const present = ['failure', 'error', 'skipped'].filter((k) => k in tc);
      const want = { passed: [], failed: ['failure'], error: ['error'], 'not-applicable': ['skipped'], 'not-run': ['skipped'] }[c.verdict];
      expect(present, c.id).to.deep.equal(want);
    });
  });

  it('puts the reason in the message and the failed step, expected, actual, findings and evidence in the body', () => {
    const report = realisticReport();
    const tc = allCases(parse(renderJunit(report)))[1]!;
    expect(tc.failure!.message).to.equal(report.cases[1]!.reason);
    expect(tc.failure!.type).to.equal('failed');
    const body = tc.failure!['#text']!;
    const failed = report.cases[1]!.steps[4]!;
    expect(body).to.include(`Step 4 (failed): ${failed.description}`);
    expect(body).to.include(`Expected: ${failed.expected}`);
    expect(body).to.include(`Actual: ${failed.actual}`);
    expect(body).to.include("Finding schema.required (error): StartTransaction.req must have required property 'meterStart'.");
    expect(body).to.include(`#4 ${report.cases[1]!.frames[4]!.ts} cs->csms CALL StartTransaction: ${report.cases[1]!.frames[4]!.raw}`);
    expect(body).to.include('csms->cs CALLERROR StartTransaction');
  });

  it('gives error cases an <error> with the reason, and skipped cases the reason as message', () => {
    const report = realisticReport();
    const cases = allCases(parse(renderJunit(report)));
    expect(cases[2]!.error!.message).to.equal(report.cases[2]!.reason);
    expect(cases[2]!.error!['#text']).to.include('Actual: connection closed (1006)');
    expect(cases[3]!.skipped!.message).to.equal(report.cases[3]!.reason);
    expect(cases[3]!.skipped!['#text']).to.equal('not run');
    expect(cases[6]!.skipped!.message).to.equal(report.cases[6]!.reason);
    expect(cases[6]!.skipped!['#text']).to.equal('not applicable');
  });

  it('renders a CSMS run and an empty run', () => {
    const doc = parse(renderJunit(csmsReport()));
    expect(doc.testsuites.testsuite.map((s) => s.name)).to.deep.equal(['ocpp2.0.1.csms']);
    expect(allCases(doc)[1]!.failure!['#text']).to.include('Actual: CALLERROR InternalError "db down"');
    const empty = renderJunit(buildReport([], { role: 'cs', name: 'none' }));
    expect(XMLValidator.validate(empty)).to.equal(true);
    expect(empty).to.include('tests="0" failures="0" errors="0" skipped="0"');
  });

  describe('hostile text', () => {
    const report = hostileReport();
    const xml = renderJunit(report);
    const cases = allCases(parse(xml));

    it('stays well-formed and round-trips names and messages exactly (markup, quotes, ]]>, U+2028, emoji)', () => {
      expect(cases.map((c) => c.name)).to.deep.equal(report.cases.map((c) => stripInvalidXml(`${c.id}: ${c.title}`)));
      expect(cases[0]!.name).to.equal(`TC_B_01_CSMS: Cold Boot ${HOSTILE.imgOnerror} ${HOSTILE.quotes}`);
      expect(cases[0]!.failure!.message).to.equal(report.cases[0]!.reason);
      expect(cases[0]!.failure!.message).to.include(HOSTILE.cdataEnd).and.include(HOSTILE.lineSeparators).and.include(HOSTILE.scriptBreakout);
      expect(cases[3]!.skipped!.message).to.equal(report.cases[3]!.reason);
      expect(cases[4]!.skipped!.message).to.equal(report.cases[4]!.reason);
      const props = Object.fromEntries(parse(xml).testsuites.testsuite[0]!.properties.property.map((p) => [p.name, p.value]));
      expect(props['sut.name']).to.equal(report.sut.name);
      expect(props['sut.endpoint']).to.equal(report.sut.endpoint);
    });

    it('keeps the body text exact, including ]]> and markup, with no CDATA section anywhere', () => {
      expect(xml).not.to.include('<![CDATA[');
      expect(xml).not.to.include(']]>');
      const body = cases[0]!.failure!['#text']!;
      expect(body).to.include(`Actual: ${HOSTILE.scriptBreakout} ${HOSTILE.lineSeparators}`);
      expect(body).to.include(`Expected: status "Accepted" ${HOSTILE.htmlComment}`);
      expect(body).to.include('#99: (no such frame in this case)');
    });

    it('removes the characters XML 1.0 cannot carry and keeps everything else', () => {
      const c = report.cases[2]!;
      expect(c.reason).to.include('\u0000');
      expect(cases[2]!.error!.message).to.equal(`Tool error ctl:[31mred[0m\u007f:end ${HOSTILE.cdataEnd}`);
      expect(cases[2]!.name).to.equal(`${c.id}: Controls ctl:[31mred[0m\u007f:end and bidi ${HOSTILE.bidi}`);
      expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)).to.equal(false);
    });

    it('cuts megabyte evidence frames in the body (report.json keeps them whole)', () => {
      const big = buildCase({
        id: 'TC_BIG',
        title: 'big',
        version: '2.0.1',
        sut: 'csms',
        verdict: 'failed',
        reason: 'too big',
        start: 0,
        durationMs: 1,
        steps: [step('1', 'send', 'failed', { frameRefs: [0] })],
        frames: [{ at: 0, dir: 'cs->csms', type: 'CALL', id: '1', action: 'DataTransfer', payload: { vendorId: 'v', data: BIG_DATA } }],
      });
      const out = renderJunit(buildReport([big], { role: 'csms', name: 'x' }));
      expect(out.length).to.be.lessThan(20_000);
      const body = allCases(parse(out))[0]!.failure!['#text']!;
      expect(body).to.match(new RegExp(`… \\(${big.frames[0]!.raw.length - MAX_EVIDENCE_CHARS} more characters in report.json\\)`));
    });
  });

  describe('escaping helpers', () => {
    it('xmlText escapes &, <, > and carriage returns', () => {
      expect(xmlText('a & b < c > d ]]> e\r\n')).to.equal('a &amp; b &lt; c &gt; d ]]&gt; e&#13;\n');
    });

    it('xmlAttr also escapes quotes and keeps tab and newline as references', () => {
      expect(xmlAttr(`"x" 'y'\t\n`)).to.equal('&quot;x&quot; &apos;y&apos;&#9;&#10;');
    });

    it('a newline in a reason survives attribute normalization', () => {
      const c = buildCase({ id: 'TC_NL', title: 't', version: '1.6', sut: 'cs', verdict: 'failed', reason: 'line one\nline two\tTab\r\nCRLF', start: 0, durationMs: 1 });
      const tc = allCases(parse(renderJunit(buildReport([c], { role: 'cs', name: 'x' }))))[0]!;
      expect(tc.failure!.message).to.equal('line one\nline two\tTab\r\nCRLF');
    });

    it('stripInvalidXml drops unpaired surrogates, U+FFFE/U+FFFF, and keeps pairs and DEL', () => {
      expect(stripInvalidXml('a\uD83D b\uDE97 c🚗 d\uFFFE\uFFFF e\u007f')).to.equal('a b c🚗 d e\u007f');
    });
  });

  it('is a pure function of the report', () => {
    const r: Report = realisticReport();
    const before = JSON.stringify(r);
    expect(renderJunit(r)).to.equal(renderJunit(realisticReport()));
    expect(JSON.stringify(r)).to.equal(before);
  });

  it('names a case with no steps by its reason alone', () => {
    const c: CaseResult = buildCase({ id: 'TC_E', title: 't', version: '1.6', sut: 'cs', verdict: 'error', reason: 'SUT unreachable', start: 0, durationMs: 0 });
    const tc = allCases(parse(renderJunit(buildReport([c], { role: 'cs', name: 'x' }))))[0]!;
    expect(tc.error!['#text']).to.equal('SUT unreachable');
  });
});
