import { certificateHashData, parseCertificate } from '../peers/certificates-16.js';
import { makeCsr } from '../peers/pki-16.js';
import { generate } from 'selfsigned';
import { CSMS_ROOT_CERT, CSMS_ROOT_KEY, EXPIRED_ROOT_CERT, FIRMWARE_LOCATION, FIRMWARE_SIGNATURE, FIRMWARE_SIGNING_CERT } from '../peers/security-fixtures-16.js';
import type { ResolvedSut, SutConfigFile } from './sut-config.js';

/**
 * What the SUT configurations of the reference peers declare for the 1.6 security whitepaper cases (OCTT §2.24,
 * §3.21): the security profiles the peers support, and OCTT's configured test data as `settings.security16`
 * (the root certificate "from the store" with the hash data the harness calculates for it, an expired
 * certificate, the signed firmware with its location, signing certificate and signature, the log location, a certificate signing request for the harness-as-station).
 */
export const REFERENCE_SECURITY_16_FEATURES = ['SecurityProfile1', 'SecurityProfile2', 'SecurityProfile3'];

export function referenceSecurity16Settings(): Record<string, unknown> {
  const root = parseCertificate(CSMS_ROOT_CERT)!;
  return {
    rootCertificate: CSMS_ROOT_CERT,
    rootCertificateHash: certificateHashData(root, 'SHA256'),
    expiredCertificate: EXPIRED_ROOT_CERT,
    firmwareLocation: FIRMWARE_LOCATION,
    firmwareSigningCertificate: FIRMWARE_SIGNING_CERT,
    firmwareSignature: FIRMWARE_SIGNATURE,
    invalidFirmwareSignature: Buffer.from('not the signature of this firmware').toString('base64'),
    logLocation: 'ftp://logs.example/security',
    // The password the CSMS under test is told to set (OCTT's value for TC_073_CS: "OCA_OCTT_admin_test" hex encoded).
    newAuthorizationKey: '4F43415F4F4354545F61646D696E5F74657374',
    // A signing request of the harness-as-station (a fresh key pair per run).
    csr: makeCsr('HARNESS-CS-001', 'ocpp-harness').csr,
  };
}

/**
 * Builds of the 1.6 reference peers at security profiles 1, 2 and 3 (test data password): the embedded default runs
 * the connection cases (Basic auth, TLS, client certificates) each against a build that connects that way.
 */
const REFERENCE_PASSWORD = 'OCPP-harness-reference-key';
export const REFERENCE_SECURITY_16_VARIANTS = ([1, 2, 3] as const).flatMap((securityProfile) =>
  (['cs', 'csms'] as const).map((role) => ({
    name: `security profile ${securityProfile}`,
    version: '1.6' as const,
    role,
    features: (f: readonly string[]) => [...f],
    config: { securityProfile, credentials: { basicAuthPassword: REFERENCE_PASSWORD } } satisfies Partial<SutConfigFile>,
  })),
);

/** A 1.6 reference configuration with the security features and test data added (other features and settings kept). */
export function withSecurity16(config: SutConfigFile): SutConfigFile {
  if (config.version !== '1.6') return config;
  return { ...config, features: [...(config.features ?? []), ...REFERENCE_SECURITY_16_FEATURES], settings: { ...config.settings, security16: referenceSecurity16Settings() } };
}

/**
 * The embedded reference peers at the security profile the SUT configuration names (A00 of the whitepaper):
 * 1 Basic auth (credentials.basicAuthPassword), 2 TLS with a server certificate issued by the test data's
 * Central System root (which the client trusts) plus Basic auth, 3 mutual TLS, the client certificate issued by
 * the same root for the station's identity. What each side of the embedded run needs.
 */
export interface ReferenceConnectionSecurity {
  /** Basic auth password (profiles 1 and 2). */
  password?: string;
  /** What the listening side presents (profiles 2 and 3), and for profile 3 the CA client certificates must chain to. */
  server?: { cert: string; key: string; clientCa?: string };
  /** What the dialling side uses: the CA it trusts and, for profile 3, its client certificate. */
  client?: { ca: string; cert?: string; key?: string };
}

export async function referenceConnectionSecurity(sut: ResolvedSut, faults: readonly string[] = []): Promise<ReferenceConnectionSecurity> {
  const profile = sut.securityProfile;
  if (profile === 0) return {};
  const password = profile <= 2 ? sut.credentials?.basicAuthPassword : undefined;
  if (profile === 1) return { password };
  const ca = { cert: CSMS_ROOT_CERT, key: CSMS_ROOT_KEY };
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  const security: ReferenceConnectionSecurity = { password, server: { cert: server.cert, key: server.private }, client: { ca: CSMS_ROOT_CERT } };
  if (profile === 3) {
    // The fault: the station was given a certificate for another station's serial number (TC_A_07_CS catches it).
    const commonName = faults.includes('client-certificate-wrong-name') ? `OTHER-${sut.serialNumber ?? sut.identity}` : (sut.serialNumber ?? sut.identity);
    const client = await generate([{ name: 'commonName', value: commonName }, { name: 'organizationName', value: sut.vendor }], {
      keyType: 'ec',
      algorithm: 'sha256',
      ca,
      extensions: [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true }, { name: 'extKeyUsage', clientAuth: true }],
    });
    security.server!.clientCa = CSMS_ROOT_CERT;
    security.client = { ca: CSMS_ROOT_CERT, cert: client.cert, key: client.private };
  }
  return security;
}
