import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 CSMS cases outside the Part 5 certification tables. */
export const CATALOG_201_CSMS_EXTRA_FAULTS = {
  'csms201-charging-limit-external-error': { peer: 'csms', versions: V201, description: 'The CSMS takes charging limits only from its own source: a NotifyChargingLimit or ClearedChargingLimit with a chargingLimitSource other than CSO (e.g. an EMS) is answered with a CALLERROR.' },
  'csms201-charging-rate-changed-error': { peer: 'csms', versions: V201, description: 'The CSMS answers a TransactionEvent with triggerReason ChargingRateChanged with a CALLERROR.' },
  'csms201-notify-event-empty-value-error': { peer: 'csms', versions: V201, description: 'The CSMS answers a NotifyEvent whose event has an empty actualValue (a monitor on a write-only variable) with a CALLERROR.' },
  'csms201-publish-firmware-built-in-location': { peer: 'csms', versions: V201, description: 'PublishFirmware always names the CSMS\'s built-in firmware location, not the one the operator gave.' },
  'csms201-firmware-checksum-sha256': { peer: 'csms', versions: V201, description: 'PublishFirmware and UnpublishFirmware carry a SHA-256 checksum (64 hex digits, beyond the schema\'s 32 characters) instead of the MD5 one.' },
  'csms201-publish-firmware-failure-status-error': { peer: 'csms', versions: V201, description: 'The CSMS answers a PublishFirmwareStatusNotification with a failure status (DownloadFailed, InvalidChecksum, PublishFailed) with a CALLERROR.' },
  'csms201-report-external-constraints-error': { peer: 'csms', versions: V201, description: 'The CSMS answers a ReportChargingProfiles with a ChargingStationExternalConstraints profile (one it did not set) with a CALLERROR.' },
  'csms201-get-variables-limit-ignored': { peer: 'csms', versions: V201, description: 'The CSMS puts every requested variable in one GetVariablesRequest, more than the DeviceDataCtrlr.ItemsPerMessage[GetVariables] it read from the station.' },
  'csms201-set-monitoring-multiple-first-only': { peer: 'csms', versions: V201, description: 'Asked to install several monitors at once, the CSMS sends only the first in its SetVariableMonitoring.' },
} as const satisfies Record<string, FaultInfo>;
