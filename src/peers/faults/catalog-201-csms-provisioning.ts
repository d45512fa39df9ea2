import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, CSMS under test, A Security, B Provisioning, C Authorization, F RemoteControl, G Availability, P DataTransfer. */
export const CATALOG_201_CSMS_PROVISIONING_FAULTS = {
  'csms201-data-transfer-accepted': { peer: 'csms', versions: V201, description: 'Answers DataTransfer Accepted for a vendorId it does not support (instead of UnknownVendorId, UnknownMessageId or Rejected).' },
  'csms201-custom-data-rejected': { peer: 'csms', versions: V201, description: 'Answers a request that carries customData with a CALLERROR FormatViolation (it does not accept the extension property).' },
  'csms201-notify-event-unknown-component-error': { peer: 'csms', versions: V201, description: 'Answers a NotifyEvent about a component other than ChargingStation, EVSE or Connector (e.g. ConnectorPlugRetentionLock) with a CALLERROR PropertyConstraintViolation.' },
  'csms201-clear-cache-with-payload': { peer: 'csms', versions: V201, description: 'Sends ClearCache with an evseId in its payload (ClearCacheRequest has no such property: schema violation).' },
  'csms201-get-variables-wrong-variable': { peer: 'csms', versions: V201, description: 'Sends GetVariables for the variable name in lower case (offlineThreshold instead of OfflineThreshold).' },
  'csms201-set-variables-target': { peer: 'csms', versions: V201, description: 'Sends SetVariables with attributeType Target instead of leaving it out (Actual).' },
  'csms201-reset-type-swapped': { peer: 'csms', versions: V201, description: 'Sends Reset Immediate when asked for OnIdle and OnIdle when asked for Immediate.' },
  'csms201-change-availability-whole-station': { peer: 'csms', versions: V201, description: 'Sends ChangeAvailability without evse (the whole station) when asked to change one EVSE or connector.' },
  'csms201-operative-whole-station': { peer: 'csms', versions: V201, description: 'Sends ChangeAvailability Operative without evse (re-enables the whole station) when asked to set one EVSE or connector Operative.' },
  'csms201-change-availability-evse-zero': { peer: 'csms', versions: V201, description: 'Sends ChangeAvailability for the whole station with evse.id 0 instead of leaving evse out.' },
  'csms201-network-profile-ocpp16': { peer: 'csms', versions: V201, description: 'Sends SetNetworkProfile with connectionData.ocppVersion OCPP16 to a 2.0.1 station.' },
  'csms201-network-profile-schema-violation': { peer: 'csms', versions: V201, description: 'Sends SetNetworkProfile with connectionData.securityProfile as a string instead of an integer (schema violation).' },
  'csms201-trigger-message-connector-id': { peer: 'csms', versions: V201, description: 'Sends TriggerMessage with the OCPP 1.6 field connectorId (not in the 2.0.1 schema) instead of / besides evse.' },
  'csms201-no-group-id-token': { peer: 'csms', versions: V201, description: 'Leaves groupIdToken out of idTokenInfo (Authorize, TransactionEvent) even for an idToken that belongs to a group.' },
  'csms201-basic-auth-refused-on-reconnect': { peer: 'csms', versions: V201, description: 'Refuses a 2.0.1 station that connects again with valid Basic auth credentials (401).' },
  'csms201-basic-auth-ignores-username': { peer: 'csms', versions: V201, description: 'Checks only the Basic auth password, not that the user name is the station identity.' },
  'csms201-basic-auth-accepts-any-password': { peer: 'csms', versions: V201, description: 'Accepts any Basic auth password for a known station.' },
  'csms201-basic-auth-password-not-remembered': { peer: 'csms', versions: V201, description: 'Sets a new BasicAuthPassword on a station that accepts it but keeps checking the old password (the station is refused when it reconnects).' },
  'csms201-basic-auth-password-switched-when-rejected': { peer: 'csms', versions: V201, description: 'Switches to the new BasicAuthPassword even when the station rejected it (the station, still on the old password, is refused).' },
  'csms201-tls-accepts-old-versions': { peer: 'csms', versions: V201, description: 'Its TLS server accepts TLS 1.0 and 1.1 handshakes (minimum version not set to 1.2).' },
} as const satisfies Record<string, FaultInfo>;
