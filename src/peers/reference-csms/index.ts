import type { EventEmitter } from 'node:events';
import type { Payload } from '../../ocpp/frame.js';
import { FaultSet } from '../faults.js';
import type { PeerControl } from '../peer-control.js';
import { createCsmsControl } from './control.js';
import { resolveCsmsOptions, type ReferenceCsmsOptions } from './options.js';
import { CsmsServer, type CsmsServerEvents } from './server.js';
import type { StationSession } from './session.js';

/**
 * The reference CSMS: accepts OCPP 1.6 and 2.0.1 charging stations, answers them as the specification
 * says (unless fault switches say otherwise), and sends CSMS-initiated requests through `control` or
 * `sendCall`.
 */
export type { ReferenceCsmsOptions, IdTagLists, BootAnswer, CsmsVersion } from './options.js';
export type { StationSession, CsmsTransaction } from './session.js';
export type { CsmsServerEvents } from './server.js';
export { CSMS_ACTIONS } from './control.js';

export interface ReferenceCsms {
  port: number;
  /** ws://host:port (or wss://); stations connect to `${url}/${identity}`. */
  url: string;
  /** Every station that connected, by identity (kept after it disconnects). */
  stations: ReadonlyMap<string, StationSession>;
  control: PeerControl;
  /** frame, connection, station, disconnect and problem events. */
  events: EventEmitter<CsmsServerEvents>;
  /** Sends a CALL to a connected station and resolves with its CALLRESULT payload (rejects on CALLERROR / timeout). */
  sendCall(stationId: string, action: string, payload: Payload): Promise<Payload>;
  /** Resolves when the station is connected (and, with `booted`, its boot was Accepted). */
  waitForStation(stationId: string, options?: { booted?: boolean; timeoutMs?: number }): Promise<StationSession>;
  close(): Promise<void>;
}

export async function startReferenceCsms(options: ReferenceCsmsOptions = {}): Promise<ReferenceCsms> {
  const opts = resolveCsmsOptions(options);
  const faults = new FaultSet('csms', opts.faults);
  const server = new CsmsServer(opts, faults);
  const port = await server.listen();
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;

  const connected = (stationId: string): StationSession => {
    const s = server.sessions.get(stationId);
    if (!s || !s.connected) throw new Error(`station "${stationId}" is not connected`);
    return s;
  };
  const pickSession = (stationId: unknown): StationSession => {
    if (stationId !== undefined) return connected(String(stationId));
    const live = [...server.sessions.values()].filter((s) => s.connected);
    if (live.length !== 1) throw new Error(`name the stationId: ${live.length} stations are connected`);
    return live[0];
  };

  return {
    port,
    url: `${opts.tls ? 'wss' : 'ws'}://${host}:${port}`,
    stations: server.sessions,
    control: createCsmsControl(pickSession, () => opts.idTags.valid),
    events: server,
    sendCall: async (stationId, action, payload) => connected(stationId).call(action, payload),
    waitForStation(stationId, { booted = false, timeoutMs = 10_000 } = {}) {
      const ready = (s: StationSession | undefined) => !!s && s.connected && (!booted || s.bootStatus === 'Accepted');
      const now = server.sessions.get(stationId);
      if (ready(now)) return Promise.resolve(now!);
      return new Promise((resolve, reject) => {
        const check = () => {
          const s = server.sessions.get(stationId);
          if (!ready(s)) return;
          cleanup();
          resolve(s!);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`station "${stationId}" did not ${booted ? 'boot' : 'connect'} within ${timeoutMs} ms`));
        }, timeoutMs);
        // A boot is answered in a frame: check after every frame of that station, and on every connection.
        const onFrame = (r: { station: string }) => r.station === stationId && check();
        const cleanup = () => {
          clearTimeout(timer);
          server.off('frame', onFrame);
          server.off('station', check);
        };
        server.on('frame', onFrame);
        server.on('station', check);
      });
    },
    close: () => server.close(),
  };
}
