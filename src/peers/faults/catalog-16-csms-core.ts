import { V16, type FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6, CSMS under test, Core (OCTT §3.1-3.13, 3.20). */
export const CATALOG_16_CSMS_CORE_FAULTS = {
  'csms16-available-after-preparing-error': { peer: 'csms', versions: V16, description: 'Answers StatusNotification(Available) on a connector that was Preparing without a transaction with a CALLERROR (expects a StartTransaction instead of a connection timeout).' },
  'csms16-faulted-status-error': { peer: 'csms', versions: V16, description: 'Answers a StatusNotification whose errorCode is not NoError with a CALLERROR.' },
  'csms16-stop-ev-disconnected-error': { peer: 'csms', versions: V16, description: 'Answers StopTransaction with reason EVDisconnected with a CALLERROR (does not know the reason).' },
  'csms16-stop-after-reboot-error': { peer: 'csms', versions: V16, description: 'Answers StopTransaction for a transaction started before the station rebooted with a CALLERROR (forgets transactions on a new boot).' },
  'csms16-start-needs-authorize': { peer: 'csms', versions: V16, description: 'Answers StartTransaction with idTagInfo Invalid when the idTag was not authorized on this connection first (cached and offline starts are refused).' },
  'csms16-data-transfer-callerror': { peer: 'csms', versions: V16, description: 'Answers DataTransfer for an unknown vendorId with a CALLERROR NotSupported instead of a DataTransfer.conf.' },
  'csms16-remote-start-connector-zero': { peer: 'csms', versions: V16, description: 'Sends RemoteStartTransaction with connectorId 0 when no connector was chosen (connectorId must be > 0 or absent).' },
  'csms16-remote-stop-wrong-transaction': { peer: 'csms', versions: V16, description: 'Sends RemoteStopTransaction with the transactionId after the one it was asked to stop (off by one).' },
  'csms16-reset-type-swapped': { peer: 'csms', versions: V16, description: 'Sends Reset Soft when asked for a Hard reset and Hard when asked for a Soft one.' },
  'csms16-unlock-wrong-connector': { peer: 'csms', versions: V16, description: 'Sends UnlockConnector for the connector before the one it was asked to unlock (zero-based index).' },
  'csms16-get-configuration-all-sends-keys': { peer: 'csms', versions: V16, description: 'Asked for all configuration keys, sends GetConfiguration with the list of keys it knows instead of no key.' },
  'csms16-get-configuration-key-dropped': { peer: 'csms', versions: V16, description: 'Asked for one configuration key, sends GetConfiguration without the key (asks for all).' },
  'csms16-change-configuration-value-number': { peer: 'csms', versions: V16, description: 'Sends ChangeConfiguration with a numeric value as a JSON number instead of a string (schema violation).' },
  'csms16-clear-cache-with-payload': { peer: 'csms', versions: V16, description: 'Sends ClearCache with a connectorId in its payload (ClearCache.req has no properties: schema violation).' },
  'csms16-blocked-expired-as-invalid': { peer: 'csms', versions: V16, description: 'Answers Authorize for blocked and expired idTags with Invalid instead of Blocked / Expired.' },
} as const satisfies Record<string, FaultInfo>;
