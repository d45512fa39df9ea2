import { BOTH_VERSIONS, V16, type FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6, charging station under test, Core happy flows (OCTT §2.1-2.9, 2.23). */
export const CATALOG_16_CS_CORE_FAULTS = {
  'connection-timeout-ignored': { peer: 'cs', versions: V16, description: 'Frees a connector nobody plugged into after twice ConnectionTimeOut instead of after ConnectionTimeOut.' },
  'availability-lost-on-reset': { peer: 'cs', versions: BOTH_VERSIONS, description: 'Forgets an Inoperative connector on reboot and reports it Available.' },
  'unlock-failed': { peer: 'cs', versions: V16, description: 'Answers every UnlockConnector with UnlockFailed and leaves a running transaction alone.' },
  'config-key-missing': { peer: 'cs', versions: V16, description: 'Leaves the required Core key ConnectorPhaseRotation out of GetConfiguration (reported as unknown when asked for).' },
  'config-change-not-stored': { peer: 'cs', versions: V16, description: 'Answers ChangeConfiguration Accepted but keeps the old value.' },
  'data-transfer-not-implemented': { peer: 'cs', versions: V16, description: 'Answers DataTransfer with a CALLERROR NotImplemented instead of a DataTransfer.conf.' },
  'stop-with-any-idtag': { peer: 'cs', versions: V16, description: 'Asks the CSMS about any idTag presented during a transaction and stops the transaction when it is Accepted, whoever it belongs to.' },
  'parent-idtag-ignored': { peer: 'cs', versions: V16, description: 'Does not stop a transaction for another idTag with the same parentIdTag (only the starting idTag stops it).' },
  'clear-cache-ignored': { peer: 'cs', versions: V16, description: 'Answers ClearCache Accepted but keeps the authorization cache.' },
  'local-pre-authorize-ignored': { peer: 'cs', versions: V16, description: 'Sends Authorize even for idTags its cache or local list accepts while LocalPreAuthorize is true.' },
  'clock-aligned-wrong-context': { peer: 'cs', versions: V16, description: 'Sends its clock-aligned meter values with context Sample.Periodic instead of Sample.Clock.' },
  'sampled-meter-values-as-clock': { peer: 'cs', versions: V16, description: 'Sends its periodic (MeterValueSampleInterval) meter values with context Sample.Clock instead of Sample.Periodic.' },
  'ev-side-disconnect-keeps-transaction': { peer: 'cs', versions: V16, description: 'Keeps the transaction going when the EV is unplugged although StopTransactionOnEVSideDisconnect is true.' },
  'ev-side-disconnect-always-stops': { peer: 'cs', versions: ['1.6', '2.0.1'], description: 'Stops the transaction when the EV is unplugged (in 2.0.1: at its side) although StopTransactionOnEVSideDisconnect / StopTxOnEVSideDisconnect is false.' },
} as const satisfies Record<string, FaultInfo>;
