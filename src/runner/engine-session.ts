import type { Direction, Finding, FrameRecord, Side, Version } from '../types.js';
import { Conversation, type BootState } from '../ocpp/conversation.js';
import { errorCodeFor } from '../ocpp/error-codes.js';
import { serializeFrame, type Payload } from '../ocpp/frame.js';
import type { Link } from './link.js';
import { LinkDownError } from './link.js';
import { EventQueue, type IncomingCall, type SessionEvent } from './session-events.js';

/**
 * One link to the SUT as the engine sees it: every frame in both directions goes through the protocol core and
 * into the current case's frame list; CALLs from the SUT queue up as events (session-events.ts) for the step that
 * waits for them, and the harness's own CALLs wait here for their responses.
 */
export type { IncomingCall, SessionEvent } from './session-events.js';

export type CallOutcome =
  | { kind: 'result'; payload: Payload; frame: FrameRecord; errors: Finding[] }
  | { kind: 'error'; code: string; description: string; frame: FrameRecord; errors: Finding[] }
  | { kind: 'invalid'; frame: FrameRecord; errors: Finding[] }
  | { kind: 'timeout' };

export interface SessionOptions {
  version: Version;
  /** The role the harness plays. */
  harness: Side;
  holdMs: number;
  responseTimeoutMs: number;
  /** Answers a CALL nobody claimed. */
  backgroundAnswer: (call: IncomingCall) => { payload: Payload } | { error: { code: string; description: string } };
  now?: () => number;
}

interface PendingCall {
  action: string;
  conn: string;
  resolve: (o: CallOutcome) => void;
}

export class Session {
  frames: FrameRecord[] = [];
  private conversation: Conversation;
  private readonly events: EventQueue;
  private readonly openWaiters = new Set<() => void>();
  private readonly pending = new Map<string, PendingCall>();
  private idCounter = 0;
  private readonly openedAt = new Map<string, number>();
  private readonly now: () => number;

  constructor(
    readonly link: Link,
    readonly options: SessionOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.events = new EventQueue(options.holdMs, (call) => this.releaseHeld(call), this.now);
    this.conversation = this.freshConversation();
    link.setListener({
      frame: (text, binary) => this.onFrame(text, binary),
      open: (conn) => {
        this.openedAt.set(conn, this.now());
        this.conversation = this.freshConversation();
        this.push({ kind: 'open', conn });
        for (const w of [...this.openWaiters]) w();
      },
      close: (conn, code, reason) => {
        // CALLs sent on the connection that closed will never be answered.
        for (const [id, p] of this.pending) {
          if (p.conn !== conn) continue;
          this.pending.delete(id);
          p.resolve({ kind: 'timeout' });
        }
        this.push({ kind: 'close', conn, code, reason });
      },
    });
  }

  /** When a connection opened (undefined for one the session never saw open). */
  connectionOpenedAt(conn: string): number | undefined {
    return this.openedAt.get(conn);
  }

  /** What the protocol core knows about the station's boot on the current connection. */
  get bootState(): BootState {
    return this.conversation.bootState;
  }

  get sutSide(): Side {
    return this.options.harness === 'csms' ? 'cs' : 'csms';
  }

  private get inbound(): Direction {
    return this.options.harness === 'csms' ? 'cs->csms' : 'csms->cs';
  }

  private get outbound(): Direction {
    return this.options.harness === 'csms' ? 'csms->cs' : 'cs->csms';
  }

  private freshConversation(): Conversation {
    return new Conversation({ version: this.options.version, responseTimeoutMs: this.options.responseTimeoutMs });
  }

  /**
   * Starts the frame list of a new case. What came between cases belongs to no case: CALLs still held are answered
   * in the background now (a station's boot after it connected, its heartbeats), problems are dropped.
   */
  startCase(): void {
    this.endCase();
    this.frames = [];
  }

  /** Ends a case: held CALLs are answered, leftover events dropped. */
  endCase(): void {
    for (const event of this.events.drain()) {
      if (event.kind === 'call' && !event.call.answered) this.answerBackground(event.call, 'no case was waiting for it');
    }
  }

  /** The next event, or undefined at the deadline. */
  next(deadline: number): Promise<SessionEvent | undefined> {
    return this.events.next(deadline);
  }

  /** Puts an event back at the front of the queue (it was looked at, not handled). */
  putBack(event: SessionEvent): void {
    this.events.putBack(event);
  }

  /** Wakes the waiting step with an error from outside the link (e.g. a manual action that failed). */
  interrupt(error: Error): void {
    this.events.push({ kind: 'interrupt', error });
  }

  /** Drops queued interrupts (their error was already reported). */
  takeInterrupts(): Error[] {
    return this.events.take('interrupt').map((e) => e.error);
  }

  /** Removes and returns the queued protocol violations (frames that arrived while no step was looking). */
  takeViolations(): Array<Extract<SessionEvent, { kind: 'violation' }>> {
    return this.events.take('violation');
  }

  /** Resolves true once the link is open, false at the deadline. Does not consume events. */
  async waitOpen(deadline: number): Promise<boolean> {
    if (this.link.isOpen) return true;
    const wait = deadline - this.now();
    if (wait <= 0) return false;
    return new Promise<boolean>((resolve) => {
      const onOpen = () => finish(true);
      const timer = setTimeout(() => finish(false), wait);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.openWaiters.delete(onOpen);
        resolve(ok);
      };
      this.openWaiters.add(onOpen);
    });
  }

  /** Sends a CALL and waits for its response (or the timeout); `sent` is the CALL's record. */
  async call(action: string, payload: Payload, timeoutMs: number): Promise<CallOutcome & { sent: FrameRecord }> {
    const id = `h${Date.now().toString(36)}-${++this.idCounter}`;
    const outcome = new Promise<CallOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      this.pending.set(id, {
        action,
        conn: this.link.conn,
        resolve: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      });
    });
    let sent: FrameRecord;
    try {
      sent = this.sendFrame(serializeFrame({ type: 'CALL', id, action, payload }));
    } catch (e) {
      this.pending.get(id)?.resolve({ kind: 'timeout' });
      this.pending.delete(id);
      throw e;
    }
    return { ...(await outcome), sent };
  }

  answer(call: IncomingCall, payload: Payload): FrameRecord {
    this.checkSameConnection(call);
    call.answered = true;
    return this.sendFrame(serializeFrame({ type: 'CALLRESULT', id: call.id, payload }));
  }

  answerError(call: IncomingCall, code: string, description = ''): FrameRecord {
    this.checkSameConnection(call);
    call.answered = true;
    return this.sendFrame(serializeFrame({ type: 'CALLERROR', id: call.id, errorCode: code, errorDescription: description, errorDetails: {} }));
  }

  /** A CALL is answered on the connection it came on: after a reconnect the SUT no longer waits for that answer. */
  private checkSameConnection(call: IncomingCall): void {
    if (call.frame.conn !== this.link.conn) throw new LinkDownError(`the connection the ${call.action} CALL came on has closed; it cannot be answered on a new one`);
  }

  /**
   * Answers a CALL with the default (or a CALLERROR when the SUT's frame was invalid). `_why` says at the call site
   * why the CALL is background; the frames themselves are the record.
   */
  answerBackground(call: IncomingCall, _why: string): void {
    if (call.answered) return;
    try {
      const schemaError = call.errors.find((f) => f.errorCode);
      if (schemaError) {
        this.answerError(call, schemaError.errorCode!, schemaError.message);
        return;
      }
      const a = this.options.backgroundAnswer(call);
      if ('payload' in a) this.answer(call, a.payload);
      else this.answerError(call, a.error.code, a.error.description);
    } catch (e) {
      if (!(e instanceof LinkDownError)) throw e;
    }
  }

  /** Sends a frame through the protocol core; returns its record. */
  private sendFrame(text: string): FrameRecord {
    if (!this.link.isOpen) throw new LinkDownError('the connection to the system under test is closed');
    const rec = this.record(this.outbound, text, false);
    this.link.send(text);
    return rec;
  }

  private onFrame(text: string, binary: boolean): void {
    const rec = this.record(this.inbound, text, binary);
    const errors = rec.errors.filter((f) => f.severity === 'error');
    const inspection = this.lastInspection!;
    const frame = inspection.frame;
    if (frame && (frame.type === 'CALL' || frame.type === 'SEND')) {
      const call: IncomingCall = { frame: rec, id: frame.id, action: frame.action, payload: frame.payload, receivedAt: this.now(), errors, answered: frame.type === 'SEND' };
      this.push({ kind: 'call', call });
      return;
    }
    if (frame && (frame.type === 'CALLRESULT' || frame.type === 'CALLERROR')) {
      const pending = this.pending.get(frame.id);
      if (pending) {
        this.pending.delete(frame.id);
        pending.resolve(frame.type === 'CALLRESULT' ? { kind: 'result', payload: frame.payload, frame: rec, errors } : { kind: 'error', code: frame.errorCode, description: frame.errorDescription, frame: rec, errors });
        return;
      }
    }
    if (!frame && inspection.id !== undefined && this.pending.has(inspection.id)) {
      const pending = this.pending.get(inspection.id)!;
      this.pending.delete(inspection.id);
      pending.resolve({ kind: 'invalid', frame: rec, errors });
      return;
    }
    if (errors.length > 0) {
      this.push({ kind: 'violation', frame: rec, errors, label: `${rec.type}${rec.action ? ` ${rec.action}` : ''}` });
      this.answerUnreadableCall(text, errors);
    }
  }

  /** A CALL that could not be parsed still gets a CALLERROR when its messageId can be read (OCPP-J §4.2.3). */
  private answerUnreadableCall(text: string, errors: Finding[]): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    if (!Array.isArray(value) || value[0] !== 2 || typeof value[1] !== 'string') return;
    const code = errors.find((f) => f.errorCode)?.errorCode ?? errorCodeFor(this.options.version, 'format');
    try {
      this.sendFrame(serializeFrame({ type: 'CALLERROR', id: value[1], errorCode: code, errorDescription: errors[0]?.message ?? '', errorDetails: {} }));
    } catch (e) {
      if (!(e instanceof LinkDownError)) throw e;
    }
  }

  private lastInspection?: ReturnType<Conversation['inspect']>;

  private record(dir: Direction, text: string, binary: boolean): FrameRecord {
    const now = this.now();
    const insp = this.conversation.inspect(dir, text, { binary, now });
    this.lastInspection = insp;
    const rec: FrameRecord = {
      ts: new Date(now).toISOString(),
      station: this.link.station,
      conn: this.link.conn,
      dir,
      raw: binary ? Buffer.from(text).toString('base64') : text,
      type: insp.type,
      version: this.options.version,
      valid: insp.valid,
      errors: insp.findings,
    };
    if (binary) rec.binary = true;
    if (insp.id !== undefined) rec.id = insp.id;
    if (insp.action !== undefined) rec.action = insp.action;
    if (insp.latencyMs !== undefined) rec.latencyMs = insp.latencyMs;
    this.frames.push(rec);
    return rec;
  }

  private push(event: SessionEvent): void {
    this.events.push(event);
  }

  /** A held CALL that no step took in time: answered in the background; an invalid one becomes a violation. */
  private releaseHeld(call: IncomingCall): void {
    this.answerBackground(call, `no step took it within ${this.options.holdMs} ms`);
    if (call.errors.length > 0) this.push({ kind: 'violation', frame: call.frame, errors: call.errors, label: `CALL ${call.action}` });
  }

  /** Stops timers; the link itself is disposed by its owner. */
  dispose(): void {
    this.events.dispose();
  }
}
