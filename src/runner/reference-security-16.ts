import { certificateHashData, parseCertificate } from '../peers/certificates-16.js';
import { makeCsr } from '../peers/pki-16.js';
import { CSMS_ROOT_CERT, EXPIRED_ROOT_CERT, FIRMWARE_LOCATION, FIRMWARE_SIGNATURE, FIRMWARE_SIGNING_CERT } from '../peers/security-fixtures-16.js';
import type { SutConfigFile } from './sut-config.js';

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
    // A signing request of the harness-as-station (a fresh key pair per run).
    csr: makeCsr('HARNESS-CS-001', 'ocpp-harness').csr,
  };
}

/** A 1.6 reference configuration with the security features and test data added (other features and settings kept). */
export function withSecurity16(config: SutConfigFile): SutConfigFile {
  if (config.version !== '1.6') return config;
  return { ...config, features: [...(config.features ?? []), ...REFERENCE_SECURITY_16_FEATURES], settings: { ...config.settings, security16: referenceSecurity16Settings() } };
}
