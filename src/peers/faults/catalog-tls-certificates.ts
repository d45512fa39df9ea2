import type { Version } from '../../types.js';
import type { FaultInfo } from './fault-info.js';

const V201: readonly Version[] = ['2.0.1'];
const BOTH: readonly Version[] = ['1.6', '2.0.1'];

/** Fault switches that the cases of this catalog group catch: certificates and TLS changed in the middle of a case (OCPP 1.6 security TC_074/TC_083, 2.0.1 A and B security cases), both roles. */
export const CATALOG_TLS_CERTIFICATES_FAULTS = {
  'tls-server-certificate-not-verified': { peer: 'cs', versions: BOTH, description: 'Completes the TLS handshake whatever server certificate the CSMS presents (unknown issuer, expired, another host name) instead of ending it.' },
  'tls-old-version-accepted': { peer: 'cs', versions: BOTH, description: 'Offers and accepts TLS 1.0 and 1.1 instead of requiring TLS 1.2 or above.' },
  'invalid-csms-certificate-not-reported': { peer: 'cs', versions: V201, description: 'Ends a TLS handshake with an invalid server certificate but never reports the InvalidCsmsCertificate security event.' },
  'new-client-certificate-not-used': { peer: 'cs', versions: BOTH, description: 'Accepts the certificate the CSMS signed but connects again with its old client certificate.' },
  'csms-signs-with-untrusted-ca': { peer: 'csms', versions: BOTH, description: 'Signs a Charge Point / Charging Station certificate with a CA its TLS server does not trust for client certificates, so the station cannot connect with it.' },
  'security-profile-not-applied': { peer: 'cs', versions: BOTH, description: 'Accepts a higher security profile but keeps connecting the way it did before (no TLS, or no client certificate).' },
  'network-priority-keeps-lower-profiles': { peer: 'cs', versions: V201, description: 'After connecting with a raised security profile, keeps the configuration slots of lower profiles in NetworkConfigurationPriority.' },
  'installed-csms-root-not-trusted': { peer: 'cs', versions: V201, description: 'Checks server certificates only against the root it was set up with, not against the CSMS roots installed since.' },
  'security-upgrade-without-csms-root': { peer: 'cs', versions: V201, description: 'Accepts a network configuration priority that raises the security profile although no valid CSMSRootCertificate is installed.' },
  'csms-accepts-lower-profile-after-upgrade': { peer: 'csms', versions: BOTH, description: 'Keeps accepting a station with its former, lower security profile after the station connected with the higher one.' },
  'csr-weak-key': { peer: 'cs', versions: V201, description: 'Makes its Charging Station certificate signing request with a 192-bit elliptic curve key, below the 224 bits required.' },
  'invalid-station-certificate-accepted': { peer: 'cs', versions: V201, description: 'Accepts whatever certificate CertificateSigned brings (not for its key, expired) and raises no security event.' },
  'sign-certificate-trigger-not-implemented': { peer: 'cs', versions: V201, description: 'Answers TriggerMessage SignChargingStationCertificate with NotImplemented.' },
  'csms201-certificate-signed-wrong-type': { peer: 'csms', versions: V201, description: 'Sends the Charging Station certificate it signed with certificateType V2GCertificate.' },
  'csms201-sign-certificate-rejected': { peer: 'csms', versions: V201, description: 'Rejects every SignCertificate, also for the Charging Station certificate it asked the station to renew.' },
  'csms201-client-certificate-refused': { peer: 'csms', versions: V201, description: 'From its second TLS connection on, checks client certificates against a CA that did not issue them, so a station with a valid certificate cannot connect.' },
  'csms201-client-certificate-name-not-checked': { peer: 'csms', versions: V201, description: 'Accepts a client certificate issued for another station (its commonName is not the identity of the connecting station).' },
  'client-certificate-wrong-name': { peer: 'cs', versions: BOTH, description: 'Connects with a client certificate issued for another serial number (its commonName is not the station identity).' },
  'station-certificate-deletable': { peer: 'cs', versions: V201, description: 'Deletes its own Charging Station certificate when DeleteCertificate names it (Accepted) instead of refusing.' },
  'security-upgrade-without-station-certificate': { peer: 'cs', versions: V201, description: 'Accepts a network configuration priority that raises the security profile to 3 although it has no Charging Station certificate.' },
  'sign-certificate-not-resent': { peer: 'cs', versions: V201, description: 'Sends SignCertificate once and waits forever for CertificateSigned instead of sending it again after CertSigningWaitMinimum.' },
} as const satisfies Record<string, FaultInfo>;
