import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { Station } from './station.js';
import type { TxEngine201 } from './tx-201.js';

/**
 * The 2.0.1 station's display messages (OCPP 2.0.1 Part 2 O01 SetDisplayMessage, O02 for a transaction, O03/O04
 * GetDisplayMessages with NotifyDisplayMessages, O05 ClearDisplayMessage, O06 replace), with the fault switches of the
 * Advanced User Interface catalog group. The store lives in non-volatile memory (O01.FR.10): it survives a reboot.
 * A message for a transaction goes when the transaction ends, a message past its endDateTime when that passes.
 * What the display supports is read from DisplayMessageCtrlr.SupportedPriorities and SupportedFormats; every
 * MessageStateEnumType value is supported.
 */

type MessageInfo = {
  id: number;
  priority: string;
  state?: string;
  startDateTime?: string;
  endDateTime?: string;
  transactionId?: string;
  message: { format: string; language?: string; content: string };
  display?: Payload;
};

const STATES = ['Charging', 'Faulted', 'Idle', 'Unavailable'];
const stores = new WeakMap<Station, Map<number, MessageInfo>>();

function store(st: Station): Map<number, MessageInfo> {
  let s = stores.get(st);
  if (!s) stores.set(st, (s = new Map()));
  return s;
}

function supported(st: Station, variable: string, fallback: string): string[] {
  return (st.deviceModel?.value('DisplayMessageCtrlr', variable) ?? fallback).split(',').map((v) => v.trim()).filter(Boolean);
}

/** Drops what is no longer configured: messages past their endDateTime (O01.FR.07, O02.FR.07) and those of ended transactions (O02.FR.02). */
function purge(st: Station, engine: TxEngine201): Map<number, MessageInfo> {
  const s = store(st);
  const ongoing = new Set(engine.transactions().map((t) => t.transactionId));
  for (const [id, m] of s) {
    const expired = m.endDateTime !== undefined && Date.parse(m.endDateTime) <= Date.now() && !st.faults.has('display-message-201-kept-after-end-time');
    const txEnded = m.transactionId !== undefined && !ongoing.has(m.transactionId) && !st.faults.has('display-message-201-kept-after-transaction');
    if (expired || txEnded) s.delete(id);
  }
  return s;
}

/** SetDisplayMessage: the checks of O01.FR.01-03 / O02.FR.01-05, then stored, replacing a message with the same id (O06.FR.01). */
export function setDisplayMessage201(st: Station, engine: TxEngine201, req: Payload): Payload {
  const m = req.message as MessageInfo;
  const priorities = supported(st, 'SupportedPriorities', 'AlwaysFront,InFront,NormalCycle');
  if (!priorities.includes(m.priority) && !st.faults.has('display-message-201-any-priority')) return { status: 'NotSupportedPriority' };
  if (!supported(st, 'SupportedFormats', 'ASCII,HTML,UTF8').includes(m.message.format) && !st.faults.has('display-message-201-any-format')) return { status: 'NotSupportedMessageFormat' };
  if (m.state !== undefined && !(STATES.includes(m.state) && st.opts.displayMessageStates.includes(m.state)) && !st.faults.has('display-message-201-any-state')) return { status: 'NotSupportedState' };
  const s = purge(st, engine);
  if (m.transactionId !== undefined && !engine.transactions().some((t) => t.transactionId === m.transactionId) && !st.faults.has('display-message-201-unknown-transaction-accepted')) {
    return { status: 'UnknownTransaction' };
  }
  if (st.faults.has('display-message-201-rejected')) return { status: 'Rejected' };
  // A second AlwaysFront message replaces the one shown before (O01.FR.16).
  const onlyOne = (m.priority === 'AlwaysFront' && !st.faults.has('display-message-201-always-front-kept')) || (m.priority === 'InFront' && st.faults.has('display-message-201-in-front-replaced'));
  if (onlyOne) {
    for (const [id, other] of s) if (other.priority === m.priority && id !== m.id) s.delete(id);
  }
  if (s.has(m.id) && st.faults.has('display-message-201-not-replaced')) return { status: 'Accepted' };
  const stored = structuredClone(m);
  if (st.faults.has('display-message-201-state-dropped')) delete stored.state;
  if (!st.faults.has('display-message-201-not-stored')) s.set(m.id, stored);
  return { status: 'Accepted' };
}

/** GetDisplayMessages: the messages matching every criterion given (O04.FR.01-06); none: Unknown (O03.FR.06, O04.FR.02). */
export function getDisplayMessages201(st: Station, engine: TxEngine201, req: Payload): { status: 'Accepted' | 'Unknown'; messages: MessageInfo[] } {
  const ids = req.id as number[] | undefined;
  const ignoreFilters = st.faults.has('display-message-201-filters-ignored');
  const messages = [...purge(st, engine).values()].filter(
    (m) => ignoreFilters || ((!ids || ids.length === 0 || ids.includes(m.id)) && (req.priority === undefined || m.priority === req.priority) && (req.state === undefined || m.state === req.state)),
  );
  return { status: messages.length > 0 || st.faults.has('display-message-201-empty-accepted') ? 'Accepted' : 'Unknown', messages };
}

export function registerDisplayMessages201(ep: RpcEndpoint, st: Station, engine: TxEngine201): void {
  ep.handle('SetDisplayMessage', (req) => setDisplayMessage201(st, engine, req));

  ep.handle('GetDisplayMessages', (req, ctx) => {
    const { status, messages } = getDisplayMessages201(st, engine, req);
    if (status === 'Accepted' && !st.faults.has('display-message-201-no-notify')) {
      const requestId = req.requestId as number;
      let messageInfo = st.faults.has('display-message-201-content-lost') ? messages.map((m) => ({ ...m, message: { ...m.message, content: '' } })) : messages;
      if (st.faults.has('display-message-201-times-not-reported')) messageInfo = messageInfo.map(({ startDateTime: _s, endDateTime: _e, ...m }) => m);
      // messageInfo has at least one entry when present (schema): an empty answer carries none.
      ctx.afterReply(() => st.send('NotifyDisplayMessages', messageInfo.length > 0 ? { requestId, tbc: false, messageInfo } : { requestId, tbc: false }));
    }
    return { status };
  });

  ep.handle('ClearDisplayMessage', (req) => {
    const s = purge(st, engine);
    const id = req.id as number;
    if (!s.has(id)) return { status: st.faults.has('display-message-201-clear-unknown-accepted') ? 'Accepted' : 'Unknown' };
    if (!st.faults.has('display-message-201-clear-ignored')) s.delete(id);
    return { status: 'Accepted' };
  });
}

/** Power cycle: the messages stay (O01.FR.10); fault display-message-201-lost-on-reboot forgets them. */
export function displayMessagesAfterReboot201(st: Station): void {
  if (st.faults.has('display-message-201-lost-on-reboot')) store(st).clear();
}
