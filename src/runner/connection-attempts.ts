/**
 * Connection attempts the harness-as-CSMS did not accept (refused while it refuses reconnects, or dropped by the
 * unresponsive listener), queued with their times until an `expectAttempt` step takes them.
 */
export class AttemptQueue {
  private readonly times: number[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  push(at: number = this.now()): void {
    this.times.push(at);
    for (const w of [...this.waiters]) w();
  }

  /** Forgets the attempts not taken yet. */
  clear(): void {
    this.times.length = 0;
  }

  /** The time of the next attempt not taken yet, or undefined at the deadline. */
  async next(deadline: number): Promise<number | undefined> {
    for (;;) {
      const at = this.times.shift();
      if (at !== undefined) return at;
      const wait = deadline - this.now();
      if (wait <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, wait);
        this.waiters.add(done);
      });
    }
  }

  /** Wakes whoever waits (they see the deadline or the next attempt). */
  dispose(): void {
    for (const w of [...this.waiters]) w();
  }
}
