/**
 * Timers measured in protocol seconds. OCPP gives intervals in seconds (HeartbeatInterval, MeterValueSampleInterval,
 * a boot retry interval ...); a peer scales them by `msPerSecond`, so tests run a whole session in milliseconds by
 * making one protocol second last, say, 10 ms. Every timer is tracked so that closing a peer leaves none behind.
 */
export interface TimerHandle {
  cancel(): void;
}

export class Timers {
  private readonly live = new Set<NodeJS.Timeout>();

  constructor(readonly msPerSecond = 1000) {}

  /** Runs `fn` once after `seconds` protocol seconds. */
  after(seconds: number, fn: () => void): TimerHandle {
    return this.afterMs(seconds * this.msPerSecond, fn);
  }

  afterMs(ms: number, fn: () => void): TimerHandle {
    const t = setTimeout(() => {
      this.live.delete(t);
      fn();
    }, Math.max(0, ms));
    this.live.add(t);
    return { cancel: () => this.clear(t) };
  }

  /** Runs `fn` every `seconds` protocol seconds until cancelled. */
  every(seconds: number, fn: () => void): TimerHandle {
    const t = setInterval(fn, Math.max(1, seconds * this.msPerSecond));
    this.live.add(t);
    return { cancel: () => this.clear(t) };
  }

  /** Milliseconds since `startMs` expressed in protocol seconds. */
  secondsSince(startMs: number): number {
    return (Date.now() - startMs) / this.msPerSecond;
  }

  clearAll(): void {
    for (const t of this.live) clearTimeout(t);
    this.live.clear();
  }

  private clear(t: NodeJS.Timeout): void {
    clearTimeout(t);
    this.live.delete(t);
  }
}
