import { expect } from 'chai';
import type { Side, Version } from '../../../src/types.js';
import { actionsOf, maySend } from '../../../src/ocpp/actions.js';
import { validatePayload } from '../../../src/ocpp/schema-validator.js';
import { defaultAnswer, tagStatus } from '../../../src/runner/default-replies.js';

/** Every default answer the harness gives is valid per the version's response schema (or a CALLERROR). */
describe('default replies', () => {
  const idTags = { valid: { idToken: 'V' }, blocked: { idToken: 'B' }, expired: { idToken: 'E' }, invalid: { idToken: 'I' } };
  const samples: Record<string, Record<string, unknown>> = {
    Authorize: { idTag: 'V', idToken: { idToken: 'B', type: 'ISO14443' } },
    StartTransaction: { idTag: 'E' },
    GetConfiguration: { key: ['A'] },
    SetVariables: { setVariableData: [{ component: { name: 'C' }, variable: { name: 'V' }, attributeValue: '1' }] },
    GetVariables: { getVariableData: [{ component: { name: 'C' }, variable: { name: 'V' } }] },
  };
  for (const version of ['1.6', '2.0.1', '2.1'] as Version[]) {
    for (const harness of ['cs', 'csms'] as Side[]) {
      it(`OCPP ${version}, harness as ${harness === 'cs' ? 'station' : 'CSMS'}: every action the SUT may send gets a valid answer`, () => {
        const sut: Side = harness === 'cs' ? 'csms' : 'cs';
        let answered = 0;
        for (const action of actionsOf(version).filter((a) => maySend(version, a, sut))) {
          const a = defaultAnswer(action, samples[action] ?? {}, { version, harness, now: Date.now(), heartbeatIntervalS: 60, idTags, nextTransactionId: () => 1 });
          if ('error' in a) {
            expect(a.error.code).to.equal('NotSupported');
            continue;
          }
          answered++;
          const errors = validatePayload(version, action, 'response', a.payload).filter((f) => f.severity === 'error');
          expect(errors, `${action}: ${JSON.stringify(a.payload)}`).to.deep.equal([]);
        }
        expect(answered).to.be.greaterThan(5);
      });
    }
  }

  it('authorization follows the configured tags: valid Accepted, blocked, expired, unknown Invalid', () => {
    expect(['V', 'B', 'E', 'I', 'nobody'].map((t) => tagStatus(idTags, t))).to.deep.equal(['Accepted', 'Blocked', 'Expired', 'Invalid', 'Invalid']);
    const ctx = { version: '2.0.1' as Version, harness: 'csms' as Side, now: 0, heartbeatIntervalS: 60, idTags, nextTransactionId: () => 1 };
    expect(defaultAnswer('TransactionEvent', { idToken: { idToken: 'B', type: 'ISO14443' } }, ctx)).to.deep.equal({ payload: { idTokenInfo: { status: 'Blocked' } } });
    expect(defaultAnswer('BootNotification', {}, ctx)).to.deep.equal({ payload: { status: 'Accepted', currentTime: '1970-01-01T00:00:00.000Z', interval: 60 } });
  });
});
