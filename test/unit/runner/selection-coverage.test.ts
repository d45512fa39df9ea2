import { expect } from 'chai';
import type { LoadedCase, TestCase } from '../../../src/runner/case-types.js';
import { computeCoverage, formatCoverage, parseCertification, profile16, type CatalogRow } from '../../../src/runner/coverage.js';
import { globToRegExp, selectCases, SelectionError } from '../../../src/runner/selection.js';

const tc = (id: string, version: '1.6' | '2.0.1', profile = 'Core'): LoadedCase => ({
  file: `${id}.json`,
  testCase: { id, title: id, version, sut: id.endsWith('_CSMS') ? 'csms' : 'cs', profile, steps: [{ wait: 1 }] } as TestCase,
});
const cases = [tc('TC_001_CS', '1.6'), tc('TC_003_CS', '1.6'), tc('TC_001_CSMS', '1.6'), tc('TC_B_01_CS', '2.0.1'), tc('TC_K_01_CS', '2.0.1', 'Smart Charging')];

describe('case selection', () => {
  it('ids and globs, case-insensitive; version, role and profile filters', () => {
    expect(selectCases(cases, { patterns: ['tc_00?_cs'] }).map((c) => c.testCase.id)).to.deep.equal(['TC_001_CS', 'TC_003_CS']);
    expect(selectCases(cases, { sut: 'cs', version: '2.0.1' }).map((c) => c.testCase.id)).to.deep.equal(['TC_B_01_CS', 'TC_K_01_CS']);
    expect(selectCases(cases, { profile: 'smart charging' }).map((c) => c.testCase.id)).to.deep.equal(['TC_K_01_CS']);
    expect(globToRegExp('TC_0*_CSMS').test('TC_010_CSMS')).to.equal(true);
  });

  it('a pattern that matches nothing is an error, so typos do not pass as empty runs', () => {
    expect(() => selectCases(cases, { patterns: ['TC_999_CS'] })).to.throw(SelectionError, 'no case matches "TC_999_CS"');
    expect(() => selectCases(cases, { patterns: ['TC_001_CS'], version: '2.0.1' })).to.throw(SelectionError, '"TC_001_CS" matches cases, but none of the selected version / role / profile');
  });
});

describe('coverage', () => {
  const row = (version: string, id: string, role: 'cs' | 'csms', block: string, mandatory = ''): CatalogRow => ({ version, id, title: id, role, block, certification: parseCertification(mandatory) });
  it('parses M/C flags per profile, parentheses and unlisted rows', () => {
    expect(parseCertification('Core:C (C-17 ConfigurationInventory); Advanced Device Management:M')).to.deep.equal([
      { profile: 'Core', flag: 'C' },
      { profile: 'Advanced Device Management', flag: 'M' },
    ]);
    expect(parseCertification('Core (errata: note; more)')).to.deep.equal([{ profile: 'Core', flag: '-' }]);
    expect(parseCertification('not listed in Part5 Ed3 certification table')).to.deep.equal([{ profile: '(no certification profile)', flag: '-' }]);
    expect(profile16('Security (1.6 security whitepaper) / 2.24 Security')).to.equal('Security');
  });

  it('counts implemented/total per version, role and profile; 2.x M and C apart', () => {
    const rows = [
      row('1.6', 'TC_001_CS', 'cs', 'Core / 2.1 Cold Boot'),
      row('1.6', 'TC_002_CS', 'cs', 'Core / 2.1 Cold Boot'),
      row('1.6', 'TC_001_CSMS', 'csms', 'unknown (not public)'),
      row('2.0.1', 'TC_B_01_CS', 'cs', 'B', 'Core:M'),
      row('2.0.1', 'TC_B_02_CS', 'cs', 'B', 'Core:C (C-44)'),
    ];
    const cov = computeCoverage(rows, cases);
    expect(cov.totals).to.deep.equal([
      { version: '1.6', role: 'cs', implemented: 1, total: 2 },
      { version: '1.6', role: 'csms', implemented: 1, total: 1 },
      { version: '2.0.1', role: 'cs', implemented: 1, total: 2 },
    ]);
    expect(cov.lines.map((l) => `${l.version} ${l.role} ${l.profile} ${l.flag} ${l.implemented}/${l.total}`)).to.deep.equal([
      '1.6 cs Core  1/2',
      '1.6 csms Core  1/1',
      '2.0.1 cs Core C 0/1',
      '2.0.1 cs Core M 1/1',
    ]);
    expect(cov.unknown).to.deep.equal(['1.6 TC_003_CS', '2.0.1 TC_K_01_CS']);
    expect(formatCoverage(cov)).to.contain('OCPP 2.0.1, charging station under test (CS): 1/2 implemented\n  Core conditional (C)');
  });
});

describe('coverage of variant ids', () => {
  it('a case counts for the variant ids it declares in `covers`, and unknown variant ids are listed', () => {
    const rows: CatalogRow[] = ['TC_007_CS', 'TC_007_1_CS', 'TC_007_2_CS'].map((id) => ({ version: '1.6', id, title: id, role: 'cs', block: 'Core / 2.4 Cache', certification: [] }));
    const withVariants = { ...tc('TC_007_CS', '1.6'), testCase: { ...tc('TC_007_CS', '1.6').testCase, covers: ['TC_007_1_CS', 'TC_007_9_CS'] } };
    const cov = computeCoverage(rows, [withVariants]);
    expect(cov.totals).to.deep.equal([{ version: '1.6', role: 'cs', implemented: 2, total: 3 }]);
    expect(cov.unknown).to.deep.equal(['1.6 TC_007_9_CS']);
  });
});
