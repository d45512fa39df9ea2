import type { Payload } from '../../ocpp/frame.js';
import type { StationSession } from './session.js';

/**
 * 2.0.1 display messages sent by the reference CSMS (OCPP 2.0.1 Part 2 O01/O02 SetDisplayMessage, O03/O04
 * GetDisplayMessages, O05 ClearDisplayMessage, O06 replace; I02 CostUpdated): the requests are built from the operator's
 * parameters, and the CSMS remembers the ids of the messages it set per station, so that "clear / replace the message
 * set before" needs no id. The fault switches of catalog-201-advanced-user-interface.ts (peer csms) bend the requests.
 */

type Params = Record<string, unknown>;
type Request = { action: string; payload: Payload };

const sent = new WeakMap<StationSession, { counter: number; requests: number; latest?: number }>();

function memory(s: StationSession): { counter: number; requests: number; latest?: number } {
  let m = sent.get(s);
  if (!m) sent.set(s, (m = { counter: 1, requests: 1 }));
  return m;
}

function num(v: unknown): number | undefined {
  return v === undefined || v === null || v === '' ? undefined : Number(v);
}

/** When a time is given as an offset in seconds (`startInSeconds`, `endInSeconds`) or as a date-time. */
function when(at: unknown, inSeconds: unknown): string | undefined {
  if (typeof at === 'string' && at !== '') return at;
  const s = num(inSeconds);
  return s === undefined ? undefined : new Date(Date.now() + s * 1000).toISOString();
}

/**
 * SetDisplayMessage: `id` (default a new one; `replace: true` the one set before), `priority` (NormalCycle),
 * `format` (UTF8), `content`, `language`, `state`, `startDateTime` / `startInSeconds`, `endDateTime` /
 * `endInSeconds`, `transactionId` (or `forTransaction: true`: the station's one active transaction).
 */
export function setDisplayMessage201(s: StationSession, p: Params): Request {
  const m = memory(s);
  let id = num(p.id) ?? (p.replace === true || p.replace === 'true' ? m.latest : undefined) ?? m.counter++;
  if (s.faults.has('csms201-display-message-id-not-reused') && id === m.latest) id = m.counter++;
  m.latest = id;
  const message: Payload = { format: String(p.format ?? 'UTF8'), content: String(p.content ?? 'Message from the CSMS') };
  if (p.language !== undefined) message.language = String(p.language);
  if (s.faults.has('csms201-display-message-format-missing')) delete message.format;
  const info: Payload = { id, priority: s.faults.has('csms201-display-message-priority-fixed') ? 'NormalCycle' : String(p.priority ?? 'NormalCycle'), message };
  if (p.state !== undefined && !s.faults.has('csms201-display-message-state-dropped')) info.state = String(p.state);
  const start = when(p.startDateTime, p.startInSeconds);
  if (start !== undefined && !s.faults.has('csms201-display-message-times-dropped')) info.startDateTime = start;
  const end = when(p.endDateTime, p.endInSeconds);
  if (end !== undefined && !s.faults.has('csms201-display-message-times-dropped')) info.endDateTime = end;
  const active = s.activeTransactions;
  const txId = p.transactionId ?? (p.forTransaction === true || p.forTransaction === 'true' ? (active.length === 1 ? active[0].transactionId : undefined) : undefined);
  if ((p.forTransaction === true || p.forTransaction === 'true') && txId === undefined) throw new Error(`name the transactionId: station ${s.id} has ${active.length} active transactions`);
  if (txId !== undefined && !s.faults.has('csms201-display-message-transaction-dropped')) info.transactionId = String(txId);
  return { action: 'SetDisplayMessage', payload: { message: info } };
}

/** GetDisplayMessages: `requestId` (default a new one) and the criteria given (`id`: one or a list, `latest` for the id set before; `priority`, `state`). */
export function getDisplayMessages201(s: StationSession, p: Params): Request {
  const m = memory(s);
  const payload: Payload = { requestId: num(p.requestId) ?? m.requests++ };
  const ids = p.id === 'latest' ? [m.latest] : p.id === undefined ? undefined : ([] as unknown[]).concat(p.id).map(Number);
  const dropped = s.faults.has('csms201-get-display-messages-criteria-dropped');
  if (ids !== undefined && !dropped) payload.id = ids;
  if (p.priority !== undefined && !dropped) payload.priority = String(p.priority);
  if (p.state !== undefined && !dropped) payload.state = String(p.state);
  if (s.faults.has('csms201-get-display-messages-request-id-missing')) delete payload.requestId;
  if (ids === undefined && p.priority === undefined && p.state === undefined && s.faults.has('csms201-get-display-messages-all-by-id') && m.latest !== undefined) payload.id = [m.latest];
  return { action: 'GetDisplayMessages', payload };
}

/** ClearDisplayMessage of `id` (default: the message set before). */
export function clearDisplayMessage201(s: StationSession, p: Params): Request {
  const m = memory(s);
  let id = num(p.id) ?? m.latest ?? m.counter++;
  if (s.faults.has('csms201-clear-display-message-wrong-id')) id += 1;
  return { action: 'ClearDisplayMessage', payload: { id: s.faults.has('csms201-clear-display-message-id-as-string') ? String(id) : id } };
}

/** CostUpdated: `totalCost` (default 1.23) of `transactionId` (default the station's one active transaction). */
export function costUpdated201(s: StationSession, p: Params): Request {
  const active = s.activeTransactions;
  const transactionId = p.transactionId ?? (active.length === 1 ? active[0].transactionId : undefined);
  if (transactionId === undefined) throw new Error(`name the transactionId: station ${s.id} has ${active.length} active transactions`);
  return { action: 'CostUpdated', payload: { totalCost: Number(p.totalCost ?? 1.23), transactionId: String(transactionId) } };
}
