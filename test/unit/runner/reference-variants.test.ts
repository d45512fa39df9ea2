import { expect } from 'chai';
import type { LoadedCase, TestCase } from '../../../src/runner/case-types.js';
import { groupByReferenceBuild } from '../../../src/runner/reference-variants.js';

const tc = (id: string, features?: string[]): LoadedCase => ({
  file: `${id}.json`,
  testCase: { id, title: id, version: '1.6', sut: 'cs', profile: 'Core', steps: [{ wait: 1 }], ...(features ? { prerequisites: { features } } : {}) } as TestCase,
});

describe('reference builds for the embedded default', () => {
  it('runs fixed-cable cases against a fixed-cable reference station and the rest against the default one', () => {
    const groups = groupByReferenceBuild('1.6', 'cs', [tc('TC_017_1_CS', ['DetachableCable']), tc('TC_017_2_CS', ['FixedCable']), tc('TC_003_CS')]);
    expect(groups.map((g) => [g.variant?.name ?? 'default', g.cases.map((c) => c.testCase.id)])).to.deep.equal([
      ['default', ['TC_017_1_CS', 'TC_003_CS']],
      ['fixed cable', ['TC_017_2_CS']],
    ]);
    const fixed = groups[1].features!;
    expect(fixed).to.include('FixedCable');
    expect(fixed).to.not.include('DetachableCable');
  });

  it('a case no build fits stays with the default build, which reports it not-applicable', () => {
    const groups = groupByReferenceBuild('1.6', 'cs', [tc('TC_X_CS', ['NoSuchFeature'])]);
    expect(groups.map((g) => g.variant?.name ?? 'default')).to.deep.equal(['default']);
    expect(groups[0].cases).to.have.length(1);
  });
});
