import { expect } from 'chai';
import { fixture } from './engine-fixture.js';

const NOTIFY_EVENT_DATA = { eventId: 1, timestamp: new Date().toISOString(), trigger: 'Delta', actualValue: 'Occupied', eventNotificationType: 'HardWiredNotification', component: { name: 'Connector', evse: { id: 1, connectorId: 1 } }, variable: { name: 'AvailabilityState' } };

/** Incoming CALL steps (expect, expectAll, expectOneOf, expectNone) against scripted stations and CSMSs. */
describe('engine: expected CALLs from the SUT', () => {
  it('expect: takes the matching CALL and answers with the templated reply, capturing values', async () => {
    const f = fixture({ onOpen: (sut) => sut.call('StartTransaction', { connectorId: 1, idTag: 'OCPPH-VALID-01', meterStart: 0, timestamp: new Date().toISOString() }) });
    const result = await f.run([
      { expect: 'StartTransaction', payload: { connectorId: 1, idTag: '{{sut.idTags.valid}}' }, reply: { transactionId: 42, idTagInfo: { status: 'Accepted' } }, capture: { meter: 'meterStart' }, captureReply: { tx: 'transactionId' } },
      { set: { seen: '{{vars.tx}}/{{vars.meter}}' } },
    ]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(f.link.answers()[0]).to.deep.equal([3, 's1', { transactionId: 42, idTagInfo: { status: 'Accepted' } }]);
    expect(result.steps[0].description).to.equal('Expect StartTransaction where connectorId is 1, idTag is "OCPPH-VALID-01", answered with {"transactionId":42,"idTagInfo":{"status":"Accepted"}}');
    expect(result.steps[0].frameRefs).to.deep.equal([0, 1]);
  });

  it('expect: a CALL the SUT sent just before closing the connection is taken; the answer it no longer waits for is not an error', async () => {
    const f = fixture({ onOpen: (sut) => sut.callAndHangUp('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Finishing' }) });
    const result = await f.run([{ expect: 'StatusNotification', payload: { status: 'Finishing' } }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(f.link.answers()).to.deep.equal([]);
  });

  it('expect with timing: a background message that came before the mark is passed over, not taken as an early answer', async () => {
    const f = fixture({
      onCall: (action, _p, id, sut) => {
        if (action !== 'TriggerMessage') return;
        // A periodic Heartbeat goes out just before the answer; the triggered one follows it.
        sut.call('Heartbeat', {});
        setTimeout(() => {
          sut.result(id, { status: 'Accepted' });
          sut.call('Heartbeat', {});
        }, 20);
      },
    });
    const result = await f.run([
      { send: 'TriggerMessage', payload: { requestedMessage: 'Heartbeat' }, response: { result: { status: 'Accepted' } }, mark: 'triggered' },
      { expect: 'Heartbeat', timing: { since: 'triggered', maxMs: 1000 } },
    ]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(f.link.answers().map((a) => a[1])).to.deep.equal(['s1', 's2']);
  });

  it('expect: the default reply follows the SUT configuration (valid tag Accepted, unknown tag Invalid)', async () => {
    const f = fixture({
      onOpen: (sut) => sut.call('Authorize', { idTag: 'OCPPH-VALID-01' }),
      onAnswer: (frame, sut) => {
        if (frame[1] === 's1') sut.call('Authorize', { idTag: 'SOMEONE-ELSE' });
      },
    });
    const result = await f.run([{ expect: 'Authorize' }, { expect: 'Authorize' }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(f.link.answers().map((a) => a[2])).to.deep.equal([{ idTagInfo: { status: 'Accepted' } }, { idTagInfo: { status: 'Invalid' } }]);
  });

  it('expect: a non-background CALL with the wrong payload fails the step at once, naming the field', async () => {
    const f = fixture({ onOpen: (sut) => sut.call('Authorize', { idTag: 'WRONG' }) });
    const started = Date.now();
    const result = await f.run([{ expect: 'Authorize', payload: { idTag: '{{sut.idTags.valid}}' } }]);
    expect(result.verdict).to.equal('failed');
    expect(Date.now() - started).to.be.below(250);
    expect(result.reason).to.equal('Step 1 failed: expected Authorize where idTag is "OCPPH-VALID-01"; got Authorize {"idTag":"WRONG"} (idTag: expected "OCPPH-VALID-01", got "WRONG")');
    expect(result.steps[0]).to.include({ verdict: 'failed', expected: 'Authorize where idTag is "OCPPH-VALID-01"' });
    expect(f.link.answers()).to.have.length(1);
  });

  it('expect: background traffic is answered meanwhile and never fails the step', async () => {
    const f = fixture({
      onOpen: (sut) => sut.call('Heartbeat', {}),
      onAnswer: (frame, sut) => {
        if (frame[1] === 's1') sut.call('MeterValues', { connectorId: 1, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '10' }] }] });
        if (frame[1] === 's2') sut.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
      },
    });
    const result = await f.run([{ expect: 'StatusNotification', payload: { status: 'Preparing' } }]);
    expect(result.verdict, result.reason).to.equal('passed');
    const [hb, mv, sn] = f.link.answers();
    expect(hb[2]).to.have.property('currentTime');
    expect(mv[2]).to.deep.equal({});
    expect(sn[2]).to.deep.equal({});
    expect(result.frames).to.have.length(6);
  });

  it('expect: a background CALL with the wrong payload does not fail at once; the timeout reports it', async () => {
    const f = fixture({ onOpen: (sut) => sut.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }) });
    const result = await f.run([{ expect: 'StatusNotification', payload: { status: 'Charging' } }]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps[0].actual).to.equal('nothing matching within 300 ms; meanwhile came StatusNotification {"connectorId":1,"errorCode":"NoError","status":"Available"} (status: expected "Charging", got "Available")');
    expect(result.steps[0].frameRefs).to.deep.equal([0]);
  });

  it('expect: an action the station may not send unprompted fails the step at once (harness as CSMS)', async () => {
    const f = fixture({ onOpen: (sut) => sut.call('StartTransaction', { connectorId: 1, idTag: 'OCPPH-VALID-01', meterStart: 0, timestamp: new Date().toISOString() }) });
    const result = await f.run([{ expect: 'Authorize' }]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps[0].actual).to.match(/^an unexpected StartTransaction \{/);
  });

  it('expect: tolerate lets a named action pass as background', async () => {
    const f = fixture({
      onOpen: (sut) => sut.call('DataTransfer', { vendorId: 'x' }),
      onAnswer: (frame, sut) => {
        if (frame[1] === 's1') sut.call('Authorize', { idTag: 'OCPPH-VALID-01' });
      },
    });
    const result = await f.run([{ expect: 'Authorize', tolerate: ['DataTransfer'] }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(f.link.answers()[0][2]).to.deep.equal({ status: 'UnknownVendorId' });
  });

  it('expect: a CALL that breaks the schema fails the step with the finding and gets a CALLERROR', async () => {
    const f = fixture({ onOpen: (sut) => sut.call('StatusNotification', { connectorId: 1, status: 'Preparing' }) });
    const result = await f.run([{ expect: 'StatusNotification' }]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps[0].findings?.[0]).to.include({ rule: 'schema.required' });
    expect(result.reason).to.contain('errorCode');
    expect(f.link.answers()[0][0]).to.equal(4);
  });

  it('expect: an unparseable frame fails the step and is answered with a CALLERROR when its id can be read', async () => {
    const f = fixture({ onOpen: (sut) => sut.raw('[2,"bad-1","Heartbeat"]') });
    const result = await f.run([{ expect: 'Heartbeat' }]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps[0].findings?.[0].rule).to.equal('frame.arity');
    expect(f.link.answers()[0].slice(0, 3)).to.deep.equal([4, 'bad-1', 'FormationViolation']);
  });

  it('expectAll: takes the messages in either order (StartTransaction and StatusNotification reversed)', async () => {
    const f = fixture({
      onOpen: (sut) => sut.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' }),
      onAnswer: (frame, sut) => {
        if (frame[1] === 's1') sut.call('StartTransaction', { connectorId: 1, idTag: 'OCPPH-VALID-01', meterStart: 0, timestamp: new Date().toISOString() });
      },
    });
    const result = await f.run([{ expectAll: [{ expect: 'StartTransaction', captureReply: { tx: 'transactionId' } }, { expect: 'StatusNotification', payload: { status: 'Charging' } }] }]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(f.link.answers()[1][2]).to.have.property('transactionId', 1);
  });

  it('expectAll: forEach expands one spec per element, and a missing one fails with what is missing', async () => {
    const f = fixture(
      {
        onOpen: (sut) => sut.call('StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available' }),
        onAnswer: (frame, sut) => {
          if (frame[1] === 's1') sut.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
        },
      },
      { config: { connectors: [1, 2] } },
    );
    const result = await f.run([{ expectAll: [{ expect: 'StatusNotification', forEach: 'sut.connectorIdsWithZero', payload: { connectorId: '{{each}}', status: 'Available' } }] }]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps[0].expected).to.equal('StatusNotification where connectorId is 2, status is "Available"');
  });

  it('expectAll: optional messages are taken when they come and not required', async () => {
    const f = fixture({ onOpen: (sut) => sut.call('Authorize', { idTag: 'OCPPH-VALID-01' }) });
    const result = await f.run([{ expectAll: [{ expect: 'Authorize' }, { expect: 'StatusNotification', optional: true }] }]);
    expect(result.verdict, result.reason).to.equal('passed');
  });

  it('expectOneOf: any alternative passes; none fails listing them', async () => {
    const ok = fixture({ onOpen: (sut) => sut.call('NotifyEvent', { generatedAt: new Date().toISOString(), seqNo: 0, eventData: [NOTIFY_EVENT_DATA] }) }, { version: '2.0.1' });
    const alternatives = [{ expect: 'StatusNotification' }, { expect: 'NotifyEvent', payload: { seqNo: 0 } }];
    expect((await ok.run([{ expectOneOf: alternatives, tolerate: ['NotifyEvent'] }])).verdict).to.equal('passed');
    const none = fixture({}, { version: '2.0.1' });
    const result = await none.run([{ expectOneOf: alternatives }]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps[0].expected).to.equal('one of: StatusNotification; or NotifyEvent where seqNo is 0');
    expect(result.steps[0].actual).to.equal('nothing within 300 ms');
  });

  it('expectNone: passes when nothing matching comes, fails naming what came and when', async () => {
    const quiet = fixture({ onOpen: (sut) => sut.call('Heartbeat', {}) });
    expect((await quiet.run([{ expectNone: { action: 'StatusNotification' }, withinMs: 100 }])).verdict).to.equal('passed');
    const noisy = fixture({ onOpen: (sut) => sut.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }) });
    const result = await noisy.run([{ expectNone: { action: 'StatusNotification', payload: { status: 'Available' } }, withinMs: 200 }]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps[0].expected).to.equal('no StatusNotification within 200 ms');
    expect(result.steps[0].actual).to.match(/^StatusNotification \{.*\} after \d+ ms$/);
    expect(noisy.link.answers()).to.have.length(1);
  });

  it('timing: a CALL within the window after a mark passes; one too early fails at once', async () => {
    const script = (delay: number) => ({
      onOpen: (sut: { call: (a: string, p: Record<string, unknown>) => string }) => sut.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }),
      onAnswer: (frame: unknown[], sut: { call: (a: string, p: Record<string, unknown>) => string }) => {
        if (frame[1] === 's1') setTimeout(() => sut.call('Heartbeat', {}), delay);
      },
    });
    const steps = [
      { expect: 'BootNotification', mark: 'booted', reply: { status: 'Accepted', currentTime: '{{now}}', interval: 1 } },
      { expect: 'Heartbeat', timing: { since: 'booted', minMs: 150, maxMs: 600 } },
    ];
    expect((await fixture(script(250)).run(steps)).verdict).to.equal('passed');
    const early = await fixture(script(0)).run(steps);
    expect(early.verdict).to.equal('failed');
    expect(early.steps[1].actual).to.match(/^Heartbeat \{\} \(arrival time: expected arriving 150 ms to 600 ms after booted, got \d+ ms after booted\)$/);
  });

  it('harness as station: other CSMS requests are answered by default meanwhile; the expected one with the wrong content fails at once', async () => {
    const script = (idTag: string) => ({
      onOpen: (sut: { call: (a: string, p: Record<string, unknown>) => string }) => sut.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '60' }),
      onAnswer: (frame: unknown[], sut: { call: (a: string, p: Record<string, unknown>) => string }) => frame[1] === 's1' && sut.call('RemoteStartTransaction', { idTag, connectorId: 1 }),
    });
    const ok = fixture(script('OCPPH-VALID-01'), { sut: 'csms' });
    const passed = await ok.run([{ expect: 'RemoteStartTransaction', payload: { idTag: '{{sut.idTags.valid}}' }, reply: { status: 'Accepted' } }]);
    expect(passed.verdict, passed.reason).to.equal('passed');
    expect(ok.link.answers().map((a) => a[2])).to.deep.equal([{ status: 'Accepted' }, { status: 'Accepted' }]);
    const wrong = await fixture(script(''), { sut: 'csms' }).run([{ expect: 'RemoteStartTransaction', payload: { idTag: '{{sut.idTags.valid}}' }, reply: { status: 'Accepted' } }]);
    expect(wrong.verdict).to.equal('failed');
    expect(wrong.steps[0].actual).to.equal('RemoteStartTransaction {"idTag":"","connectorId":1} (idTag: expected "OCPPH-VALID-01", got "")');
  });
});
