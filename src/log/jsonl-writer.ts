import { closeSync, mkdirSync, openSync, write, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionEventRecord, FrameRecord } from '../types.js';
import { redactFrameRecord } from './redact.js';

/**
 * The frame log (docs/frame-log.md): one JSON object per line, in the order records were handed in.
 * Records are batched for at most `FLUSH_MS` (or `FLUSH_BYTES`) and written with one write in flight at a
 * time, so writing never blocks traffic, a busy proxy makes few large writes instead of many small ones, and
 * a killed process loses at most the last few milliseconds. `flushSync` is for exit paths.
 *
 * Every batch is written at a file offset assigned when it is taken, so the order of the lines never depends
 * on the order in which writes complete: `flushSync` on an exit path writes after a batch still in flight in
 * the thread pool, and writes that batch once more at its own offset (same bytes, same place), since the
 * process may end before the thread pool does.
 */
const FLUSH_MS = 5;
const FLUSH_BYTES = 256 * 1024;
/** Lines are encoded straight into buffers of this size (one string join and copy fewer per line). */
const BLOCK_BYTES = FLUSH_BYTES + 64 * 1024;

export class JsonlWriter {
  private fd: number | undefined;
  /** Filled blocks waiting to be written, then the block being filled (`block`, `used` bytes of it). */
  private full: Buffer[] = [];
  private block: Buffer | undefined;
  private used = 0;
  private pendingBytes = 0;
  /** The batch being written by the thread pool, and its file offset. */
  private inFlight: { chunk: Buffer; at: number } | undefined;
  /** The file offset of the next batch. */
  private position = 0;
  private timer: NodeJS.Timeout | undefined;
  private waiters: Array<() => void> = [];
  private failed: Error | undefined;
  /** Records handed in, and the end of the furthest write completed so far (the file's length once all are done). */
  records = 0;
  bytesWritten = 0;

  /** Writes to `fd`, a new empty file at `path` (see `createFile`); the writer closes it. */
  constructor(
    readonly path: string,
    fd: number,
    private readonly onError: (e: Error) => void = () => {},
  ) {
    this.fd = fd;
  }

  /** Creates `dir` if needed and a new file in it named after the run (never reuses a file). */
  static create(dir: string, options: { prefix?: string; onError?: (e: Error) => void } = {}): JsonlWriter {
    const { path, fd } = JsonlWriter.createFile(dir, options.prefix);
    return new JsonlWriter(path, fd, options.onError);
  }

  /**
   * The new log file alone, opened for writing: the proxy opens it where a bad directory can still fail its
   * start, and writes it from its record thread (file descriptors are shared by the process's threads).
   */
  static createFile(dir: string, prefix = 'proxy'): { path: string; fd: number } {
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const path = join(dir, `${prefix}-${stamp}-${process.pid}-${++fileCounter}.jsonl`);
    return { path, fd: openSync(path, 'wx') };
  }

  /** A frame record, with secrets redacted. */
  writeFrame(record: FrameRecord): void {
    this.write(redactFrameRecord(record));
  }

  /** An event record; callers build events from already-redacted values (see redactHeaders). */
  writeEvent(record: ConnectionEventRecord): void {
    this.write(record);
  }

  write(record: object): void {
    if (this.fd === undefined) return;
    this.records++;
    this.append(JSON.stringify(record) + '\n');
    if (this.inFlight) return;
    if (this.pendingBytes >= FLUSH_BYTES) this.drain();
    else this.timer ??= setTimeout(() => this.drain(), FLUSH_MS);
  }

  /** Resolves once everything handed in so far is in the file. */
  flush(): Promise<void> {
    if (!this.inFlight && this.pendingBytes === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      if (!this.inFlight) this.drain();
    });
  }

  /** Writes whatever is pending synchronously, for exit paths (`process.on("exit")`) where nothing async runs. */
  flushSync(): void {
    if (this.fd === undefined || (this.pendingBytes === 0 && !this.inFlight)) return;
    try {
      if (this.inFlight) this.writeSyncAt(this.inFlight.chunk, this.inFlight.at);
      if (this.pendingBytes > 0) {
        const chunk = this.take();
        this.writeSyncAt(chunk, this.claim(chunk.length));
      }
    } catch (e) {
      this.fail(e);
    }
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }

  /** UTF-8 encodes `line` into the current block (a UTF-16 unit takes at most 3 bytes, so the check is safe). */
  private append(line: string): void {
    const most = line.length * 3;
    if (most > BLOCK_BYTES) {
      this.seal();
      this.full.push(Buffer.from(line, 'utf8'));
      this.pendingBytes += this.full[this.full.length - 1].length;
      return;
    }
    if (this.block && this.used + most > this.block.length) this.seal();
    this.block ??= Buffer.allocUnsafe(BLOCK_BYTES);
    const n = this.block.write(line, this.used, 'utf8');
    this.used += n;
    this.pendingBytes += n;
  }

  /** Moves the filled part of the current block to `full`; the next line starts a new block. */
  private seal(): void {
    if (this.block && this.used > 0) this.full.push(this.block.subarray(0, this.used));
    this.block = undefined;
    this.used = 0;
  }

  private writeSyncAt(chunk: Buffer, at: number): void {
    let off = 0;
    while (off < chunk.length) off += writeSync(this.fd as number, chunk, off, chunk.length - off, at + off);
    this.bytesWritten = Math.max(this.bytesWritten, at + off);
  }

  /** The file offset for a batch of `bytes` taken now. */
  private claim(bytes: number): number {
    const at = this.position;
    this.position += bytes;
    return at;
  }

  /** Everything pending, as one buffer the caller now owns. */
  private take(): Buffer {
    this.seal();
    const chunk = this.full.length === 1 ? this.full[0] : Buffer.concat(this.full);
    this.full = [];
    this.pendingBytes = 0;
    return chunk;
  }

  private drain(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.fd === undefined || this.inFlight) return;
    if (this.pendingBytes === 0) return this.settle();
    const chunk = this.take();
    this.inFlight = { chunk, at: this.claim(chunk.length) };
    this.writeChunk(this.inFlight, 0);
  }

  private writeChunk(batch: { chunk: Buffer; at: number }, offset: number): void {
    const { chunk, at } = batch;
    write(this.fd as number, chunk, offset, chunk.length - offset, at + offset, (err, n) => {
      if (err) {
        this.inFlight = undefined;
        this.fail(err);
        return this.settle();
      }
      this.bytesWritten = Math.max(this.bytesWritten, at + offset + n);
      // A short write (rare on files) continues where it stopped.
      if (offset + n < chunk.length) return this.writeChunk(batch, offset + n);
      this.inFlight = undefined;
      // More arrived while writing: it waits for its own short batch window, unless someone is flushing.
      if (this.waiters.length > 0 || this.pendingBytes >= FLUSH_BYTES) this.drain();
      else if (this.pendingBytes > 0) this.timer ??= setTimeout(() => this.drain(), FLUSH_MS);
    });
  }

  private settle(): void {
    if (this.pendingBytes > 0 && !this.failed) return this.drain();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private fail(e: unknown): void {
    const err = e instanceof Error ? e : new Error(String(e));
    if (!this.failed) this.onError(err);
    this.failed = err;
    // A log we cannot write must not keep growing in memory.
    this.full = [];
    this.block = undefined;
    this.used = 0;
    this.pendingBytes = 0;
  }
}

let fileCounter = 0;
