import { expect } from 'chai';
import type { ActionAdapter, ActionRequest } from '../../../src/runner/action-adapter.js';
import { ActionSkippedError } from '../../../src/runner/action-adapter.js';
import type { ReusableState } from '../../../src/runner/case-types.js';
import { FAST, fixture } from './engine-fixture.js';
import type { ScriptedLink, ScriptedSut } from './scripted-link.js';

/** Flow steps (wait, connection, action, set, use, when, forEach), verdicts other than passed/failed, and holding. */
class RecordingAdapter implements ActionAdapter {
  readonly name = 'test adapter';
  readonly done: ActionRequest[] = [];
  constructor(
    private readonly can: string[],
    private readonly act: (r: ActionRequest) => Promise<void> | void = () => undefined,
    /** Like a person at the prompt or a rig behind a hook. */
    private readonly slow = false,
  ) {}
  takesItsTime(): boolean {
    return this.slow;
  }
  unavailable(action: string): string | undefined {
    return this.can.includes(action) ? undefined : `cannot ${action}`;
  }
  async perform(r: ActionRequest): Promise<void> {
    this.done.push(r);
    await this.act(r);
  }
}

const BOOTED: ReusableState = {
  state: 'Booted',
  version: '1.6',
  sut: 'csms',
  params: { vendor: '{{sut.vendor}}' },
  steps: [
    { send: 'BootNotification', payload: { chargePointVendor: '{{params.vendor}}', chargePointModel: 'M' }, response: { result: { status: 'Accepted' } } },
    { forEach: 'sut.connectorIdsWithZero', send: 'StatusNotification', payload: { connectorId: '{{each}}', errorCode: 'NoError', status: 'Available' } },
  ],
};

const csmsScript = {
  onCall: (action: string, _p: unknown, id: string, sut: { result: (id: string, p: Record<string, unknown>) => void }) =>
    sut.result(id, action === 'BootNotification' ? { status: 'Accepted', currentTime: new Date().toISOString(), interval: 10 } : action === 'Heartbeat' ? { currentTime: new Date().toISOString() } : {}),
};

describe('engine: flow steps and verdicts', () => {
  it('use: expands a reusable state with parameters, numbering its steps by the state name; forEach repeats a step', async () => {
    const f = fixture(csmsScript, { sut: 'csms', states: [BOOTED], config: { vendor: 'ACME' } });
    const result = await f.run([{ use: 'Booted', params: { vendor: 'Other' } }, { use: 'Booted' }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(result.steps.map((s) => s.index)).to.deep.equal(['Booted.1', 'Booted.2[1]', 'Booted.2[2]', 'Booted#2.1', 'Booted#2.2[1]', 'Booted#2.2[2]']);
    const boots = f.link.sent.filter((s) => s[2] === 'BootNotification').map((s) => (s[3] as { chargePointVendor: string }).chargePointVendor);
    expect(boots).to.deep.equal(['Other', 'ACME']);
    expect(f.link.sent.filter((s) => s[2] === 'StatusNotification').map((s) => (s[3] as { connectorId: number }).connectorId)).to.deep.equal([0, 1, 0, 1]);
  });

  it('use: a failing step inside a state names the state and its step; the rest of the case is skipped', async () => {
    const f = fixture({ onCall: (_a, _p, id, sut) => sut.result(id, { status: 'Rejected', currentTime: new Date().toISOString(), interval: 10 }) }, { sut: 'csms', states: [BOOTED] });
    const result = await f.run([{ use: 'Booted' }, { send: 'Heartbeat', payload: {} }]);
    expect(result.verdict).to.equal('failed');
    expect(result.reason).to.match(/^Step Booted\.1 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Rejected",.*\} \(status: expected "Accepted", got "Rejected"\)$/);
    expect(result.steps.map((s) => [s.index, s.verdict])).to.deep.equal([
      ['Booted.1', 'failed'],
      ['Booted.2', 'skipped'],
      ['2', 'skipped'],
    ]);
  });

  it('when: a step whose condition does not hold is skipped with the reason; prerequisites make a case not-applicable', async () => {
    const f = fixture(csmsScript, { sut: 'csms', config: { features: ['LocalAuthList'], configuration: { AuthorizeRemoteTxRequests: 'true' } } });
    const result = await f.run([
      { when: { feature: 'Reservation' }, send: 'Heartbeat', payload: {} },
      { when: { path: 'sut.configuration.AuthorizeRemoteTxRequests', match: 'true' }, send: 'Heartbeat', payload: {} },
    ]);
    expect(result.steps.map((s) => s.verdict)).to.deep.equal(['skipped', 'passed']);
    expect(result.steps[0].actual).to.equal('condition not met: feature Reservation is declared');
    const na = await f.run([{ send: 'Heartbeat', payload: {} }], { prerequisites: { features: ['Reservation', 'LocalAuthList'], description: 'The Charge Point supports reservations' } });
    expect(na.verdict).to.equal('not-applicable');
    expect(na.reason).to.equal('the SUT configuration does not declare feature "Reservation" (The Charge Point supports reservations)');
    const byProfile = await fixture(csmsScript, { sut: 'csms', config: { profiles: ['Core'] } }).run([{ send: 'Heartbeat', payload: {} }], { profile: 'Smart Charging' });
    expect(byProfile.verdict).to.equal('not-applicable');
    expect(byProfile.reason).to.equal('the SUT configuration does not declare profile "Smart Charging"');
  });

  it('action: performed through the adapter with resolved parameters; the traffic it causes is taken by the next step', async () => {
    let link!: ScriptedLink;
    const adapter = new RecordingAdapter(['plugIn'], () => void link.sut.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' }));
    const f = fixture({}, { adapters: [adapter] });
    link = f.link;
    const result = await f.run([{ action: 'plugIn', params: { connectorId: '{{sut.connectorId}}' } }, { expect: 'StatusNotification', payload: { status: 'Preparing' } }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(adapter.done.map((r) => [r.action, r.params, r.caseId])).to.deep.equal([['plugIn', { connectorId: 1 }, 'TC_900_CS']]);
    expect(result.steps[0].description).to.equal('Manual action: Plug the cable in on both the EV and the station side (plugIn {"connectorId":1})');
  });

  it('action: a person who takes longer than a step waits does not fail the step; its time starts once the action is done', async () => {
    const personTakes = FAST.expectMs * 3;
    const plugIn = (link: () => ScriptedLink, slow: boolean) =>
      new RecordingAdapter(
        ['plugIn'],
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              void link().sut.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
              resolve();
            }, personTakes),
          ),
        slow,
      );
    const steps = [{ action: 'plugIn' }, { expect: 'StatusNotification', payload: { status: 'Preparing' } }];
    const person = fixture({}, { adapters: [plugIn(() => person.link, true)] });
    const result = await person.run(steps);
    expect(result.verdict, result.reason).to.equal('passed');
    // An action at the harness's pace (a reference peer) gets no such grace: the step's usual wait applies.
    const peer = fixture({}, { adapters: [plugIn(() => peer.link, false)] });
    const hurried = await peer.run(steps);
    expect(hurried.verdict).to.equal('failed');
    expect(hurried.reason).to.match(/^Step 2 failed: expected StatusNotification where status is "Preparing"; got nothing within 300 ms/);
    // Once the person is done, a station that stays silent still fails the step after its usual wait.
    const silent = fixture({}, { adapters: [new RecordingAdapter(['plugIn'], () => new Promise((resolve) => setTimeout(resolve, personTakes)), true)] });
    const nothing = await silent.run(steps);
    expect(nothing.verdict).to.equal('failed');
    expect(nothing.reason).to.match(/got nothing within 300 ms/);
  });

  it('action: with no adapter able to do it, the case is not-run and the reason names the action', async () => {
    const result = await fixture({}, { adapters: [new RecordingAdapter(['plugIn'])] }).run([{ action: 'reboot', prompt: 'Power cycle the Charge Point' }, { expect: 'BootNotification' }]);
    expect(result.verdict).to.equal('not-run');
    expect(result.reason).to.equal('Step 1: manual action "reboot" (Power cycle the Charge Point) cannot be carried out: test adapter: cannot reboot');
    expect(result.steps.map((s) => s.verdict)).to.deep.equal(['skipped', 'skipped']);
  });

  it('action: an adapter that fails gives an error; a person who skips at the prompt gives not-run', async () => {
    const failing = await fixture({}, { adapters: [new RecordingAdapter(['plugIn'], () => Promise.reject(new Error('connector 1 is already plugged in')))] }).run([{ action: 'plugIn' }]);
    expect(failing.verdict).to.equal('error');
    expect(failing.reason).to.equal('Step 1: manual action "plugIn" (Plug the cable in on both the EV and the station side) failed: connector 1 is already plugged in');
    const slowSkip = new RecordingAdapter(['plugIn'], () => new Promise((_, reject) => setTimeout(() => reject(new ActionSkippedError('skipped')), 30)));
    const skipped = await fixture({}, { adapters: [slowSkip] }).run([{ action: 'plugIn' }, { expect: 'StatusNotification' }]);
    expect(skipped.verdict).to.equal('not-run');
    expect(skipped.reason).to.equal('Step 2: manual action "plugIn" (Plug the cable in on both the EV and the station side) was skipped at the prompt');
  });

  it('wait: a CALL answered during a wait still counts for the expect step right after it, but not after a send or for a special reply', async () => {
    const status = { connectorId: 1, errorCode: 'NoError', status: 'Available' };
    const station = {
      onOpen: (sut: ScriptedSut) => void sut.call('StatusNotification', status),
      onCall: (_a: string, _p: unknown, id: string, sut: ScriptedSut) => sut.result(id, { status: 'Accepted' }),
    };
    const right = fixture(station);
    const after = await right.run([{ wait: 200 }, { expect: 'StatusNotification', payload: { status: 'Available' } }]);
    expect(after.verdict, after.reason).to.equal('passed');
    expect(right.link.answers().length, 'answered once, during the wait').to.equal(1);
    // After a send, an earlier message is not a reaction to it.
    const sent = await fixture(station).run([{ wait: 200 }, { send: 'ClearCache', payload: {} }, { expect: 'StatusNotification', payload: { status: 'Available' } }]);
    expect(sent.verdict).to.equal('failed');
    expect(sent.reason).to.match(/^Step 3 failed: .*got nothing within 300 ms/);
    // A step that wants its own reply cannot use a CALL that already had the default one.
    const authorize = { onOpen: (sut: ScriptedSut) => void sut.call('Authorize', { idTag: 'OCPPH-VALID-01' }) };
    const special = await fixture(authorize).run([{ wait: 200 }, { expect: 'Authorize', reply: { idTagInfo: { status: 'Blocked' } } }]);
    expect(special.verdict).to.equal('failed');
  });

  it('a CALL that arrives while no step waits is held for the next step; past holdMs it is answered in the background', async () => {
    const held = fixture({ onOpen: (sut) => sut.call('Authorize', { idTag: 'OCPPH-VALID-01' }) });
    const taken = await held.run([{ set: { x: 1 } }, { expect: 'Authorize', reply: { idTagInfo: { status: 'Blocked' } } }]);
    expect(taken.verdict, taken.reason).to.equal('passed');
    expect(held.link.answers()[0][2]).to.deep.equal({ idTagInfo: { status: 'Blocked' } });
    const late = fixture({ onOpen: (sut) => sut.call('Authorize', { idTag: 'OCPPH-VALID-01' }) });
    const missed = await late.run([{ send: 'ClearCache', payload: {}, timeoutMs: 250 }]);
    expect(missed.steps[0].actual).to.equal('no response to ClearCache within 250 ms');
    expect(late.link.answers()[0][2]).to.deep.equal({ idTagInfo: { status: 'Accepted' } });
  });

  it('a step description shows the generated value the step then uses ({{seq}} is not used up by the description)', async () => {
    const f = fixture({});
    const result = await f.run([{ set: { reservationId: '{{seq}}' } }, { send: 'CancelReservation', payload: { reservationId: '{{vars.reservationId}}' }, timeoutMs: 50 }]);
    const sent = f.link.sent.find((fr) => fr[2] === 'CancelReservation')!;
    const id = (sent[3] as { reservationId: number }).reservationId;
    expect(result.steps[0].description).to.equal(`Set vars.reservationId = ${id}`);
  });

  it('a held CALL whose connection closed is not answered on the next connection', async () => {
    const f = fixture({});
    await f.link.open();
    // Between cases a CALL arrives and is held; the connection drops and comes back before anyone answers it.
    const id = f.link.sut.call('Heartbeat', {});
    f.link.sut.hangUp(1006);
    f.link.sut.reconnect();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(f.link.conn).to.equal('conn-2');
    f.session.startCase();
    expect(f.link.answers().filter((a) => a[1] === id), 'answers to the CALL of the closed connection').to.deep.equal([]);
  });

  it('a protocol violation between steps fails the step during which it arrived', async () => {
    const f = fixture({ onOpen: (sut) => sut.raw('[3,"nobody-asked",{}]') });
    const result = await f.run([{ wait: 50 }]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps[0].findings?.[0].rule).to.equal('rpc.unknown-id');
  });

  it('wait: answers background traffic and passes', async () => {
    const f = fixture({ onOpen: (sut) => sut.call('Heartbeat', {}) });
    const result = await f.run([{ wait: '{{sut.heartbeatIntervalS / 10}}' }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(result.steps[0].description).to.equal('Wait 30 ms, answering background traffic');
    expect(f.link.answers()).to.have.length(1);
  });

  it('connection: expectClose passes when the SUT closes, fails when it stays open; close/open reconnect', async () => {
    const closing = fixture({ onCall: (_a, _p, id, sut) => (sut.result(id, { status: 'Accepted' }), sut.hangUp(1000)) });
    expect((await closing.run([{ send: 'Reset', payload: { type: 'Hard' } }, { connection: 'expectClose', timeoutMs: 200 }])).verdict).to.equal('passed');
    const open = await fixture({}).run([{ connection: 'expectClose', timeoutMs: 50 }]);
    expect(open.verdict).to.equal('failed');
    expect(open.steps[0]).to.include({ expected: 'the station closes the connection within 50 ms', actual: 'the connection stayed open' });
    const station = fixture(csmsScript, { sut: 'csms' });
    const re = await station.run([{ connection: 'close' }, { connection: 'open' }, { send: 'Heartbeat', payload: {} }]);
    expect(re.verdict, re.reason).to.equal('passed');
    expect(station.link.conn).to.equal('conn-2');
  });

  it('an unreachable SUT gives error with the reason, and the case is not started', async () => {
    const f = fixture({}, { sut: 'csms' });
    f.link.failOpen = 'cannot connect to the CSMS at ws://127.0.0.1:1/CS: ECONNREFUSED';
    const result = await f.run([{ send: 'Heartbeat', payload: {} }]);
    expect(result.verdict).to.equal('error');
    expect(result.reason).to.equal('cannot connect to the CSMS at ws://127.0.0.1:1/CS: ECONNREFUSED');
    expect(result.steps.map((s) => [s.index, s.verdict])).to.deep.equal([['connect', 'error']]);
  });

  it('cleanup runs every step after a failure and does not change the verdict', async () => {
    const f = fixture(csmsScript, { sut: 'csms' });
    const result = await f.run([{ send: 'Heartbeat', payload: {}, response: { result: { currentTime: { $absent: true } } } }, { send: 'Heartbeat', payload: {} }], {
      cleanup: [{ send: 'Authorize', payload: { idTag: '{{vars.missing}}' } }, { send: 'Heartbeat', payload: {} }],
    });
    expect(result.verdict).to.equal('failed');
    expect(result.steps.map((s) => [s.index, s.verdict])).to.deep.equal([
      ['1', 'failed'],
      ['2', 'skipped'],
      ['cleanup.1', 'error'],
      ['cleanup.2', 'passed'],
    ]);
    expect(result.steps[2].actual).to.contain('{{vars.missing}} has no value: vars has no "missing" (no earlier step captured it)');
  });

  it('before a case, a freshly connected station boots: its BootNotification is answered; other first messages are left for the case', async () => {
    const booting = fixture({ onOpen: (sut) => sut.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }), onAnswer: (frame, sut) => frame[1] === 's1' && sut.call('Authorize', { idTag: 'OCPPH-VALID-01' }) }, { awaitBoot: true });
    const result = await booting.run([{ expect: 'Authorize' }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(booting.link.answers()[0][2]).to.include({ status: 'Accepted', interval: 300 });
    expect(result.frames.map((f) => f.action)).to.deep.equal(['BootNotification', 'BootNotification', 'Authorize', 'Authorize']);
    const reconnected = fixture({ onOpen: (sut) => sut.call('StartTransaction', { connectorId: 1, idTag: 'OCPPH-VALID-01', meterStart: 0, timestamp: new Date().toISOString() }) }, { awaitBoot: true });
    const started = Date.now();
    expect((await reconnected.run([{ expect: 'StartTransaction' }])).verdict).to.equal('passed');
    expect(Date.now() - started).to.be.below(150);
  });

  it('before a case, a station that is slow to boot (past holdMs, within connectMs) still has its boot answered, not taken by the case', async () => {
    // FAST: holdMs 200, connectMs 300.
    const slow = fixture({ onOpen: (sut) => setTimeout(() => sut.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }), 250), onAnswer: (frame, sut) => frame[1] === 's1' && sut.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }) }, { awaitBoot: true });
    const result = await slow.run([{ expect: 'BootNotification', reply: { status: 'Rejected', currentTime: '{{now}}', interval: 5 } }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(slow.link.answers().map((a) => (a[2] as { status: string }).status)).to.deep.equal(['Accepted', 'Rejected']);
  });

  it('strict: after a reboot in the case, anything before the expected BootNotification fails the step', async () => {
    let booted = false;
    const script = (statusFirst: boolean) => ({
      onCall: (_a: string, _p: unknown, id: string, sut: ScriptedLink['sut']) => {
        sut.result(id, { status: 'Accepted' });
        sut.hangUp(1012);
        setTimeout(() => sut.reconnect(), 10);
      },
      onOpen: (sut: ScriptedLink['sut']) => {
        if (!booted) return void (booted = true);
        if (statusFirst) sut.call('StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available' });
        sut.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
      },
    });
    const steps = [{ send: 'Reset', payload: { type: 'Hard' } }, { expect: 'BootNotification', strict: true }];
    expect((await fixture(script(false)).run(steps)).verdict).to.equal('passed');
    booted = false;
    const early = await fixture(script(true)).run(steps);
    expect(early.verdict).to.equal('failed');
    expect(early.steps[1].actual).to.equal('an unexpected StatusNotification {"connectorId":0,"errorCode":"NoError","status":"Available"}');
  });
});
