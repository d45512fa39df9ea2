import { EventEmitter } from 'node:events';
import type { ConnectionEventRecord } from '../types.js';
import type { ProxyFrameRecord } from './types.js';

/**
 * The proxy's one event stream. Observers (log, console, stats, the runner) subscribe to `frame` and `event`;
 * each listener is called on its own, so one that throws is reported as an `observer-error` event and the
 * others, and the traffic, carry on.
 */
export class RecordStream extends EventEmitter {
  observerErrors = 0;
  private reporting = false;

  publishFrame(record: ProxyFrameRecord): void {
    this.deliver('frame', record, record.station, record.conn);
  }

  publishEvent(record: ConnectionEventRecord): void {
    this.deliver('event', record, record.station, record.conn);
  }

  private deliver(name: 'frame' | 'event', record: object, station: string, conn: string): void {
    for (const listener of this.rawListeners(name) as Array<(r: object) => void>) {
      try {
        listener.call(this, record);
      } catch (e) {
        this.observerFailed(e, name, station, conn);
      }
    }
  }

  private observerFailed(e: unknown, on: string, station: string, conn: string): void {
    this.observerErrors++;
    // An observer that also throws on the error event must not recurse.
    if (this.reporting) return;
    this.reporting = true;
    try {
      this.publishEvent({ ts: new Date().toISOString(), station, conn, event: 'observer-error', on, message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.reporting = false;
    }
  }
}
