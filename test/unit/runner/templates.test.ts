import { expect } from 'chai';
import { evaluateCondition, explainCondition } from '../../../src/runner/conditions.js';
import { resolveTemplate, TemplateError, type TemplateContext } from '../../../src/runner/templates.js';

const NOW = Date.parse('2025-03-14T10:00:00Z');
function ctx(extra: Partial<TemplateContext> = {}): TemplateContext {
  let n = 0;
  return {
    sut: { connectorId: 2, idTags: { valid: 'TAG-1' }, heartbeatIntervalS: 30, variables: { TxCtrlr: { TxStartPoint: 'EVConnected,Authorized' } } },
    vars: { tx: 7, seqNo: 3 },
    params: { evseId: 1 },
    gen: { now: () => NOW, uuid: () => 'u-1', seq: () => ++n },
    ...extra,
  };
}

describe('templates', () => {
  it('a whole-string placeholder keeps the value type; placeholders inside text are interpolated', () => {
    expect(resolveTemplate({ connectorId: '{{sut.connectorId}}', idTag: '{{ sut.idTags.valid }}', note: 'tx {{vars.tx}} on {{params.evseId}}' }, ctx())).to.deep.equal({ connectorId: 2, idTag: 'TAG-1', note: 'tx 7 on 1' });
  });

  it('"as string" gives a whole-string placeholder as text (1.6 configuration values are strings)', () => {
    expect(resolveTemplate({ value: '{{sut.heartbeatIntervalS as string}}', same: '{{sut.idTags.valid as string}}' }, ctx())).to.deep.equal({ value: '30', same: 'TAG-1' });
    expect(resolveTemplate('{{sut.heartbeatIntervalS * 2 as string}}', ctx())).to.equal('60');
  });

  it('built-ins: now with offsets, uuid, seq; arithmetic with one number', () => {
    expect(resolveTemplate(['{{now}}', '{{now+90s}}', '{{now - 1h}}', '{{uuid}}', '{{seq}}', '{{seq}}'], ctx())).to.deep.equal([
      '2025-03-14T10:00:00.000Z',
      '2025-03-14T10:01:30.000Z',
      '2025-03-14T09:00:00.000Z',
      'u-1',
      1,
      2,
    ]);
    expect(resolveTemplate(['{{vars.seqNo + 1}}', '{{sut.heartbeatIntervalS * 1000}}'], ctx())).to.deep.equal([4, 30000]);
  });

  it('now plus a configured amount of a unit', () => {
    expect(resolveTemplate(['{{now+sut.heartbeatIntervalS s}}', '{{now - vars.tx m}}'], ctx())).to.deep.equal(['2025-03-14T10:00:30.000Z', '2025-03-14T09:53:00.000Z']);
    expect(() => resolveTemplate('{{now+sut.idTags.valid s}}', ctx())).to.throw(TemplateError, /sut\.idTags\.valid is "TAG-1", not a number/);
  });

  it('fallbacks: JSON literals or further expressions', () => {
    expect(resolveTemplate('{{vars.missing ?? false}}', ctx())).to.equal(false);
    expect(resolveTemplate('{{vars.missing ?? sut.variables.TxCtrlr.TxStartPoint ?? ""}}', ctx())).to.equal('EVConnected,Authorized');
    expect(resolveTemplate('{{vars.missing ?? sut.nothing ?? ""}}', ctx())).to.equal('');
  });

  it('a missing value is an error that says where the path stops and why', () => {
    expect(() => resolveTemplate('{{vars.transactionId}}', ctx())).to.throw(TemplateError, '{{vars.transactionId}} has no value: vars has no "transactionId" (no earlier step captured it)');
    expect(() => resolveTemplate('{{sut.settings.connectionTimeOutS}}', ctx())).to.throw(TemplateError, 'sut has no "settings" (add it to the SUT configuration)');
  });

  it('each and message are available where the engine sets them', () => {
    expect(resolveTemplate({ e: '{{each.evseId}}', m: '{{message.transactionId}}' }, ctx({ each: { evseId: 2 }, message: { transactionId: 'T' } }))).to.deep.equal({ e: 2, m: 'T' });
  });
});

describe('conditions', () => {
  const declared = { features: new Set(['C-30']), profiles: new Set(['Core']) };
  const env = { now: NOW, toleranceMs: 0 };
  it('features, profiles, paths with matchers, and all/any/not', () => {
    expect(evaluateCondition({ feature: 'C-30' }, ctx(), declared, env)).to.equal(true);
    expect(evaluateCondition({ profile: 'Reservation' }, ctx(), declared, env)).to.equal(false);
    expect(evaluateCondition({ profile: 'Reservation' }, ctx(), { features: new Set() }, env)).to.equal(true);
    const txStartHasAuthorized = { path: 'sut.variables.TxCtrlr.TxStartPoint', match: { $regex: '(^|,)Authorized(,|$)' } };
    expect(evaluateCondition({ all: [txStartHasAuthorized, { not: { path: 'vars.tx', match: { $absent: true } } }] }, ctx(), declared, env)).to.equal(true);
    expect(evaluateCondition({ any: [{ feature: 'X' }, { path: 'params.evseId', match: '{{sut.connectorId}}' }] }, ctx(), declared, env)).to.equal(false);
    expect(explainCondition({ all: [{ feature: 'X' }, { not: txStartHasAuthorized }] })).to.equal('feature X is declared and not (sut.variables.TxCtrlr.TxStartPoint matches /(^|,)Authorized(,|$)/)');
  });
});
