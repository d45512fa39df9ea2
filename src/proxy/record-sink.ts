import { JsonlWriter } from '../log/jsonl-writer.js';
import { Conversation } from '../ocpp/conversation.js';
import { precompile } from '../ocpp/schema-validator.js';
import type { ConnectionEventRecord } from '../types.js';
import { inspectMessage } from './frame-inspector.js';
import { readBatch, type Batch, type Other, type RelayedMessage } from './record-batch.js';
import { StatsCollector, type RecordStats } from './stats.js';
import type { ProxyFrameRecord } from './types.js';

/**
 * One proxy's records, made and kept in the record thread: every relayed message is inspected by its
 * connection's Conversation, and every record (those plus the ones the main thread built) is counted, written
 * to the frame log and, when the main thread has listeners for its kind, sent back to it, all in the order the
 * main thread handed them in. Nothing here touches a socket. A failure on one item (a bug) becomes an error
 * event in the stream; the items after it are still handled.
 */
export type EchoedRecord = ['frame', ProxyFrameRecord] | ['event', ConnectionEventRecord];

export interface SinkOutput {
  /** Records to deliver on the main thread, in order. */
  echo(records: EchoedRecord[]): void;
  /** The log cannot be written (disk full, ...): said once. */
  logFailed(message: string): void;
}

export class RecordSink {
  private readonly connections = new Map<number, { conversation: Conversation; who: { station: string; conn: string } }>();
  private readonly stats = new StatsCollector();
  private readonly writer?: JsonlWriter;
  private echoed: EchoedRecord[] = [];

  constructor(
    log: { path: string; fd: number } | undefined,
    private readonly out: SinkOutput,
  ) {
    if (log) this.writer = new JsonlWriter(log.path, log.fd, (e) => out.logFailed(e.message));
  }

  /** Handles one batch; the records wanted back go out together at its end. */
  take(batch: Batch): void {
    readBatch(batch, {
      message: (m) => this.guard(() => this.publishFrame(this.inspect(m), m.echo)),
      other: (o) => this.guard(() => this.other(o)),
    });
    if (this.echoed.length > 0) {
      this.out.echo(this.echoed);
      this.echoed = [];
    }
  }

  snapshot(): RecordStats {
    return this.stats.snapshot();
  }

  /** Resolves once everything handed in so far is in the file (which the main thread, having opened it, closes). */
  async flush(): Promise<void> {
    await this.writer?.flush();
  }

  private inspect(m: RelayedMessage): ProxyFrameRecord {
    const c = this.connections.get(m.handle);
    // Unknown only through a bug: the main thread opens a connection before relaying on it.
    if (!c) throw new Error(`no connection ${m.handle}`);
    const record = inspectMessage(c.conversation, c.who, m.dir, m.data, m.binary, m.now);
    if (!m.delivered) record.undelivered = true;
    return record;
  }

  private other(o: Other): void {
    switch (o.kind) {
      case 'open':
        precompile(o.version);
        this.connections.set(o.handle, { conversation: new Conversation({ version: o.version, responseTimeoutMs: o.responseTimeoutMs }), who: { station: o.station, conn: o.conn } });
        return;
      case 'close':
        this.connections.delete(o.handle);
        return;
      case 'frame':
        return this.publishFrame(o.record, o.echo);
      case 'event':
        return this.publishEvent(o.record, o.echo);
    }
  }

  private publishFrame(record: ProxyFrameRecord, echo: boolean): void {
    this.stats.onFrame(record);
    this.writer?.writeFrame(record);
    if (echo) this.echoed.push(['frame', record]);
  }

  private publishEvent(record: ConnectionEventRecord, echo: boolean): void {
    this.stats.onEvent(record);
    this.writer?.writeEvent(record);
    if (echo) this.echoed.push(['event', record]);
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (e) {
      const message = `inspecting a frame failed: ${e instanceof Error ? e.message : String(e)}`;
      // Only an event of our own, which cannot throw the same way again.
      this.publishEvent({ ts: new Date().toISOString(), station: '', conn: '', event: 'error', side: 'proxy', message }, true);
    }
  }
}
