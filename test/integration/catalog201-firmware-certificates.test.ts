import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, L FirmwareManagement and M ISO15118CertificateManagement, both roles: every case passes
 * against the fault-free reference peers, and fails against the peer with the fault it exists to catch, naming
 * the broken expectation.
 */

const CS_CASES = ['TC_L_01_CS', 'TC_L_02_CS', 'TC_L_03_CS', 'TC_L_05_CS', 'TC_L_06_CS', 'TC_L_07_CS', 'TC_L_08_CS', 'TC_L_10_CS', 'TC_L_11_CS', 'TC_L_18_CS', 'TC_M_01_CS', 'TC_M_02_CS', 'TC_M_07_CS', 'TC_M_12_CS', 'TC_M_13_CS', 'TC_M_17_CS', 'TC_M_18_CS', 'TC_M_19_CS', 'TC_M_20_CS', 'TC_M_22_CS'];
const CSMS_CASES: string[] = ['TC_L_01_CSMS', 'TC_L_02_CSMS', 'TC_L_03_CSMS', 'TC_L_04_CSMS', 'TC_L_05_CSMS', 'TC_L_06_CSMS', 'TC_L_07_CSMS', 'TC_L_08_CSMS', 'TC_L_09_CSMS', 'TC_L_10_CSMS', 'TC_L_11_CSMS', 'TC_L_13_CSMS', 'TC_M_01_CSMS', 'TC_M_02_CSMS', 'TC_M_05_CSMS', 'TC_M_13_CSMS', 'TC_M_18_CSMS', 'TC_M_19_CSMS', 'TC_M_20_CSMS', 'TC_M_21_CSMS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_L_01_CS', fault: 'firmware-201-no-signature-verified-status', reason: /^Step 5 failed: expected FirmwareStatusNotification where status is "SignatureVerified".*\(status: expected "SignatureVerified", got "(Installing|InstallRebooting|Installed)"\)/ },
  { id: 'TC_L_01_CS', fault: 'firmware-201-no-firmware-updated-event', reason: /^Step 10 failed: expected SecurityEventNotification where type is "FirmwareUpdated"; got nothing matching/ },
  { id: 'TC_L_02_CS', fault: 'firmware-201-schedule-ignored', reason: /^Step 6 failed: expected FirmwareStatusNotification where status is "InstallScheduled".*\(status: expected "InstallScheduled", got "(Installing|InstallRebooting|Installed)"\)/ },
  { id: 'TC_L_03_CS', fault: 'firmware-201-schedule-ignored', reason: /^Step 3 failed: expected FirmwareStatusNotification where status is "DownloadScheduled".*\(status: expected "DownloadScheduled", got "(Downloading|Downloaded|SignatureVerified|Installing)"\)/ },
  { id: 'TC_L_05_CS', fault: 'firmware-201-signing-certificate-not-checked', reason: /^Step 2 failed: .*\(status: expected one of "InvalidCertificate", "RevokedCertificate", got "Accepted"\)$/ },
  { id: 'TC_L_06_CS', fault: 'firmware-201-signature-not-verified', reason: /^Step 5 failed: expected FirmwareStatusNotification where status is "InvalidSignature".*\(status: expected "InvalidSignature", got "(SignatureVerified|Installing)"\)/ },
  { id: 'TC_L_07_CS', fault: 'firmware-201-download-failure-hidden', reason: /^Step 4 failed: expected FirmwareStatusNotification where status is "DownloadFailed".*\(status: expected "DownloadFailed", got "(Downloaded|InvalidSignature)"\)/ },
  { id: 'TC_L_08_CS', fault: 'firmware-201-installation-failure-hidden', reason: /^Step 8 failed: expected FirmwareStatusNotification where status is one of "InstallVerificationFailed", "InstallationFailed".*\(status: expected one of "InstallVerificationFailed", "InstallationFailed", got "(InstallRebooting|Installed)"\)/ },
  { id: 'TC_L_10_CS', fault: 'firmware-201-cancel-not-supported', reason: /^Step 5 failed: .*\(status: expected "AcceptedCanceled", got "Rejected"\)$/ },
  { id: 'TC_L_11_CS', fault: 'firmware-201-cancel-despite-rejecting', reason: /^Step 6 failed: expected FirmwareStatusNotification where status is "Downloaded", requestId is \d+; .*requestId: expected \d+, got \d+/ },
  { id: 'TC_L_18_CS', fault: 'firmware-201-unsigned-accepted', reason: /^Step 2 failed: .*\(status: expected one of "Rejected", "InvalidCertificate", got "Accepted"\)$/ },
  { id: 'TC_M_01_CS', fault: 'certificate-201-not-stored', reason: /^Step GetInstalledCertificates\.1 failed: .*certificateHashDataChain contains an element .*certificateType is \"CSMSRootCertificate\"/ },
  { id: 'TC_M_02_CS', fault: 'certificate-201-manufacturer-root-as-csms-root', reason: /^Step GetInstalledCertificates\.1 failed: .*certificateHashDataChain contains an element .*certificateType is \"ManufacturerRootCertificate\"/ },
  { id: 'TC_M_07_CS', fault: 'certificate-201-invalid-accepted', reason: /^Step 1 failed: .*\(status: expected \"Rejected\", got \"Accepted\"\)$/ },
  { id: 'TC_M_12_CS', fault: 'certificate-201-not-stored', reason: /^Step GetInstalledCertificates\.1 failed: .*certificateHashDataChain contains an element .*certificateType is \"CSMSRootCertificate\"/ },
  { id: 'TC_M_13_CS', fault: 'certificate-201-manufacturer-root-as-csms-root', reason: /^Step GetInstalledCertificates\.1 failed: .*certificateHashDataChain contains an element .*certificateType is \"ManufacturerRootCertificate\"/ },
  { id: 'TC_M_17_CS', fault: 'certificate-201-not-stored', reason: /^Step 1 failed: .*certificateHashDataChain contains an element .*certificateType is \"CSMSRootCertificate\"/ },
  { id: 'TC_M_18_CS', fault: 'certificate-201-omitted-type-as-csms-root', reason: /^Step 1 failed: .*certificateHashDataChain contains an element .*certificateType is \"ManufacturerRootCertificate\"/ },
  { id: 'TC_M_19_CS', fault: 'certificate-201-none-found-accepted', reason: /^Step 1 failed: .*\(status: expected \"NotFound\", got \"Accepted\"\)$/ },
  { id: 'TC_M_20_CS', fault: 'certificate-201-delete-ignored', reason: /^Step 3 failed: expected a CALLRESULT where status is \"NotFound\", or .*certificateHashDataChain is not contains/ },
  { id: 'TC_M_22_CS', fault: 'certificate-201-delete-unknown-accepted', reason: /^Step 2 failed: .*\(status: expected \"NotFound\", got \"Accepted\"\)$/ },
  { id: 'TC_L_01_CSMS', fault: 'csms201-firmware-unsigned', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.signingCertificate: expected "-----BEGIN CERTIFICATE-----.*got absent/ },
  { id: 'TC_L_04_CSMS', fault: 'csms201-firmware-unsigned', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.signingCertificate: expected a string, got absent; firmware\.signature: expected a string, got absent/ },
  { id: 'TC_L_05_CSMS', fault: 'csms201-firmware-unsigned', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.signingCertificate: expected a string, got absent; firmware\.signature: expected a string, got absent/ },
  { id: 'TC_L_06_CSMS', fault: 'csms201-firmware-unsigned', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.signingCertificate: expected a string, got absent; firmware\.signature: expected a string, got absent/ },
  { id: 'TC_L_07_CSMS', fault: 'csms201-firmware-unsigned', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.signingCertificate: expected a string, got absent; firmware\.signature: expected a string, got absent/ },
  { id: 'TC_L_08_CSMS', fault: 'csms201-firmware-unsigned', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.signingCertificate: expected a string, got absent; firmware\.signature: expected a string, got absent/ },
  { id: 'TC_L_09_CSMS', fault: 'csms201-firmware-unsigned', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.signingCertificate: expected a string, got absent; firmware\.signature: expected a string, got absent/ },
  { id: 'TC_L_10_CSMS', fault: 'csms201-firmware-unsigned', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.signingCertificate: expected a string, got absent; firmware\.signature: expected a string, got absent/ },
  { id: 'TC_L_11_CSMS', fault: 'csms201-firmware-unsigned', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.signingCertificate: expected a string, got absent; firmware\.signature: expected a string, got absent/ },
  { id: 'TC_L_13_CSMS', fault: 'csms201-firmware-unsigned', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.signingCertificate: expected "-----BEGIN CERTIFICATE-----.*got absent/ },
  { id: 'TC_L_02_CSMS', fault: 'csms201-firmware-install-time-dropped', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.installDateTime: expected a date-time within .* after now, got absent\)/ },
  { id: 'TC_L_03_CSMS', fault: 'csms201-firmware-retrieve-time-ignored', reason: /^Step 2 failed: expected UpdateFirmware .*\(firmware\.retrieveDateTime: expected a date-time within .* after now/ },
  { id: 'TC_M_01_CSMS', fault: 'csms201-install-certificate-wrong-type', reason: /^Step CertificateInstalled\.2 failed: expected InstallCertificate where certificateType is "CSMSRootCertificate".*got InstallCertificate \{"certificateType":"ManufacturerRootCertificate"/ },
  { id: 'TC_M_02_CSMS', fault: 'csms201-install-certificate-wrong-type', reason: /^Step CertificateInstalled\.2 failed: expected InstallCertificate where certificateType is "ManufacturerRootCertificate".*got InstallCertificate \{"certificateType":"CSMSRootCertificate"/ },
  { id: 'TC_M_05_CSMS', fault: 'csms201-install-certificate-wrong-type', reason: /^Step 2 failed: expected InstallCertificate where certificateType is "CSMSRootCertificate".*got InstallCertificate \{"certificateType":"ManufacturerRootCertificate"/ },
  { id: 'TC_M_13_CSMS', fault: 'csms201-get-certificates-type-filter-wrong', reason: /^Step GetInstalledCertificates\.2 failed: .*\(certificateType: expected \["ManufacturerRootCertificate"\], got absent\)$/ },
  { id: 'TC_M_18_CSMS', fault: 'csms201-get-certificates-type-filter-wrong', reason: /^Step 2 failed: .*\(certificateType: expected absent, got \["CSMSRootCertificate"\]\)$/ },
  { id: 'TC_M_19_CSMS', fault: 'csms201-get-certificates-type-filter-wrong', reason: /^Step 2 failed: .*\(certificateType: expected \["ManufacturerRootCertificate"\], got absent\)$/ },
  { id: 'TC_M_20_CSMS', fault: 'csms201-delete-certificate-sha256-only', reason: /^Step 8 failed: expected DeleteCertificate where certificateHashData\.hashAlgorithm is "SHA384".*got DeleteCertificate \{"certificateHashData":\{"hashAlgorithm":"SHA256"/ },
  { id: 'TC_M_20_CSMS', fault: 'csms201-delete-without-listing', reason: /^Step 3 failed: expected GetInstalledCertificateIds .*meanwhile came DeleteCertificate/ },
  { id: 'TC_M_21_CSMS', fault: 'csms201-delete-without-listing', reason: /^Step 2 failed: expected GetInstalledCertificateIds .*meanwhile came DeleteCertificate/ },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 L FirmwareManagement and M ISO15118CertificateManagement, both roles (catalog group)',
  cases: CS_CASES,
  catches: CATCHES,
  // The CSMS cases in a run of their own, as the station's.
  passWith: [{ cases: CSMS_CASES, config: FAST_REFERENCE }],
});
