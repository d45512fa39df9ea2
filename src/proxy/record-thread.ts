import { parentPort } from 'node:worker_threads';
import type { Batch } from './record-batch.js';
import { RecordSink, type EchoedRecord } from './record-sink.js';

/**
 * The record thread (a worker thread, one per process): it inspects, counts and logs the records of every
 * proxy in the process (RecordSink each), so that the main thread only forwards bytes. Messages from a port
 * arrive in the order they were sent, which keeps each proxy's records in order.
 */
export type ToThread =
  | { type: 'attach'; pipe: number; log?: { path: string; fd: number } }
  | { type: 'batch'; batch: Batch }
  | { type: 'stats' | 'detach'; pipe: number; req: number };

export type FromThread =
  | { type: 'echo'; pipe: number; records: EchoedRecord[] }
  | { type: 'log-failed'; pipe: number; message: string }
  /** Bytes of relayed messages handled so far, so the main thread can bound what it has handed over. */
  | { type: 'processed'; pipe: number; bytes: number }
  | { type: 'answer'; req: number; value?: unknown; error?: string };

const port = parentPort;
if (port) {
  const sinks = new Map<number, { sink: RecordSink; bytes: number }>();
  const send = (m: FromThread) => port.postMessage(m);
  const answer = (req: number, work: () => unknown) => {
    Promise.resolve()
      .then(work)
      .then(
        (value) => send({ type: 'answer', req, value }),
        (e: unknown) => send({ type: 'answer', req, error: e instanceof Error ? e.message : String(e) }),
      );
  };
  port.on('message', (m: ToThread) => {
    switch (m.type) {
      case 'attach': {
        const pipe = m.pipe;
        const sink = new RecordSink(m.log, {
          echo: (records) => send({ type: 'echo', pipe, records }),
          logFailed: (message) => send({ type: 'log-failed', pipe, message }),
        });
        sinks.set(pipe, { sink, bytes: 0 });
        return;
      }
      case 'batch': {
        const s = sinks.get(m.batch.pipe);
        if (!s) return;
        s.sink.take(m.batch);
        s.bytes += m.batch.bytes.byteLength;
        if (m.batch.ack) send({ type: 'processed', pipe: m.batch.pipe, bytes: s.bytes });
        return;
      }
      case 'stats':
        return answer(m.req, () => sinks.get(m.pipe)?.sink.snapshot());
      case 'detach': {
        const s = sinks.get(m.pipe);
        sinks.delete(m.pipe);
        // The final counts go back with the answer: they stay readable after the proxy closed.
        return answer(m.req, async () => (await s?.sink.flush(), s?.sink.snapshot()));
      }
    }
  });
}
