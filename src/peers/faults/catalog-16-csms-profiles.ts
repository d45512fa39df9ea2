import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6, CSMS under test, local authorization list, firmware, diagnostics, reservation, remote trigger, smart charging (OCTT §3.14-3.19). */
export const CATALOG_16_CSMS_PROFILES_FAULTS = {
  // Local authorization list (§3.14).
  'get-local-list-version-schema-violation': { peer: 'csms', versions: ['1.6', '2.0.1'], description: 'Sends GetLocalListVersion.req (2.0.1: GetLocalListVersionRequest) with a listVersion property, which the request schema does not allow.' },
  'send-local-list-wrong-update-type': { peer: 'csms', versions: ['1.6'], description: 'Sends SendLocalList with updateType Differential when asked for a full list, and Full when asked for a differential one.' },
  'send-local-list-without-id-tag-info': { peer: 'csms', versions: ['1.6'], description: 'Leaves idTagInfo out of the SendLocalList entries (which tells the station to delete them).' },
  // Firmware management and diagnostics (§3.15, 3.16).
  'update-firmware-wrong-location': { peer: 'csms', versions: ['1.6'], description: 'Sends UpdateFirmware with its own built-in firmware location instead of the one it was given.' },
  'firmware-status-failure-rejected': { peer: 'csms', versions: ['1.6'], description: 'Answers a FirmwareStatusNotification with status DownloadFailed or InstallationFailed with a CALLERROR PropertyConstraintViolation.' },
  'diagnostics-status-not-implemented': { peer: 'csms', versions: ['1.6'], description: 'Answers every DiagnosticsStatusNotification with a CALLERROR NotImplemented.' },
  // Reservation (§3.17).
  'reserve-now-connector-zero': { peer: 'csms', versions: ['1.6'], description: 'Sends ReserveNow for connector 0 (any connector) whatever connector it was asked to reserve.' },
  'reserve-now-no-connector-zero': { peer: 'csms', versions: ['1.6'], description: 'Reserves connector 1 when asked to reserve the whole charge point (connector 0).' },
  'reserve-now-expiry-off-by-an-hour': { peer: 'csms', versions: ['1.6', '2.0.1'], description: 'Sends the ReserveNow expiryDate (2.0.1: expiryDateTime) one hour later than asked (local time written as UTC).' },
  'cancel-reservation-latest': { peer: 'csms', versions: ['1.6'], description: 'Ignores the reservationId it was asked to cancel and cancels its most recent reservation instead.' },
  'authorize-without-parent-id-tag': { peer: 'csms', versions: ['1.6'], description: 'Leaves parentIdTag out of idTagInfo in its Authorize (and StartTransaction, StopTransaction) answers.' },
  // Remote trigger (§3.18).
  'trigger-message-without-connector': { peer: 'csms', versions: ['1.6'], description: 'Leaves connectorId out of TriggerMessage even when asked for a connector.' },
  // Smart charging (§3.19).
  'charging-profile-without-validity': { peer: 'csms', versions: ['1.6'], description: 'Leaves validFrom and validTo out of the charging profiles it sends.' },
  'tx-profile-without-transaction-id': { peer: 'csms', versions: ['1.6'], description: 'Sends a TxProfile with SetChargingProfile without the transactionId of the running transaction.' },
  'composite-schedule-without-rate-unit': { peer: 'csms', versions: ['1.6'], description: 'Leaves chargingRateUnit out of GetCompositeSchedule, whatever unit it was asked for.' },
  'clear-charging-profile-ignores-criteria': { peer: 'csms', versions: ['1.6'], description: 'Sends ClearChargingProfile without connectorId, chargingProfilePurpose and stackLevel when asked to clear by criteria (clearing every profile).' },
  'remote-start-profile-tx-default': { peer: 'csms', versions: ['1.6'], description: 'Sends the charging profile of a RemoteStartTransaction with purpose TxDefaultProfile instead of TxProfile.' },
} as const satisfies Record<string, FaultInfo>;
