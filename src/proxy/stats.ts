import type { ConnectionEventRecord } from '../types.js';
import type { ProxyFrameRecord, ProxyStats } from './types.js';

/** What the records say: counted in the record thread; the main thread adds what only it sees. */
export type RecordStats = Omit<ProxyStats, 'backpressurePauses' | 'observerErrors'>;

/** Counts what went through the proxy, from its records. */
export class StatsCollector {
  private readonly stationIds = new Set<string>();
  private readonly byRule = new Map<string, number>();
  private s: Omit<RecordStats, 'stations' | 'byRule'> = {
    connections: { total: 0, open: 0, refused: 0 },
    frames: { total: 0, toCsms: 0, toStation: 0, invalid: 0, binary: 0, dropped: 0, undelivered: 0 },
    httpRequests: 0,
  };

  onFrame(r: ProxyFrameRecord): void {
    const f = this.s.frames;
    f.total++;
    if (r.dir === 'cs->csms') f.toCsms++;
    else f.toStation++;
    if (!r.valid) f.invalid++;
    if (r.binary) f.binary++;
    if (r.dropped) f.dropped++;
    if (r.undelivered) f.undelivered++;
    for (const e of r.errors) if (e.severity === 'error') this.byRule.set(e.rule, (this.byRule.get(e.rule) ?? 0) + 1);
  }

  onEvent(e: ConnectionEventRecord): void {
    const c = this.s.connections;
    switch (e.event) {
      case 'open':
        c.total++;
        c.open++;
        this.stationIds.add(e.station);
        break;
      case 'close':
        c.open--;
        break;
      case 'upstream-failed':
      case 'refused':
        c.refused++;
        break;
      case 'http':
        this.s.httpRequests++;
        break;
    }
  }

  snapshot(): RecordStats {
    return {
      stations: this.stationIds.size,
      connections: { ...this.s.connections },
      frames: { ...this.s.frames },
      byRule: Object.fromEntries([...this.byRule].sort((a, b) => b[1] - a[1])),
      httpRequests: this.s.httpRequests,
    };
  }
}
