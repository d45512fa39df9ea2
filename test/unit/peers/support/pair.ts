import type { FaultName } from '../../../../src/peers/faults.js';
import { startReferenceCs, type ReferenceCs, type ReferenceCsOptions } from '../../../../src/peers/reference-cs/index.js';
import { startReferenceCsms, type ReferenceCsms, type ReferenceCsmsOptions } from '../../../../src/peers/reference-csms/index.js';
import { FrameLog } from './frame-log.js';

/**
 * A reference charging station connected to a reference CSMS on 127.0.0.1 (port 0), with fast protocol
 * time: one protocol second lasts `msPerSecond` ms (default 10). The CSMS logs every frame it sees.
 */
export interface Pair {
  cs: ReferenceCs;
  csms: ReferenceCsms;
  /** Frames as the CSMS saw them (cs->csms and csms->cs). */
  log: FrameLog;
  /** Frames as the station saw them. */
  csLog: FrameLog;
  close(): Promise<void>;
}

export interface PairOptions {
  version: '1.6' | '2.0.1';
  cs?: Partial<ReferenceCsOptions>;
  csms?: ReferenceCsmsOptions;
  csFaults?: FaultName[];
  csmsFaults?: FaultName[];
  /** Wait for an accepted boot before returning. Default true. */
  booted?: boolean;
}

export const IDENTITY = 'REF-CS-1';

export async function startPair(o: PairOptions): Promise<Pair> {
  const csms = await startReferenceCsms({ heartbeatInterval: 3600, ...o.csms, faults: o.csmsFaults ?? o.csms?.faults });
  const log = new FrameLog(csms.events);
  const cs = startReferenceCs({ url: csms.url, identity: IDENTITY, version: o.version, msPerSecond: 10, ...o.cs, faults: o.csFaults ?? o.cs?.faults });
  const csLog = new FrameLog(cs.events);
  const pair = {
    cs,
    csms,
    log,
    csLog,
    async close() {
      await cs.close();
      await csms.close();
    },
  };
  if (o.booted ?? true) {
    try {
      await cs.waitForBoot(5000);
    } catch (e) {
      await pair.close();
      throw e;
    }
  }
  return pair;
}

/** The 1.6 key or 2.0.1 variable of the meter sample interval, so tests can set it the same way. */
export function meterIntervalConfig(version: '1.6' | '2.0.1', seconds: number): Record<string, string> {
  return version === '1.6' ? { MeterValueSampleInterval: String(seconds) } : { 'SampledDataCtrlr.TxUpdatedInterval': String(seconds) };
}

/** Every frame both peers saw must be valid per the protocol core; returns a readable list of the invalid ones. */
export function invalidFrames(pair: Pair): string[] {
  return [...pair.log.invalid(), ...pair.csLog.invalid()].map((r) => `${r.dir} ${r.type} ${r.action ?? ''}: ${r.errors.map((e) => `[${e.rule}] ${e.message}`).join('; ')}`);
}
