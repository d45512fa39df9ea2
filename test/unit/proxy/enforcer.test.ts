import { expect } from 'chai';
import { enforcementReply } from '../../../src/proxy/enforcer.js';
import type { ProxyFrameRecord } from '../../../src/proxy/types.js';
import type { Finding } from '../../../src/types.js';

function rec(raw: string, over: Partial<ProxyFrameRecord>): ProxyFrameRecord {
  return { ts: '', station: 's', conn: 'c', dir: 'cs->csms', raw, type: 'CALL', version: '2.0.1', valid: false, errors: [], ...over };
}
const f = (rule: string, errorCode?: string, severity: 'error' | 'warning' = 'error'): Finding => ({ rule, severity, path: '/x', message: `${rule} message`, ...(errorCode ? { errorCode } : {}) });

describe('enforcementReply', () => {
  it('answers an invalid CALL with the error code of the finding that names one', () => {
    const raw = '[2,"9","Authorize",{}]';
    const reply = JSON.parse(enforcementReply(rec(raw, { id: '9', errors: [f('rpc.before-boot', undefined, 'warning'), f('schema.required', 'OccurrenceConstraintViolation')] }), raw, '2.0.1')!);
    expect(reply).to.deep.equal([4, '9', 'OccurrenceConstraintViolation', 'schema.required message', { rule: 'schema.required', path: '/x' }]);
  });

  it('falls back to ProtocolError for rule findings without a code', () => {
    const raw = '[2,"9","Heartbeat",{}]';
    expect(JSON.parse(enforcementReply(rec(raw, { id: '9', errors: [f('rpc.before-boot')] }), raw, '1.6')!)[2]).to.equal('ProtocolError');
  });

  it('forwards valid frames, answers, SENDs, binary frames and frames without a readable id', () => {
    const bad = [f('frame.arity', 'FormatViolation')];
    expect(enforcementReply(rec('[2,"1","Heartbeat",{}]', { id: '1', valid: true }), '', '2.0.1')).to.equal(undefined);
    expect(enforcementReply(rec('[3,"1",{"x":1}]', { id: '1', type: 'CALLRESULT', errors: bad }), '[3,"1",{"x":1}]', '2.0.1')).to.equal(undefined);
    expect(enforcementReply(rec('[6,"1","X",{}]', { id: '1', type: 'SEND', errors: bad }), '[6,"1","X",{}]', '2.1')).to.equal(undefined);
    expect(enforcementReply(rec('AAEC', { binary: true, type: 'INVALID', errors: bad }), '', '2.0.1')).to.equal(undefined);
    expect(enforcementReply(rec('not json', { type: 'INVALID', errors: bad }), 'not json', '2.0.1')).to.equal(undefined);
  });

  it('answers unparseable CALLs and unknown message types whose id can be read', () => {
    const call = '[2,"7","Heartbeat"]';
    expect(JSON.parse(enforcementReply(rec(call, { id: '7', type: 'INVALID', errors: [f('frame.arity', 'FormatViolation')] }), call, '2.0.1')!)[1]).to.equal('7');
    const unknown = '[8,"8",{}]';
    expect(JSON.parse(enforcementReply(rec(unknown, { id: '8', type: 'INVALID', errors: [f('frame.unknown-type', 'MessageTypeNotSupported')] }), unknown, '2.0.1')!)[2]).to.equal('MessageTypeNotSupported');
    const badAnswer = '[3,"8"]';
    expect(enforcementReply(rec(badAnswer, { id: '8', type: 'INVALID', errors: [f('frame.arity', 'FormatViolation')] }), badAnswer, '2.0.1')).to.equal(undefined);
  });

  it('keeps the description within 255 characters', () => {
    const raw = '[2,"1","Heartbeat",{}]';
    const long: Finding = { rule: 'schema.other', severity: 'error', path: '', message: 'y'.repeat(400), errorCode: 'FormatViolation' };
    expect(JSON.parse(enforcementReply(rec(raw, { id: '1', errors: [long] }), raw, '2.0.1')!)[3]).to.have.length(255);
  });
});
