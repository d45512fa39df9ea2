import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 conditional cases of J MeterValues, K SmartCharging, L FirmwareManagement, M CertificateManagement and N Diagnostics, both roles. */
export const CATALOG_201_DEVICE_CONDITIONAL_FAULTS = {
  'customer-information-cache-not-reported': { peer: 'cs', versions: V201, description: 'A CustomerInformation report leaves out the authorization cache entry of the idToken: the NotifyCustomerInformation says nothing was found.' },
  'customer-information-not-cleared': { peer: 'cs', versions: V201, description: 'A CustomerInformation clear says the data is cleared but keeps it (cache entry, customer record): a later report still finds it.' },
  'log-upload-not-canceled': { peer: 'cs', versions: V201, description: 'A GetLog during an ongoing log upload is answered Accepted and both uploads run, instead of canceling the first (AcceptedCanceled).' },
  'csms201-customer-identifier-ignored': { peer: 'csms', versions: V201, description: 'Asked for the customer information of a customerIdentifier, sends CustomerInformation for the first valid idToken instead (knows customers only by idToken).' },
  'signed-meter-values-unsigned': { peer: 'cs', versions: V201, description: 'Accepts AlignedDataCtrlr / SampledDataCtrlr.SignReadings true but sends its meter values unsigned (no signedMeterValue).' },
  'aligned-data-sent-during-transaction': { peer: 'cs', versions: V201, description: 'Accepts AlignedDataCtrlr.SendDuringIdle true but keeps sending clock-aligned meter values while a transaction runs.' },
  'remote-start-with-profile-rejected': { peer: 'cs', versions: V201, description: 'A station without Smart Charging answers RequestStartTransaction Rejected when it carries a chargingProfile, instead of ignoring the profile.' },
  'additional-root-check-ignored': { peer: 'cs', versions: V201, description: 'With AdditionalRootCertificateCheck true, installs a new CSMS root certificate that the installed one did not sign.' },
  'firmware-201-installs-during-transaction': { peer: 'cs', versions: V201, description: 'Downloads and installs a firmware update (and reboots) at once although transactions run, instead of waiting for them to end.' },
  'firmware-201-new-sessions-allowed': { peer: 'cs', versions: V201, description: 'With AllowNewSessionsPendingFirmwareUpdate false, leaves its idle connectors Available while a firmware update waits for a transaction to end.' },
  'firmware-201-waits-for-transactions': { peer: 'cs', versions: V201, description: 'Declares it installs firmware during transactions (C-43) but postpones the download until they end (DownloadScheduled).' },
  'additional-root-no-fallback': { peer: 'cs', versions: V201, description: 'After installing a new CSMS root under AdditionalRootCertificateCheck, keeps trusting only the new root when the CSMS certificate does not chain to it: no fallback to the old root.' },
  'additional-root-old-kept': { peer: 'cs', versions: V201, description: 'After connecting with a new CSMS root installed under AdditionalRootCertificateCheck, keeps the old root installed.' },
  'evse-unknown-begin-values-dropped': { peer: 'cs', versions: V201, description: 'A transaction started before its EVSE was known never sends its Transaction.Begin meter values: the first event naming the EVSE has none.' },
} as const satisfies Record<string, FaultInfo>;
