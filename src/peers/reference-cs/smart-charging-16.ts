import type { FaultName } from '../faults.js';
import type { SchedulePeriod, StoredProfile } from './smart-charging.js';

/**
 * OCPP 1.6 smart charging details on top of the basic ProfileStore: the ChargingProfile of a request as a
 * StoredProfile (with its absolute start and validity window), and the composite schedule of §3.13.2 / §5.7 in
 * time: per purpose the valid profile with the highest stackLevel whose schedule runs at that moment (falling back
 * to lower stack levels when it ends), a TxProfile of the transaction replacing TxDefaultProfiles, and the lowest
 * of that and the ChargePointMaxProfile. Periods start at whole seconds from the moment of the request.
 */
export interface Profile16 extends StoredProfile {
  /** When the schedule's second 0 is (ms since epoch): startSchedule, else the moment it was installed. */
  startsAt: number;
  validFrom?: number;
  validTo?: number;
}

export interface ChargingProfile16 {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: string;
  validFrom?: string;
  validTo?: string;
  chargingSchedule: { duration?: number; startSchedule?: string; chargingRateUnit: string; chargingSchedulePeriod: SchedulePeriod[] };
}

const PURPOSE_16: Record<string, StoredProfile['purpose']> = { ChargePointMaxProfile: 'StationMax', TxDefaultProfile: 'TxDefault', TxProfile: 'Tx' };
const LOCAL_LIMIT = { A: 32, W: 22_000 };
const VOLTS_3P = 230 * 3;

export function profileFrom16(cp: ChargingProfile16, evseId: number, now = Date.now()): Profile16 {
  const s = cp.chargingSchedule;
  const time = (t: string | undefined) => (t === undefined || Number.isNaN(Date.parse(t)) ? undefined : Date.parse(t));
  return {
    id: cp.chargingProfileId,
    evseId,
    stackLevel: cp.stackLevel,
    purpose: PURPOSE_16[cp.chargingProfilePurpose] ?? 'TxDefault',
    transactionId: cp.transactionId,
    rateUnit: s.chargingRateUnit === 'W' ? 'W' : 'A',
    periods: s.chargingSchedulePeriod,
    duration: s.duration,
    startsAt: time(s.startSchedule) ?? now,
    validFrom: time(cp.validFrom),
    validTo: time(cp.validTo),
  };
}

/** The composite schedule of a connector from `now` for `durationS` seconds; `tx` is its running transaction. */
export function composite16(all: readonly StoredProfile[], evseId: number, durationS: number, unit: 'A' | 'W' | undefined, tx: { transactionId?: number | string } | undefined, faults: { has(name: FaultName): boolean }, now = Date.now()): { rateUnit: 'A' | 'W'; periods: SchedulePeriod[]; duration: number } {
  const profiles = all.map((p) => ({ startsAt: now, ...p }) as Profile16);
  const onConnector = (p: Profile16) => p.evseId === evseId || p.evseId === 0;
  const txProfiles = tx && !faults.has('tx-profile-not-applied') ? profiles.filter((p) => p.purpose === 'Tx' && p.evseId === evseId && (p.transactionId === undefined || p.transactionId === tx.transactionId)) : [];
  const defaults = tx && faults.has('tx-default-not-applied-to-running-tx') ? [] : profiles.filter((p) => p.purpose === 'TxDefault' && onConnector(p));
  const limiting = txProfiles.length === 0 ? defaults : faults.has('tx-default-not-replaced-by-tx-profile') ? [...txProfiles, ...defaults] : txProfiles;
  const combine = faults.has('tx-default-not-replaced-by-tx-profile') && txProfiles.length > 0;
  const max = profiles.filter((p) => p.purpose === 'StationMax');
  const rateUnit = unit ?? limiting[0]?.rateUnit ?? max[0]?.rateUnit ?? 'A';
  const end = now + durationS * 1000;
  // Moments where a limit may change: period starts, schedule ends, validity bounds.
  const moments = new Set<number>([0]);
  for (const p of [...limiting, ...max]) {
    const bounds = [...p.periods.map((x) => p.startsAt + x.startPeriod * 1000), p.duration !== undefined ? p.startsAt + p.duration * 1000 : undefined, p.validFrom, p.validTo];
    for (const b of bounds) if (b !== undefined && b > now && b < end) moments.add(Math.ceil((b - now) / 1000));
  }
  const periods: SchedulePeriod[] = [];
  for (const offset of [...moments].sort((a, b) => a - b)) {
    if (offset >= durationS) continue;
    const t = now + offset * 1000;
    const noFallback = faults.has('stack-level-no-fallback');
    const txLimit = combine ? Math.min(limitAt(txProfiles, t, rateUnit) ?? LOCAL_LIMIT[rateUnit], limitAt(defaults, t, rateUnit) ?? LOCAL_LIMIT[rateUnit]) : limitAt(limiting, t, rateUnit, noFallback);
    const limit = Math.min(txLimit ?? LOCAL_LIMIT[rateUnit], limitAt(max, t, rateUnit, noFallback) ?? LOCAL_LIMIT[rateUnit]);
    if (periods.length === 0 || periods[periods.length - 1].limit !== limit) periods.push({ startPeriod: offset, limit });
  }
  return { rateUnit, periods, duration: durationS };
}

/** The limit of the highest-stack profile in force at `t`, or undefined when none is. */
function limitAt(profiles: readonly Profile16[], t: number, unit: 'A' | 'W', noFallback = false): number | undefined {
  const valid = profiles.filter((p) => (p.validFrom === undefined || p.validFrom <= t) && (p.validTo === undefined || t < p.validTo)).sort((a, b) => b.stackLevel - a.stackLevel);
  const inSchedule = (p: Profile16) => t >= p.startsAt && (p.duration === undefined || t < p.startsAt + p.duration * 1000);
  // The fault: only the top stack level counts, running or not.
  const running = noFallback ? valid.filter((p) => p.stackLevel === valid[0]?.stackLevel).find(inSchedule) : valid.find(inSchedule);
  if (!running) return undefined;
  const elapsedS = (t - running.startsAt) / 1000;
  const period = [...running.periods].reverse().find((x) => x.startPeriod <= elapsedS);
  return period === undefined ? undefined : convert(period.limit, running.rateUnit, unit);
}

function convert(limit: number, from: 'A' | 'W', to: 'A' | 'W'): number {
  if (from === to) return limit;
  return from === 'A' ? Math.round(limit * VOLTS_3P) : Math.round((limit / VOLTS_3P) * 10) / 10;
}
