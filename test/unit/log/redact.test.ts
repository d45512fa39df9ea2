import { expect } from 'chai';
import { REDACTED, redactAuthorization, redactFrameRecord, redactFrameText, redactHeaders, scrubText, secretsIn } from '../../../src/log/redact.js';
import type { FrameRecord } from '../../../src/types.js';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';

function record(raw: string, extra: Partial<FrameRecord> = {}): FrameRecord {
  return { ts: '2024-01-01T00:00:00.000Z', station: 'CP1', conn: 'c1', dir: 'csms->cs', raw, type: 'CALL', version: '1.6', valid: true, errors: [], ...extra };
}

describe('redact', () => {
  describe('redactFrameText', () => {
    it('returns a frame without secrets unchanged (same string)', () => {
      const raw = '[2, "1",  "Heartbeat", {}]';
      expect(redactFrameText(raw)).to.equal(raw);
    });

    it('hides the 1.6 AuthorizationKey value and keeps every other byte', () => {
      const raw = '[2,"42","ChangeConfiguration", {"key": "AuthorizationKey", "value": "s3cr3t-key-0001"}]';
      const out = redactFrameText(raw);
      expect(out).to.equal(`[2,"42","ChangeConfiguration", {"key": "AuthorizationKey", "value": "${REDACTED}"}]`);
    });

    it('matches the key name case-insensitively (1.6 keys are CiString)', () => {
      const out = redactFrameText('[2,"1","ChangeConfiguration",{"value":"abcdef123456","key":"authorizationKEY"}]');
      expect(out).not.to.include('abcdef123456');
    });

    it('hides AuthorizationKey in a GetConfiguration answer', () => {
      const out = redactFrameText('[3,"1",{"configurationKey":[{"key":"AuthorizationKey","readonly":false,"value":"leakyvalue99"}]}]');
      expect(out).not.to.include('leakyvalue99');
    });

    it('hides the 2.x BasicAuthPassword attributeValue in SetVariables', () => {
      const raw = JSON.stringify([2, 'a', 'SetVariables', { setVariableData: [
        { attributeValue: 'pw-0123456789abcdef', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } },
        { attributeValue: '300', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
      ] }]);
      const out = redactFrameText(raw);
      expect(out).not.to.include('pw-0123456789abcdef');
      expect(out).to.include('"300"');
      expect(JSON.parse(out)[3].setVariableData[0].attributeValue).to.equal(REDACTED);
    });

    it('hides password fields of a network connection profile', () => {
      const raw = JSON.stringify([2, 'a', 'SetNetworkProfile', { configurationSlot: 1, connectionData: { apn: { apn: 'x', apnPassword: 'apn-pass-77' }, vpn: { server: 's', user: 'u', password: 'vpn-pass-88', key: 'vpn-key-99', type: 'IPSec' } } }]);
      const out = redactFrameText(raw);
      for (const s of ['apn-pass-77', 'vpn-pass-88', 'vpn-key-99']) expect(out).not.to.include(s);
    });

    it('hides PEM private keys anywhere, even in escaped JSON and cut off', () => {
      const raw = JSON.stringify([2, 'a', 'DataTransfer', { vendorId: 'x', data: `cert and ${PEM}` }]);
      const out = redactFrameText(raw);
      expect(out).not.to.include('MIIEvQIBADAN');
      expect(out).to.include('-----BEGIN PRIVATE KEY-----');
      const cut = redactFrameText('[2,"a","DataTransfer",{"vendorId":"x","data":"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIabc"}]');
      expect(cut).not.to.include('MHcCAQEEIabc');
      expect(() => JSON.parse(cut)).not.to.throw();
    });

    it('hides secrets in a frame embedded as a JSON string', () => {
      const inner = JSON.stringify({ key: 'AuthorizationKey', value: 'nested-secret-1' });
      const out = redactFrameText(JSON.stringify([2, 'a', 'DataTransfer', { vendorId: 'x', data: inner }]));
      expect(out).not.to.include('nested-secret-1');
    });

    it('falls back to field names when the frame is not JSON', () => {
      const out = redactFrameText('[2,"1","ChangeConfiguration",{"key":"AuthorizationKey","value":"broken-json-secret"');
      expect(out).not.to.include('broken-json-secret');
    });
  });

  it('secretsIn and scrubText remove values quoted in finding messages, also truncated', () => {
    const long = 'x'.repeat(80);
    const raw = JSON.stringify([2, '1', 'ChangeConfiguration', { key: 'AuthorizationKey', value: long }]);
    expect(secretsIn(raw)).to.deep.equal([long]);
    const message = `value must be short, got ${JSON.stringify(long).slice(0, 57)}...`;
    expect(scrubText(message, secretsIn(raw))).not.to.include('xxxxxxxxxx');
  });

  it('redactFrameRecord redacts binary frames and drops rawBytes of a secret frame', () => {
    const text = '[2,"1","ChangeConfiguration",{"key":"AuthorizationKey","value":"bin-secret-42"}]';
    const bin = redactFrameRecord(record(Buffer.from(text).toString('base64'), { binary: true }));
    expect(Buffer.from(bin.raw, 'base64').toString()).not.to.include('bin-secret-42');
    const withBytes = redactFrameRecord({ ...record(text), rawBytes: Buffer.from(text).toString('base64'), errors: [{ rule: 'schema.type', severity: 'error', path: '', message: 'got "bin-secret-42"' }] });
    expect(JSON.stringify(withBytes)).not.to.include('bin-secret-42');
    expect(withBytes.rawBytes).to.equal(undefined);
    const plain = record('[2,"1","Heartbeat",{}]');
    expect(redactFrameRecord(plain)).to.equal(plain);
  });

  describe('redactHeaders', () => {
    it('keeps the Basic user and hides the password', () => {
      const h = { authorization: `Basic ${Buffer.from('CP001:hunter2hunter2').toString('base64')}`, 'user-agent': 'x' };
      const out = redactHeaders(h);
      expect(out.authorization).to.equal(`Basic CP001:${REDACTED}`);
      expect(out['user-agent']).to.equal('x');
    });

    it('hides other schemes, tokens without a colon and cookies', () => {
      expect(redactAuthorization('Bearer abc.def')).to.equal(`Bearer ${REDACTED}`);
      expect(redactAuthorization(`Basic ${Buffer.from('nocolon').toString('base64')}`)).to.equal(`Basic ${REDACTED}`);
      expect(redactHeaders({ Cookie: 'sid=1' }).Cookie).to.equal(REDACTED);
    });
  });
});
