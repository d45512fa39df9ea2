import { expect } from 'chai';
import { explainStep } from '../../../src/runner/step-explain.js';

/** Each step kind explains itself in words: that text is the report's step description. */
describe('step explanations', () => {
  const r = (v: unknown) => JSON.parse(JSON.stringify(v).replace('{{sut.connectorId}}', '1').replace('"{{sut.heartbeatIntervalS}}"', '300'));
  it('send, expect, expectAll, expectOneOf, expectNone', () => {
    expect(explainStep({ ref: '5-6', send: 'RemoteStartTransaction', payload: { connectorId: '{{sut.connectorId}}' }, response: [{ result: { status: 'Accepted' } }, { error: { code: 'NotSupported' } }] }, 'csms', r)).to.equal(
      '[5-6] Send RemoteStartTransaction {"connectorId":"1"}; expect a CALLRESULT where status is "Accepted", or a CALLERROR with code "NotSupported"',
    );
    expect(explainStep({ expect: 'Heartbeat', timing: { since: 'accepted', expectedS: '{{sut.heartbeatIntervalS}}', toleranceMs: 4000 } }, 'csms', r)).to.equal('Expect Heartbeat, arriving 300 s (± 4 s) after accepted');
    expect(explainStep({ expectAll: [{ expect: 'StartTransaction', replyError: { code: 'InternalError' } }, { oneOf: [{ expect: 'StatusNotification' }, { expect: 'NotifyEvent' }], optional: true }] }, 'csms')).to.equal(
      'Expect, in any order: StartTransaction, answered with CALLERROR InternalError; (optional) either StatusNotification or NotifyEvent',
    );
    expect(explainStep({ expectNone: { action: 'StatusNotification', payload: { status: 'Faulted' } }, withinMs: 5000 }, 'csms')).to.equal('Expect no StatusNotification where status is "Faulted" within 5 s');
  });

  it('wait, connection, action, use, set, with when and forEach', () => {
    expect(explainStep({ wait: 1500 }, 'csms')).to.equal('Wait 1500 ms, answering background traffic');
    expect(explainStep({ connection: 'open' }, 'cs')).to.equal('Connect to the CSMS');
    expect(explainStep({ connection: 'open' }, 'csms')).to.equal('Accept the station connecting (again)');
    expect(explainStep({ connection: 'close', refuseReconnect: true }, 'csms')).to.equal('Close the connection and refuse reconnects');
    expect(explainStep({ action: 'reboot' }, 'csms')).to.equal('Manual action: Power cycle the charging station (it reboots and connects again) (reboot)');
    expect(explainStep({ use: 'Authorized', params: { idTag: 'X' }, when: { feature: 'LocalAuth' } }, 'csms')).to.equal('Reusable state Authorized with {"idTag":"X"} (when feature LocalAuth is declared)');
    expect(explainStep({ set: { n: 1 }, forEach: 'sut.connectorIds', note: 'why' }, 'csms')).to.equal('Set vars.n = 1 (for each element of sut.connectorIds) (why)');
  });
});
