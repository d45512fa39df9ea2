import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCTT 2.0.1, Core conditional cases of F RemoteControl, both roles: remote start with AuthorizeRemoteStart and the
 * EV plugged in first, UnlockConnector, TriggerMessage for each message a station may be asked for. Every case passes
 * against the reference peers (through the proxy), and fails against them with the fault it exists to catch, naming
 * the broken expectation.
 */

const CSMS_CASES = ['TC_F_06_CSMS', 'TC_F_11_CSMS', 'TC_F_12_CSMS', 'TC_F_13_CSMS', 'TC_F_14_CSMS', 'TC_F_15_CSMS', 'TC_F_18_CSMS', 'TC_F_23_CSMS', 'TC_F_24_CSMS'];

/** The CSMS left evse out of a TriggerMessage meant for one EVSE. */
const EVSE_DROPPED = (step: string, message: string) => new RegExp(`^Step ${step} failed: expected TriggerMessage where requestedMessage is "${message}", evse\\.id is 1.*\\(evse: expected an object where id is 1, got absent\\)`);

const CSMS_CATCHES: CatchSpec[] = [
  { id: 'TC_F_06_CSMS', fault: 'csms201-unlock-wrong-evse', reason: /^Step 2 failed: expected UnlockConnector where evseId is 1, connectorId is 1.*\(evseId: expected 1, got 0\)/ },
  { id: 'TC_F_11_CSMS', fault: 'csms201-trigger-evse-dropped', reason: EVSE_DROPPED('2', 'MeterValues') },
  { id: 'TC_F_12_CSMS', fault: 'csms201-trigger-meter-values-error', reason: /^Step 3\[1\] failed: expected a CALLRESULT; got CALLERROR PropertyConstraintViolation/ },
  { id: 'TC_F_13_CSMS', fault: 'csms201-trigger-evse-dropped', reason: EVSE_DROPPED('2', 'TransactionEvent') },
  { id: 'TC_F_14_CSMS', fault: 'csms201-tx-meter-context-error', reason: /^Step 4 failed: expected a CALLRESULT; got CALLERROR PropertyConstraintViolation "unexpected meter value context Trigger"/ },
  { id: 'TC_F_15_CSMS', fault: 'csms201-idle-status-error', reason: /^Step 3 failed: expected a CALLRESULT; got CALLERROR PropertyConstraintViolation "no request for a LogStatusNotification/ },
  { id: 'TC_F_18_CSMS', fault: 'csms201-idle-status-error', reason: /^Step 3 failed: expected a CALLRESULT; got CALLERROR PropertyConstraintViolation "no request for a FirmwareStatusNotification/ },
  { id: 'TC_F_23_CSMS', fault: 'csms201-trigger-evse-dropped', reason: EVSE_DROPPED('2', 'StatusNotification') },
  { id: 'TC_F_24_CSMS', fault: 'csms201-trigger-evse-dropped', reason: EVSE_DROPPED('3', 'StatusNotification') },
];

const CS_CASES = ['TC_F_01_CS', 'TC_F_02_CS', 'TC_F_03_CS', 'TC_F_05_CS', 'TC_F_06_CS', 'TC_F_07_CS', 'TC_F_10_CS', 'TC_F_11_CS', 'TC_F_12_CS', 'TC_F_13_CS', 'TC_F_14_CS', 'TC_F_15_CS', 'TC_F_16_CS', 'TC_F_17_CS', 'TC_F_18_CS', 'TC_F_19_CS', 'TC_F_23_CS', 'TC_F_24_CS', 'TC_F_26_CS', 'TC_F_27_CS'];

/** A status answer the document does not allow. */
const STATUS = (step: string, expected: string, got: string) => new RegExp(`^Step ${step} failed: expected a CALLRESULT where status is "${expected}"; got CALLRESULT .*\\(status: expected "${expected}", got "${got}"\\)`);
/** A triggered message that never came. */
const NOT_SENT = (step: string, what: string) => new RegExp(`^Step ${step} failed: expected ${what}.*got nothing matching`);

const CS_CATCHES: CatchSpec[] = [
  { id: 'TC_F_01_CS', fault: 'remote-start-rejected-when-occupied', reason: STATUS('3', 'Accepted', 'Rejected') },
  { id: 'TC_F_02_CS', fault: 'remote-start-not-authorized', reason: NOT_SENT('3', 'Authorize where idToken\\.idToken is "VALID-TAG-1", idToken\\.type is "ISO14443"') },
  { id: 'TC_F_03_CS', fault: 'remote-start-always-authorized', reason: /^Step 7 failed: expected one of: StatusNotification .*"Occupied".*; got an unexpected Authorize \{"idToken":\{"idToken":"VALID-TAG-1"/ },
  { id: 'TC_F_05_CS', fault: 'unlock-201-during-transaction', reason: STATUS('1', 'OngoingAuthorizedTransaction', 'Unlocked') },
  { id: 'TC_F_06_CS', fault: 'unlock-201-unplugged-failed', reason: STATUS('1', 'Unlocked', 'UnlockFailed') },
  { id: 'TC_F_07_CS', fault: 'unlock-201-unplugged-failed', reason: STATUS('1', 'Unlocked', 'UnlockFailed') },
  { id: 'TC_F_10_CS', fault: 'unlock-201-unknown-connector-unlocked', reason: STATUS('1', 'UnknownConnector', 'Unlocked') },
  { id: 'TC_F_11_CS', fault: 'trigger-meter-values-periodic-context', reason: /^Step 2 failed: expected MeterValues where evseId is 1, meterValue contains .*context is "Trigger"; got nothing matching.*"context":"Sample\.Periodic"/ },
  { id: 'TC_F_12_CS', fault: 'trigger-all-evse-first-only', reason: NOT_SENT('2', 'MeterValues where evseId is 2, meterValue contains .*context is "Trigger"') },
  { id: 'TC_F_13_CS', fault: 'trigger-tx-event-without-meter', reason: /^Step 2 failed: expected TransactionEvent where eventType is "Updated", triggerReason is "Trigger".*got nothing matching.*\(meterValue: expected an array containing .*, got absent\)/ },
  { id: 'TC_F_14_CS', fault: 'trigger-all-evse-first-only', reason: NOT_SENT('2', 'TransactionEvent where eventType is "Updated", triggerReason is "Trigger".*evse\\.id is 2') },
  { id: 'TC_F_15_CS', fault: 'trigger-201-accepted-not-sent', reason: NOT_SENT('2', 'LogStatusNotification where status is "Idle"') },
  { id: 'TC_F_16_CS', fault: 'trigger-transfer-status-idle', reason: /^Step 5 failed: expected LogStatusNotification where status is "Uploading"; got nothing matching.*LogStatusNotification \{"status":"Idle"\} \(status: expected "Uploading", got "Idle"\)/ },
  { id: 'TC_F_17_CS', fault: 'trigger-firmware-evse-rejected', reason: STATUS('1', 'Accepted', 'Rejected') },
  { id: 'TC_F_18_CS', fault: 'trigger-201-accepted-not-sent', reason: NOT_SENT('2', 'FirmwareStatusNotification where status is "Idle"') },
  { id: 'TC_F_19_CS', fault: 'trigger-transfer-status-idle', reason: NOT_SENT('5', 'FirmwareStatusNotification where status is "Downloading"') },
  { id: 'TC_F_23_CS', fault: 'trigger-201-accepted-not-sent', reason: NOT_SENT('2', 'one of: StatusNotification where evseId is 1, connectorId is 1, connectorStatus is "Available", arriving at least 0 ms after triggered') },
  { id: 'TC_F_24_CS', fault: 'trigger-status-201-stale', reason: /^Step 2 failed: expected one of: StatusNotification where evseId is 1, connectorId is 1, connectorStatus is "Occupied".*got .*StatusNotification \{[^}]*"connectorStatus":"Available","evseId":1/ },
  { id: 'TC_F_26_CS', fault: 'trigger-boot-after-accepted', reason: STATUS('1', 'Rejected', 'Accepted') },
  { id: 'TC_F_27_CS', fault: 'trigger-201-unknown-accepted', reason: STATUS('1', 'NotImplemented', 'Accepted') },
];

describeCatalogGroup({
  title: 'OCTT 2.0.1 charging station Core conditional: F RemoteControl',
  cases: CS_CASES,
  catches: CS_CATCHES,
});

describeCatalogGroup({
  title: 'OCTT 2.0.1 CSMS Core conditional: F RemoteControl',
  cases: CSMS_CASES,
  catches: CSMS_CATCHES,
});
