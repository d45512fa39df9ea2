import { expect } from 'chai';
import { PendingCalls } from '../../../src/ocpp/pending-calls.js';

const call = (action: string, at = 0) => ({ action, at });
const ids = (p: PendingCalls) => [...p].map(([id]) => id);

describe('PendingCalls (a side\'s CALLs waiting for an answer)', () => {
  it('keeps CALLs oldest first, however many, and forgets the answered ones', () => {
    const p = new PendingCalls();
    expect([p.size, p.oldest()]).to.deep.equal([0, undefined]);
    p.set('a', call('Heartbeat'));
    expect([p.size, ids(p), p.get('a')?.action, p.get('b')]).to.deep.equal([1, ['a'], 'Heartbeat', undefined]);
    p.set('b', call('Authorize'));
    p.set('c', call('StatusNotification'));
    expect([p.size, ids(p), p.oldest()?.[0]]).to.deep.equal([3, ['a', 'b', 'c'], 'a']);
    p.delete('a');
    p.delete('nope');
    expect([p.size, ids(p), p.get('c')?.action]).to.deep.equal([2, ['b', 'c'], 'StatusNotification']);
    p.delete('b');
    p.delete('c');
    p.set('d', call('Heartbeat'));
    expect([p.size, ids(p)]).to.deep.equal([1, ['d']]);
  });

  it('a CALL set again under the same id keeps its place and takes the new value', () => {
    for (const many of [false, true]) {
      const p = new PendingCalls();
      p.set('a', call('Heartbeat', 1));
      if (many) p.set('b', call('Authorize', 2));
      p.set('a', call('Heartbeat', 3));
      expect(ids(p)).to.deep.equal(many ? ['a', 'b'] : ['a']);
      expect(p.get('a')?.at).to.equal(3);
    }
  });

  it('may be changed while it is being walked', () => {
    const p = new PendingCalls();
    for (const id of ['a', 'b', 'c']) p.set(id, call('Heartbeat'));
    const seen: string[] = [];
    for (const [id] of p) {
      seen.push(id);
      p.delete(id);
    }
    expect([seen, p.size]).to.deep.equal([['a', 'b', 'c'], 0]);
  });
});
