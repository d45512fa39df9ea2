import type { Direction, Finding, MessageTypeName, Side, Version } from '../types.js';
import { actionInfo, maySend } from './actions.js';
import { errorCodeFor, isErrorCodeOf } from './error-codes.js';
import { finding, hasError } from './findings.js';
import { parseFrame, type Frame } from './frame.js';
import { PendingCalls, type PendingCall } from './pending-calls.js';
import { validatePayload } from './schema-validator.js';

/**
 * The protocol state of one OCPP-J connection: the outstanding CALLs of each side, the station's boot state
 * and the ids each side used recently. Every frame goes through `inspect`, which parses it, checks the RPC
 * rules and validates the payload against the schema of the right message, answering with findings.
 * Pure: no I/O, time is passed in.
 */
export interface ConversationOptions {
  version: Version;
  /** After this long without an answer a CALL counts as timed out (OCPP-J §4.1.1). Default 30 s. */
  responseTimeoutMs?: number;
}

export interface Inspection {
  type: MessageTypeName;
  id?: string;
  /** The action: of the CALL/SEND itself, or of the CALL a response answers. */
  action?: string;
  /** The parsed frame, when it could be parsed. */
  frame?: Frame;
  findings: Finding[];
  /** False when any finding is an error. */
  valid: boolean;
  /** For responses: milliseconds since the CALL they answer. */
  latencyMs?: number;
}

/** What is known about the station's boot in this connection. `unknown`: no BootNotification seen (joined mid-life). */
export type BootState = 'unknown' | 'awaiting' | 'accepted' | 'pending' | 'rejected';

const RECENT_IDS = 32;
/** Shared by the checks that found nothing (callers only read it). */
const NO_FINDINGS: Finding[] = [];

export const DEFAULT_RESPONSE_TIMEOUT_MS = 30_000;
/** How much earlier than the observer a sender may see its CALL time out: the CALL's way here (and the event loops on it). */
const TRANSIT_SLACK_MS = 250;

export class Conversation {
  readonly version: Version;
  readonly responseTimeoutMs: number;
  private boot: BootState = 'unknown';
  private readonly pending: Record<Side, PendingCalls> = { cs: new PendingCalls(), csms: new PendingCalls() };
  /** CALLs dropped from `pending` because they timed out: a late answer still finds its action (rpc.late-response). */
  private readonly timedOut: Record<Side, Map<string, PendingCall>> = { cs: new Map(), csms: new Map() };
  /** Ids of malformed requests each side sent: the receiver may rightly answer them with a CALLERROR. */
  private readonly malformed: Record<Side, string[]> = { cs: [], csms: [] };
  private readonly recentIds: Record<Side, string[]> = { cs: [], csms: [] };

  constructor(options: ConversationOptions) {
    this.version = options.version;
    this.responseTimeoutMs = options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS;
  }

  get bootState(): BootState {
    return this.boot;
  }

  /** The CALL of `side` still waiting for an answer, if any (the oldest one). */
  outstanding(side: Side): { id: string; action: string; at: number } | undefined {
    const first = this.pending[side].oldest();
    return first ? { id: first[0], ...first[1] } : undefined;
  }

  /** Checks one WebSocket message. `binary` for binary messages (their `data` is not text). */
  inspect(dir: Direction, data: string, options: { binary?: boolean; now?: number } = {}): Inspection {
    const now = options.now ?? Date.now();
    const sender: Side = dir === 'cs->csms' ? 'cs' : 'csms';
    if (options.binary) {
      return done({ type: 'INVALID', findings: [finding('frame.binary', 'error', 'A binary WebSocket message: OCPP-J messages are text frames.', { errorCode: errorCodeFor(this.version, 'format') })] });
    }
    const parsed = parseFrame(data, this.version);
    if (!parsed.ok) {
      // A malformed answer still ends the CALL it answers; keeping it pending would blame every later frame.
      if (parsed.id !== undefined && (parsed.type === 'CALLRESULT' || parsed.type === 'CALLERROR')) this.forget(other(sender), parsed.id);
      // A malformed request (or an unknown message type) with a readable id is answered with a CALLERROR carrying that id.
      else if (parsed.id !== undefined) pushBounded(this.malformed[sender], parsed.id);
      return done({ type: 'INVALID', id: parsed.id, findings: parsed.findings });
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case 'CALL':
      case 'SEND':
        return done({ type: frame.type, id: frame.id, action: frame.action, frame, findings: this.onRequest(sender, frame, now) });
      case 'CALLRESULT':
      case 'CALLERROR':
        return done(this.onResponse(sender, frame, now));
      case 'CALLRESULTERROR':
        return done({ type: frame.type, id: frame.id, frame, findings: this.onCallResultError(sender, frame) });
    }
  }

  private onRequest(sender: Side, frame: Extract<Frame, { type: 'CALL' | 'SEND' }>, now: number): Finding[] {
    const v = this.version;
    const findings: Finding[] = [];
    if (frame.type === 'SEND' && v !== '2.1') {
      findings.push(finding('rpc.type-not-in-version', 'error', `SEND (message type 6) exists only in OCPP 2.1; this connection speaks ${v}.`, { errorCode: errorCodeFor(v, 'messageType') }));
    }
    const info = actionInfo(v, frame.action);
    if (!info) {
      findings.push(finding('rpc.unknown-action', 'error', `"${frame.action}" is not an OCPP ${v} action.`, { errorCode: errorCodeFor(v, 'notImplemented') }));
    } else {
      if (!maySend(v, frame.action, sender)) {
        const who = sender === 'cs' ? 'the charging station' : 'the CSMS';
        findings.push(finding('rpc.wrong-direction', 'error', `${frame.action} was sent by ${who}, but in OCPP ${v} only ${info.sender === 'cs' ? 'the charging station' : 'the CSMS'} sends it.`, { errorCode: errorCodeFor(v, 'notImplemented') }));
      }
      if (v === '2.1' && frame.type === 'CALL' && info.sendOnly) {
        findings.push(finding('rpc.send-not-confirmable', 'error', `${frame.action} is an unconfirmed message in OCPP 2.1 and must be sent as SEND (6), not CALL.`, { errorCode: errorCodeFor(v, 'protocol') }));
      } else if (v === '2.1' && frame.type === 'SEND' && !info.sendOnly) {
        findings.push(finding('rpc.send-not-confirmable', 'error', `${frame.action} expects a response and must be sent as CALL (2), not SEND.`, { errorCode: errorCodeFor(v, 'protocol') }));
      }
    }
    if (frame.type === 'CALL') append(findings, this.checkCallOrder(sender, frame, now));
    if (sender === 'cs') append(findings, this.checkBootOrder(frame.action));
    if (info) append(findings, validatePayload(v, frame.action, 'request', frame.payload));
    this.remember(sender, frame.id);
    if (frame.type === 'CALL') {
      this.timedOut[sender].delete(frame.id);
      this.pending[sender].set(frame.id, { action: frame.action, at: now });
    }
    if (sender === 'cs' && frame.action === 'BootNotification' && frame.type === 'CALL') this.boot = 'awaiting';
    return findings;
  }

  /** One CALL at a time per side, ids unique while pending and (warning) among recent ones. */
  private checkCallOrder(sender: Side, frame: Extract<Frame, { type: 'CALL' }>, now: number): Finding[] {
    const pending = this.pending[sender];
    // The common case, one CALL at a time: nothing pending, and an id not used lately.
    if (pending.size === 0 && !this.recentIds[sender].includes(frame.id)) return NO_FINDINGS;
    const findings: Finding[] = [];
    // A CALL unanswered for longer than the timeout has timed out: the sender may move on (OCPP-J §4.1.1). The
    // sender's clock started when it sent the CALL, before it got here, so its timeout ends up to TRANSIT_SLACK_MS sooner.
    for (const [id, call] of pending) {
      if (now - call.at < this.responseTimeoutMs - TRANSIT_SLACK_MS) continue;
      pending.delete(id);
      const timedOut = this.timedOut[sender];
      timedOut.set(id, call);
      if (timedOut.size > RECENT_IDS) timedOut.delete(timedOut.keys().next().value as string);
    }
    const same = pending.get(frame.id);
    if (same) {
      findings.push(finding('rpc.duplicate-id', 'error', `messageId "${frame.id}" is already used by the outstanding ${same.action} CALL of the same side.`, { errorCode: errorCodeFor(this.version, 'rpcFramework') }));
    } else if (this.recentIds[sender].includes(frame.id)) {
      findings.push(finding('rpc.reused-id', 'warning', `messageId "${frame.id}" was already used by an earlier CALL of the same side on this connection.`));
    }
    const previous = firstOther(pending, frame.id);
    if (previous) {
      const [id, call] = previous;
      const strict = this.version !== '1.6';
      findings.push(finding('rpc.concurrent-call', strict ? 'error' : 'warning', `A second CALL (${frame.action}) while ${call.action} "${id}" of the same side is unanswered for ${now - call.at} ms and not timed out (${strict ? 'SHALL NOT' : 'SHOULD NOT'}).`));
    }
    return findings;
  }

  private checkBootOrder(action: string): Finding[] {
    if (action === 'BootNotification') return NO_FINDINGS;
    switch (this.boot) {
      case 'accepted':
        return NO_FINDINGS;
      case 'rejected':
        return [finding('rpc.before-boot', 'error', `${action} sent after the CSMS rejected the BootNotification; the station must not send anything else until it boots again.`)];
      case 'awaiting':
        return [finding('rpc.before-boot', 'error', `${action} sent while the station's BootNotification is still unanswered.`)];
      case 'pending':
        return [finding('rpc.before-boot', 'warning', `${action} sent while the BootNotification is Pending; only allowed when the CSMS asked for it (e.g. TriggerMessage).`)];
      case 'unknown':
        return [finding('rpc.before-boot', 'warning', `${action} sent before any BootNotification on this connection (fine if the station reconnected without rebooting).`)];
    }
  }

  private onResponse(sender: Side, frame: Extract<Frame, { type: 'CALLRESULT' | 'CALLERROR' }>, now: number): Omit<Inspection, 'valid'> {
    const v = this.version;
    const findings: Finding[] = [];
    const caller = other(sender);
    const call = this.pending[caller].get(frame.id) ?? this.timedOut[caller].get(frame.id);
    if (frame.type === 'CALLERROR') append(findings, this.checkErrorCode(frame.errorCode));
    if (!call) {
      // "-1" is the id the spec prescribes for a CALLERROR about a frame whose id could not be read (2.0.1 Part 4 §4.2.3);
      // a CALLERROR may also answer a malformed request whose id was readable.
      const answersMalformed = frame.type === 'CALLERROR' && (frame.id === '-1' || removeFrom(this.malformed[caller], frame.id));
      if (!answersMalformed) {
        findings.push(finding('rpc.unknown-id', 'error', `${frame.type} for messageId "${frame.id}", which matches no outstanding CALL of the ${caller === 'cs' ? 'charging station' : 'CSMS'}.`));
      }
      return { type: frame.type, id: frame.id, frame, findings };
    }
    this.forget(caller, frame.id);
    const latencyMs = now - call.at;
    if (latencyMs > this.responseTimeoutMs) {
      findings.push(finding('rpc.late-response', 'warning', `The answer to ${call.action} came after ${latencyMs} ms, later than the ${this.responseTimeoutMs} ms response timeout.`));
    }
    if (frame.type === 'CALLRESULT' && actionInfo(v, call.action)) {
      append(findings, validatePayload(v, call.action, 'response', frame.payload));
      if (call.action === 'BootNotification' && caller === 'cs') this.onBootAnswer(frame.payload.status);
    }
    // A BootNotification answered with an error leaves the boot undecided, as if none had been seen.
    if (frame.type === 'CALLERROR' && call.action === 'BootNotification' && caller === 'cs') this.boot = 'unknown';
    return { type: frame.type, id: frame.id, action: call.action, frame, findings, latencyMs };
  }

  private onBootAnswer(status: unknown): void {
    if (status === 'Accepted') this.boot = 'accepted';
    else if (status === 'Pending') this.boot = 'pending';
    else if (status === 'Rejected') this.boot = 'rejected';
  }

  private onCallResultError(sender: Side, frame: Extract<Frame, { type: 'CALLRESULTERROR' }>): Finding[] {
    const findings: Finding[] = [];
    if (this.version !== '2.1') {
      findings.push(finding('rpc.type-not-in-version', 'error', `CALLRESULTERROR (message type 5) exists only in OCPP 2.1; this connection speaks ${this.version}.`, { errorCode: errorCodeFor(this.version, 'messageType') }));
    }
    findings.push(...this.checkErrorCode(frame.errorCode));
    // It reports a problem with the CALLRESULT to a CALL this sender made, so the id is one of its own.
    if (!this.recentIds[sender].includes(frame.id)) {
      findings.push(finding('rpc.unknown-id', 'error', `CALLRESULTERROR for messageId "${frame.id}", which is not a CALL this side sent on this connection.`));
    }
    return findings;
  }

  private checkErrorCode(code: string): Finding[] {
    if (isErrorCodeOf(this.version, code)) return [];
    return [finding('rpc.unknown-error-code', 'error', `"${code}" is not an OCPP ${this.version} error code.`)];
  }

  /** The CALL `id` of `caller` got its answer (or a malformed one): it is neither pending nor timed out any more. */
  private forget(caller: Side, id: string): void {
    this.pending[caller].delete(id);
    this.timedOut[caller].delete(id);
  }

  private remember(sender: Side, id: string): void {
    pushBounded(this.recentIds[sender], id);
  }
}

function pushBounded(list: string[], id: string): void {
  list.push(id);
  if (list.length > RECENT_IDS) list.shift();
}

/** The first pending CALL with another id than `id` (no copy of the map: this runs for every CALL). */
function firstOther(pending: PendingCalls, id: string): [string, PendingCall] | undefined {
  for (const entry of pending) if (entry[0] !== id) return entry;
  return undefined;
}

/** Pushes `more` onto `findings`; nearly always empty, so no spread call. */
function append(findings: Finding[], more: Finding[]): void {
  for (const f of more) findings.push(f);
}

function removeFrom(list: string[], id: string): boolean {
  const at = list.indexOf(id);
  if (at >= 0) list.splice(at, 1);
  return at >= 0;
}

function other(side: Side): Side {
  return side === 'cs' ? 'csms' : 'cs';
}

/** Completes an inspection built in this module (a fresh object each time, so it is filled in place rather than copied). */
function done(i: Omit<Inspection, 'valid'> & { valid?: boolean }): Inspection {
  i.valid = !hasError(i.findings);
  return i as Inspection;
}
