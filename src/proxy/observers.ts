import { EventEmitter } from 'node:events';
import type { ConnectionEventRecord } from '../types.js';
import type { ProxyFrameRecord } from './types.js';

/**
 * The proxy's one event stream. Observers (console, live view, the runner) subscribe to `frame` and `event`;
 * each listener is called on its own, so one that throws is reported as an `observer-error` event and the
 * others, and the traffic, carry on.
 */
export class RecordStream extends EventEmitter {
  observerErrors = 0;

  publishFrame(record: ProxyFrameRecord): void {
    this.deliver('frame', record, record.station, record.conn);
  }

  publishEvent(record: ConnectionEventRecord): void {
    this.deliver('event', record, record.station, record.conn);
  }

  /** Where an observer's failure goes; by default straight to the listeners (the proxy also logs it). */
  protected reportObserverError(record: ConnectionEventRecord): void {
    this.publishEvent(record);
  }

  private deliver(name: 'frame' | 'event', record: object, station: string, conn: string): void {
    for (const listener of this.rawListeners(name) as Array<(r: object) => void>) {
      try {
        listener.call(this, record);
      } catch (e) {
        this.observerErrors++;
        // A listener that also throws on the report itself is counted, not reported again (no endless loop).
        if ((record as { event?: string }).event === 'observer-error') continue;
        this.reportObserverError({ ts: new Date().toISOString(), station, conn, event: 'observer-error', on: name, message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
}
