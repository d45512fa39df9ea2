import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcCallError, RpcError } from '../rpc-errors.js';
import type { StationSession } from './session.js';

/**
 * 2.0.1 smart charging requests of the reference CSMS (OCPP 2.0.1 Part 2 K01 SetChargingProfile, K05 RequestStartTransaction
 * with a TxProfile, K08 GetCompositeSchedule, K09 GetChargingProfiles / ReportChargingProfiles, K10 ClearChargingProfile):
 * the profile an operator describes with a few parameters. The CSMS remembers the profiles the station accepted per EVSE,
 * purpose and stackLevel: a new profile for the same EVSE, purpose and stackLevel replaces the old one and keeps its id
 * (K01.FR.05), any other gets an id of its own. Fields the operator does not give are left out. The fault switches of
 * catalog-201-csms-smart-charging.ts bend the requests and the answers.
 */
type Params = Record<string, unknown>;
type Request = { action: string; payload: Payload };

interface Installed {
  evseId: number;
  purpose: string;
  stackLevel: number;
}

const installed = new WeakMap<StationSession, Map<number, Installed>>();

function installedOf(s: StationSession): Map<number, Installed> {
  let known = installed.get(s);
  if (!known) installed.set(s, (known = new Map()));
  return known;
}

/** The id for a new profile: the operator's, else the one of the profile it replaces, else a fresh one. */
function profileId(s: StationSession, p: Params, evseId: number, purpose: string, stackLevel: number): number {
  const given = num(p.profileId ?? p.id);
  if (given !== undefined) return given;
  const known = [...installedOf(s).entries()];
  if (s.faults.has('csms201-charging-profile-id-reused') && known.length > 0) return known[known.length - 1][0];
  const replaced = known.find(([, x]) => x.evseId === evseId && x.purpose === purpose && x.stackLevel === stackLevel);
  if (replaced && !s.faults.has('csms201-charging-profile-id-not-reused')) return replaced[0];
  return freshId(s);
}

/** An id no profile the station accepted from this CSMS has (counting from 1). */
function freshId(s: StationSession): number {
  const known = installedOf(s);
  let id = 1;
  while (known.has(id)) id++;
  return id;
}

/** A ChargingProfileType from the operator's parameters (purpose, kind, stackLevel, unit, limit, startPeriod, numberPhases, duration, validFrom, validTo, startSchedule, recurrencyKind). */
export function chargingProfile201(s: StationSession, p: Params, evseId: number, remoteStart = false): Payload {
  const purpose = String(p.purpose ?? (remoteStart ? 'TxProfile' : 'TxDefaultProfile'));
  const kind = String(p.kind ?? (remoteStart ? 'Relative' : 'Absolute'));
  const stackLevel = num(p.stackLevel) ?? 0;
  const period: Payload = { startPeriod: num(p.startPeriod) ?? 0, limit: Number(p.limit ?? 16) };
  if (p.numberPhases !== undefined) period.numberPhases = num(p.numberPhases);
  const schedule: Payload = { id: 1 };
  // A Relative schedule starts with the transaction; the others at startSchedule (K01.FR.40).
  if (kind !== 'Relative') schedule.startSchedule = String(p.startSchedule ?? new Date().toISOString());
  if (p.duration !== undefined) schedule.duration = num(p.duration);
  schedule.chargingRateUnit = String(p.unit ?? 'A');
  schedule.chargingSchedulePeriod = [period];
  const profile: Payload = { id: remoteStart ? (num(p.profileId) ?? freshId(s)) : profileId(s, p, evseId, purpose, stackLevel), stackLevel, chargingProfilePurpose: purpose, chargingProfileKind: kind };
  if (kind === 'Recurring' && !s.faults.has('csms201-recurring-without-recurrency-kind')) profile.recurrencyKind = String(p.recurrencyKind ?? 'Daily');
  if (!s.faults.has('csms201-charging-profile-without-validity')) {
    if (p.validFrom !== undefined) profile.validFrom = String(p.validFrom);
    if (p.validTo !== undefined) profile.validTo = String(p.validTo);
  }
  // A TxProfile set during a transaction names it (K01.FR.03); the one of a RequestStartTransaction has none (K05.FR.02).
  if (purpose === 'TxProfile' && !remoteStart && !s.faults.has('csms201-tx-profile-without-transaction-id')) {
    const tx = p.transactionId !== undefined ? String(p.transactionId) : s.activeTransactions.find((t) => t.connectorId === evseId)?.transactionId;
    if (tx !== undefined) profile.transactionId = String(tx);
  }
  profile.chargingSchedule = [schedule];
  return profile;
}

/** SetChargingProfileRequest for `evseId` (0: the whole station). */
export function setChargingProfile201(s: StationSession, p: Params): Request {
  const evseId = num(p.evseId ?? p.connectorId) ?? 0;
  const profile = (p.profile as Payload | undefined) ?? chargingProfile201(s, p, s.faults.has('csms201-charging-profile-evse-zero') ? 0 : evseId);
  return { action: 'SetChargingProfile', payload: { evseId: s.faults.has('csms201-charging-profile-evse-zero') ? 0 : evseId, chargingProfile: profile } };
}

/** The chargingProfile of a RequestStartTransaction: a Relative TxProfile without transactionId (K05.FR.02, F01.FR.08). */
export function remoteStartProfile201(s: StationSession, p: Params, evseId: number | undefined): Payload | undefined {
  if (!p.withChargingProfile || s.faults.has('csms201-remote-start-without-profile')) return undefined;
  return chargingProfile201(s, { ...p, purpose: 'TxProfile', kind: p.kind ?? 'Relative', transactionId: undefined }, evseId ?? 0, true);
}

/** ClearChargingProfileRequest: by chargingProfileId (without criteria), or by criteria (evseId, purpose, stackLevel). */
export function clearChargingProfile201(s: StationSession, p: Params): Payload {
  const payload: Payload = {};
  const id = num(p.profileId ?? p.id);
  if (id !== undefined) payload.chargingProfileId = id;
  const criteria: Payload = {};
  const evseId = num(p.evseId ?? p.connectorId);
  if (evseId !== undefined && !s.faults.has('csms201-clear-charging-profile-evse-dropped')) criteria.evseId = evseId;
  if (p.purpose !== undefined) criteria.chargingProfilePurpose = String(p.purpose);
  if (p.stackLevel !== undefined) criteria.stackLevel = num(p.stackLevel);
  if (id !== undefined && s.faults.has('csms201-clear-charging-profile-id-with-criteria')) Object.assign(criteria, { evseId: evseId ?? 0, chargingProfilePurpose: 'TxDefaultProfile' });
  if (Object.keys(criteria).length > 0) payload.chargingProfileCriteria = criteria;
  return payload;
}

/** GetChargingProfilesRequest: requestId, evseId (none: every EVSE), and the criterion (purpose, stackLevel, chargingLimitSource, chargingProfileId). */
export function getChargingProfiles201(s: StationSession, p: Params, requestId: number): Payload {
  const payload: Payload = { requestId };
  const evseId = num(p.evseId ?? p.connectorId);
  if (evseId !== undefined && !s.faults.has('csms201-get-charging-profiles-evse-dropped')) payload.evseId = evseId;
  const criterion: Payload = {};
  if (!s.faults.has('csms201-get-charging-profiles-criterion-ignored')) {
    if (p.purpose !== undefined) criterion.chargingProfilePurpose = String(p.purpose);
    if (p.stackLevel !== undefined) criterion.stackLevel = num(p.stackLevel);
    const ids = p.profileId ?? p.chargingProfileId;
    if (ids !== undefined) criterion.chargingProfileId = ([] as unknown[]).concat(ids).map((x) => num(x));
    const sources = p.chargingLimitSource;
    if (sources !== undefined) criterion.chargingLimitSource = ([] as unknown[]).concat(sources).map(String);
  }
  payload.chargingProfile = criterion;
  return payload;
}

/** GetCompositeScheduleRequest for `evseId` (0: the station) over `duration` seconds, in `unit` when given. */
export function getCompositeSchedule201(s: StationSession, p: Params): Payload {
  const payload: Payload = { duration: num(p.duration) ?? 3600, evseId: num(p.evseId ?? p.connectorId) ?? 0 };
  if (p.unit !== undefined && !s.faults.has('csms201-composite-schedule-without-rate-unit')) payload.chargingRateUnit = String(p.unit);
  return payload;
}

/** Called with the station's answer to a smart charging request the control sent. */
export function afterSmartChargingRequest201(s: StationSession, request: Request, answer: Payload): void {
  const known = installedOf(s);
  if (request.action === 'SetChargingProfile' && answer.status === 'Accepted') {
    const profile = request.payload.chargingProfile as { id: number; chargingProfilePurpose: string; stackLevel: number };
    known.set(profile.id, { evseId: Number(request.payload.evseId), purpose: profile.chargingProfilePurpose, stackLevel: profile.stackLevel });
  }
  if (request.action === 'ClearChargingProfile' && answer.status === 'Accepted') {
    const id = request.payload.chargingProfileId as number | undefined;
    const c = (request.payload.chargingProfileCriteria ?? {}) as { evseId?: number; chargingProfilePurpose?: string; stackLevel?: number };
    for (const [k, x] of [...known]) {
      const matches = id !== undefined ? k === id : (c.evseId === undefined || c.evseId === x.evseId) && (c.chargingProfilePurpose === undefined || c.chargingProfilePurpose === x.purpose) && (c.stackLevel === undefined || c.stackLevel === x.stackLevel);
      if (matches) known.delete(k);
    }
  }
}

/**
 * A SetChargingProfile the station answers with CALLERROR NotSupported (no smart charging, K01): the CSMS takes note
 * instead of failing the operation.
 */
export function smartChargingNotSupported201(request: Request, e: unknown): boolean {
  return request.action === 'SetChargingProfile' && e instanceof RpcCallError && e.errorCode === 'NotSupported';
}

/** ReportChargingProfiles (K09): collected per requestId until tbc is false. */
export function registerSmartChargingAnswers201(ep: RpcEndpoint, s: StationSession): void {
  const reports = new Map<number, Payload[]>();
  ep.handle('ReportChargingProfiles', (req) => {
    if (req.tbc === true && s.faults.has('csms201-report-charging-profiles-tbc-error')) throw new RpcError('NotImplemented', 'reports in parts are not supported');
    const id = Number(req.requestId);
    reports.set(id, [...(reports.get(id) ?? []), ...((req.chargingProfile as Payload[]) ?? [])]);
    return {};
  });
}

function num(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return n;
}
