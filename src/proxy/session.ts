import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { Conversation } from '../ocpp/conversation.js';
import type { Direction, Side } from '../types.js';
import { enforcementReply } from './enforcer.js';
import { inspectMessage } from './frame-inspector.js';
import { CLOSE_GRACE_MS, closeEventDetail, forwardedClose, otherSide, type CloseInitiator, type SessionBase } from './session-common.js';
import type { ProxyFrameRecord } from './types.js';

/**
 * One station <-> CSMS pipe. Every message is forwarded first, byte for byte, then inspected and published
 * (enforce mode inspects CALLs before deciding). Pings, pongs and close codes travel end to end; a side that
 * vanishes makes the proxy close the other with 1001 (or 1011 after a protocol error on the vanished side).
 */
export interface SessionOptions extends SessionBase {
  cs: { ws: WebSocket; socket: Socket };
  csms: { ws: WebSocket; socket: Socket };
  enforce: boolean;
}

interface Closed {
  code: number;
  reason: string;
}

export class Session {
  readonly conversation: Conversation;
  readonly ended: Promise<void>;
  private end!: () => void;
  private readonly ends: Record<Side, { ws: WebSocket; socket: Socket }>;
  private readonly closed: Partial<Record<Side, Closed>> = {};
  private readonly errors: Partial<Record<Side, Error>> = {};
  private readonly paused: Record<Side, boolean> = { cs: false, csms: false };
  private initiator: CloseInitiator | undefined;
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly openedAt = Date.now();
  private frames = 0;

  constructor(private readonly o: SessionOptions) {
    this.conversation = new Conversation({ version: o.version, responseTimeoutMs: o.responseTimeoutMs });
    this.ends = { cs: o.cs, csms: o.csms };
    this.ended = new Promise((resolve) => (this.end = resolve));
  }

  start(): void {
    for (const side of ['cs', 'csms'] as const) this.wire(side);
    const upstream = this.ends.csms.ws;
    // A CSMS that closed while the station's handshake was completing: its close was not observed.
    if (upstream.readyState !== WebSocket.OPEN) this.onClose('csms', 1006, Buffer.alloc(0));
    else upstream.resume();
  }

  /** Closes both sides with `code` (the proxy is shutting down) and resolves when both are closed. */
  shutdown(code = 1001, reason = 'proxy shutting down'): Promise<void> {
    if (!this.initiator) {
      this.initiator = { by: 'proxy', code, reason, forwardedCode: code };
      for (const side of ['cs', 'csms'] as const) this.ends[side].ws.close(code, reason);
      this.armGraceTimer();
    }
    return this.ended;
  }

  private wire(side: Side): void {
    const src = this.ends[side].ws;
    const dst = this.ends[otherSide(side)].ws;
    src.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(side, data, isBinary));
    src.on('ping', (data: Buffer) => dst.ping(data));
    src.on('pong', (data: Buffer) => dst.pong(data));
    src.on('close', (code: number, reason: Buffer) => this.onClose(side, code, reason));
    src.on('error', (err: Error & { code?: string }) => {
      this.errors[side] = err;
      this.o.publishEvent('error', { side, message: err.message, code: err.code });
    });
  }

  private onMessage(side: Side, data: Buffer, binary: boolean): void {
    const now = Date.now();
    const dir: Direction = side === 'cs' ? 'cs->csms' : 'csms->cs';
    this.frames++;
    if (this.o.enforce && !binary) return this.intercept(side, dir, data, now);
    // Observe mode: forward first, then look.
    const delivered = this.forward(side, data, binary);
    this.publish(this.inspect(dir, data, binary, now), delivered);
  }

  /** Enforce mode is an interceptor: the verdict is needed before the frame may go on. */
  private intercept(side: Side, dir: Direction, data: Buffer, now: number): void {
    const record = this.inspect(dir, data, false, now);
    const reply = enforcementReply(record, record.raw, this.o.version);
    if (reply === undefined) return this.publish(record, this.forward(side, data, false));
    record.dropped = true;
    this.o.publishFrame(record);
    this.ends[side].ws.send(reply);
    const answer = this.inspect(dir === 'cs->csms' ? 'csms->cs' : 'cs->csms', Buffer.from(reply, 'utf8'), false, Date.now());
    answer.injected = true;
    if (record.type === 'INVALID') {
      // A request that could not be parsed was never pending, so the core cannot match the answer to it.
      answer.errors = answer.errors.filter((f) => f.rule !== 'rpc.unknown-id');
      answer.valid = !answer.errors.some((f) => f.severity === 'error');
    }
    this.o.publishFrame(answer);
  }

  private publish(record: ProxyFrameRecord, delivered: boolean): void {
    if (!delivered) record.undelivered = true;
    this.o.publishFrame(record);
  }

  private inspect(dir: Direction, data: Buffer, binary: boolean, now: number): ProxyFrameRecord {
    return inspectMessage(this.conversation, this.o, dir, data, binary, now);
  }

  /** Sends to the other side; stops reading from `side` while the other side's queue is over the high-water mark. */
  private forward(side: Side, data: Buffer, binary: boolean): boolean {
    const to = this.ends[otherSide(side)];
    if (to.ws.readyState !== WebSocket.OPEN) return false;
    to.ws.send(data, { binary });
    if (!this.paused[side] && to.ws.bufferedAmount > this.o.highWaterMark) {
      this.paused[side] = true;
      this.ends[side].ws.pause();
      this.o.onBackpressure();
      // Rare by construction (only past the high-water mark), and the first thing to look at when a side is slow.
      this.o.publishEvent('backpressure', { paused: side, queuedBytes: to.ws.bufferedAmount });
      to.socket.once('drain', () => {
        this.paused[side] = false;
        this.ends[side].ws.resume();
      });
    }
    return true;
  }

  private onClose(side: Side, code: number, reasonBuf: Buffer): void {
    if (this.closed[side]) return;
    const reason = reasonBuf.toString('utf8');
    this.closed[side] = { code, reason };
    const peer = this.ends[otherSide(side)].ws;
    if (!this.initiator) {
      const forwarded = forwardedClose(side, code, reason, this.errors[side] !== undefined);
      this.initiator = { by: side, code, reason, forwardedCode: forwarded.code ?? null };
      if (forwarded.code === undefined) peer.close();
      else peer.close(forwarded.code, forwarded.reason);
      this.armGraceTimer();
    }
    if (this.closed.cs && this.closed.csms) this.finish();
  }

  private armGraceTimer(): void {
    this.graceTimer = setTimeout(() => {
      for (const side of ['cs', 'csms'] as const) if (!this.closed[side]) this.ends[side].ws.terminate();
    }, CLOSE_GRACE_MS);
  }

  private finish(): void {
    clearTimeout(this.graceTimer);
    const i = this.initiator!;
    const peer = i.by === 'proxy' ? undefined : this.closed[otherSide(i.by)];
    this.o.publishEvent('close', closeEventDetail(i, peer?.code, this.frames, this.openedAt));
    this.end();
  }
}
