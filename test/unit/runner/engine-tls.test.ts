import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { makeCsr } from '../../../src/peers/pki-16.js';
import { CSMS_ROOT_CERT, CSMS_ROOT_KEY } from '../../../src/peers/security-fixtures-16.js';
import type { Step } from '../../../src/runner/case-types.js';
import type { GateAttempt, GatePresentation, StationGate } from '../../../src/runner/station-gate.js';
import { explainStep } from '../../../src/runner/step-explain.js';
import { fixture } from './engine-fixture.js';

/** The certificate and TLS parts of connection steps (engine-tls.ts), over a scripted link with a stand-in gate. */
class FakeGate {
  readonly attempts: GateAttempt[] = [];
  readonly presented: Array<Partial<GatePresentation> | null> = [];
  current: GatePresentation = { securityProfile: 2 };
  client?: Buffer;
  readonly material = { ca: { cert: CSMS_ROOT_CERT, key: CSMS_ROOT_KEY }, server: { cert: '', key: '' }, others: {} };
  readonly address = '127.0.0.1:1';
  async openAlternative(p: Partial<GatePresentation>): Promise<string> {
    this.presented.push({ ...p, alternative: true } as Partial<GatePresentation>);
    return '127.0.0.1:2';
  }
  present(p: Partial<GatePresentation> | null): void {
    this.presented.push(p);
    this.current = p === null ? { securityProfile: 2 } : { ...this.current, ...p };
  }
  endCase(): void {
    this.current = { securityProfile: this.current.securityProfile };
  }
  lastClientCertificate(): Buffer | undefined {
    return this.client;
  }
}

function withGate(gate: FakeGate) {
  const f = fixture({}, { sut: 'cs' });
  (f.link as unknown as { gate: StationGate }).gate = gate as unknown as StationGate;
  return f;
}

describe('engine: certificates and TLS in connection steps', () => {
  it('present: hands the resolved serverSecurity to the gate (templates resolved, the profile as a number); null restores it', async () => {
    const gate = new FakeGate();
    const f = withGate(gate);
    const result = await f.run([
      { set: { p: 2 } },
      { connection: 'present', serverSecurity: { securityProfile: '{{vars.p + 1}}', certificate: 'expired' } } as unknown as Step,
      { connection: 'present', serverSecurity: null } as unknown as Step,
    ]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(gate.presented).to.deep.equal([{ securityProfile: 3, certificate: 'expired' }, null]);
  });

  it('listenAlternative: opens a second endpoint with its own serverSecurity (not the main one) and captures its address', async () => {
    const gate = new FakeGate();
    const f = withGate(gate);
    const result = await f.run([
      { connection: 'listenAlternative', serverSecurity: { certificate: 'newRoot' }, capture: 'alt' } as unknown as Step,
      { connection: 'present', capture: 'main' } as unknown as Step,
      { send: 'DataTransfer', payload: { vendorId: '{{vars.alt}}', data: '{{vars.main}}' } },
    ]);
    expect(gate.presented).to.deep.equal([{ certificate: 'newRoot', alternative: true }]);
    expect(f.link.sent.find((s) => s[2] === 'DataTransfer')![3]).to.deep.equal({ vendorId: '127.0.0.1:2', data: '127.0.0.1:1' });
    expect(result.steps[0].verdict).to.equal('passed');
  });

  it('without a station gate, a step that changes the TLS the station meets is not run, and says why', async () => {
    const f = fixture({}, { sut: 'cs' });
    const result = await f.run([{ connection: 'present', serverSecurity: { certificate: 'untrusted' } } as unknown as Step]);
    expect(result.verdict).to.equal('not-run');
    expect(result.reason).to.match(/cannot change the TLS its stations meet in this setup/);
  });

  it('signCsr: the harness signs the CSR as the gate CA; the certificate carries the CSR key and chains to the CA', async () => {
    const gate = new FakeGate();
    const f = withGate(gate);
    const { csr, publicKeyDer } = makeCsr('CP-1', 'ACME');
    const result = await f.run([{ set: { csr } }, { connection: 'signCsr', csr: '{{vars.csr}}', capture: 'cert' } as unknown as Step, { send: 'CertificateSigned', payload: { certificateChain: '{{vars.cert}}' } }]);
    const sent = f.link.sent.find((s) => s[2] === 'CertificateSigned')![3] as { certificateChain: string };
    const cert = new X509Certificate(sent.certificateChain);
    expect(cert.checkIssued(new X509Certificate(CSMS_ROOT_CERT))).to.equal(true);
    expect(cert.publicKey.export({ type: 'spki', format: 'der' }).equals(publicKeyDer)).to.equal(true);
    expect(result.steps[1].verdict).to.equal('passed');
  });

  it('signCsr: a CSR whose key is too weak (EC under 224 bits) fails the step', async () => {
    const f = withGate(new FakeGate());
    const { csr } = makeCsr('CP-1', 'ACME', 'prime192v1');
    const result = await f.run([{ set: { csr } }, { connection: 'signCsr', csr: '{{vars.csr}}', capture: 'cert' } as unknown as Step]);
    expect(result.reason).to.equal('Step 2 failed: expected a CSR whose key has at least 224 bits (elliptic curve) or 2048 bits (RSA, DSA); got an elliptic curve key of 192 bits (prime192v1)');
  });

  it('signCsr: something that is not a CSR fails the step', async () => {
    const f = withGate(new FakeGate());
    const result = await f.run([{ connection: 'signCsr', csr: 'not a CSR', capture: 'cert' } as unknown as Step]);
    expect(result.verdict).to.equal('failed');
    expect(result.reason).to.match(/^Step 1 failed: expected a certificate signing request the harness can sign/);
  });

  it('expectTlsRefused: passes on a refused TLS attempt, fails when the station completed the handshake', async () => {
    const refused = new FakeGate();
    const f1 = withGate(refused);
    setTimeout(() => refused.attempts.push({ at: Date.now(), tls: true, outcome: 'refused: the station ended the TLS handshake' }), 30);
    expect((await f1.run([{ connection: 'expectTlsRefused' } as unknown as Step])).verdict).to.equal('passed');

    const accepted = new FakeGate();
    accepted.current = { securityProfile: 2, certificate: 'expired' };
    const f2 = withGate(accepted);
    setTimeout(() => accepted.attempts.push({ at: Date.now(), tls: true, outcome: 'forwarded' }), 30);
    const result = await f2.run([{ connection: 'expectTlsRefused' } as unknown as Step]);
    expect(result.verdict).to.equal('failed');
    expect(result.reason).to.equal('Step 1 failed: expected the station ends the TLS handshake when the harness presents security profile 2, the expired server certificate; got the station completed the handshake and connected');
  });

  it('expectTlsRefused: no attempt at all fails within the timeout', async () => {
    const f = withGate(new FakeGate());
    const result = await f.run([{ connection: 'expectTlsRefused', timeoutMs: 100 } as unknown as Step]);
    expect(result.reason).to.match(/^Step 1 failed: expected the station tries a TLS connection within 100 ms .*; got no TLS connection attempt$/);
  });

  it('expectClientCertificate: the client certificate of the last connection must be the one given', async () => {
    const gate = new FakeGate();
    const f = withGate(gate);
    f.link.isOpen = true;
    gate.client = new X509Certificate(CSMS_ROOT_CERT).raw;
    expect((await f.run([{ connection: 'open', expectClientCertificate: CSMS_ROOT_CERT } as unknown as Step])).verdict).to.equal('passed');
    gate.client = undefined;
    const none = await f.run([{ connection: 'open', expectClientCertificate: CSMS_ROOT_CERT } as unknown as Step]);
    expect(none.reason).to.equal('Step 1 failed: expected the station connects with the certificate the harness signed; got a connection without a client certificate');
  });

  it('newCsr then clientCertificate (harness as station): the link gets the certificate with the key of that CSR', async () => {
    const f = fixture({}, { sut: 'csms' });
    const used: Array<[string, string]> = [];
    (f.link as { useClientCertificate?: (cert: string, key: string) => void }).useClientCertificate = (cert: string, key: string) => void used.push([cert, key]);
    const result = await f.run([
      { connection: 'newCsr', csrSubject: { commonName: 'CP-9', organization: 'ACME' }, capture: 'csr' } as unknown as Step,
      { connection: 'close', clientCertificate: 'CERT-PEM' } as unknown as Step,
    ]);
    expect(result.verdict, result.reason).to.equal('passed');
    expect(used).to.have.length(1);
    expect(used[0][0]).to.equal('CERT-PEM');
    expect(used[0][1]).to.match(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('explains the steps in words', () => {
    expect(explainStep({ connection: 'present', serverSecurity: { certificate: 'untrusted', maxTlsVersion: 'TLSv1.1' } } as unknown as Step, 'csms')).to.equal('From now on present (the untrusted server certificate, TLS up to TLSv1.1) to stations that connect');
    expect(explainStep({ connection: 'open', expectClientCertificate: 'x' } as unknown as Step, 'csms')).to.equal('Accept the station connecting (again); the station must present the certificate the harness signed');
    expect(explainStep({ connection: 'signCsr', csr: 'x', capture: 'cert' } as unknown as Step, 'csms')).to.equal("Sign the station's certificate signing request as the harness's certificate authority (vars.cert)");
  });
});

describe('engine: the security profile the harness-as-station connects with', () => {
  it('clientSecurity hands the resolved profile to the link; a link that cannot change it makes the case not run', async () => {
    const f = fixture({}, { sut: 'csms' });
    const profiles: number[] = [];
    (f.link as { setSecurityProfile?: (p: number) => void }).setSecurityProfile = (p: number) => void profiles.push(p);
    const ok = await f.run([{ connection: 'close', clientSecurity: { securityProfile: '{{sut.securityProfile + 1}}' } } as unknown as Step], {});
    expect(ok.verdict, ok.reason).to.equal('passed');
    expect(profiles).to.deep.equal([1]);
    const g = fixture({}, { sut: 'csms' });
    const notRun = await g.run([{ connection: 'close', clientSecurity: { securityProfile: 2 } } as unknown as Step]);
    expect(notRun.verdict).to.equal('not-run');
    expect(notRun.reason).to.match(/cannot change the security profile it connects with/);
  });
});
