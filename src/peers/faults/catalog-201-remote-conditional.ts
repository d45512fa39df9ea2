import type { Version } from '../../types.js';
import type { FaultInfo } from './fault-info.js';

const V201: readonly Version[] = ['2.0.1'];

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 conditional cases of F RemoteControl, both roles. */
export const CATALOG_201_REMOTE_CONDITIONAL_FAULTS = {
  // Charging station: remote start (F01, F02).
  'remote-start-rejected-when-occupied': { peer: 'cs', versions: V201, description: 'Answers RequestStartTransaction Rejected when the EV is already plugged in (only accepts a remote start on a free connector).' },
  'remote-start-not-authorized': { peer: 'cs', versions: V201, description: 'Starts a remote transaction without sending Authorize although AuthCtrlr.AuthorizeRemoteStart is true.' },
  'remote-start-always-authorized': { peer: 'cs', versions: V201, description: 'Sends Authorize for the idToken of a RequestStartTransaction although AuthCtrlr.AuthorizeRemoteStart is false.' },
  // Charging station: UnlockConnector (F05).
  'unlock-201-during-transaction': { peer: 'cs', versions: V201, description: 'Answers UnlockConnector Unlocked while an authorized transaction runs on the connector instead of OngoingAuthorizedTransaction.' },
  'unlock-201-unplugged-failed': { peer: 'cs', versions: V201, description: 'Answers UnlockConnector UnlockFailed when no cable is plugged in (nothing to release), instead of Unlocked.' },
  'unlock-201-unknown-connector-unlocked': { peer: 'cs', versions: V201, description: 'Answers UnlockConnector for a connector it does not have Unlocked instead of UnknownConnector.' },
  // Charging station: TriggerMessage (F06).
  'trigger-201-accepted-not-sent': { peer: 'cs', versions: V201, description: 'Answers TriggerMessage Accepted (for anything but Heartbeat) but never sends the requested message.' },
  'trigger-meter-values-periodic-context': { peer: 'cs', versions: V201, description: 'Sends triggered meter values with context Sample.Periodic instead of Trigger.' },
  'trigger-all-evse-first-only': { peer: 'cs', versions: V201, description: 'Asked for MeterValues or TransactionEvent without an evse, sends the message for the first EVSE only instead of every EVSE.' },
  'trigger-tx-event-without-meter': { peer: 'cs', versions: V201, description: 'Sends the triggered TransactionEvent without meterValue.' },
  'trigger-transfer-status-idle': { peer: 'cs', versions: V201, description: 'Answers a triggered LogStatusNotification / FirmwareStatusNotification with status Idle even while an upload or download is going on.' },
  'trigger-firmware-evse-rejected': { peer: 'cs', versions: V201, description: 'Rejects TriggerMessage(FirmwareStatusNotification) that names an evse instead of ignoring the evse, which is not relevant for it.' },
  'trigger-status-201-stale': { peer: 'cs', versions: V201, description: 'Answers a triggered StatusNotification with Available whatever the connector state is.' },
  'trigger-boot-after-accepted': { peer: 'cs', versions: V201, description: 'Accepts TriggerMessage(BootNotification) after its boot was Accepted and sends a BootNotification again.' },
  'trigger-201-unknown-accepted': { peer: 'cs', versions: V201, description: 'Answers TriggerMessage Accepted for a message it does not implement instead of NotImplemented.' },
  // CSMS.
  'csms201-unlock-wrong-evse': { peer: 'csms', versions: V201, description: 'Sends UnlockConnector for the EVSE before the one it was asked to unlock (zero-based index).' },
  'csms201-trigger-evse-dropped': { peer: 'csms', versions: V201, description: 'Leaves evse out of TriggerMessage when asked to trigger a message for one EVSE (so the station reports every EVSE).' },
  'csms201-trigger-meter-values-error': { peer: 'csms', versions: V201, description: 'Answers MeterValues whose sampled values have context Trigger with a CALLERROR.' },
  'csms201-idle-status-error': { peer: 'csms', versions: V201, description: 'Answers a LogStatusNotification / FirmwareStatusNotification with status Idle (no upload / update it asked for) with a CALLERROR.' },
} as const satisfies Record<string, FaultInfo>;
