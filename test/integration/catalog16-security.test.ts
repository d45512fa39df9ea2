import { expect } from 'chai';
import type { FaultName } from '../../src/peers/faults.js';
import { describeCatalogGroup, useReferenceRuns, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * The OCPP 1.6 security whitepaper cases (OCTT §2.24 station under test, §3.21 CSMS under test): each passes
 * against the reference peers and catches the bug it exists for (src/peers/faults/catalog-16-security.ts).
 */
const CATCHES: CatchSpec[] = [
  { id: 'TC_075_1_CS', fault: 'install-certificate-not-stored', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted", certificateHashData contains an element .*\(certificateHashData: expected an array containing an element/ },
  { id: 'TC_075_2_CS', fault: 'install-certificate-not-stored', reason: /^Step 2 failed: .*got CALLRESULT \{"status":"NotFound"\} \(status: expected "Accepted", got "NotFound"/ },
  { id: 'TC_076_CS', fault: 'delete-certificate-ignored', reason: /^Step 3 failed: expected a CALLRESULT where status is "NotFound", or a CALLRESULT where status is "Accepted", certificateHashData is not contains .*\(status: expected "NotFound", got "Accepted"\)$/ },
  { id: 'TC_077_CS', fault: 'invalid-cp-certificate-no-security-event', reason: /^Step 4 failed: expected SecurityEventNotification where type is "InvalidChargePointCertificate".*got nothing matching within 1 s/ },
  { id: 'TC_078_CS', fault: 'invalid-certificate-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\} \(status: expected "Rejected", got "Accepted"\)$/ },
  { id: 'TC_079_CS', fault: 'security-log-no-uploading-status', reason: /^Step 3 failed: expected LogStatusNotification where status is "Uploading".*LogStatusNotification \{"status":"Uploaded".*\(status: expected "Uploading", got "Uploaded"\)/ },
  { id: 'TC_080_CS', fault: 'no-signature-verified-status', reason: /^Step 5 failed: expected SignedFirmwareStatusNotification where status is "SignatureVerified".*\(status: expected "SignatureVerified", got "Installing"\)/ },
  { id: 'TC_081_CS', fault: 'firmware-signature-not-verified', reason: /^Step 5 failed: expected SignedFirmwareStatusNotification where status is "InvalidSignature".*\(status: expected "InvalidSignature", got "SignatureVerified"\)/ },
  { id: 'TC_075_1_CSMS', fault: 'install-certificate-wrong-type', reason: /^Step 2 failed: expected InstallCertificate where certificateType is "ManufacturerRootCertificate".*\(certificateType: expected "ManufacturerRootCertificate", got "CentralSystemRootCertificate"\)$/ },
  { id: 'TC_075_2_CSMS', fault: 'install-certificate-wrong-type', reason: /^Step 2 failed: expected InstallCertificate where certificateType is "CentralSystemRootCertificate".*\(certificateType: expected "CentralSystemRootCertificate", got "ManufacturerRootCertificate"\)$/ },
  { id: 'TC_076_CSMS', fault: 'delete-certificate-wrong-hash-algorithm', reason: /^Step 2 failed: expected DeleteCertificate where certificateHashData\.hashAlgorithm is "SHA256".*\(certificateHashData\.hashAlgorithm: expected "SHA256", got "SHA512"\)$/ },
  { id: 'TC_077_CSMS', fault: 'certificate-signed-not-sent', reason: /^Step 4 failed: expected CertificateSigned where certificateChain matches .*; got nothing within 1 s$/ },
  { id: 'TC_078_CSMS', fault: 'security-event-not-implemented', reason: /^Step 3 failed: expected a CALLRESULT; got CALLERROR NotImplemented "SecurityEventNotification is not implemented"$/ },
  { id: 'TC_079_CSMS', fault: 'log-status-not-implemented', reason: /^Step 3 failed: expected a CALLRESULT; got CALLERROR NotImplemented "LogStatusNotification is not implemented"$/ },
  { id: 'TC_080_CSMS', fault: 'signed-firmware-status-not-implemented', reason: /^Step 3 failed: expected a CALLRESULT; got CALLERROR NotImplemented "SignedFirmwareStatusNotification is not implemented"$/ },
  { id: 'TC_081_CSMS', fault: 'signed-firmware-status-not-implemented', reason: /^Step 3 failed: expected a CALLRESULT; got CALLERROR NotImplemented "SignedFirmwareStatusNotification is not implemented"$/ },
  { id: 'TC_088_CSMS', fault: 'subprotocol-dropped-on-reconnect', reason: /^Step 2 failed: expected the CSMS accepts the connection; got .*Server sent no subprotocol$/ },
];

/**
 * The connection cases need the run at a security profile: the embedded reference peers then use Basic auth (1),
 * TLS with a server certificate from the test data's root (2, plus Basic auth) or mutual TLS (3).
 */
const PASSWORD = 'OCA_OCTT_admin_test_pw';
const atProfile = (securityProfile: 1 | 2 | 3) => ({ ...FAST_REFERENCE, timeouts: { ...FAST_REFERENCE.timeouts, connectMs: 2000 }, securityProfile, credentials: { basicAuthPassword: PASSWORD } });
const CONNECTION_CASES: Record<1 | 2 | 3, string[]> = {
  1: ['TC_073_CS', 'TC_085_CS', 'TC_073_CSMS', 'TC_085_CSMS', 'TC_088_CSMS'],
  2: ['TC_073_CS', 'TC_084_CS', 'TC_085_CS', 'TC_086_CS', 'TC_073_CSMS', 'TC_085_CSMS', 'TC_086_CSMS'],
  3: ['TC_084_CS', 'TC_086_CS', 'TC_087_CS', 'TC_086_CSMS', 'TC_087_CSMS'],
};
const CONNECTION_CATCHES: Array<{ id: string; profile: 1 | 2 | 3; fault: FaultName; reason: RegExp }> = [
  { id: 'TC_073_CS', profile: 1, fault: 'authorization-key-not-applied', reason: /^Step 3 failed: expected the station connects again; got no charging station connected to .* within 2000 ms$/ },
  { id: 'TC_073_CSMS', profile: 1, fault: 'authorization-key-not-remembered', reason: /^Step 4 failed: expected the CSMS accepts the connection; got .*HTTP 401 Unauthorized$/ },
  { id: 'TC_084_CS', profile: 2, fault: 'security-profile-downgrade-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_085_CS', profile: 1, fault: 'basic-auth-wrong-password', reason: /^Step 2 failed: expected BootNotification, .*; got no connection from the station within 1 s/ },
  { id: 'TC_086_CS', profile: 2, fault: 'tls-plain-connection', reason: /^Step 2 failed: expected BootNotification, .*; got no connection from the station within 1 s/ },
  { id: 'TC_087_CS', profile: 3, fault: 'tls-no-client-certificate', reason: /^Step 2 failed: expected BootNotification, .*; got no connection from the station within 1 s/ },
  { id: 'TC_085_CSMS', profile: 1, fault: 'basic-auth-refused-on-reconnect', reason: /^Step 2 failed: expected the CSMS accepts the connection; got .*HTTP 401 Unauthorized$/ },
  { id: 'TC_086_CSMS', profile: 2, fault: 'tls-untrusted-server-certificate', reason: /^Step 2 failed: expected the CSMS accepts the connection; got .*HTTP 502 Bad Gateway$/ },
  { id: 'TC_087_CSMS', profile: 3, fault: 'tls-client-ca-mismatch', reason: /^Step 2 failed: expected the CSMS accepts the connection; got .*HTTP 502 Bad Gateway$/ },
];

describeCatalogGroup({
  title: '1.6 security whitepaper cases (OCTT §2.24, §3.21) against the reference peers',
  cases: [...new Set(CATCHES.map((c) => c.id))],
  catches: [...CATCHES, ...CONNECTION_CATCHES.map(({ profile, ...c }) => ({ ...c, config: atProfile(profile) }))],
});

describe('1.6 security whitepaper connection cases (OCTT §2.24, §3.21) at each security profile', function () {
  this.timeout(60_000);
  const run = useReferenceRuns();

  for (const profile of [1, 2, 3] as const) {
    it(`the connection cases pass at security profile ${profile}: ${CONNECTION_CASES[profile].join(', ')}`, async () => {
      const ids = CONNECTION_CASES[profile];
      const outcome = await run(ids, atProfile(profile));
      expect(outcome.report!.cases.map((c) => c.id).sort()).to.deep.equal([...ids].sort());
      expect(outcome.report!.cases.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.verdict} ${c.reason}`)).to.deep.equal([]);
    });
  }

  it('the embedded default runs the connection cases against reference builds at their security profile: all pass', async () => {
    const ids = [...new Set(Object.values(CONNECTION_CASES).flat())];
    const outcome = await run(ids, FAST_REFERENCE);
    expect(outcome.report!.cases.map((c) => c.id).sort()).to.deep.equal([...ids].sort());
    expect(outcome.report!.cases.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.verdict} ${c.reason}`)).to.deep.equal([]);
  });

  it('at security profile 0 the connection cases are not applicable, and say why', async () => {
    const ids = ['TC_073_CS', 'TC_084_CS', 'TC_085_CS', 'TC_086_CS', 'TC_087_CS', 'TC_073_CSMS', 'TC_085_CSMS', 'TC_086_CSMS', 'TC_087_CSMS'];
    const outcome = await run(ids, { ...FAST_REFERENCE, securityProfile: 0 });
    for (const c of outcome.report!.cases) expect(c.verdict, `${c.id}: ${c.reason}`).to.equal('not-applicable');
    expect(outcome.report!.cases.find((c) => c.id === 'TC_086_CS')!.reason).to.match(/sut\.securityProfile is one of 2, 3/);
  });
});
