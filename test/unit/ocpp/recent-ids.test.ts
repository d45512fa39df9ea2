import { expect } from 'chai';
import { RecentIds } from '../../../src/ocpp/recent-ids.js';

describe('RecentIds (the ids a side used lately)', () => {
  it('remembers the last N ids and forgets the oldest first', () => {
    const ids = new RecentIds(3);
    for (const id of ['a', 'b', 'c']) ids.add(id);
    expect(['a', 'b', 'c'].map((id) => ids.has(id))).to.deep.equal([true, true, true]);
    ids.add('d');
    expect(['a', 'b', 'c', 'd'].map((id) => ids.has(id))).to.deep.equal([false, true, true, true]);
  });

  it('keeps an id used twice in the window until its later use leaves it too', () => {
    const ids = new RecentIds(3);
    for (const id of ['a', 'x', 'a']) ids.add(id);
    ids.add('y');
    expect(ids.has('a'), 'the first use left, the second is still there').to.equal(true);
    ids.add('z');
    ids.add('w');
    expect(ids.has('a')).to.equal(false);
  });
});
