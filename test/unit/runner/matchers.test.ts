import { expect } from 'chai';
import { describeMismatches, explainMatcher, match } from '../../../src/runner/matchers.js';

const env = { now: Date.parse('2025-03-14T10:00:00Z'), toleranceMs: 4000 };
const m = (matcher: unknown, actual: unknown) => describeMismatches(match(matcher, actual, env));

describe('matchers', () => {
  it('partial deep match: only listed keys count; nested paths are named', () => {
    expect(m({ idTagInfo: { status: 'Accepted' } }, { idTagInfo: { status: 'Accepted', expiryDate: 'x' }, extra: 1 })).to.equal('');
    expect(m({ idTagInfo: { status: 'Accepted' } }, { idTagInfo: { status: 'Blocked' } })).to.equal('idTagInfo.status: expected "Accepted", got "Blocked"');
    expect(m({ idTagInfo: { status: 'Accepted' } }, {})).to.equal('idTagInfo: expected an object where status is "Accepted", got absent');
  });

  it('arrays match element by element and by length', () => {
    expect(m([{ a: 1 }, 2], [{ a: 1, b: 0 }, 2])).to.equal('');
    expect(m([1, 2], [1])).to.equal('payload: expected an array of 2 element(s), got 1 element(s): [1]');
    expect(m({ list: [1] }, { list: [2] })).to.equal('list.0: expected 1, got 2');
  });

  it('an object whose keys are all indices checks only those elements of an array, whatever its length', () => {
    const meter = { meterValue: [{ sampledValue: [{ value: '10', measurand: 'Energy.Active.Import.Register' }, { value: '3' }] }, { sampledValue: [] }] };
    expect(m({ meterValue: { 0: { sampledValue: { 0: { measurand: 'Energy.Active.Import.Register' } } } } }, meter)).to.equal('');
    expect(m({ meterValue: { 0: { sampledValue: { 1: { value: '4' } } } } }, meter)).to.equal('meterValue.0.sampledValue.1.value: expected "4", got "3"');
    expect(m({ meterValue: { 5: { sampledValue: [] } } }, meter)).to.equal('meterValue.5: expected an object where sampledValue is [], got absent');
    expect(m({ list: { 0: 1 } }, { list: 'x' })).to.equal('list: expected an object, got "x"');
    // Only index keys pick elements: any other key still needs an object.
    expect(m({ list: { 0: 1, size: 2 } }, { list: [1] })).to.equal('list: expected an object, got [1]');
    expect(m({ list: { '01': 1 } }, { list: [1, 1] })).to.equal('list: expected an object, got [1,1]');
    expect(m({ list: { 0: 1 } }, {})).to.equal('list: expected an array where element 0 is 1, got absent');
  });

  it('$anyOf, $allOf, $not, $in, $eq', () => {
    expect(m({ status: { $anyOf: ['Accepted', 'Rejected'] } }, { status: 'Rejected' })).to.equal('');
    expect(m({ status: { $anyOf: ['Accepted', { $absent: true }] } }, {})).to.equal('');
    expect(m({ status: { $anyOf: ['Accepted', 'Rejected'] } }, { status: 'Blocked' })).to.equal('status: expected "Accepted" or "Rejected", got "Blocked"');
    expect(m({ n: { $allOf: [{ $type: 'integer' }, { $range: { min: 1 } }] } }, { n: 0 })).to.equal('n: expected a number of at least 1, got 0');
    expect(m({ s: { $not: 'Faulted' } }, { s: 'Available' })).to.equal('');
    expect(m({ s: { $not: 'Faulted' } }, { s: 'Faulted' })).to.equal('s: expected not "Faulted", got "Faulted"');
    expect(m({ s: { $in: ['A', 'B'] } }, { s: 'C' })).to.equal('s: expected one of "A", "B", got "C"');
    expect(m({ o: { $eq: { a: 1 } } }, { o: { a: 1, b: 2 } })).to.equal('o: expected {"a":1}, got {"a":1,"b":2}');
  });

  it('$regex, $type, $range, $length, $contains', () => {
    expect(m({ id: { $regex: '^TX-\\d+$' } }, { id: 'TX-12' })).to.equal('');
    expect(m({ id: { $regex: { pattern: '^tx', flags: 'i' } } }, { id: 'TX-1' })).to.equal('');
    expect(m({ id: { $regex: '^TX' } }, { id: 7 })).to.equal('id: expected a string matching /^TX/, got 7');
    expect(m({ t: { $type: ['integer', 'string'] } }, { t: 1.5 })).to.equal('t: expected an integer or a string, got 1.5');
    expect(m({ v: { $range: { min: 0, max: 10 } } }, { v: 11 })).to.equal('v: expected a number from 0 to 10, got 11');
    expect(m({ list: { $length: { $range: { min: 1 } } } }, { list: [] })).to.equal('list: expected length is a number of at least 1, got length 0');
    expect(m({ list: { $contains: { key: 'A' } } }, { list: [{ key: 'B' }, { key: 'A' }] })).to.equal('');
    expect(m({ list: { $contains: { key: 'C' } } }, { list: [{ key: 'B' }] })).to.equal('list: expected an array containing an element that is an object where key is "C", got [{"key":"B"}]');
  });

  it('$time: within the tolerance of now (or of a given time)', () => {
    expect(m({ t: { $time: {} } }, { t: '2025-03-14T10:00:03Z' })).to.equal('');
    expect(m({ t: { $time: {} } }, { t: '2025-03-14T10:00:05Z' })).to.equal('t: expected a date-time within 4 s of now (2025-03-14T10:00:00.000Z), got "2025-03-14T10:00:05Z"');
    expect(m({ t: { $time: { near: '2025-03-14T09:00:00Z', toleranceMs: 500 } } }, { t: '2025-03-14T09:00:00.400Z' })).to.equal('');
    expect(m({ t: { $time: {} } }, { t: 'yesterday' })).to.equal('t: expected a date-time within 4 s of now, got "yesterday"');
    expect(m({ t: { $time: { near: '2025-03-14T09:00:00Z', afterMs: 10_000, toleranceMs: 500 } } }, { t: '2025-03-14T09:00:10.300Z' })).to.equal('');
    expect(m({ t: { $time: { near: '2025-03-14T09:00:00Z', afterMs: 10_000, toleranceMs: 500 } } }, { t: '2025-03-14T09:00:01Z' })).to.equal('t: expected a date-time within 500 ms of 10000 ms after 2025-03-14T09:00:00Z, got "2025-03-14T09:00:01Z"');
  });

  it('$absent and $present', () => {
    expect(m({ reason: { $absent: true } }, {})).to.equal('');
    expect(m({ reason: { $absent: true } }, { reason: 'Local' })).to.equal('reason: expected absent, got "Local"');
    expect(m({ reason: { $present: true } }, {})).to.equal('reason: expected present, got absent');
  });

  it('an unknown operator is a programming error, not a silent pass', () => {
    expect(() => match({ a: { $foo: 1 } }, { a: 1 }, env)).to.throw('unknown matcher operator $foo');
  });

  it('explains itself, one line per leaf', () => {
    expect(explainMatcher({ status: 'Charging', connectorId: { $in: [1, 2] }, meter: { $range: { min: 0 } }, info: { reason: { $absent: true } } })).to.deep.equal([
      'status is "Charging"',
      'connectorId is one of 1, 2',
      'meter is a number of at least 0',
      'info.reason is absent',
    ]);
    expect(explainMatcher({ t: { $time: { toleranceMs: 4000 } }, s: { $anyOf: ['A', { $regex: '^B' }] } })).to.deep.equal(['t is a date-time within 4 s of now', 's is "A" or matches /^B/']);
  });
});
