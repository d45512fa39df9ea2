import { expect } from 'chai';
import { connect } from 'node:net';
import type { ActionAdapter } from '../../../src/runner/action-adapter.js';
import { AttemptQueue } from '../../../src/runner/connection-attempts.js';
import { UnresponsiveListener } from '../../../src/runner/unresponsive-listener.js';
import { fixture } from './engine-fixture.js';

/** Unanswered CALLs (noReply), expectNone in protocol seconds, reconnection timing and connection attempts. */
const TX = { eventType: 'Updated', timestamp: new Date().toISOString(), triggerReason: 'MeterValuePeriodic', seqNo: 3, transactionInfo: { transactionId: 'T1' } };

/** A scripted station that comes back `ms` after the harness closed; the harness's open waits for it, as a listener does. */
function stationReconnectsAfter(ms: number) {
  const f = fixture({ onClosed: (sut) => setTimeout(() => sut.reconnect(), ms) }, { config: { msPerSecond: 100 } });
  const dial = f.link.open.bind(f.link);
  let first = true;
  f.link.open = async () => {
    if (first) return void (first = false, await dial());
    await new Promise<void>((resolve) => f.session.waitOpen(Date.now() + 2000).then(() => resolve()));
  };
  return f;
}

describe('engine: unanswered CALLs and connection timing', () => {
  it('noReply: the CALL is taken and left unanswered, also after the step (no background answer)', async () => {
    const f = fixture({ onOpen: (sut) => sut.call('TransactionEvent', TX) }, { version: '2.0.1' });
    const result = await f.run([{ expect: 'TransactionEvent', noReply: true }, { wait: 300 }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(f.link.answers()).to.deep.equal([]);
    expect(result.steps[0].description).to.equal('Expect TransactionEvent, left unanswered');
  });

  it('expectNone withinS: the window is protocol seconds (msPerSecond) plus the tolerance; a CALL inside it fails the step', async () => {
    const f = fixture({ onOpen: (sut) => setTimeout(() => sut.call('TransactionEvent', TX), 250) }, { version: '2.0.1', config: { msPerSecond: 100 } });
    const result = await f.run([{ expectNone: { action: 'TransactionEvent', payload: { seqNo: 3 } }, withinS: '{{sut.heartbeatIntervalS * 0}}' }]);
    // 0 s + 200 ms tolerance: the CALL at 250 ms comes after the window.
    expect(result.verdict, result.reason).to.equal('passed');
    const g = fixture({ onOpen: (sut) => setTimeout(() => sut.call('TransactionEvent', TX), 250) }, { version: '2.0.1', config: { msPerSecond: 100 } });
    const caught = await g.run([{ expectNone: { action: 'TransactionEvent', payload: { seqNo: 3 } }, withinS: 1 }]);
    expect(caught.verdict).to.equal('failed');
    expect(caught.reason).to.match(/^Step 1 failed: expected no TransactionEvent within 300 ms; got TransactionEvent .* after \d+ ms$/);
    expect(caught.steps[0].description).to.equal('Expect no TransactionEvent where seqNo is 3 within 1 s');
  });

  it('open with timing: the reconnection must come no sooner than minS (less the tolerance) after the close; captureS keeps the measured time', async () => {
    const f = stationReconnectsAfter(400);
    const result = await f.run([
      { connection: 'close', mark: 'closed' },
      { connection: 'open', timing: { since: 'closed', minS: 3, captureS: 'tookS' } },
      { set: { took: '{{vars.tookS}}' } },
    ]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(result.steps[1].description).to.equal('Accept the station connecting (again), coming at least 3 s (within the tolerance) after closed');
    expect(result.steps[2].description).to.match(/^Set vars\.took = 4(\.\d+)?$/);
    const early = stationReconnectsAfter(20);
    const failed = await early.run([
      { connection: 'close', mark: 'closed' },
      { connection: 'open', timing: { since: 'closed', minS: 5 } },
    ]);
    expect(failed.verdict).to.equal('failed');
    expect(failed.reason).to.match(/^Step 2 failed: expected a connection coming at least 5 s \(within the tolerance\) after closed; got the station connected \d+ ms after closed$/);
  });

  it('expectAttempt: takes refused attempts from the link with timing on the first and a mark at the last; too few fail the step', async () => {
    const f = fixture({}, { config: { msPerSecond: 100 } });
    const attempts = new AttemptQueue();
    Object.assign(f.link, { refusedAttempts: attempts });
    await f.link.open();
    setTimeout(() => attempts.push(), 150);
    setTimeout(() => attempts.push(), 200);
    const result = await f.run([
      { connection: 'close', refuseReconnect: true, mark: 'closed' },
      { connection: 'expectAttempt', count: 2, timing: { since: 'closed', minS: 1, maxS: 2 }, mark: 'second' },
      { connection: 'expectAttempt', timeoutMs: 100 },
    ]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps.map((s) => s.verdict)).to.deep.equal(['passed', 'passed', 'failed']);
    expect(result.steps[1].description).to.equal('Expect 2 connection attempts from the station which the harness refuses, coming 1 s to 2 s (within the tolerance) after closed');
    expect(result.reason).to.equal('Step 3 failed: expected a connection attempt from the station while the harness refuses connections; got no attempt');
  });

  it('listenUnresponsive: a second address that drops connections; expectAttempt on it counts them; it closes with the case', async () => {
    let where = '';
    const dialler: ActionAdapter = {
      name: 'dialler',
      unavailable: () => undefined,
      perform: async (r) => {
        where = String(r.params.to);
        const [host, port] = where.split(':');
        for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => connect(Number(port), host).on('close', () => resolve()).on('error', () => undefined));
      },
    };
    const f = fixture({}, { adapters: [dialler] });
    await f.link.open();
    const result = await f.run([
      { connection: 'listenUnresponsive', capture: 'where' },
      { action: 'dial', params: { to: '{{vars.where}}' } },
      { connection: 'expectAttempt', on: 'unresponsive', count: 2, timeoutMs: 2000 },
    ]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(where).to.match(/^127\.0\.0\.1:\d+$|^localhost:\d+$/);
    const refused = await new Promise<string>((resolve) => {
      const [host, port] = where.split(':');
      connect(Number(port), host).on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error')).on('connect', () => resolve('connected'));
    });
    expect(refused).to.equal('ECONNREFUSED');
  });

  it('wait with seconds: the value is protocol seconds, scaled by msPerSecond', async () => {
    const f = fixture({}, { config: { msPerSecond: 100 } });
    const started = Date.now();
    const result = await f.run([{ set: { interval: 3 } }, { wait: '{{vars.interval}}', seconds: true }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(Date.now() - started).to.be.within(290, 1000);
    expect(result.steps[1].description).to.equal('Wait 3 s, answering background traffic');
  });

  it('UnresponsiveListener: every TCP connection is dropped unanswered and queued with its time', async () => {
    const listener = await UnresponsiveListener.listen('127.0.0.1');
    try {
      const [host, port] = listener.address.split(':');
      const closed = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), host);
        let got = '';
        socket.on('data', (d) => (got += d.toString()));
        socket.on('error', () => resolve(`error ${got}`));
        socket.on('close', () => resolve(`closed ${got}`));
      });
      expect(closed.trim()).to.match(/^(closed|error)$/);
      expect(await listener.attempts.next(Date.now() + 500)).to.be.a('number');
      expect(await listener.attempts.next(Date.now() + 50)).to.equal(undefined);
    } finally {
      await listener.close();
    }
  });
});
