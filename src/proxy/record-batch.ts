import type { ConnectionEventRecord, Direction, Version } from '../types.js';
import { unmaskInPlace } from './mask.js';
import type { ProxyFrameRecord } from './types.js';

/**
 * What the proxy's main thread hands to the record thread, in order: the messages it relayed (as bytes, to be
 * inspected there), the records it built itself (connection events, enforce-mode frames) and the connections
 * opening and closing. Batches collect for a few milliseconds (RecordPipeline), so the thread gets few large
 * messages instead of many.
 *
 * Relayed messages travel as numbers and one transferred byte buffer (no per-message object to clone); the
 * rarer items travel as objects, each placed before the relayed message with index `at`.
 */
export interface Batch {
  pipe: number;
  /** Answer with the bytes handled so far (the main thread is near its bound on what it may hand over). */
  ack: boolean;
  /** Per relayed message, META_FIELDS numbers: connection, flags, time (ms), byte offset, byte length, mask key. */
  meta: Float64Array;
  bytes: ArrayBuffer;
  others: Other[];
}

/** `echo`: the main thread wants the record back (it had listeners for its kind when it handed it in). */
export type Other =
  | { at: number; kind: 'open'; handle: number; station: string; conn: string; version: Version; responseTimeoutMs?: number }
  | { at: number; kind: 'close'; handle: number }
  | { at: number; kind: 'frame'; record: ProxyFrameRecord; echo: boolean }
  | { at: number; kind: 'event'; record: ConnectionEventRecord; echo: boolean };

/** A relayed message as the record thread reads it back. */
export interface RelayedMessage {
  handle: number;
  dir: Direction;
  binary: boolean;
  /** False when the receiving side was already gone, so the bytes were not forwarded. */
  delivered: boolean;
  /** The main thread wants its record back. */
  echo: boolean;
  now: number;
  data: Buffer;
}

const META_FIELDS = 6;
const TO_STATION = 1;
const BINARY = 2;
const UNDELIVERED = 4;
const ECHO = 8;
const MASKED = 16;

/** Collects one batch's items on the main thread. */
export class BatchBuilder {
  /** META_FIELDS numbers per message so far; kept between batches (each batch takes a copy of its part). */
  private meta = new Float64Array(META_FIELDS * 256);
  private count = 0;
  private chunks: Buffer[] = [];
  private bytes = 0;
  private others: Other[] = [];

  get empty(): boolean {
    return this.count === 0 && this.others.length === 0;
  }

  /** Bytes of relayed messages collected so far. */
  get size(): number {
    return this.bytes;
  }

  /**
   * `data` is only referenced until `take`, which copies it: the chunk it views is never changed meanwhile.
   * `mask`: `data` is still masked with this key; the record thread unmasks its copy.
   */
  message(handle: number, dir: Direction, binary: boolean, delivered: boolean, echo: boolean, now: number, data: Buffer, mask?: number): void {
    const m = this.count * META_FIELDS;
    if (m === this.meta.length) {
      const grown = new Float64Array(this.meta.length * 2);
      grown.set(this.meta);
      this.meta = grown;
    }
    const meta = this.meta;
    meta[m] = handle;
    meta[m + 1] = (dir === 'csms->cs' ? TO_STATION : 0) | (binary ? BINARY : 0) | (delivered ? 0 : UNDELIVERED) | (echo ? ECHO : 0) | (mask === undefined ? 0 : MASKED);
    meta[m + 2] = now;
    meta[m + 3] = this.bytes;
    meta[m + 4] = data.length;
    meta[m + 5] = mask ?? 0;
    this.count++;
    this.chunks.push(data);
    this.bytes += data.length;
  }

  other(item: DistributiveOmit<Other, 'at'>): void {
    this.others.push({ ...item, at: this.count } as Other);
  }

  /** The batch, and what to transfer with it; the builder starts empty again. */
  take(pipe: number, ack: boolean): { batch: Batch; transfer: ArrayBuffer[] } {
    // Its own ArrayBuffer (not a slice of Node's shared pool), so it can be transferred.
    const all = Buffer.allocUnsafeSlow(this.bytes);
    let offset = 0;
    for (const c of this.chunks) offset += c.copy(all, offset);
    const meta = this.meta.slice(0, this.count * META_FIELDS);
    const batch: Batch = { pipe, ack, meta, bytes: all.buffer, others: this.others };
    this.count = 0;
    this.chunks = [];
    this.bytes = 0;
    this.others = [];
    return { batch, transfer: [meta.buffer as ArrayBuffer, all.buffer] };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Walks a batch in the order its items were added. */
export function readBatch(batch: Batch, visit: { message(m: RelayedMessage): void; other(o: Other): void }): void {
  const { meta, others } = batch;
  const bytes = Buffer.from(batch.bytes);
  let next = 0;
  const count = meta.length / META_FIELDS;
  for (let i = 0; i < count; i++) {
    while (next < others.length && others[next].at <= i) visit.other(others[next++]);
    const m = i * META_FIELDS;
    const flags = meta[m + 1];
    const offset = meta[m + 3];
    const data = bytes.subarray(offset, offset + meta[m + 4]);
    // The batch's bytes are this thread's own copy, so a masked message is unmasked where it lies.
    if (flags & MASKED) unmaskInPlace(data, meta[m + 5]);
    visit.message({
      handle: meta[m],
      dir: flags & TO_STATION ? 'csms->cs' : 'cs->csms',
      binary: (flags & BINARY) !== 0,
      delivered: (flags & UNDELIVERED) === 0,
      echo: (flags & ECHO) !== 0,
      now: meta[m + 2],
      data,
    });
  }
  while (next < others.length) visit.other(others[next++]);
}
