import type { Version } from '../../types.js';
import type { FaultInfo } from './fault-info.js';

const V201: readonly Version[] = ['2.0.1'];

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, charging station under test, E Transactions, F RemoteControl, J MeterValues, P DataTransfer. */
export const CATALOG_201_CS_TRANSACTIONS_FAULTS = {
  'tx-status-always-ongoing': { peer: 'cs', versions: V201, description: 'Answers GetTransactionStatus with ongoingIndicator true whatever the transactionId (unknown or ended), and includes it without a transactionId.' },
  'tx-status-queue-always': { peer: 'cs', versions: V201, description: 'Answers GetTransactionStatus with messagesInQueue true although no transaction message is queued.' },
  'remote-stop-any-transaction': { peer: 'cs', versions: V201, description: 'Answers RequestStopTransaction Accepted for a transactionId it does not know (and stops nothing).' },
  'trigger-heartbeat-not-sent': { peer: 'cs', versions: V201, description: 'Answers TriggerMessage(Heartbeat) Accepted but sends no Heartbeat.' },
  'data-transfer-201-accepted': { peer: 'cs', versions: V201, description: 'Answers a DataTransfer for a vendorId it does not implement with Accepted.' },
  'custom-data-rejected': { peer: 'cs', versions: V201, description: 'Answers a SetVariables or GetVariables request that carries customData with a CALLERROR FormatViolation.' },
  'tx-started-measurands-ignored': { peer: 'cs', versions: V201, description: 'Samples the TxUpdatedMeasurands instead of SampledDataTxStartedMeasurands for the Transaction.Begin meter value of the Started event.' },
  'ev-connect-timeout-ignored': { peer: 'cs', versions: V201, description: 'Keeps an authorized transaction (or authorization) waiting for the EV forever instead of ending it after EVConnectionTimeOut.' },
  'offline-flag-missing': { peer: 'cs', versions: V201, description: 'Leaves offline out of the TransactionEvents it queued while the connection was down.' },
  'tx-status-queue-ignored': { peer: 'cs', versions: V201, description: 'Answers GetTransactionStatus with messagesInQueue false while transaction messages wait in its queue.' },
  'clock-aligned-201-as-periodic': { peer: 'cs', versions: V201, description: 'Sends its clock-aligned samples with context Sample.Periodic (and, in a transaction, triggerReason MeterValuePeriodic) instead of Sample.Clock / MeterValueClock.' },
  'tx-ended-samples-dropped': { peer: 'cs', versions: V201, description: 'Collects no meter values during a transaction for its Ended event although SampledDataCtrlr / AlignedDataCtrlr TxEndedInterval is set (only the Transaction.End value).' },
  'tx-message-not-retried': { peer: 'cs', versions: V201, description: 'Gives up a TransactionEvent the CSMS answered with a CALLERROR (or did not answer) at once instead of sending it MessageAttempts times.' },
} as const satisfies Record<string, FaultInfo>;
