import { V16, type FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6 security whitepaper, both roles (OCTT §2.24, 3.21). */
export const CATALOG_16_SECURITY_FAULTS = {
  // Charging station.
  'install-certificate-not-stored': { peer: 'cs', versions: V16, description: 'Answers InstallCertificate Accepted but does not store the certificate, so GetInstalledCertificateIds does not list it.' },
  'delete-certificate-ignored': { peer: 'cs', versions: V16, description: 'Answers DeleteCertificate Accepted but keeps the certificate installed.' },
  'invalid-certificate-accepted': { peer: 'cs', versions: V16, description: 'Installs an expired or invalid root certificate, answers Accepted and raises no InvalidCentralSystemCertificate security event.' },
  'invalid-cp-certificate-no-security-event': { peer: 'cs', versions: V16, description: 'Rejects an invalid CertificateSigned certificate without sending the InvalidChargePointCertificate security event.' },
  'firmware-signature-not-verified': { peer: 'cs', versions: V16, description: 'Installs signed firmware without verifying its signature (reports SignatureVerified for an invalid one).' },
  'no-signature-verified-status': { peer: 'cs', versions: V16, description: 'Skips the SignatureVerified status: reports Installing right after Downloaded.' },
  'security-log-no-uploading-status': { peer: 'cs', versions: V16, description: 'Uploads a log without reporting LogStatusNotification Uploading first (only Uploaded).' },
  // CSMS.
  'security-event-not-implemented': { peer: 'csms', versions: V16, description: 'Answers SecurityEventNotification with a CALLERROR NotImplemented.' },
  'signed-firmware-status-not-implemented': { peer: 'csms', versions: V16, description: 'Answers SignedFirmwareStatusNotification with a CALLERROR NotImplemented.' },
  'log-status-not-implemented': { peer: 'csms', versions: V16, description: 'Answers LogStatusNotification with a CALLERROR NotImplemented.' },
  'certificate-signed-not-sent': { peer: 'csms', versions: V16, description: 'Answers SignCertificate Accepted but never sends the signed certificate (CertificateSigned).' },
  'install-certificate-wrong-type': { peer: 'csms', versions: V16, description: 'Sends InstallCertificate with the other root certificate type than the one it was asked to install.' },
  'delete-certificate-wrong-hash-algorithm': { peer: 'csms', versions: V16, description: 'Sends DeleteCertificate with hashAlgorithm SHA512 whatever the station reported.' },
} as const satisfies Record<string, FaultInfo>;
