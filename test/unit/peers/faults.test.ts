import { expect } from 'chai';
import { FAULT_NAMES, FAULTS, FaultSet, faultsFor, isFaultName } from '../../../src/peers/faults.js';
import { Timers } from '../../../src/peers/timers.js';

describe('fault switches (faults.ts)', () => {
  it('lists at least a dozen switches across both peers and both versions', () => {
    expect(FAULT_NAMES.length).to.be.at.least(12);
    expect(faultsFor('cs').length).to.be.at.least(6);
    expect(faultsFor('csms').length).to.be.at.least(6);
    for (const v of ['1.6', '2.0.1'] as const) expect(FAULT_NAMES.filter((f) => (FAULTS[f].versions as readonly string[]).includes(v)).length, v).to.be.at.least(10);
    expect(FAULT_NAMES.every((f) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(f))).to.equal(true);
  });

  it('a FaultSet takes only known switches of its own peer', () => {
    const set = new FaultSet('cs', ['wrong-stop-reason']);
    expect(set.has('wrong-stop-reason')).to.equal(true);
    expect(set.has('no-meter-values')).to.equal(false);
    expect(set.list()).to.deep.equal(['wrong-stop-reason']);
    expect(() => new FaultSet('cs', ['gremlins'])).to.throw(/unknown fault "gremlins"/);
    expect(() => new FaultSet('cs', ['boot-wrong-status'])).to.throw(/belongs to the CSMS, not the charging station/);
    expect(isFaultName('no-subprotocol')).to.equal(true);
    expect(isFaultName('constructor')).to.equal(false);
  });
});

describe('Timers (protocol seconds)', () => {
  it('scales protocol seconds, and clearAll leaves nothing running', async () => {
    const timers = new Timers(5);
    const started = Date.now();
    await new Promise<void>((resolve) => timers.after(2, resolve));
    expect(Date.now() - started).to.be.at.least(9);
    let ticks = 0;
    timers.every(1, () => ticks++);
    const cancelled = timers.after(1, () => expect.fail('cancelled timer ran'));
    cancelled.cancel();
    await new Promise<void>((resolve) => timers.afterMs(30, resolve));
    timers.clearAll();
    const seen = ticks;
    expect(seen).to.be.at.least(2);
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect(ticks).to.equal(seen);
  });
});
