import type { Version } from '../../types.js';
import type { FaultInfo } from './fault-info.js';

const V201: readonly Version[] = ['2.0.1'];

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 connection, reconnection and unanswered messages (B Provisioning conditional cases, TC_B_46/B_57, TC_E_41/E_42), both roles. */
export const CATALOG_201_CONNECTION_FAULTS = {
  'tx-timeout-not-retried': { peer: 'cs', versions: V201, description: 'Retries a TransactionEvent the CSMS answered with a CALLERROR, but gives up one the CSMS left unanswered (MessageTimeout ran out) at once.' },
  'tx-retry-limit-ignored': { peer: 'cs', versions: V201, description: 'Keeps resending a TransactionEvent the CSMS left unanswered or answered with a CALLERROR after MessageAttemptsTransactionEvent transmissions instead of giving it up.' },
  'reconnect-backoff-ignored': { peer: 'cs', versions: V201, description: 'Reconnects after a lost connection with its own short fixed delay instead of waiting RetryBackOffWaitMinimum (Part 4 §5.3).' },
  'reconnect-backoff-not-increased': { peer: 'cs', versions: V201, description: 'Waits RetryBackOffWaitMinimum before every reconnection attempt instead of doubling the wait after a failed attempt.' },
  'network-profile-no-fallback': { peer: 'cs', versions: V201, description: 'Keeps trying the first network connection profile of NetworkConfigurationPriority for ever instead of moving to the next after NetworkProfileConnectionAttempts failed attempts.' },
  'reset-evse-rejected': { peer: 'cs', versions: V201, description: 'Declares reset per EVSE (C-13) but answers every Reset that names an EVSE Rejected.' },
  'reset-evse-onidle-immediate': { peer: 'cs', versions: V201, description: 'Resets an EVSE with a transaction at once on Reset OnIdle (Accepted, the transaction ended) instead of scheduling the reset for when it is idle.' },
  'reset-evse-reason-reboot': { peer: 'cs', versions: V201, description: 'Ends the transaction of an EVSE reset Immediate with stoppedReason Reboot instead of ImmediateReset.' },
  'reset-evse-unsupported-accepted': { peer: 'cs', versions: V201, description: 'Cannot reset a single EVSE, yet takes a Reset with an evseId as one for the whole station (Accepted or Scheduled) instead of Rejecting it.' },
  'summary-inventory-unsupported-accepted': { peer: 'cs', versions: V201, description: 'Does not support the SummaryInventory base report, yet answers GetBaseReport(SummaryInventory) Accepted (and reports) instead of NotSupported.' },
  'csms201-get-variables-first-only': { peer: 'csms', versions: V201, description: 'Asked to read several variables, sends a GetVariablesRequest with only the first of them.' },
  'csms201-set-variables-first-only': { peer: 'csms', versions: V201, description: 'Asked to set several variables, sends a SetVariablesRequest with only the first of them.' },
  'csms201-base-report-swapped': { peer: 'csms', versions: V201, description: 'Asks for a FullInventory report when told to get the ConfigurationInventory, and the other way round.' },
  'csms201-reset-evse-dropped': { peer: 'csms', versions: V201, description: 'Asked to reset one EVSE, sends a Reset without evseId (the whole station).' },
  'csms201-pending-forever': { peer: 'csms', versions: V201, description: 'Configured to answer the first boot Pending, answers every later BootNotification Pending too, never accepting the station.' },
  'csms201-pending-no-trigger': { peer: 'csms', versions: V201, description: 'Answers a boot Pending but never asks for a new one with TriggerMessage(BootNotification).' },
  'csms201-pending-messages-accepted': { peer: 'csms', versions: V201, description: 'Answers StatusNotification, NotifyEvent and the other CALLs of a station whose boot is Pending or Rejected normally instead of with a CALLERROR SecurityError.' },
} as const satisfies Record<string, FaultInfo>;
