import type { Payload } from '../../ocpp/frame.js';
import type { StationSession } from './session.js';

/**
 * OCPP 1.6 smart charging requests of the reference CSMS (OCPP 1.6 §3.13, §5.5, §5.7, §5.16): the charging
 * profile an operator describes with a few parameters, and ClearChargingProfile by id or by criteria. Fields the
 * operator does not give are left out, as the specification makes them optional.
 */
type Params = Record<string, unknown>;

/** csChargingProfiles of SetChargingProfile (and chargingProfile of RemoteStartTransaction). */
export function chargingProfile16(s: StationSession, p: Params, defaults: { id: number; purpose: string; kind?: string }): Payload {
  const purpose = String(p.purpose ?? defaults.purpose);
  const period: Payload = { startPeriod: num(p.startPeriod) ?? 0, limit: Number(p.limit ?? 16) };
  if (p.numberPhases !== undefined) period.numberPhases = num(p.numberPhases);
  const schedule: Payload = { chargingRateUnit: String(p.unit ?? 'A'), chargingSchedulePeriod: [period] };
  if (p.duration !== undefined) schedule.duration = num(p.duration);
  if (p.startSchedule !== undefined) schedule.startSchedule = String(p.startSchedule);
  const profile: Payload = { chargingProfileId: num(p.profileId) ?? defaults.id, stackLevel: num(p.stackLevel) ?? 0, chargingProfilePurpose: purpose, chargingProfileKind: String(p.kind ?? defaults.kind ?? 'Absolute') };
  if (purpose === 'TxProfile' && defaults.purpose !== 'RemoteStart' && !s.faults.has('tx-profile-without-transaction-id')) {
    // A TxProfile set on a running transaction names it (OCPP 1.6 §7.8 ChargingProfile.transactionId).
    const connectorId = num(p.connectorId);
    const tx = p.transactionId !== undefined ? num(p.transactionId) : s.activeTransactions.find((t) => connectorId === undefined || t.connectorId === connectorId)?.transactionId;
    if (tx !== undefined) profile.transactionId = Number(tx);
  }
  if (p.recurrencyKind !== undefined) profile.recurrencyKind = String(p.recurrencyKind);
  if (!s.faults.has('charging-profile-without-validity')) {
    if (p.validFrom !== undefined) profile.validFrom = String(p.validFrom);
    if (p.validTo !== undefined) profile.validTo = String(p.validTo);
  }
  profile.chargingSchedule = schedule;
  return profile;
}

/** The charging profile of a RemoteStartTransaction: a Relative TxProfile without transactionId (OCPP 1.6 §5.11). */
export function remoteStartProfile16(s: StationSession, p: Params, id: number): Payload {
  const purpose = s.faults.has('remote-start-profile-tx-default') ? 'TxDefaultProfile' : 'TxProfile';
  return chargingProfile16(s, { ...p, purpose, kind: p.kind ?? 'Relative', transactionId: undefined }, { id, purpose: 'RemoteStart', kind: 'Relative' });
}

/** ClearChargingProfile: by id, by criteria (connectorId, chargingProfilePurpose, stackLevel), or everything. */
export function clearChargingProfile16(s: StationSession, p: Params): Payload {
  const payload: Payload = {};
  const id = num(p.profileId ?? p.id);
  if (id !== undefined) payload.id = id;
  if (s.faults.has('clear-charging-profile-ignores-criteria')) return payload;
  if (p.connectorId !== undefined) payload.connectorId = num(p.connectorId);
  if (p.purpose !== undefined) payload.chargingProfilePurpose = String(p.purpose);
  if (p.stackLevel !== undefined) payload.stackLevel = num(p.stackLevel);
  return payload;
}

function num(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return n;
}
