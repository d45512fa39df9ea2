import type { Payload } from '../../ocpp/frame.js';
import type { FaultName } from '../faults.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import { installExternalLimit201 } from './external-limit-201.js';
import type { ProfileStore, SchedulePeriod, StoredProfile } from './smart-charging.js';
import { composite16, type Profile16 } from './smart-charging-16.js';
import type { Station } from './station.js';
import type { TxEngine201 } from './tx-201.js';

/**
 * OCPP 2.0.1 K SmartCharging of the reference station (Part 2 K01 SetChargingProfile, K08 GetCompositeSchedule,
 * K09 GetChargingProfiles, K10 ClearChargingProfile). Profiles are kept as they were sent (reported back unchanged by
 * ReportChargingProfiles) next to their neutral form in the shared ProfileStore, which outlives a reboot (K01.FR.27).
 * The composite schedule is the 1.6 one in time (smart-charging-16.ts) with the 2.0.1 kinds resolved first: Absolute
 * from startSchedule (or the moment it was installed), Relative from the start of the EVSE's transaction (or now),
 * Recurring from the last Daily / Weekly repetition of startSchedule.
 */
export interface ChargingProfile201 {
  id: number;
  stackLevel: number;
  chargingProfilePurpose: string;
  chargingProfileKind: string;
  recurrencyKind?: string;
  validFrom?: string;
  validTo?: string;
  transactionId?: string;
  chargingSchedule: Array<{ id: number; startSchedule?: string; duration?: number; chargingRateUnit: string; chargingSchedulePeriod: SchedulePeriod[] }>;
}

export interface Profile201 extends Profile16 {
  kind: string;
  recurrency?: string;
  /** As the CSMS sent it. */
  raw: ChargingProfile201;
}

const PURPOSE: Record<string, StoredProfile['purpose']> = { ChargingStationMaxProfile: 'StationMax', TxDefaultProfile: 'TxDefault', TxProfile: 'Tx', ChargingStationExternalConstraints: 'External' };
const RECURRENCE_S: Record<string, number> = { Daily: 86_400, Weekly: 7 * 86_400 };
const PERIODS_PER_SCHEDULE = 24;
/** The switches of the 1.6 composite (smart-charging-16.ts) and the 2.0.1 switches that turn them on here. */
const COMPOSITE_FAULTS: Partial<Record<FaultName, FaultName>> = {
  'tx-default-not-applied-to-running-tx': 'sc201-tx-default-not-applied-to-running-tx',
  'tx-default-not-replaced-by-tx-profile': 'sc201-tx-default-not-replaced-by-tx-profile',
  'stack-level-no-fallback': 'sc201-stack-level-no-fallback',
};

export interface SmartChargingParts201 {
  st: Station;
  engine: TxEngine201;
  profiles: ProfileStore;
}

/** What outlives a connection, per station: when each transaction's schedule began (Relative profiles). */
const perStation = new WeakMap<Station, Map<string, number>>();

/** Registers the handlers on a connection; the first time for a station, also what lives as long as the station. */
export function registerSmartCharging201(ep: RpcEndpoint, p: SmartChargingParts201): void {
  const { st, engine, profiles } = p;
  if (!st.opts.smartCharging) {
    // without Smart Charging the requests are answered NotSupported (K01.FR.29); the fault answers a CALLRESULT instead
    if (st.faults.has('no-smart-charging-profile-rejected')) ep.handle('SetChargingProfile', () => ({ status: 'Rejected' }));
    return;
  }
  let txStarts = perStation.get(st);
  if (!txStarts) {
    txStarts = new Map();
    perStation.set(st, txStarts);
    installExternalLimit201(st, profiles); // K12: a limit from an external system, when the station was given one
    // Fault sc201-profiles-lost-on-reboot: profiles kept in volatile memory only (K01.FR.27 wants them persistent).
    st.events.on('boot', () => {
      if (st.faults.has('sc201-profiles-lost-on-reboot')) profiles.clear({});
    });
  }
  const starts = txStarts;
  const txOn = (evseId: number) => {
    const c = st.connector(evseId);
    return c ? engine.txOf(c) : undefined;
  };

  ep.handle('SetChargingProfile', (req) => {
    // customData is allowed in every type (Part 2 §1.4; Part 6 TC_P_04_CS): a strict parser that refuses it is the fault
    if (st.faults.has('charging-profile-custom-data-rejected') && JSON.stringify(req.chargingProfile).includes('"customData"')) throw new RpcError('FormatViolation', 'unexpected property customData');
    return { status: setProfile201(p, req.evseId as number, req.chargingProfile as ChargingProfile201) };
  });

  ep.handle('ClearChargingProfile', (req) => {
    const criteria = (req.chargingProfileCriteria as { evseId?: number; chargingProfilePurpose?: string; stackLevel?: number } | undefined) ?? {};
    if (st.faults.has('sc201-clear-by-id-ignored') && req.chargingProfileId !== undefined) return { status: 'Accepted' };
    if (st.faults.has('sc201-clear-criteria-ignored') && req.chargingProfileId === undefined && Object.keys(criteria).length > 0) return { status: 'Accepted' };
    const purpose = criteria.chargingProfilePurpose;
    const wanted = { id: req.chargingProfileId as number | undefined, evseId: criteria.evseId, purpose: purpose ? PURPOSE[purpose] : undefined, stackLevel: criteria.stackLevel };
    // Fault sc201-clear-criteria-first-only: of several profiles matching the criteria only the first goes.
    const first = st.faults.has('sc201-clear-criteria-first-only') ? profiles.list().find((x) => (wanted.evseId === undefined || x.evseId === wanted.evseId) && (wanted.purpose === undefined || x.purpose === wanted.purpose) && (wanted.stackLevel === undefined || x.stackLevel === wanted.stackLevel)) : undefined;
    const removed = profiles.clear(first ? { id: first.id } : wanted);
    return { status: removed || st.faults.has('sc201-clear-unknown-accepted') ? 'Accepted' : 'Unknown' };
  });

  ep.handle('GetChargingProfiles', (req, ctx) => {
    const found = selectProfiles(profiles.list() as Profile201[], req, st.faults);
    if (found.length === 0) return { status: 'NoProfiles' };
    if (!st.faults.has('sc201-get-profiles-not-reported')) ctx.afterReply(() => reportProfiles(st, req.requestId as number, found));
    return { status: 'Accepted' };
  });

  ep.handle('GetCompositeSchedule', (req) => {
    const evseId = req.evseId as number;
    // K08.FR.05: an EVSE the station does not have.
    if (evseId !== 0 && !st.connector(evseId) && !st.faults.has('sc201-composite-unknown-evse-accepted')) return { status: 'Rejected' };
    if (profiles.count === 0 && st.faults.has('sc201-composite-needs-profile')) return { status: 'Rejected' };
    // K08.FR.07: a rate unit the station does not support.
    if (typeof req.chargingRateUnit === 'string' && !rateUnits(st).includes(req.chargingRateUnit) && !st.faults.has('sc201-composite-rate-unit-unchecked')) return { status: 'Rejected' };
    const unit = req.chargingRateUnit === 'W' ? 'W' : req.chargingRateUnit === 'A' ? 'A' : undefined;
    const now = Date.now();
    const evseIds = [...new Set(st.connectors.map((c) => c.evseId))];
    for (const id of evseIds) {
      const t = txOn(id);
      if (t && !starts.has(t.transactionId)) starts.set(t.transactionId, now);
    }
    const resolved = (profiles.list() as Profile201[]).map((x) => resolveStart(x, x.evseId === 0 ? undefined : txOn(x.evseId), starts, now, st));
    // The 1.6 composite honours its own switches; here the 2.0.1 ones stand for them.
    const faults = { has: (n: FaultName) => { const own = COMPOSITE_FAULTS[n]; return own ? st.faults.has(own) : false; } };
    const duration = req.duration as number;
    const one = (id: number) => composite16(resolved, id, duration, unit, id === 0 ? undefined : txOn(id), faults, now);
    // EVSE 0: the station as a whole draws what its EVSEs draw together, within its ChargingStationMaxProfile (K08).
    const s =
      evseId !== 0 || st.faults.has('sc201-station-composite-not-summed')
        ? one(evseId)
        : sumSchedules(evseIds.map(one), composite16(resolved.filter((x) => x.purpose === 'StationMax'), 0, duration, unit, undefined, faults, now), duration);
    const schedule: Payload = { evseId, duration: s.duration, scheduleStart: new Date(now).toISOString(), chargingRateUnit: s.rateUnit, chargingSchedulePeriod: s.periods };
    return { status: 'Accepted', schedule };
  });
}

/** K01: validate and store a profile sent by SetChargingProfile (or with RequestStartTransaction, for its transaction). */
export function setProfile201(p: SmartChargingParts201, evseId: number, cp: ChargingProfile201, now = Date.now()): 'Accepted' | 'Rejected' {
  const { st, engine, profiles } = p;
  const c = st.connector(evseId);
  const tx = c && engine.txOf(c);
  const schedule = cp.chargingSchedule[0];
  const purpose = PURPOSE[cp.chargingProfilePurpose];
  // K01.FR.26: a rate unit the station does not support (SmartChargingCtrlr.RateUnit).
  if (schedule && !rateUnits(st).includes(schedule.chargingRateUnit) && !st.faults.has('sc201-rate-unit-unchecked')) return 'Rejected';
  if (!purpose || !schedule || schedule.chargingSchedulePeriod.length > PERIODS_PER_SCHEDULE) return 'Rejected';
  // K01.FR.22: the CSMS may not set external constraints.
  if (purpose === 'External') return 'Rejected';
  // K01.FR.28: an EVSE the station does not have.
  if (evseId !== 0 && !c && !st.faults.has('sc201-unknown-evse-accepted')) return 'Rejected';
  if (cp.chargingProfileKind === 'Recurring' && (st.faults.has('sc201-recurring-rejected') || !cp.recurrencyKind || !RECURRENCE_S[cp.recurrencyKind])) return 'Rejected';
  if (purpose === 'Tx') {
    // K01.FR.16: not for the station as a whole; K01.FR.09: only with a transaction on the EVSE; K01.FR.33: its own.
    if (evseId === 0) return st.faults.has('sc201-tx-profile-on-evse0-accepted') ? 'Accepted' : 'Rejected';
    if (!tx && !st.faults.has('sc201-tx-profile-without-transaction-accepted')) return 'Rejected';
    if (tx && cp.transactionId !== undefined && cp.transactionId !== tx.transactionId && !st.faults.has('sc201-tx-profile-transaction-unchecked')) return 'Rejected';
  }
  const time = (t: string | undefined) => (t === undefined || Number.isNaN(Date.parse(t)) ? undefined : Date.parse(t));
  const profile: Profile201 = {
    id: cp.id,
    evseId,
    stackLevel: cp.stackLevel,
    purpose,
    transactionId: cp.transactionId ?? (purpose === 'Tx' ? tx?.transactionId : undefined),
    rateUnit: schedule.chargingRateUnit === 'W' ? 'W' : 'A',
    periods: schedule.chargingSchedulePeriod,
    duration: schedule.duration,
    startsAt: time(schedule.startSchedule) ?? now,
    validFrom: st.faults.has('sc201-valid-from-ignored') ? undefined : time(cp.validFrom),
    validTo: st.faults.has('sc201-valid-to-ignored') ? undefined : time(cp.validTo),
    kind: cp.chargingProfileKind,
    recurrency: cp.recurrencyKind,
    raw: cp,
  };
  if (st.faults.has('sc201-start-schedule-ignored')) profile.startsAt = now;
  if (st.faults.has('sc201-profile-not-replaced') && profiles.list().some((x) => x.id === cp.id)) return 'Accepted';
  const unchecked = st.faults.has('sc201-tx-profile-without-transaction-accepted') || st.faults.has('sc201-tx-profile-transaction-unchecked');
  return profiles.set(profile, true, unchecked ? { transactionId: profile.transactionId } : tx);
}

/**
 * K05 / F01.FR.10: the TxProfile of an accepted RequestStartTransaction, for the transaction it starts (running already
 * or still to come on the EVSE). It ends with that transaction like every TxProfile.
 */
export function remoteStartProfile201(p: SmartChargingParts201, evseId: number, cp: ChargingProfile201, transactionId: string | undefined): void {
  const { st, profiles } = p;
  const schedule = cp.chargingSchedule[0];
  if (st.faults.has('sc201-remote-start-profile-ignored') || !schedule || cp.chargingProfilePurpose !== 'TxProfile' || !st.connector(evseId)) return;
  const now = Date.now();
  const time = (t: string | undefined) => (t === undefined || Number.isNaN(Date.parse(t)) ? undefined : Date.parse(t));
  const profile: Profile201 = { id: cp.id, evseId, stackLevel: cp.stackLevel, purpose: 'Tx', transactionId: cp.transactionId ?? transactionId, rateUnit: schedule.chargingRateUnit === 'W' ? 'W' : 'A', periods: schedule.chargingSchedulePeriod, duration: schedule.duration, startsAt: time(schedule.startSchedule) ?? now, validFrom: time(cp.validFrom), validTo: time(cp.validTo), kind: cp.chargingProfileKind, recurrency: cp.recurrencyKind, raw: cp };
  profiles.set(profile, true, { transactionId: profile.transactionId });
}

/** The charging rate units the station supports (SmartChargingCtrlr.RateUnit, Part 2 appendices). */
function rateUnits(st: Station): string[] {
  return (st.deviceModel?.value('SmartChargingCtrlr', 'RateUnit') ?? 'A,W').split(',').map((u) => u.trim());
}

/** The moment second 0 of a profile's schedule falls on, for a composite schedule computed at `now`. */
export function resolveStart(x: Profile201, tx: { transactionId: string } | undefined, txStarts: Map<string, number>, now: number, st: Station): Profile201 {
  if (x.kind === 'Relative') return { ...x, startsAt: (tx && txStarts.get(tx.transactionId)) ?? now };
  const every = x.kind === 'Recurring' && x.recurrency ? RECURRENCE_S[x.recurrency] * 1000 : undefined;
  if (every && x.startsAt <= now && !st.faults.has('sc201-recurrence-not-repeated')) return { ...x, startsAt: x.startsAt + Math.floor((now - x.startsAt) / every) * every };
  return x;
}

/** K09: the profiles a GetChargingProfilesRequest asks for (K09.FR.04-06: one EVSE, the station's own (0), or all). */
function selectProfiles(all: Profile201[], req: Payload, faults: { has(n: FaultName): boolean }): Profile201[] {
  const criterion = faults.has('sc201-get-profiles-criteria-ignored') ? {} : (req.chargingProfile as { chargingProfilePurpose?: string; stackLevel?: number; chargingProfileId?: number[]; chargingLimitSource?: string[] } | undefined) ?? {};
  const evseId = req.evseId as number | undefined;
  return all.filter(
    (x) =>
      x.raw !== undefined &&
      (evseId === undefined || x.evseId === evseId || faults.has('sc201-get-profiles-evse-ignored')) &&
      (criterion.chargingProfilePurpose === undefined || x.raw.chargingProfilePurpose === criterion.chargingProfilePurpose) &&
      (criterion.stackLevel === undefined || x.stackLevel === criterion.stackLevel) &&
      (criterion.chargingProfileId === undefined || criterion.chargingProfileId.includes(x.id)) &&
      (criterion.chargingLimitSource === undefined || criterion.chargingLimitSource.includes('CSO')),
  );
}

/** ReportChargingProfiles, one per EVSE, tbc on all but the last (K09.FR.03). */
function reportProfiles(st: Station, requestId: number, found: Profile201[]): void {
  const evses = [...new Set(found.map((x) => x.evseId))].sort((a, b) => a - b);
  // Fault sc201-report-stops-after-first: a report in parts ends after its first part (tbc true).
  (st.faults.has('sc201-report-stops-after-first') ? evses.slice(0, 1) : evses).forEach((evseId, i) => {
    const chargingProfile = found.filter((x) => x.evseId === evseId).map((x) => (st.faults.has('sc201-report-profile-altered') ? withoutPhases(x.raw) : x.raw));
    st.send('ReportChargingProfiles', { requestId, chargingLimitSource: 'CSO', evseId, chargingProfile, tbc: i < evses.length - 1 });
  });
}

/** Fault sc201-report-profile-altered: the profile as a station that keeps only what it uses would report it. */
function withoutPhases(cp: ChargingProfile201): ChargingProfile201 {
  return { ...cp, chargingSchedule: cp.chargingSchedule.map((s) => ({ ...s, chargingSchedulePeriod: s.chargingSchedulePeriod.map(({ startPeriod, limit }) => ({ startPeriod, limit })) })) };
}

/** The schedules of the EVSEs added up period by period, capped by the station's own schedule. */
export function sumSchedules(parts: Array<{ rateUnit: 'A' | 'W'; periods: SchedulePeriod[] }>, cap: { rateUnit: 'A' | 'W'; periods: SchedulePeriod[] }, duration: number): { rateUnit: 'A' | 'W'; periods: SchedulePeriod[]; duration: number } {
  const at = (periods: SchedulePeriod[], t: number) => [...periods].reverse().find((x) => x.startPeriod <= t)?.limit ?? 0;
  const moments = [...new Set([...parts, cap].flatMap((x) => x.periods.map((y) => y.startPeriod)))].sort((a, b) => a - b);
  const periods: SchedulePeriod[] = [];
  for (const t of moments) {
    const limit = Math.min(at(cap.periods, t), parts.reduce((sum, x) => sum + at(x.periods, t), 0));
    if (periods.length === 0 || periods[periods.length - 1].limit !== limit) periods.push({ startPeriod: t, limit });
  }
  return { rateUnit: cap.rateUnit, periods, duration };
}
