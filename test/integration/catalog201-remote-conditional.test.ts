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

describeCatalogGroup({
  title: 'OCTT 2.0.1 CSMS Core conditional: F RemoteControl',
  cases: CSMS_CASES,
  catches: CSMS_CATCHES,
});
