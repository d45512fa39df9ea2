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
  'firmware-201-unsigned-accepted': { peer: 'cs', versions: V201, description: 'Accepts an UpdateFirmware without signing certificate and signature (an insecure firmware update).' },
  'firmware-201-signing-certificate-not-checked': { peer: 'cs', versions: V201, description: 'Accepts an UpdateFirmware whose signing certificate does not chain to an installed manufacturer root (no InvalidCertificate, no security event).' },
  'firmware-201-schedule-ignored': { peer: 'cs', versions: V201, description: 'Ignores a future retrieveDateTime or installDateTime: downloads and installs at once, without DownloadScheduled / InstallScheduled.' },
  'firmware-201-download-failure-hidden': { peer: 'cs', versions: V201, description: 'Reports Downloaded (and goes on) when the firmware cannot be downloaded.' },
  'firmware-201-signature-not-verified': { peer: 'cs', versions: V201, description: 'Does not verify the firmware signature: installs firmware with an invalid one.' },
  'firmware-201-no-signature-verified-status': { peer: 'cs', versions: V201, description: 'Skips the SignatureVerified status: reports Installing right after Downloaded.' },
  'firmware-201-installation-failure-hidden': { peer: 'cs', versions: V201, description: 'Reboots and reports Installed when installing the firmware failed.' },
  'firmware-201-no-firmware-updated-event': { peer: 'cs', versions: V201, description: 'Sends no SecurityEventNotification FirmwareUpdated after installing new firmware.' },
  'csms201-firmware-unsigned': { peer: 'csms', versions: V201, description: 'Sends UpdateFirmware without the firmware signing certificate and signature.' },
  'csms201-firmware-install-time-dropped': { peer: 'csms', versions: V201, description: 'Leaves out the installDateTime it was asked to send in UpdateFirmware (the installation is not scheduled).' },
  'csms201-install-certificate-wrong-type': { peer: 'csms', versions: V201, description: 'Sends InstallCertificate with the other root certificateType (CSMSRootCertificate and ManufacturerRootCertificate swapped).' },
  'csms201-get-certificates-type-filter-wrong': { peer: 'csms', versions: V201, description: 'GetInstalledCertificateIds with the wrong filter: a requested certificateType is left out (all types), an omitted one becomes CSMSRootCertificate.' },
  'csms201-delete-certificate-sha256-only': { peer: 'csms', versions: V201, description: 'DeleteCertificate names the returned certificate with hashAlgorithm SHA256 whatever hash algorithm the station returned.' },
  'csms201-delete-without-listing': { peer: 'csms', versions: V201, description: 'Deletes a certificate by its own record (SHA256 hash data of the certificate it installed) without first retrieving the hash data the station has.' },
  'csms201-firmware-retrieve-time-ignored': { peer: 'csms', versions: V201, description: 'Sends UpdateFirmware with retrieveDateTime now instead of the (future) download time it was asked for.' },
  'firmware-201-cancel-not-supported': { peer: 'cs', versions: V201, description: 'Rejects a new UpdateFirmware while an update is going on instead of canceling it (AcceptedCanceled), although it declares C-60.' },
  'firmware-201-cancel-despite-rejecting': { peer: 'cs', versions: V201, description: 'A station that cannot cancel a firmware update (NOT C-60) answers a second UpdateFirmware Rejected but drops the ongoing update all the same and runs the new one.' },
} as const satisfies Record<string, FaultInfo>;
