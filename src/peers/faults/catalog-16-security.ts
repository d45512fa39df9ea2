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
  'security-profile-downgrade-accepted': { peer: 'cs', versions: V16, description: 'Accepts ChangeConfiguration SecurityProfile with a value lower than the profile it connects with.' },
  'basic-auth-wrong-password': { peer: 'cs', versions: V16, description: 'Sends a stale password instead of its AuthorizationKey in the HTTP Basic authentication header.' },
  'tls-plain-connection': { peer: 'cs', versions: V16, description: 'Connects over plain ws:// although its CSMS URL is wss:// (security profile 2 or 3).' },
  'tls-no-client-certificate': { peer: 'cs', versions: V16, description: 'Presents no client certificate in the TLS handshake (security profile 3).' },
  'authorization-key-not-applied': { peer: 'cs', versions: V16, description: 'Accepts a new AuthorizationKey and reconnects, but still authenticates with the old password.' },
  // CSMS.
  'security-event-not-implemented': { peer: 'csms', versions: V16, description: 'Answers SecurityEventNotification with a CALLERROR NotImplemented.' },
  'signed-firmware-status-not-implemented': { peer: 'csms', versions: V16, description: 'Answers SignedFirmwareStatusNotification with a CALLERROR NotImplemented.' },
  'log-status-not-implemented': { peer: 'csms', versions: V16, description: 'Answers LogStatusNotification with a CALLERROR NotImplemented.' },
  'certificate-signed-not-sent': { peer: 'csms', versions: V16, description: 'Answers SignCertificate Accepted but never sends the signed certificate (CertificateSigned).' },
  'install-certificate-wrong-type': { peer: 'csms', versions: V16, description: 'Sends InstallCertificate with the other root certificate type than the one it was asked to install.' },
  'delete-certificate-wrong-hash-algorithm': { peer: 'csms', versions: V16, description: 'Sends DeleteCertificate with hashAlgorithm SHA512 whatever the station reported.' },
  'authorization-key-not-remembered': { peer: 'csms', versions: V16, description: 'Sets a new AuthorizationKey on a station but keeps checking its old password (the station is refused when it reconnects).' },
  'basic-auth-refused-on-reconnect': { peer: 'csms', versions: V16, description: 'Refuses a station that reconnects with valid Basic authentication credentials (401).' },
  'tls-untrusted-server-certificate': { peer: 'csms', versions: V16, description: 'From its second TLS connection on, presents a self-signed server certificate instead of the one its root issued.' },
  'tls-client-ca-mismatch': { peer: 'csms', versions: V16, description: 'From its second TLS connection on, checks client certificates against a CA that did not issue them (valid station certificates are refused).' },
  'subprotocol-dropped-on-reconnect': { peer: 'csms', versions: V16, description: 'Completes a reconnecting station\'s WebSocket handshake without selecting the ocpp1.6 subprotocol.' },
} as const satisfies Record<string, FaultInfo>;
