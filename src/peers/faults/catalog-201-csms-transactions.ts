import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, CSMS under test, E Transactions, J MeterValues, N Diagnostics. */
export const CATALOG_201_CSMS_TRANSACTIONS_FAULTS = {
  'csms201-started-without-idtoken-error': { peer: 'csms', versions: V201, description: 'Answers a TransactionEvent(Started) without idToken with a CALLERROR (only knows transactions that start at authorization).' },
  'csms201-seqno-per-station': { peer: 'csms', versions: V201, description: 'Checks seqNo per station instead of per transaction and answers a seqNo that does not increase (a new transaction starting at 0) with a CALLERROR.' },
  'csms201-stopped-reason-error': { peer: 'csms', versions: V201, description: 'Answers a TransactionEvent(Ended) whose stoppedReason is not Local, Remote or EVDisconnected with a CALLERROR.' },
  'csms201-trigger-reason-error': { peer: 'csms', versions: V201, description: 'Answers a TransactionEvent whose triggerReason is not one of Authorized, CablePluggedIn, ChargingStateChanged, StopAuthorized, RemoteStart, RemoteStop, EVCommunicationLost, Deauthorized with a CALLERROR.' },
  'csms201-signed-meter-value-error': { peer: 'csms', versions: V201, description: 'Answers a TransactionEvent or MeterValues carrying a signedMeterValue with a CALLERROR.' },
  'csms201-meter-values-evse0-error': { peer: 'csms', versions: V201, description: 'Answers MeterValues for evseId 0 (the main meter) with a CALLERROR.' },
  'csms201-tx-meter-context-error': { peer: 'csms', versions: V201, description: 'Answers a TransactionEvent whose meter values have a context other than Sample.Periodic (Transaction.Begin, Transaction.End, Sample.Clock) with a CALLERROR.' },
  'csms201-ended-while-charging-error': { peer: 'csms', versions: V201, description: 'Answers a TransactionEvent(Ended) for a transaction last reported Charging with a CALLERROR (expects the energy transfer to stop first).' },
  'csms201-suspended-ev-error': { peer: 'csms', versions: V201, description: 'Answers a TransactionEvent with chargingState SuspendedEV with a CALLERROR (does not know the state).' },
  'csms201-ev-communication-lost-ends-transaction': { peer: 'csms', versions: V201, description: 'Takes triggerReason EVCommunicationLost as the end of the transaction and answers later events of it with a CALLERROR.' },
  'csms201-request-stop-uppercase-id': { peer: 'csms', versions: V201, description: 'Sends RequestStopTransaction with the transactionId in upper case (normalizes identifiers) instead of the station\'s transactionId.' },
  'csms201-get-log-type-swapped': { peer: 'csms', versions: V201, description: 'Sends GetLog with logType SecurityLog when asked for the diagnostics log and DiagnosticsLog when asked for the security log.' },
  'csms201-get-log-without-location': { peer: 'csms', versions: V201, description: 'Sends GetLog with an empty log object (the required log.remoteLocation missing: schema violation).' },
  'csms201-log-status-canceled-error': { peer: 'csms', versions: V201, description: 'Answers LogStatusNotification with status AcceptedCanceled with a CALLERROR (does not know a log upload can be replaced).' },
  'csms201-customer-information-flags-swapped': { peer: 'csms', versions: V201, description: 'Sends CustomerInformation with report and clear swapped.' },
  'csms201-customer-information-token-type-central': { peer: 'csms', versions: V201, description: 'Sends CustomerInformation with idToken.type Central instead of the type of the customer\'s idToken.' },
} as const satisfies Record<string, FaultInfo>;
