/**
 * Messages relayed during one turn of the event loop are inspected together, after every socket that was
 * readable in that turn had its bytes forwarded: forwarding never waits behind another frame's validation and
 * logging, and the inspection work runs as one warm loop instead of between system calls. Anything published
 * outside the queue (connection events) flushes it first, so records keep the order things happened in.
 */
export class InspectionQueue {
  private jobs: Array<() => void> = [];
  private scheduled = false;
  private running = false;

  /** `onError`: a job that throws (a bug) is reported there; the jobs after it still run. */
  constructor(private readonly onError: (e: unknown) => void) {}

  add(job: () => void): void {
    this.jobs.push(job);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /** Runs every queued inspection now, in arrival order (inside a job, e.g. an event it publishes: nothing to do). */
  readonly flush = (): void => {
    this.scheduled = false;
    if (this.running) return;
    this.running = true;
    try {
      this.runAll();
    } finally {
      this.running = false;
    }
  };

  private runAll(): void {
    while (this.jobs.length > 0) {
      const jobs = this.jobs;
      this.jobs = [];
      for (const job of jobs) {
        try {
          job();
        } catch (e) {
          this.onError(e);
        }
      }
    }
  }
}
