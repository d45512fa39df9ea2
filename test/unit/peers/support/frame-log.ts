import type { EventEmitter } from 'node:events';
import type { FrameRecord } from '../../../../src/types.js';

/**
 * Collects the frames a peer emits and lets a test wait for one (no sleeps): `waitFor` first looks at
 * what already arrived since `from`, then at what arrives, and fails with the frames seen so far.
 */
export interface Match {
  action?: string;
  type?: FrameRecord['type'];
  dir?: FrameRecord['dir'];
  /** Extra condition on the decoded payload. */
  where?: (payload: Record<string, unknown>, record: FrameRecord) => boolean;
}

export class FrameLog {
  readonly records: FrameRecord[] = [];
  private readonly waiters: Array<() => void> = [];

  constructor(source: EventEmitter<{ frame: [FrameRecord] }> | { on(event: 'frame', fn: (r: FrameRecord) => void): unknown }) {
    (source as { on(event: 'frame', fn: (r: FrameRecord) => void): unknown }).on('frame', (r: FrameRecord) => {
      this.records.push(r);
      for (const w of [...this.waiters]) w();
    });
  }

  /** The position to wait from, so that only later frames match. */
  mark(): number {
    return this.records.length;
  }

  matching(m: Match, from = 0): FrameRecord[] {
    return this.records.slice(from).filter((r) => matches(r, m));
  }

  /** CALL payloads of an action, in order. */
  calls(action: string, from = 0): Array<Record<string, unknown>> {
    return this.matching({ action, type: 'CALL' }, from).map(payloadOf);
  }

  invalid(): FrameRecord[] {
    return this.records.filter((r) => !r.valid);
  }

  waitFor(m: Match, options: { from?: number; timeoutMs?: number; count?: number } = {}): Promise<FrameRecord> {
    const from = options.from ?? 0;
    const count = options.count ?? 1;
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const check = () => {
        const hits = this.matching(m, from);
        if (hits.length < count) return false;
        resolve(hits[count - 1]);
        return true;
      };
      if (check()) return;
      const waiter = () => {
        if (check()) done();
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.records.slice(from).map((r) => `${r.dir} ${r.type} ${r.action ?? ''} ${r.raw.slice(0, 120)}`);
        reject(new Error(`no ${count > 1 ? `${count} frames` : 'frame'} matching ${describe(m)} within ${timeoutMs} ms; seen:\n  ${seen.join('\n  ')}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits for the CALL of `action` and returns its payload. */
  async nextCall(action: string, options: { from?: number; timeoutMs?: number; where?: Match['where']; dir?: FrameRecord['dir'] } = {}): Promise<Record<string, unknown>> {
    return payloadOf(await this.waitFor({ action, type: 'CALL', where: options.where, dir: options.dir }, options));
  }

  /** Waits for the answer to the CALL of `action` and returns its payload. */
  async nextResult(action: string, options: { from?: number; timeoutMs?: number; where?: Match['where'] } = {}): Promise<Record<string, unknown>> {
    return payloadOf(await this.waitFor({ action, type: 'CALLRESULT', where: options.where }, options));
  }
}

/** The payload of a CALL / CALLRESULT record, or the error of a CALLERROR as { errorCode, errorDescription }. */
export function payloadOf(r: FrameRecord): Record<string, unknown> {
  const frame = JSON.parse(r.raw) as unknown[];
  if (r.type === 'CALL') return frame[3] as Record<string, unknown>;
  if (r.type === 'CALLRESULT') return frame[2] as Record<string, unknown>;
  if (r.type === 'CALLERROR') return { errorCode: frame[2], errorDescription: frame[3] };
  return {};
}

function matches(r: FrameRecord, m: Match): boolean {
  if (m.action !== undefined && r.action !== m.action) return false;
  if (m.type !== undefined && r.type !== m.type) return false;
  if (m.dir !== undefined && r.dir !== m.dir) return false;
  if (m.where && !m.where(payloadOf(r), r)) return false;
  return true;
}

function describe(m: Match): string {
  return [m.dir, m.type, m.action, m.where ? '(with a condition)' : ''].filter(Boolean).join(' ');
}

/** Resolves with the next emission of `event` that satisfies `test`. */
export function nextEvent<T extends unknown[]>(emitter: { on(e: string, fn: (...a: T) => void): unknown; off(e: string, fn: (...a: T) => void): unknown }, event: string, test: (...args: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const fn = (...args: T) => {
      if (!test(...args)) return;
      clearTimeout(timer);
      emitter.off(event, fn);
      resolve(args);
    };
    const timer = setTimeout(() => {
      emitter.off(event, fn);
      reject(new Error(`no "${event}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    emitter.on(event, fn);
  });
}
