import type { Finding, FrameRecord } from '../types.js';
import type { Payload } from '../ocpp/frame.js';

/**
 * What happens on a session, as events queued for the step that waits for them. A CALL nobody takes within
 * `holdMs` is handed to `onHeldTooLong` (which answers it in the background), so the SUT is never left waiting.
 */
export interface IncomingCall {
  /** The frame as recorded (a reference into the case's frame list). */
  frame: FrameRecord;
  id: string;
  action: string;
  payload: Payload;
  receivedAt: number;
  /** Error findings of the protocol core on this frame (schema, RPC rules). */
  errors: Finding[];
  answered: boolean;
}

export type SessionEvent =
  | { kind: 'call'; call: IncomingCall }
  | { kind: 'violation'; frame: FrameRecord; errors: Finding[]; label: string }
  | { kind: 'open'; conn: string }
  | { kind: 'close'; conn: string; code: number; reason: string }
  /** Something outside the link went wrong (a manual action failed): the waiting step ends with it. */
  | { kind: 'interrupt'; error: Error };

type EventOf<K extends SessionEvent['kind']> = Extract<SessionEvent, { kind: K }>;

export class EventQueue {
  private readonly queue: SessionEvent[] = [];
  private readonly holdTimers = new Map<SessionEvent, NodeJS.Timeout>();
  private wakeUp?: () => void;

  constructor(
    private readonly holdMs: number,
    private readonly onHeldTooLong: (call: IncomingCall) => void,
    private readonly now: () => number,
  ) {}

  push(event: SessionEvent): void {
    this.queue.push(event);
    this.hold(event);
    this.wakeUp?.();
  }

  /** Puts an event back at the front (it was looked at, not handled). */
  putBack(event: SessionEvent): void {
    this.queue.unshift(event);
    this.hold(event);
  }

  /** The next event, or undefined at the deadline. */
  async next(deadline: number): Promise<SessionEvent | undefined> {
    for (;;) {
      const event = this.queue.shift();
      if (event) {
        this.clearHold(event);
        return event;
      }
      const wait = deadline - this.now();
      if (wait <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wakeUp = done;
      });
      this.wakeUp = undefined;
    }
  }

  /** Removes and returns every queued event of one kind, leaving the others in order. */
  take<K extends SessionEvent['kind']>(kind: K): Array<EventOf<K>> {
    const found: Array<EventOf<K>> = [];
    for (let i = 0; i < this.queue.length; i++) {
      const e = this.queue[i];
      if (e.kind !== kind) continue;
      found.push(e as EventOf<K>);
      this.clearHold(e);
      this.queue.splice(i--, 1);
    }
    return found;
  }

  /** Removes and returns everything queued. */
  drain(): SessionEvent[] {
    const all = this.queue.splice(0);
    for (const e of all) this.clearHold(e);
    return all;
  }

  dispose(): void {
    for (const t of this.holdTimers.values()) clearTimeout(t);
    this.holdTimers.clear();
  }

  private hold(event: SessionEvent): void {
    if (event.kind !== 'call' || event.call.answered) return;
    this.holdTimers.set(
      event,
      setTimeout(() => {
        this.holdTimers.delete(event);
        const i = this.queue.indexOf(event);
        if (i < 0) return;
        this.queue.splice(i, 1);
        this.onHeldTooLong(event.call);
      }, this.holdMs),
    );
  }

  private clearHold(event: SessionEvent): void {
    const t = this.holdTimers.get(event);
    if (t) clearTimeout(t);
    this.holdTimers.delete(event);
  }
}
