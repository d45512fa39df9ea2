import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CaseLoadError, loadCatalog } from '../../../src/runner/case-loader.js';
import { readCatalog } from '../../../src/runner/coverage.js';

/** Case files are validated on load; every problem names the file, the JSON path and what is wrong. */
const good = { id: 'TC_001_CS', title: 'Cold Boot', version: '1.6', sut: 'cs', profile: 'Core', steps: [{ expect: 'BootNotification' }] };

let root: string;
function write(rel: string, content: unknown): string {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
function problems(): string[] {
  try {
    loadCatalog(root);
  } catch (e) {
    if (e instanceof CaseLoadError) return e.problems.map((p) => `${p.file.slice(root.length + 1)} | ${p.path} | ${p.problem}`);
    throw e;
  }
  return [];
}

describe('case loading', () => {
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'cases-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('loads the shipped testcases/ without a problem; every case id is in the OCTT catalog', () => {
    const catalog = loadCatalog();
    expect(catalog.cases.length).to.be.at.least(12);
    const known = new Set(readCatalog().map((r) => `${r.version}|${r.id}`));
    for (const c of catalog.cases) expect(known.has(`${c.testCase.version}|${c.testCase.id}`), c.testCase.id).to.equal(true);
    expect([...catalog.states.keys()]).to.include.members(['1.6/cs/Charging', '1.6/csms/Booted', '2.0.1/cs/EVConnectedPreSession', '2.0.1/csms/Booted']);
  });

  it('a file that is not JSON: its line and column', () => {
    write('ocpp1.6/cs/TC_001_CS.json', '{\n  "id": "TC_001_CS",\n  "title": oops\n}');
    expect(problems()[0]).to.match(/^ocpp1\.6\/cs\/TC_001_CS\.json \|  \| is not valid JSON \(line 3, column \d+\): /);
  });

  it('schema problems: missing property, unknown step kind, unknown property, wrong type, wrong enum', () => {
    const { title: _t, ...noTitle } = good;
    write('ocpp1.6/cs/TC_001_CS.json', noTitle);
    write('ocpp1.6/cs/TC_003_CS.json', { ...good, id: 'TC_003_CS', steps: [{ expect: 'Authorize' }, { expectt: 'Authorize' }] });
    write('ocpp1.6/cs/TC_004_1_CS.json', { ...good, id: 'TC_004_1_CS', steps: [{ expect: 'Authorize', payloads: {} }] });
    write('ocpp1.6/cs/TC_010_CS.json', { ...good, id: 'TC_010_CS', steps: [{ send: 'Reset', timeoutMs: 'soon' }] });
    write('ocpp1.6/cs/TC_012_CS.json', { ...good, id: 'TC_012_CS', steps: [{ connection: 'reopen' }] });
    expect(problems()).to.deep.equal([
      'ocpp1.6/cs/TC_001_CS.json |  | missing required property "title"',
      'ocpp1.6/cs/TC_003_CS.json | /steps/1 | a step needs exactly one of the keys send, expect, expectAll, expectOneOf, expectNone, wait, connection, action, use, set (found keys: expectt)',
      'ocpp1.6/cs/TC_004_1_CS.json | /steps/0 | unknown property "payloads"',
      'ocpp1.6/cs/TC_010_CS.json | /steps/0/timeoutMs | must be integer; got string "soon"',
      'ocpp1.6/cs/TC_012_CS.json | /steps/0/connection | must be one of "close", "open", "expectClose", "probeOldTls", "expectAttempt", "listenUnresponsive", "present", "listenAlternative", "signCsr", "newCsr", "verifyCertificate", "expectTlsRefused"; got "reopen"',
    ]);
  });

  it('conditions and responses: the alternatives are named', () => {
    write('ocpp1.6/cs/TC_001_CS.json', { ...good, steps: [{ when: { feature: 'X', extra: 1 }, wait: 1 }] });
    write('ocpp1.6/cs/TC_003_CS.json', { ...good, id: 'TC_003_CS', steps: [{ when: { featur: 'X' }, wait: 1 }] });
    write('ocpp1.6/cs/TC_010_CS.json', { ...good, id: 'TC_010_CS', steps: [{ send: 'Reset', response: { reslt: {} } }] });
    expect(problems()).to.deep.equal([
      'ocpp1.6/cs/TC_001_CS.json | /steps/0/when | unknown property "extra"',
      'ocpp1.6/cs/TC_003_CS.json | /steps/0/when | a condition is one of {all: [...]}, {any: [...]}, {not: ...}, {feature}, {profile} or {path, match} (found keys: featur)',
      'ocpp1.6/cs/TC_010_CS.json | /steps/0/response | unknown property "reslt"',
    ]);
  });

  it('matchers: unknown operators, operators with company, bad regular expressions', () => {
    write('ocpp1.6/cs/TC_001_CS.json', { ...good, steps: [{ expect: 'StatusNotification', payload: { status: { $oneof: ['A'] } } }] });
    write('ocpp1.6/cs/TC_003_CS.json', { ...good, id: 'TC_003_CS', steps: [{ expectAll: [{ expect: 'A', payload: { s: { $in: ['x'], other: 1 } } }] }] });
    write('ocpp1.6/cs/TC_010_CS.json', { ...good, id: 'TC_010_CS', steps: [{ send: 'Reset', response: { result: { status: { $regex: '(' } } } }] });
    const p = problems();
    expect(p[0]).to.equal('ocpp1.6/cs/TC_001_CS.json | /steps/0/payload/status/$oneof | unknown matcher operator $oneof (known: $anyOf, $allOf, $not, $in, $eq, $regex, $type, $range, $length, $contains, $time, $absent, $present)');
    expect(p[1]).to.equal('ocpp1.6/cs/TC_003_CS.json | /steps/0/expectAll/0/payload/s | a matcher operator ($in) must be the only key of its object');
    expect(p[2]).to.match(/^ocpp1\.6\/cs\/TC_010_CS\.json \| \/steps\/0\/response\/result\/status\/\$regex \| not a valid regular expression: /);
  });

  it('identity: file name, role suffix, folder, duplicates', () => {
    write('ocpp1.6/cs/TC_002_CS.json', good);
    write('ocpp1.6/cs/TC_001_CS.json', { ...good, sut: 'csms' });
    write('ocpp1.6/csms/TC_001_CSMS.json', { ...good, id: 'TC_001_CSMS', sut: 'csms', version: '2.0.1' });
    write('extra/TC_003_CS.json', { ...good, id: 'TC_003_CS' });
    write('more/TC_003_CS.json', { ...good, id: 'TC_003_CS' });
    expect(problems()).to.deep.equal([
      'ocpp1.6/cs/TC_001_CS.json | /sut | "csms" contradicts the id TC_001_CS, whose suffix says the cs is under test',
      'ocpp1.6/cs/TC_002_CS.json | /id | the id "TC_001_CS" must be the file name (TC_002_CS.json)',
      'ocpp1.6/csms/TC_001_CSMS.json | /version | the case says version 2.0.1, csms under test, but sits in ocpp1.6/csms/',
      'more/TC_003_CS.json | /id | case TC_003_CS is also defined in ' + join(root, 'extra/TC_003_CS.json'),
    ]);
  });

  it('reusable states: unknown names list the known ones; cycles are refused', () => {
    const state = (name: string, steps: unknown[]) => ({ state: name, version: '1.6', sut: 'cs', steps });
    write('states/ocpp1.6/cs/Authorized.json', state('Authorized', [{ use: 'Charging' }]));
    write('states/ocpp1.6/cs/Charging.json', state('Charging', [{ use: 'Authorized' }]));
    write('ocpp1.6/cs/TC_001_CS.json', { ...good, steps: [{ use: 'Booted' }] });
    const p = problems();
    expect(p).to.include('ocpp1.6/cs/TC_001_CS.json | /steps/0/use | unknown reusable state "Booted" for OCPP 1.6 with the cs under test (known: Authorized, Charging)');
    expect(p).to.include('states/ocpp1.6/cs/Charging.json | /steps/0/use | reusable states include each other in a cycle: Authorized -> Charging -> Authorized');
  });
});
