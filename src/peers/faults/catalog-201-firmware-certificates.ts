import type { Version } from '../../types.js';
import type { FaultInfo } from './fault-info.js';

const V201: readonly Version[] = ['2.0.1'];

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, both roles, L FirmwareManagement, M ISO15118CertificateManagement. */
export const CATALOG_201_FIRMWARE_CERTIFICATES_FAULTS = {
  'certificate-201-not-stored': { peer: 'cs', versions: V201, description: 'Answers InstallCertificate Accepted but does not store the certificate, so GetInstalledCertificateIds does not list it.' },
  'certificate-201-invalid-accepted': { peer: 'cs', versions: V201, description: 'Installs an expired or invalid root certificate and answers InstallCertificate Accepted.' },
  'certificate-201-omitted-type-as-csms-root': { peer: 'cs', versions: V201, description: 'GetInstalledCertificateIds without certificateType lists only the CSMS root certificates instead of every type.' },
  'certificate-201-none-found-accepted': { peer: 'cs', versions: V201, description: 'GetInstalledCertificateIds answers Accepted (without a list) instead of NotFound when no certificate of the type is installed.' },
  'certificate-201-manufacturer-root-as-csms-root': { peer: 'cs', versions: V201, description: 'GetInstalledCertificateIds reports manufacturer root certificates with certificateType CSMSRootCertificate.' },
  'certificate-201-delete-ignored': { peer: 'cs', versions: V201, description: 'Answers DeleteCertificate Accepted but keeps the certificate installed.' },
  'certificate-201-delete-unknown-accepted': { peer: 'cs', versions: V201, description: 'Answers DeleteCertificate Accepted for a certificate it does not have (instead of NotFound).' },
} as const satisfies Record<string, FaultInfo>;
