import type { Link, LinkListener } from '../../../src/runner/link.js';
import { LinkDownError, LinkOpenError } from '../../../src/runner/link.js';

/**
 * A Link without sockets for engine tests: the "SUT" is a script that reacts to what the harness sends.
 * Frames are delivered asynchronously (setImmediate), like a network would, so ordering bugs show up.
 */
export type Frame = [number, string, ...unknown[]];

export interface ScriptedSut {
  /** The SUT sends a CALL; returns its message id. */
  call(action: string, payload: Record<string, unknown>): string;
  /** The SUT answers a CALL of the harness. */
  result(id: string, payload: Record<string, unknown>): void;
  error(id: string, code: string, description?: string): void;
  /** Raw text, for broken frames. */
  raw(text: string): void;
  /** The SUT closes the connection. */
  hangUp(code?: number): void;
  /** The SUT sends a CALL and closes in the same breath (both arrive in one read, before anything can answer). */
  callAndHangUp(action: string, payload: Record<string, unknown>, code?: number): void;
  /** The SUT (a station) connects again. */
  reconnect(): void;
}

export interface Script {
  /** Called when the harness opens the link (or the station connects). */
  onOpen?(sut: ScriptedSut): void;
  /** A CALL of the harness. */
  onCall?(action: string, payload: Record<string, unknown>, id: string, sut: ScriptedSut): void;
  /** The harness answered a CALL of the SUT. */
  onAnswer?(frame: Frame, sut: ScriptedSut): void;
  /** The harness closed the link. */
  onClosed?(sut: ScriptedSut): void;
}

export class ScriptedLink implements Link {
  readonly station = 'CS-SCRIPT';
  readonly endpoint = 'scripted';
  conn = 'conn-0';
  isOpen = false;
  /** Every frame the harness sent, parsed. */
  readonly sent: Frame[] = [];
  private listener?: LinkListener;
  private n = 0;
  private connections = 0;
  failOpen?: string;

  constructor(private readonly script: Script = {}) {}

  readonly sut: ScriptedSut = {
    call: (action, payload) => {
      const id = `s${++this.n}`;
      this.deliver(JSON.stringify([2, id, action, payload]));
      return id;
    },
    result: (id, payload) => this.deliver(JSON.stringify([3, id, payload])),
    error: (id, code, description = '') => this.deliver(JSON.stringify([4, id, code, description, {}])),
    raw: (text) => this.deliver(text),
    hangUp: (code = 1006) =>
      setImmediate(() => {
        if (!this.isOpen) return;
        this.isOpen = false;
        this.listener?.close(this.conn, code, '');
      }),
    callAndHangUp: (action, payload, code = 1006) =>
      setImmediate(() => {
        if (!this.isOpen) return;
        this.listener?.frame(JSON.stringify([2, `s${++this.n}`, action, payload]), false);
        this.isOpen = false;
        this.listener?.close(this.conn, code, '');
      }),
    reconnect: () =>
      setImmediate(() => {
        this.conn = `conn-${++this.connections}`;
        this.isOpen = true;
        this.listener?.open(this.conn);
        this.script.onOpen?.(this.sut);
      }),
  };

  setListener(listener: LinkListener): void {
    this.listener = listener;
  }

  send(text: string): void {
    if (!this.isOpen) throw new LinkDownError('closed');
    const frame = JSON.parse(text) as Frame;
    this.sent.push(frame);
    setImmediate(() => {
      if (frame[0] === 2) this.script.onCall?.(frame[2] as string, frame[3] as Record<string, unknown>, frame[1], this.sut);
      else this.script.onAnswer?.(frame, this.sut);
    });
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.listener?.close(this.conn, 1000, 'closed by the harness');
    this.script.onClosed?.(this.sut);
  }

  async open(): Promise<void> {
    if (this.failOpen) throw new LinkOpenError(this.failOpen);
    if (this.isOpen) return;
    this.conn = `conn-${++this.connections}`;
    this.isOpen = true;
    this.listener?.open(this.conn);
    setImmediate(() => this.script.onOpen?.(this.sut));
  }

  async dispose(): Promise<void> {
    this.isOpen = false;
  }

  /** The harness's answers (CALLRESULT/CALLERROR) so far. */
  answers(): Frame[] {
    return this.sent.filter((f) => f[0] === 3 || f[0] === 4);
  }

  private deliver(text: string): void {
    setImmediate(() => {
      if (this.isOpen) this.listener?.frame(text, false);
    });
  }
}
