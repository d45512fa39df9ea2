import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 Advanced User Interface (I TariffAndCost, O DisplayMessage), both roles. */
export const CATALOG_201_ADVANCED_USER_INTERFACE_FAULTS = {
  'display-message-201-not-stored': { peer: 'cs', versions: V201, description: 'Answers SetDisplayMessage Accepted but does not store the message (GetDisplayMessages does not know it).' },
  'display-message-201-no-notify': { peer: 'cs', versions: V201, description: 'Answers GetDisplayMessages Accepted but never sends the NotifyDisplayMessages with the messages.' },
  'display-message-201-content-lost': { peer: 'cs', versions: V201, description: 'Reports every display message in NotifyDisplayMessages with an empty content.' },
  'display-message-201-filters-ignored': { peer: 'cs', versions: V201, description: 'Answers GetDisplayMessages with every stored message, ignoring the id, priority and state asked for (never Unknown while any message is stored).' },
  'display-message-201-clear-ignored': { peer: 'cs', versions: V201, description: 'Answers ClearDisplayMessage Accepted but keeps the message.' },
  'display-message-201-clear-unknown-accepted': { peer: 'cs', versions: V201, description: 'Answers ClearDisplayMessage Accepted for an id it does not know, instead of Unknown.' },
  'display-message-201-unknown-transaction-accepted': { peer: 'cs', versions: V201, description: 'Accepts (and stores) a SetDisplayMessage for a transactionId that is not an ongoing transaction, instead of UnknownTransaction.' },
  'display-message-201-kept-after-transaction': { peer: 'cs', versions: V201, description: 'Keeps a display message of a transaction after that transaction has ended.' },
  'display-message-201-kept-after-end-time': { peer: 'cs', versions: V201, description: 'Keeps a display message after its endDateTime has passed.' },
  'display-message-201-not-replaced': { peer: 'cs', versions: V201, description: 'Answers a SetDisplayMessage with the id of a stored message Accepted but keeps the old message.' },
  'display-message-201-always-front-kept': { peer: 'cs', versions: V201, description: 'Keeps the previous AlwaysFront message when a new AlwaysFront message is set.' },
  'display-message-201-any-priority': { peer: 'cs', versions: V201, description: 'Accepts a display message with a priority the display does not support.' },
  'display-message-201-any-format': { peer: 'cs', versions: V201, description: 'Accepts a display message in a format the display does not support.' },
  'display-message-201-rejected': { peer: 'cs', versions: V201, description: 'Answers every valid SetDisplayMessage Rejected.' },
  'display-message-201-lost-on-reboot': { peer: 'cs', versions: V201, description: 'Keeps the display messages in volatile memory: they are gone after a reboot.' },
  'display-message-201-empty-accepted': { peer: 'cs', versions: V201, description: 'Answers a GetDisplayMessages that matches no message Accepted (and sends an empty NotifyDisplayMessages) instead of Unknown.' },
  'display-message-201-state-dropped': { peer: 'cs', versions: V201, description: 'Stores a display message without its state (it is shown in every state and never matches a GetDisplayMessages by state).' },
  'display-message-201-times-not-reported': { peer: 'cs', versions: V201, description: 'Leaves startDateTime and endDateTime out of the messages it reports in NotifyDisplayMessages.' },
  'display-message-201-in-front-replaced': { peer: 'cs', versions: V201, description: 'Keeps only one InFront message: a new InFront message replaces the one set before (as if it were AlwaysFront).' },
  'csms201-display-message-id-not-reused': { peer: 'csms', versions: V201, description: 'Replaces a display message under a new id instead of the id of the message set before.' },
  'csms201-display-message-format-missing': { peer: 'csms', versions: V201, description: 'Leaves the required message.format out of SetDisplayMessage (a schema violation).' },
  'csms201-display-message-priority-fixed': { peer: 'csms', versions: V201, description: 'Sends every display message with priority NormalCycle, whatever the operator chose.' },
  'csms201-display-message-state-dropped': { peer: 'csms', versions: V201, description: 'Leaves the state the operator chose out of SetDisplayMessage.' },
  'csms201-display-message-times-dropped': { peer: 'csms', versions: V201, description: 'Leaves the startDateTime and endDateTime the operator chose out of SetDisplayMessage.' },
  'csms201-display-message-transaction-dropped': { peer: 'csms', versions: V201, description: 'Sends a display message meant for a transaction without its transactionId.' },
  'csms201-get-display-messages-criteria-dropped': { peer: 'csms', versions: V201, description: 'Sends GetDisplayMessages without the id, priority or state asked for (as a request for all messages).' },
  'csms201-get-display-messages-all-by-id': { peer: 'csms', versions: V201, description: 'Asks for all display messages by naming the id of the message it set last.' },
  'csms201-clear-display-message-wrong-id': { peer: 'csms', versions: V201, description: 'Clears the display message with the id after the one set before.' },
  'csms201-clear-display-message-id-as-string': { peer: 'csms', versions: V201, description: 'Sends the id of ClearDisplayMessage as a string (a schema violation).' },
  'csms201-get-display-messages-request-id-missing': { peer: 'csms', versions: V201, description: 'Leaves the required requestId out of GetDisplayMessages (a schema violation).' },
} as const satisfies Record<string, FaultInfo>;
