import { referenceSutConfig } from '../../src/runner/reference-targets.js';
import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCTT 2.0.1, Core conditional cases of J MeterValues, K SmartCharging, L FirmwareManagement, M CertificateManagement
 * and N Diagnostics: every case passes against the reference peers that declare the Part 5 features enabling it
 * (through the proxy), and fails against them with the fault it exists to catch, naming the broken expectation.
 */

const CASES = ['TC_J_08_CS', 'TC_N_27_CS', 'TC_N_28_CS', 'TC_N_30_CS', 'TC_N_31_CS', 'TC_N_62_CS', 'TC_N_36_CS', 'TC_N_62_CSMS', 'TC_K_38_CS', 'TC_M_09_CS', 'TC_L_12_CS', 'TC_L_13_CS', 'TC_L_14_CS', 'TC_L_15_CS', 'TC_L_16_CS', 'TC_M_30_CS', 'TC_M_31_CS'];

/** Meter value intervals well inside the expect timeout (the station's other settings kept). */
const METER = { ...FAST_REFERENCE, settings: { ...referenceSutConfig('2.0.1', 'cs').settings, alignedDataInterval: '5', alignedDataTxEndedInterval: '3', sampledDataTxEndedInterval: '3' } };
const METER_CASES = ['TC_J_04_CS', 'TC_J_06_CS', 'TC_J_11_CS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_N_27_CS', fault: 'customer-information-cache-not-reported', reason: /^Step 3 failed: expected NotifyCustomerInformation .*\(data: expected a string matching .*, got ""\)/ },
  { id: 'TC_N_28_CS', fault: 'customer-information-no-notify', reason: /^Step before\.3 failed: expected NotifyCustomerInformation where requestId is \d+; got nothing matching/ },
  { id: 'TC_N_30_CS', fault: 'customer-information-no-notify', reason: /^Step 3 failed: expected NotifyCustomerInformation .*got nothing matching/ },
  { id: 'TC_N_31_CS', fault: 'customer-information-no-notify', reason: /^Step 3 failed: expected NotifyCustomerInformation .*got nothing matching/ },
  { id: 'TC_N_62_CS', fault: 'customer-information-not-cleared', reason: /^Step 7 failed: expected NotifyCustomerInformation .*\(data: expected "", got "customer CUSTOMER-ID-1: customer record stored at the station"\)/ },
  { id: 'TC_N_36_CS', fault: 'log-upload-not-canceled', reason: /^Step 4 failed: .*\(status: expected "AcceptedCanceled", got "Accepted"\)/ },
  { id: 'TC_N_62_CSMS', fault: 'csms201-customer-identifier-ignored', reason: /^Step 2 failed: expected CustomerInformation .*customerIdentifier is "OpenChargeAlliance".*\(customerIdentifier: expected "OpenChargeAlliance", got absent\)/ },
  { id: 'TC_J_04_CS', fault: 'signed-meter-values-unsigned', reason: /^Step ParkingBayUnoccupied\.EVDisconnected\.StopAuthorized\.\d+ failed: expected TransactionEvent where eventType is "Ended".*meterValue: expected not contains .*signedMeterValue is not an object where signedMeterData/ },
  { id: 'TC_J_11_CS', fault: 'signed-meter-values-unsigned', reason: /^Step ParkingBayUnoccupied\.EVDisconnected\.StopAuthorized\.\d+ failed: expected TransactionEvent where eventType is "Ended".*meterValue: expected not contains .*signedMeterValue is not an object where signedMeterData/ },
  { id: 'TC_J_06_CS', fault: 'aligned-data-sent-during-transaction', reason: /^Step 3 failed: expected no CALL within \d+ ms; got (MeterValues|TransactionEvent \{"eventType":"Updated",.*"triggerReason":"MeterValueClock")/ },
  { id: 'TC_K_38_CS', fault: 'remote-start-with-profile-rejected', reason: /^Step 4 failed: .*\(status: expected "Accepted", got "Rejected"\)/ },
  { id: 'TC_M_09_CS', fault: 'additional-root-check-ignored', reason: /^Step 1 failed: .*\(status: expected "Rejected", got "Accepted"\)/ },
  { id: 'TC_L_12_CS', fault: 'firmware-201-installs-during-transaction', reason: /^Step 3 failed: expected FirmwareStatusNotification where status is "DownloadScheduled".*\(status: expected "DownloadScheduled", got "(Downloading|Downloaded|SignatureVerified|Installing)"\)/ },
  { id: 'TC_L_13_CS', fault: 'firmware-201-new-sessions-allowed', reason: /^Step 3 failed: expected StatusNotification where evseId is 2, connectorId is 1, connectorStatus is "Unavailable" or NotifyEvent .*got nothing matching/ },
  { id: 'TC_L_14_CS', fault: 'firmware-201-installs-during-transaction', reason: /^Step ParkingBayUnoccupied\.\S+ failed: expected TransactionEvent where eventType is "Ended"/ },
  { id: 'TC_L_15_CS', fault: 'firmware-201-new-sessions-allowed', reason: /^Step 6 failed: expected StatusNotification where evseId is 2, connectorId is 1, connectorStatus is "Unavailable" or NotifyEvent .*got nothing matching/ },
  { id: 'TC_L_16_CS', fault: 'firmware-201-waits-for-transactions', reason: /^Step 3 failed: expected FirmwareStatusNotification where status is "Downloading".*\(status: expected "Downloading", got "DownloadScheduled"\)/ },
  { id: 'TC_M_31_CS', fault: 'additional-root-no-fallback', reason: /^Step 2 failed: expected BootNotification.*got no connection from the station within .*refused: authentication or TLS handshake/ },
  { id: 'TC_M_30_CS', fault: 'additional-root-old-kept', reason: /^Step 5 failed: expected a CALLRESULT where status is "Accepted", certificateHashDataChain is not contains .*certificateType is "CSMSRootCertificate"/ },
  { id: 'TC_J_08_CS', fault: 'evse-unknown-begin-values-dropped', reason: /^Step 7 failed: expected TransactionEvent where eventType is "Updated", .*evse\.id is 1, evse\.connectorId is 1, meterValue contains .*context is not "Transaction\.Begin"/ },
];

describeCatalogGroup({
  title: 'OCTT 2.0.1 Core conditional: J MeterValues, K SmartCharging, L FirmwareManagement, M CertificateManagement, N Diagnostics',
  cases: CASES,
  catches: CATCHES.map((c) => (METER_CASES.includes(c.id) ? { ...c, config: METER } : c)),
  passWith: [{ cases: METER_CASES, config: METER }],
});
