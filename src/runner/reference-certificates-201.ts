import { sign } from 'node:crypto';
import { certificateHashData, parseCertificate } from '../peers/certificates-16.js';
import { CSMS_ROOT_2_CERT, CSMS_ROOT_CERT, EXPIRED_ROOT_CERT, FIRMWARE_SIGNING_CERT, FIRMWARE_SIGNING_KEY, firmwareImage, MANUFACTURER_ROOT_CERT } from '../peers/security-fixtures-16.js';
import { CSMS_ROOT_3_CERT } from '../peers/security-fixtures-201.js';
import type { SutConfigFile } from './sut-config.js';

/**
 * OCTT's configured test data for the OCPP 2.0.1 certificate management cases (Part 6 §2.14, memory state
 * CertificateInstalled, reusable state GetInstalledCertificates) as `settings.certificates201`: the certificates
 * the harness installs with the hash data it calculates itself (SHA256), an expired certificate, and the hash
 * data of a certificate the station does not have.
 */
export function referenceCertificates201Settings(): Record<string, unknown> {
  const hash = (pem: string) => certificateHashData(parseCertificate(pem)!, 'SHA256');
  return {
    // The root of the harness's own server certificate (the connection depends on it: TC_A_19_CS installs it before raising the profile).
    serverRootCertificate: CSMS_ROOT_CERT,
    csmsRootCertificate: CSMS_ROOT_2_CERT,
    csmsRootCertificateHash: hash(CSMS_ROOT_2_CERT),
    // The CSMS root the station had before (the one its connection depends on; Root 2 is not signed by it: TC_M_09_CS).
    oldCsmsRootCertificate: CSMS_ROOT_CERT,
    oldCsmsRootCertificateHash: hash(CSMS_ROOT_CERT),
    // A new CSMS root that the old one signed (AdditionalRootCertificateCheck passes: TC_M_30/31_CS).
    signedCsmsRootCertificate: CSMS_ROOT_3_CERT,
    signedCsmsRootCertificateHash: hash(CSMS_ROOT_3_CERT),
    // The same certificate's hash data in each algorithm (a station may list it with any: TC_M_20_CSMS).
    csmsRootCertificateHashes: Object.fromEntries((['SHA256', 'SHA384', 'SHA512'] as const).map((a) => [a, certificateHashData(parseCertificate(CSMS_ROOT_2_CERT)!, a)])),
    manufacturerRootCertificate: MANUFACTURER_ROOT_CERT,
    manufacturerRootCertificateHash: hash(MANUFACTURER_ROOT_CERT),
    expiredCertificate: EXPIRED_ROOT_CERT,
    expiredCertificateHash: hash(EXPIRED_ROOT_CERT),
    // Not a root the station has: the firmware signing certificate (issued by the manufacturer root).
    unknownCertificateHash: certificateHashData(parseCertificate(FIRMWARE_SIGNING_CERT)!, 'SHA256', parseCertificate(MANUFACTURER_ROOT_CERT)!),
  };
}

/**
 * OCTT's configured test data for the 2.0.1 secure firmware update cases (Part 6 §2.13) as `settings.firmware201`:
 * the firmware location with the signing certificate (issued by the manufacturer root) and the signature over the
 * image the reference station "downloads" from it; a real signature of other content; a certificate that does not
 * chain to the manufacturer root; a location whose firmware is signed correctly but does not install; the offsets
 * (seconds) for a scheduled download or installation.
 */
export function referenceFirmware201Settings(): Record<string, unknown> {
  const signed = (content: Buffer) => sign('sha256', content, FIRMWARE_SIGNING_KEY).toString('base64');
  const location = 'https://firmware.example/reference-cs-2.0.1-signed.bin';
  const invalidLocation = 'https://firmware.example/reference-cs-2.0.1-corrupt.bin';
  return {
    location,
    signingCertificate: FIRMWARE_SIGNING_CERT,
    signature: signed(firmwareImage(location)),
    invalidSignature: signed(Buffer.from('another firmware image')),
    invalidSigningCertificate: CSMS_ROOT_2_CERT,
    invalidLocation,
    invalidLocationSignature: signed(firmwareImage(invalidLocation)),
    downloadOffsetS: 1,
    installOffsetS: 1,
  };
}

/**
 * A 2.0.1 reference configuration (either role) with the certificate and firmware test data added (other settings
 * kept): what the harness sends to a station under test, or what the operator of a CSMS under test configures it
 * to send (and the harness-as-station reports as installed).
 */
export function withCertificates201(config: SutConfigFile): SutConfigFile {
  if (config.version !== '2.0.1') return config;
  return { ...config, settings: { ...config.settings, certificates201: referenceCertificates201Settings(), firmware201: referenceFirmware201Settings() } };
}
