import { V16, type FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6, charging station under test, Core non-happy flows, firmware, diagnostics, remote trigger (OCTT §2.10-2.16, 2.18, 2.19, 2.21). */
export const CATALOG_16_CS_NON_HAPPY_FAULTS = {
  'start-on-lock-failure': { peer: 'cs', versions: V16, description: 'Starts the transaction although the connector lock failed (cable plugged in halfway).' },
  'remote-start-on-busy-connector': { peer: 'cs', versions: V16, description: 'Answers RemoteStartTransaction Accepted for a connector that already has a transaction.' },
  'remote-start-connector-zero-accepted': { peer: 'cs', versions: V16, description: 'Answers RemoteStartTransaction with connectorId 0 Accepted (takes it as "any connector").' },
  'remote-stop-unknown-transaction-accepted': { peer: 'cs', versions: V16, description: 'Answers RemoteStopTransaction Accepted for a transactionId it does not know.' },
  'unlock-failure-reported-unlocked': { peer: 'cs', versions: V16, description: 'Answers UnlockConnector Unlocked although the connector lock failed.' },
  'unlock-unknown-connector-unlocked': { peer: 'cs', versions: V16, description: 'Answers UnlockConnector Unlocked for a connectorId it does not have.' },
  'backup-power-ignored': { peer: 'cs', versions: V16, description: 'Has a back-up power source but goes down without stopping its transactions first (reports their end only after the boot).' },
  'availability-lost-on-reboot': { peer: 'cs', versions: V16, description: 'Forgets an Inoperative availability over a power cycle: reports Available after the boot.' },
  'offline-meter-values-dropped': { peer: 'cs', versions: V16, description: 'Takes no meter samples while the connection is down, so the meter values of that time are lost.' },
  'offline-tx-messages-dropped': { peer: 'cs', versions: V16, description: 'Discards transaction messages (StartTransaction, StopTransaction, MeterValues) that arise while offline instead of queueing them.' },
  'unknown-config-key-rejected': { peer: 'cs', versions: V16, description: 'Answers ChangeConfiguration for an unknown key Rejected instead of NotSupported.' },
  'negative-config-value-accepted': { peer: 'cs', versions: V16, description: 'Accepts a negative number for an integer configuration key (MeterValueSampleInterval -1).' },
  'charge-while-faulted': { peer: 'cs', versions: V16, description: 'Starts a transaction on a connector that is Faulted.' },
  'no-firmware-installed-status': { peer: 'cs', versions: V16, description: 'Does not send FirmwareStatusNotification Installed after booting the new firmware.' },
  'firmware-download-failure-hidden': { peer: 'cs', versions: V16, description: 'Reports Downloaded (and goes on installing) when the firmware download failed.' },
  'firmware-installation-failure-hidden': { peer: 'cs', versions: V16, description: 'Reports Installed when installing the firmware failed.' },
  'diagnostics-no-uploading-status': { peer: 'cs', versions: V16, description: 'Uploads diagnostics without reporting Uploading first.' },
  'diagnostics-upload-failure-hidden': { peer: 'cs', versions: V16, description: 'Reports Uploaded when the diagnostics upload failed.' },
  'trigger-diagnostics-status-not-idle': { peer: 'cs', versions: V16, description: 'Answers a triggered DiagnosticsStatusNotification with Uploaded instead of Idle when no upload is in progress.' },
  'trigger-unknown-connector-accepted': { peer: 'cs', versions: V16, description: 'Answers TriggerMessage for a connectorId it does not have Accepted and sends the message for all connectors.' },
} as const satisfies Record<string, FaultInfo>;
