import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCPP 2.0.1 Part 6, CSMS under test (the harness plays the station): the cases that Part 5 Edition 3 does not list in
 * its certification tables (external charging limits, monitoring events of write-only variables, ...). Every case passes
 * against the reference CSMS, and fails, naming the broken expectation, against the reference CSMS with the fault it
 * exists to catch.
 */
const CASES = ['TC_B_08_CSMS', 'TC_K_02_CSMS', 'TC_K_48_CSMS', 'TC_K_50_CSMS', 'TC_K_51_CSMS', 'TC_K_52_CSMS', 'TC_N_09_CSMS', 'TC_N_48_CSMS', 'TC_O_11_CSMS', 'TC_O_25_CSMS', 'TC_L_17_CSMS', 'TC_L_19_CSMS', 'TC_L_20_CSMS', 'TC_L_24_CSMS', 'TC_L_21_CSMS', 'TC_L_22_CSMS', 'TC_L_23_CSMS', 'TC_M_12_CSMS', 'TC_M_17_CSMS'];

/** The CSMS refuses a charging limit that does not come from itself. */
const EXTERNAL_LIMIT_REFUSED = /^Step 1 failed: expected a CALLRESULT where the payload equals \{\}; got CALLERROR PropertyConstraintViolation/;

/** The unpublish cases: the checksum the CSMS sends must be the MD5 of the firmware (32 hex digits). */
const UNPUBLISH_SHA256 = /^Step 2 failed: expected frames that follow the OCPP schemas .*UnpublishFirmwareRequest: checksum is 64 characters long; at most 32 allowed/;

const CATCHES: CatchSpec[] = [
  { id: 'TC_B_08_CSMS', fault: 'csms201-get-variables-limit-ignored', reason: /^Step 2 failed: expected GetVariables where getVariableData has a length that is 4 .*got GetVariables .*\(getVariableData: expected length is 4, got length 5\)/ },
  { id: 'TC_K_02_CSMS', fault: 'csms201-charging-profile-evse-zero', reason: /^Step 5 failed: expected SetChargingProfile where evseId is 1, .*chargingProfile\.chargingProfilePurpose is "TxProfile".*\(evseId: expected 1, got 0\)/ },
  { id: 'TC_K_48_CSMS', fault: 'csms201-charging-limit-external-error', reason: EXTERNAL_LIMIT_REFUSED },
  { id: 'TC_K_50_CSMS', fault: 'csms201-charging-limit-external-error', reason: EXTERNAL_LIMIT_REFUSED },
  { id: 'TC_K_51_CSMS', fault: 'csms201-charging-limit-external-error', reason: EXTERNAL_LIMIT_REFUSED },
  { id: 'TC_K_51_CSMS', fault: 'csms201-charging-rate-changed-error', reason: /^Step 3 failed: expected a CALLRESULT.*; got CALLERROR PropertyConstraintViolation/ },
  { id: 'TC_K_52_CSMS', fault: 'csms201-report-external-constraints-error', reason: /^Step 3 failed: expected a CALLRESULT where the payload equals \{\}; got CALLERROR PropertyConstraintViolation "unknown charging profile"/ },
  { id: 'TC_M_12_CSMS', fault: 'csms201-get-certificates-type-filter-wrong', reason: /^Step GetInstalledCertificates\.2 failed: expected GetInstalledCertificateIds where certificateType is \["CSMSRootCertificate"\].*\(certificateType: expected \["CSMSRootCertificate"\], got absent\)/ },
  { id: 'TC_M_17_CSMS', fault: 'csms201-get-certificates-type-filter-wrong', reason: /^Step 2 failed: expected GetInstalledCertificateIds where certificateType has a length that is 2 .*\(certificateType: expected something with a length is 2, got absent/ },
  { id: 'TC_N_09_CSMS', fault: 'csms201-set-monitoring-multiple-first-only', reason: /^Step 2 failed: expected SetVariableMonitoring .*\(setMonitoringData: expected an array of 2 element\(s\), got 1 element\(s\)/ },
  { id: 'TC_N_09_CSMS', fault: 'csms201-monitor-severity-default', reason: /^Step 2 failed: expected SetVariableMonitoring .*\(setMonitoringData\.0\.severity: expected 8, got 0; setMonitoringData\.1\.severity: expected 8, got 0\)/ },
  { id: 'TC_N_48_CSMS', fault: 'csms201-notify-event-empty-value-error', reason: /^Step 1 failed: expected a CALLRESULT where the payload equals \{\}; got CALLERROR PropertyConstraintViolation/ },
  { id: 'TC_O_11_CSMS', fault: 'csms201-get-display-messages-criteria-dropped', reason: /^Step 3 failed: expected GetDisplayMessages where id is \[1001\], requestId is an integer.*\(id: expected \[1001\], got absent\)/ },
  { id: 'TC_O_25_CSMS', fault: 'csms201-display-message-state-dropped', reason: /^Step 3 failed: expected SetDisplayMessage where message\.id is 25, message\.state is "Charging".*\(message\.state: expected "Charging", got absent\)/ },
  { id: 'TC_L_17_CSMS', fault: 'csms201-publish-firmware-built-in-location', reason: /^Step 2 failed: expected PublishFirmware where location is "https:\/\/firmware\.example\/reference-cs-2\.0\.1-signed\.bin".*\(location: expected "https:\/\/firmware\.example\/reference-cs-2\.0\.1-signed\.bin", got "https:\/\/firmware\.example\/reference-cs\.bin"\)/ },
  { id: 'TC_L_17_CSMS', fault: 'csms201-firmware-checksum-sha256', reason: /^Step 2 failed: expected frames that follow the OCPP schemas .*PublishFirmwareRequest: checksum is 64 characters long; at most 32 allowed/ },
  { id: 'TC_L_19_CSMS', fault: 'csms201-publish-firmware-failure-status-error', reason: /^Step 5 failed: expected a CALLRESULT where the payload equals \{\}; got CALLERROR PropertyConstraintViolation "status InvalidChecksum/ },
  { id: 'TC_L_20_CSMS', fault: 'csms201-publish-firmware-failure-status-error', reason: /^Step 6 failed: expected a CALLRESULT where the payload equals \{\}; got CALLERROR PropertyConstraintViolation "status PublishFailed/ },
  { id: 'TC_L_24_CSMS', fault: 'csms201-publish-firmware-failure-status-error', reason: /^Step 4 failed: expected a CALLRESULT where the payload equals \{\}; got CALLERROR PropertyConstraintViolation "status DownloadFailed/ },
  { id: 'TC_L_21_CSMS', fault: 'csms201-firmware-checksum-sha256', reason: UNPUBLISH_SHA256 },
  { id: 'TC_L_22_CSMS', fault: 'csms201-firmware-checksum-sha256', reason: UNPUBLISH_SHA256 },
  { id: 'TC_L_23_CSMS', fault: 'csms201-firmware-checksum-sha256', reason: UNPUBLISH_SHA256 },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 CSMS: cases outside the Part 5 certification tables (catalog group)',
  cases: CASES,
  catches: CATCHES,
  caseDir: 'ocpp2.0.1/csms',
});
