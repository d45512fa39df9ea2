import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * Certificates and TLS changed in the middle of a case (OCTT 1.6 security TC_074/TC_083, 2.0.1 A and B security
 * cases), both roles: every case passes against the reference peers (through the proxy, the station behind the
 * harness's station gate; the embedded default picks the reference build at the security profile each case needs),
 * and fails against them with the fault it exists to catch, naming the broken expectation.
 */
const CASES = ['TC_074_CS', 'TC_074_CSMS', 'TC_083_CS', 'TC_083_CSMS', 'TC_A_19_CSMS', 'TC_A_05_CS', 'TC_A_06_CS', 'TC_A_07_CS', 'TC_A_07_CSMS', 'TC_A_08_CSMS', 'TC_A_11_CS', 'TC_A_11_CSMS', 'TC_A_14_CS', 'TC_A_14_CSMS', 'TC_A_15_CS', 'TC_A_19_CS', 'TC_A_20_CS', 'TC_A_21_CS', 'TC_A_23_CS', 'TC_B_50_CS', 'TC_M_23_CS'];

/** The embedded default runs TC_083_CS from profile 1 (its first fitting build); from profile 2 it renews the station's certificate first and raises it to 3. */
/** TC_A_19_CS likewise: from profile 2 it renews the Charging Station certificate and raises the station to 3. */
const PROFILE_2_201 = { ...FAST_REFERENCE, securityProfile: 2 as const, credentials: { basicAuthPassword: 'OCPP-harness-reference-key-201' } };
const PROFILE_2 = { ...FAST_REFERENCE, securityProfile: 2 as const, credentials: { basicAuthPassword: 'OCPP-harness-reference-key' } };

const CATCHES: CatchSpec[] = [
  { id: 'TC_074_CS', fault: 'new-client-certificate-not-used', reason: /^Step 6 failed: expected the station connects with the certificate the harness signed; got a connection with another client certificate/ },
  { id: 'TC_074_CSMS', fault: 'csms-signs-with-untrusted-ca', reason: /^Step 7 failed: expected the CSMS accepts the connection; got .*HTTP 502 Bad Gateway$/ },
  { id: 'TC_083_CS', fault: 'security-profile-not-applied', reason: /^Step 4 failed: expected the station connects again; got no charging station connected to .* within 5000 ms$/ },
  { id: 'TC_083_CS', fault: 'security-profile-not-applied', reason: /^Step 4 failed: expected the station connects again; got no charging station connected to .* within 5000 ms$/, config: PROFILE_2 },
  { id: 'TC_A_05_CS', fault: 'tls-server-certificate-not-verified', reason: /^Step 1\[1\] failed: expected the station ends the TLS handshake when the harness presents security profile 2, the untrusted server certificate; got the station completed the handshake and connected$/ },
  { id: 'TC_A_05_CS', fault: 'invalid-csms-certificate-not-reported', reason: /^Step 4 failed: expected SecurityEventNotification where type is "InvalidCsmsCertificate"; got nothing matching/ },
  { id: 'TC_A_06_CS', fault: 'tls-old-version-accepted', reason: /^Step 1 failed: expected the station ends the TLS handshake when the harness presents security profile 2, TLS up to TLSv1\.1; got the station completed the handshake and connected$/ },
  { id: 'TC_A_07_CS', fault: 'client-certificate-wrong-name', reason: /^Step 2 failed: expected a client certificate where .*; got \{"commonName":"OTHER-REF-CS-001"/ },
  { id: 'TC_A_07_CSMS', fault: 'csms201-client-certificate-refused', reason: /^Step 2 failed: expected the CSMS accepts the connection; got .*HTTP 502 Bad Gateway$/ },
  { id: 'TC_A_08_CSMS', fault: 'csms201-client-certificate-name-not-checked', reason: /^Step 2\[3\] failed: expected the CSMS refuses the connection; got the connection was established$/ },
  { id: 'TC_A_11_CS', fault: 'csr-weak-key', reason: /^Step RenewChargingStationCertificate\.3 failed: expected a CSR whose key has at least 224 bits \(elliptic curve\) or 2048 bits \(RSA, DSA\); got an elliptic curve key of 192 bits/ },
  { id: 'TC_A_11_CSMS', fault: 'csms-signs-with-untrusted-ca', reason: /^Step 6 failed: expected a certificate signed by CN=ocpp-harness Central System Root CA.*; got one issued by CN=ocpp-harness Manufacturer Root CA/ },
  { id: 'TC_A_11_CSMS', fault: 'csms201-certificate-signed-wrong-type', reason: /^Step 5 failed: expected CertificateSigned .*\(certificateType: expected "ChargingStationCertificate", got "V2GCertificate"\)$/ },
  { id: 'TC_A_14_CS', fault: 'invalid-station-certificate-accepted', reason: /^Step 4 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_A_14_CSMS', fault: 'csms201-sign-certificate-rejected', reason: /^Step 4 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Rejected"\}/ },
  { id: 'TC_A_15_CS', fault: 'sign-certificate-trigger-not-implemented', reason: /^Step 1 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"NotImplemented"\}/ },
  { id: 'TC_A_19_CS', fault: 'security-profile-not-applied', reason: /^Step 5 failed: expected BootNotification, .*; got no connection from the station within 1 s/ },
  { id: 'TC_A_19_CS', fault: 'security-profile-not-applied', reason: /^Step 5 failed: expected BootNotification, .*; got no connection from the station within 1 s/, config: PROFILE_2_201 },
  { id: 'TC_A_19_CS', fault: 'network-priority-keeps-lower-profiles', reason: /^Step 8 failed: .*getVariableResult\.0\.attributeValue: expected not matches .*, got "2,0"/ },
  { id: 'TC_A_20_CS', fault: 'security-upgrade-without-csms-root', reason: /^Step 2 failed: .*\(setVariableResult\.0\.attributeStatus: expected "Rejected", got "RebootRequired"\)$/ },
  { id: 'TC_083_CSMS', fault: 'csms-accepts-lower-profile-after-upgrade', reason: /^Step 10 failed: expected the CSMS refuses the connection; got the connection was established$/ },
  { id: 'TC_A_19_CSMS', fault: 'csms-accepts-lower-profile-after-upgrade', reason: /^Step 11 failed: expected the CSMS refuses the connection; got the connection was established$/ },
  { id: 'TC_A_21_CS', fault: 'security-upgrade-without-station-certificate', reason: /^Step 2 failed: .*\(setVariableResult\.0\.attributeStatus: expected "Rejected", got "RebootRequired"\)$/ },
  { id: 'TC_A_23_CS', fault: 'sign-certificate-not-resent', reason: /^Step 3 failed: expected SignCertificate .*arriving 5 s \(± 250 ms\) after first.*; got nothing matching/ },
  { id: 'TC_B_50_CS', fault: 'installed-csms-root-not-trusted', reason: /^Step 5 failed: expected BootNotification, .*; got no connection from the station within 1 s/ },
  { id: 'TC_M_23_CS', fault: 'station-certificate-deletable', reason: /^Step 2 failed: expected a CALLRESULT where status is one of "NotFound", "Failed"; got CALLRESULT \{"status":"Accepted"\}/ },
];

describeCatalogGroup({ title: 'Certificates and TLS changed mid-case (1.6 TC_074/083, 2.0.1 A/B security) against the reference peers', cases: CASES, catches: CATCHES, passWith: [{ cases: ['TC_083_CS'], config: PROFILE_2 }, { cases: ['TC_A_19_CS'], config: PROFILE_2_201 }] });
