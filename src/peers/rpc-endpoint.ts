import { EventEmitter } from 'node:events';
import { nanoid } from 'nanoid';
import WebSocket from 'ws';
import { actionInfo } from '../ocpp/actions.js';
import { Conversation, type Inspection } from '../ocpp/conversation.js';
import { parseFrame, serializeFrame, type Frame, type Payload } from '../ocpp/frame.js';
import type { Direction, Finding, FrameRecord, Side, Version } from '../types.js';
import { RpcCallError, RpcClosedError, RpcError, RpcTimeoutError } from './rpc-errors.js';

/**
 * One end of an OCPP-J connection, shared by the reference charging station and the reference CSMS.
 * It sends CALLs one at a time (OCPP-J: at most one outstanding CALL per side) from a queue, answers
 * incoming CALLs through registered handlers, and runs every frame, both ways, through the protocol
 * core's Conversation so each one is emitted as a FrameRecord with its findings.
 */

/** Return this from a handler to leave the CALL unanswered (a fault, or an answer sent some other way). */
export const NO_REPLY: unique symbol = Symbol('no-reply');

export interface CallContext {
  action: string;
  /** The messageId of the incoming CALL. */
  id: string;
  /** Runs `fn` once the CALLRESULT has been sent: for work the answer must precede (e.g. start after RemoteStart). */
  afterReply(fn: () => void | Promise<void>): void;
}

export type HandlerResult = Payload | typeof NO_REPLY;
/** Answers one incoming CALL; throw an RpcError to answer with a CALLERROR. */
export type Handler = (payload: Payload, ctx: CallContext) => HandlerResult | Promise<HandlerResult>;

export interface RpcEndpointOptions {
  /** An open WebSocket. */
  socket: WebSocket;
  version: Version;
  /** The role this endpoint plays: `cs` sends cs->csms frames. */
  side: Side;
  /** Charging station identity, for the frame records. */
  station: string;
  /** Connection id for the frame records; a fresh one by default. */
  conn?: string;
  /** How long a CALL waits for its answer. Default 30 000 ms. */
  responseTimeoutMs?: number;
  /** Fault switch: send each CALL at once, without waiting for the previous one to be answered. */
  concurrentCalls?: boolean;
}

export interface RpcEndpointEvents {
  /** Every frame that crossed, in order, with the protocol core's findings. */
  frame: [FrameRecord];
  /** The WebSocket closed. */
  close: [code: number, reason: string];
  /** Something went wrong inside a handler or an after-reply task (never thrown at the caller). */
  problem: [Error];
}

interface OutgoingCall {
  action: string;
  payload: Payload;
  timeoutMs: number;
  resolve: (payload: Payload) => void;
  reject: (error: Error) => void;
}

interface InFlight extends OutgoingCall {
  timer: NodeJS.Timeout;
}

export const DEFAULT_RPC_TIMEOUT_MS = 30_000;

export class RpcEndpoint extends EventEmitter<RpcEndpointEvents> {
  readonly version: Version;
  readonly side: Side;
  readonly station: string;
  readonly conn: string;
  readonly conversation: Conversation;
  private readonly socket: WebSocket;
  private readonly responseTimeoutMs: number;
  private readonly concurrentCalls: boolean;
  private readonly handlers = new Map<string, Handler>();
  private fallback: Handler | undefined;
  private readonly queue: OutgoingCall[] = [];
  private readonly inFlight = new Map<string, InFlight>();
  private closed = false;
  private readonly closedPromise: Promise<void>;

  constructor(options: RpcEndpointOptions) {
    super();
    this.socket = options.socket;
    this.version = options.version;
    this.side = options.side;
    this.station = options.station;
    this.conn = options.conn ?? nanoid(10);
    this.responseTimeoutMs = options.responseTimeoutMs ?? DEFAULT_RPC_TIMEOUT_MS;
    this.concurrentCalls = options.concurrentCalls ?? false;
    this.conversation = new Conversation({ version: this.version, responseTimeoutMs: this.responseTimeoutMs });
    this.socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    this.closedPromise = new Promise((resolve) => {
      this.socket.once('close', (code, reason) => {
        this.onClose();
        this.emit('close', code, reason.toString());
        resolve();
      });
    });
    // A socket error is followed by 'close'; listening keeps it from being thrown as an unhandled 'error'.
    this.socket.on('error', () => undefined);
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === WebSocket.OPEN;
  }

  /** The CALLs sent and not yet answered plus those waiting to be sent. */
  get pendingCalls(): number {
    return this.inFlight.size + this.queue.length;
  }

  /** Registers the handler of an incoming action (replacing any earlier one). */
  handle(action: string, handler: Handler): this {
    this.handlers.set(action, handler);
    return this;
  }

  /** The handler registered for an action, if any (to wrap it with more behaviour). */
  handlerOf(action: string): Handler | undefined {
    return this.handlers.get(action);
  }

  /** The handler for actions without their own; without one they are answered NotSupported / NotImplemented. */
  handleOthers(handler: Handler | undefined): this {
    this.fallback = handler;
    return this;
  }

  /** Sends a CALL (after the ones queued before it) and resolves with the CALLRESULT payload. */
  call(action: string, payload: Payload, options: { timeoutMs?: number } = {}): Promise<Payload> {
    if (!this.isOpen) return Promise.reject(new RpcClosedError(action));
    return new Promise((resolve, reject) => {
      this.queue.push({ action, payload, timeoutMs: options.timeoutMs ?? this.responseTimeoutMs, resolve, reject });
      this.pump();
    });
  }

  /** Sends text exactly as given (for deliberately malformed frames); it is inspected and recorded like any frame. */
  sendRaw(text: string): void {
    this.transmitText(text);
  }

  /** Closes the connection and resolves once it is closed. */
  close(code = 1000, reason = ''): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    if (this.socket.readyState !== WebSocket.CLOSING) this.socket.close(code, reason);
    return this.closedPromise;
  }

  /** Drops the connection without a closing handshake (a power cut, a pulled cable). */
  terminate(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.terminate();
    return this.closedPromise;
  }

  private get outDir(): Direction {
    return this.side === 'cs' ? 'cs->csms' : 'csms->cs';
  }

  private get inDir(): Direction {
    return this.side === 'cs' ? 'csms->cs' : 'cs->csms';
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.concurrentCalls || this.inFlight.size === 0)) {
      const next = this.queue.shift()!;
      if (!this.isOpen) {
        next.reject(new RpcClosedError(next.action));
        continue;
      }
      const id = nanoid();
      const timer = setTimeout(() => this.onTimeout(id), next.timeoutMs);
      this.inFlight.set(id, { ...next, timer });
      this.transmit({ type: 'CALL', id, action: next.action, payload: next.payload });
    }
  }

  private onTimeout(id: string): void {
    const call = this.inFlight.get(id);
    if (!call) return;
    this.inFlight.delete(id);
    call.reject(new RpcTimeoutError(call.action, call.timeoutMs));
    this.pump();
  }

  private transmit(frame: Frame): void {
    this.transmitText(serializeFrame(frame));
  }

  private transmitText(text: string): void {
    if (!this.isOpen) return;
    const inspection = this.conversation.inspect(this.outDir, text);
    this.record(this.outDir, text, inspection);
    this.socket.send(text);
  }

  private onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    const text = isBinary ? bytes.toString('base64') : bytes.toString('utf8');
    const inspection = this.conversation.inspect(this.inDir, text, { binary: isBinary });
    this.record(this.inDir, text, inspection, isBinary);
    if (isBinary) return;
    switch (inspection.type) {
      case 'CALL':
        // Handled after the promise reactions of earlier frames (an answer that arrived in the same chunk
        // must be processed first: a RemoteStop may follow the StartTransaction answer it refers to).
        setImmediate(() => void this.onCall(inspection));
        break;
      case 'CALLRESULT':
      case 'CALLERROR':
        this.onResponse(inspection);
        break;
      case 'INVALID':
        this.onInvalid(text, inspection);
        break;
      default:
        // SEND and CALLRESULTERROR only exist in 2.1, which the reference peers do not speak; the record says so.
        break;
    }
  }

  private async onCall(inspection: Inspection): Promise<void> {
    const frame = inspection.frame;
    if (!frame || frame.type !== 'CALL') return;
    const rejection = firstAnswerableError(inspection.findings);
    if (rejection) return this.replyError(frame.id, rejection.errorCode!, rejection.message);
    const handler = this.handlers.get(frame.action) ?? this.fallback;
    if (!handler) {
      const known = actionInfo(this.version, frame.action) !== undefined;
      return this.replyError(frame.id, known ? 'NotSupported' : 'NotImplemented', `${frame.action} is not supported by this ${this.side === 'cs' ? 'charging station' : 'CSMS'}`);
    }
    const after: Array<() => void | Promise<void>> = [];
    let result: HandlerResult;
    try {
      result = await handler(frame.payload, { action: frame.action, id: frame.id, afterReply: (fn) => after.push(fn) });
    } catch (e) {
      if (e instanceof RpcError) return this.replyError(frame.id, e.errorCode, e.errorDescription, e.errorDetails);
      this.emit('problem', e instanceof Error ? e : new Error(String(e)));
      return this.replyError(frame.id, 'InternalError', `handling ${frame.action} failed`);
    }
    if (result === NO_REPLY) return;
    this.transmit({ type: 'CALLRESULT', id: frame.id, payload: result });
    for (const task of after) {
      try {
        await task();
      } catch (e) {
        this.emit('problem', e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  private replyError(id: string, errorCode: string, errorDescription: string, errorDetails: Payload = {}): void {
    this.transmit({ type: 'CALLERROR', id, errorCode, errorDescription: errorDescription.slice(0, 255), errorDetails });
  }

  private onResponse(inspection: Inspection): void {
    const frame = inspection.frame;
    if (!frame || (frame.type !== 'CALLRESULT' && frame.type !== 'CALLERROR')) return;
    const call = this.inFlight.get(frame.id);
    // Late answers (after our timeout) and unknown ids are only recorded: the record carries the finding.
    if (!call) return;
    clearTimeout(call.timer);
    this.inFlight.delete(frame.id);
    if (frame.type === 'CALLRESULT') call.resolve(frame.payload);
    else call.reject(new RpcCallError(call.action, frame.errorCode, frame.errorDescription, frame.errorDetails));
    this.pump();
  }

  /** A frame that could not be read: answer it when it was (or may have been) a CALL and its id is known. */
  private onInvalid(text: string, inspection: Inspection): void {
    const parsed = parseFrame(text, this.version);
    if (parsed.ok) return;
    const code = firstAnswerableError(inspection.findings)?.errorCode;
    if (!code) return;
    if (parsed.type === 'CALL' && parsed.id !== undefined) {
      this.replyError(parsed.id, code, inspection.findings[0]?.message ?? 'invalid CALL');
    } else if (parsed.type === undefined && this.version !== '1.6') {
      // 2.x: a frame whose type (or id) cannot be read is answered with messageId "-1" when the id is unknown.
      this.replyError(parsed.id ?? '-1', code, inspection.findings[0]?.message ?? 'invalid frame');
    }
  }

  private onClose(): void {
    this.closed = true;
    for (const [id, call] of this.inFlight) {
      clearTimeout(call.timer);
      this.inFlight.delete(id);
      call.reject(new RpcClosedError(call.action));
    }
    for (const call of this.queue.splice(0)) call.reject(new RpcClosedError(call.action));
  }

  private record(dir: Direction, raw: string, inspection: Inspection, binary = false): void {
    const rec: FrameRecord = {
      ts: new Date().toISOString(),
      station: this.station,
      conn: this.conn,
      dir,
      raw,
      type: inspection.type,
      version: this.version,
      valid: inspection.valid,
      errors: inspection.findings,
    };
    if (binary) rec.binary = true;
    if (inspection.id !== undefined) rec.id = inspection.id;
    if (inspection.action !== undefined) rec.action = inspection.action;
    if (inspection.latencyMs !== undefined) rec.latencyMs = inspection.latencyMs;
    this.emit('frame', rec);
  }
}

/** The first error finding that names a CALLERROR code: the answer to an invalid CALL. */
function firstAnswerableError(findings: readonly Finding[]): Finding | undefined {
  return findings.find((f) => f.severity === 'error' && f.errorCode);
}
