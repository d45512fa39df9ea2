import { closeSync } from 'node:fs';
import { JsonlWriter } from '../log/jsonl-writer.js';
import type { ConnectionEventRecord, Direction, Version } from '../types.js';
import { BatchBuilder, type Other } from './record-batch.js';
import type { EchoedRecord } from './record-sink.js';
import type { FromThread } from './record-thread.js';
import { thread } from './record-worker.js';
import type { RecordStats } from './stats.js';
import type { ProxyFrameRecord } from './types.js';

/**
 * The main thread's end of one proxy's records. Sessions hand in what they relayed and built; every few
 * milliseconds it all goes as one batch to the record thread (record-thread.ts), which inspects, counts and logs
 * it and sends back the records the proxy has listeners for. Forwarding therefore never waits for validation,
 * logging or their garbage collection, and a second core can do that work.
 *
 * What has been handed over but not handled yet is bounded: past `backlogBytes` the pipeline is `congested`
 * and the relay stops reading until the thread catches up, as it does for a slow socket. The thread says how
 * far it got only when asked, i.e. once the backlog is past half the bound, so in normal running it says nothing.
 */
export interface PipelineHost {
  /** Delivers a record sent back by the thread to the main thread's listeners. */
  deliver(record: EchoedRecord): void;
  /** Whether the main thread has listeners for records of this kind now (those handed in later go to them). */
  wants(kind: 'frame' | 'event'): boolean;
  /** Something the user must know about the records themselves (the log cannot be written, the thread failed). */
  problem(message: string): void;
}

/** One relayed connection's way into the pipeline. */
export interface RecordChannel {
  /** `mask`: `data` is still masked with this key (see FrameTap); the record thread unmasks it. */
  message(dir: Direction, binary: boolean, delivered: boolean, now: number, data: Buffer, mask?: number): void;
  /** No more messages on this connection: the thread forgets its protocol state. */
  close(): void;
  /** More has been handed over than the record thread may be behind by. */
  congested(): boolean;
  backlog(): number;
  /** Calls `resume` once the pipeline is no longer congested. */
  whenUncongested(resume: () => void): void;
}

export const DEFAULT_RECORD_BACKLOG_BYTES = 32 * 1024 * 1024;
const BATCH_MS = 5;
const BATCH_BYTES = 256 * 1024;

/** The counts when the record thread could not give them (it stopped). */
const EMPTY_STATS: RecordStats = {
  stations: 0,
  connections: { total: 0, open: 0, refused: 0 },
  frames: { total: 0, toCsms: 0, toStation: 0, invalid: 0, binary: 0, dropped: 0, undelivered: 0 },
  byRule: {},
  httpRequests: 0,
};

export class RecordPipeline {
  readonly logFile?: string;
  private readonly logFd?: number;
  private readonly pipe: number;
  private readonly builder = new BatchBuilder();
  private timer: NodeJS.Timeout | undefined;
  private handedOver = 0;
  private handled = 0;
  private resumers: Array<() => void> = [];
  private handles = 0;
  private closed?: Promise<RecordStats | undefined>;

  /** Opens the log file (so a bad directory fails here, synchronously) and joins the record thread. */
  constructor(
    log: { dir: string } | undefined,
    private readonly host: PipelineHost,
    private readonly backlogBytes = DEFAULT_RECORD_BACKLOG_BYTES,
  ) {
    const file = log ? createLogFile(log.dir) : undefined;
    this.logFile = file?.path;
    this.logFd = file?.fd;
    this.pipe = thread.attach(this, file);
  }

  connection(station: string, conn: string, version: Version, responseTimeoutMs?: number): RecordChannel {
    const handle = ++this.handles;
    this.add({ kind: 'open', handle, station, conn, version, responseTimeoutMs });
    return {
      message: (dir, binary, delivered, now, data, mask) => {
        this.builder.message(handle, dir, binary, delivered, this.host.wants('frame'), now, data, mask);
        this.schedule();
      },
      close: () => this.add({ kind: 'close', handle }),
      congested: () => this.congested,
      backlog: () => this.backlog(),
      whenUncongested: (resume) => this.whenUncongested(resume),
    };
  }

  frame(record: ProxyFrameRecord): void {
    this.add({ kind: 'frame', record, echo: this.host.wants('frame') });
  }

  event(record: ConnectionEventRecord): void {
    this.add({ kind: 'event', record, echo: this.host.wants('event') });
  }

  get congested(): boolean {
    return this.backlog() > this.backlogBytes;
  }

  /** Bytes handed in and not yet known to be handled by the thread. */
  backlog(): number {
    return this.handedOver + this.builder.size - this.handled;
  }

  /** The counts of everything handed in so far (once closed, of everything). */
  async stats(): Promise<RecordStats> {
    if (this.closed) return (await this.closed) ?? EMPTY_STATS;
    this.flush();
    // Nothing comes back from a thread that replaced one that stopped: it never had this proxy.
    return ((await thread.request({ type: 'stats', pipe: this.pipe })) as RecordStats | undefined) ?? EMPTY_STATS;
  }

  /** Hands over what is left, waits until the thread has handled and logged it all, and leaves the thread. */
  async close(): Promise<void> {
    await this.closing();
  }

  private closing(): Promise<RecordStats | undefined> {
    this.closed ??= (async () => {
      this.flush();
      try {
        return ((await thread.request({ type: 'detach', pipe: this.pipe })) as RecordStats | undefined) ?? EMPTY_STATS;
      } catch (e) {
        this.host.problem((e as Error).message);
        return undefined;
      } finally {
        thread.detach(this.pipe);
        // Opened here, so closed here (Node tracks a worker's own descriptors).
        if (this.logFd !== undefined) closeSync(this.logFd);
        this.uncongested();
      }
    })();
    return this.closed;
  }

  /** From the thread. */
  received(m: FromThread): void {
    switch (m.type) {
      case 'echo':
        for (const record of m.records) this.host.deliver(record);
        return;
      case 'processed':
        this.handled = m.bytes;
        if (!this.congested) this.uncongested();
        return;
      case 'log-failed':
        return this.host.problem(`cannot write the frame log: ${m.message}`);
    }
  }

  /** The thread stopped: nothing handed over from now on is inspected or logged, but the traffic goes on. */
  threadFailed(message: string): void {
    this.host.problem(`the record thread stopped (${message}); frames are still forwarded, but no longer checked or logged`);
    this.handled = Infinity;
    this.uncongested();
  }

  private add(item: Parameters<BatchBuilder['other']>[0]): void {
    this.builder.other(item as Other);
    this.schedule();
  }

  /** Every batch costs both threads a wake-up, so a batch collects for up to BATCH_MS (or BATCH_BYTES). */
  private schedule(): void {
    if (this.builder.size >= BATCH_BYTES) return this.flush();
    this.timer ??= setTimeout(this.flush, BATCH_MS);
  }

  private readonly flush = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.builder.empty) return;
    const ack = this.backlog() > this.backlogBytes / 2;
    const { batch, transfer } = this.builder.take(this.pipe, ack);
    this.handedOver += batch.bytes.byteLength;
    thread.post({ type: 'batch', batch }, transfer);
  };

  private whenUncongested(resume: () => void): void {
    if (!this.congested) return resume();
    this.resumers.push(resume);
  }

  private uncongested(): void {
    const resumers = this.resumers;
    this.resumers = [];
    for (const r of resumers) r();
  }
}

function createLogFile(dir: string): { path: string; fd: number } {
  try {
    return JsonlWriter.createFile(dir);
  } catch (e) {
    throw new Error(`cannot create the frame log in ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
