import { expect } from 'chai';
import { fixture } from './engine-fixture.js';

/** The harness sends a CALL and checks the response (harness as CSMS and as station). */
describe('engine: CALLs the harness sends', () => {
  it('send: passes on a matching CALLRESULT and captures from it', async () => {
    const f = fixture({ onCall: (action, _p, id, sut) => action === 'GetConfiguration' && sut.result(id, { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '60' }] }) });
    const result = await f.run([
      { send: 'GetConfiguration', payload: { key: ['HeartbeatInterval'] }, response: { result: { configurationKey: { $contains: { key: 'HeartbeatInterval' } } } }, capture: { hb: 'configurationKey.0.value' } },
      { send: 'ChangeConfiguration', payload: { key: 'HeartbeatInterval', value: '{{vars.hb}}' }, timeoutMs: 50 },
    ]);
    expect(result.steps[0].verdict).to.equal('passed');
    expect(f.link.sent[1]).to.deep.include.members([{ key: 'HeartbeatInterval', value: '60' }]);
    expect(result.steps[0].description).to.equal('Send GetConfiguration {"key":["HeartbeatInterval"]}; expect a CALLRESULT where configurationKey contains an element that is an object where key is "HeartbeatInterval"');
  });

  it('send: a CALLRESULT with the wrong value fails, naming the field and both values', async () => {
    const f = fixture({ onCall: (_a, _p, id, sut) => sut.result(id, { status: 'Rejected' }) });
    const result = await f.run([{ send: 'RemoteStartTransaction', payload: { idTag: 'T1' }, response: { result: { status: 'Accepted' } } }]);
    expect(result.verdict).to.equal('failed');
    expect(result.reason).to.equal('Step 1 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT {"status":"Rejected"} (status: expected "Accepted", got "Rejected")');
    expect(result.steps[0].frameRefs).to.deep.equal([0, 1]);
  });

  it('send: a CALLERROR passes where the case allows it as an alternative, and fails where it does not', async () => {
    const script = { onCall: (_a: string, _p: unknown, id: string, sut: { error: (id: string, code: string, d?: string) => void }) => sut.error(id, 'NotSupported', 'no reservations here') };
    const allowed = await fixture(script).run([{ send: 'ReserveNow', payload: { connectorId: 1, expiryDate: '{{now+1h}}', idTag: 'T', reservationId: 1 }, response: [{ result: { status: 'Rejected' } }, { error: { code: { $in: ['NotSupported', 'NotImplemented'] } } }] }]);
    expect(allowed.verdict, allowed.reason).to.equal('passed');
    const refused = await fixture(script).run([{ send: 'ReserveNow', payload: { connectorId: 1, expiryDate: '{{now+1h}}', idTag: 'T', reservationId: 1 }, response: { result: { status: 'Accepted' } } }]);
    expect(refused.verdict).to.equal('failed');
    expect(refused.steps[0].actual).to.equal('CALLERROR NotSupported "no reservations here"');
  });

  it('send: no response within the timeout fails the step', async () => {
    const result = await fixture({}).run([{ send: 'ClearCache', payload: {}, timeoutMs: 60 }]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps[0]).to.include({ expected: 'a CALLRESULT', actual: 'no response to ClearCache within 60 ms' });
  });

  it('send: a response that breaks the schema fails with the protocol core finding', async () => {
    const f = fixture({ onCall: (_a, _p, id, sut) => sut.result(id, { status: 'Maybe' }) });
    const result = await f.run([{ send: 'ClearCache', payload: {} }]);
    expect(result.verdict).to.equal('failed');
    expect(result.steps[0].findings?.[0]).to.include({ rule: 'schema.enum', path: '/status' });
    expect(result.reason).to.match(/^Step 1 failed: expected a CALLRESULT, valid per the ClearCache response schema; got the response to ClearCache: \[schema\.enum\] \/status/);
  });

  it('send (harness as station): the CSMS answers BootNotification; a CSMS that hangs up gives an error, not a failure', async () => {
    const ok = fixture({ onCall: (_a, _p, id, sut) => sut.result(id, { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }) }, { sut: 'csms' });
    const passed = await ok.run([{ send: 'BootNotification', payload: { chargePointVendor: '{{sut.vendor}}', chargePointModel: '{{sut.model}}' }, response: { result: { status: 'Accepted', currentTime: { $time: {} } } } }]);
    expect(passed.verdict, passed.reason).to.equal('passed');
    expect(ok.link.sent[0][3]).to.deep.equal({ chargePointVendor: 'ocpp-harness', chargePointModel: 'harness-station' });
    const rude = fixture({ onCall: (_a, _p, _id, sut) => sut.hangUp(1011) }, { sut: 'csms' });
    const errored = await rude.run([{ send: 'BootNotification', payload: { chargePointVendor: 'V', chargePointModel: 'M' } }, { expect: 'GetConfiguration' }]);
    expect(errored.verdict).to.equal('error');
    expect(errored.reason).to.equal('Step 1: the connection closed while waiting for the response to BootNotification');
  });

  it('send (harness as CSMS): waits for a rebooting station to come back before sending', async () => {
    let first = true;
    const f = fixture({
      onOpen: (sut) => {
        if (!first) return;
        first = false;
        sut.hangUp();
        setTimeout(() => sut.reconnect(), 30);
      },
      onCall: (_a, _p, id, sut) => sut.result(id, { status: 'Accepted' }),
    });
    const result = await f.run([{ wait: 10 }, { send: 'ClearCache', payload: {}, response: { result: { status: 'Accepted' } } }]);
    expect(result.verdict, result.reason).to.equal('passed');
  });
});
