/**
 * A basic charging profile store: SetChargingProfile / ClearChargingProfile / GetCompositeSchedule for
 * both versions (1.6 §3.13, 2.0.1 K01-K08). It keeps profiles per EVSE and answers the composite
 * schedule from the highest-stack transaction profile, capped by the station maximum profile. Profile
 * validity windows and recurrence are not evaluated.
 */
export interface SchedulePeriod {
  startPeriod: number;
  limit: number;
  numberPhases?: number;
}

export interface StoredProfile {
  id: number;
  /** 0 = the station as a whole. */
  evseId: number;
  stackLevel: number;
  /** Purposes in neutral terms: StationMax, TxDefault, Tx, External. */
  purpose: 'StationMax' | 'TxDefault' | 'Tx' | 'External';
  transactionId?: string | number;
  rateUnit: 'A' | 'W';
  periods: SchedulePeriod[];
  duration?: number;
}

export type SetProfileStatus = 'Accepted' | 'Rejected';

const MAX_STACK_LEVEL = 8;
const STATION_MAX = { A: 32, W: 22_000 };
const VOLTS_3P = 230 * 3;

export class ProfileStore {
  private profiles: StoredProfile[] = [];

  get count(): number {
    return this.profiles.length;
  }

  list(): readonly StoredProfile[] {
    return this.profiles;
  }

  /** `txOnEvse` tells whether the EVSE has a running transaction (and its id), for Tx profiles. */
  set(p: StoredProfile, evseExists: boolean, txOnEvse: { transactionId?: string | number } | undefined): SetProfileStatus {
    if (!evseExists || p.stackLevel < 0 || p.stackLevel > MAX_STACK_LEVEL || p.periods.length === 0) return 'Rejected';
    if (p.purpose === 'StationMax' && p.evseId !== 0) return 'Rejected';
    if (p.purpose === 'Tx') {
      if (p.evseId === 0 || !txOnEvse) return 'Rejected';
      if (p.transactionId !== undefined && p.transactionId !== txOnEvse.transactionId) return 'Rejected';
    }
    this.profiles = this.profiles.filter((x) => x.id !== p.id && !(x.evseId === p.evseId && x.purpose === p.purpose && x.stackLevel === p.stackLevel));
    this.profiles.push(p);
    return 'Accepted';
  }

  /** Removes the profiles matching every given criterion; true when any was removed. */
  clear(criteria: { id?: number; evseId?: number; purpose?: StoredProfile['purpose']; stackLevel?: number }): boolean {
    const before = this.profiles.length;
    this.profiles = this.profiles.filter(
      (p) =>
        !(
          (criteria.id === undefined || p.id === criteria.id) &&
          (criteria.evseId === undefined || p.evseId === criteria.evseId) &&
          (criteria.purpose === undefined || p.purpose === criteria.purpose) &&
          (criteria.stackLevel === undefined || p.stackLevel === criteria.stackLevel)
        ),
    );
    return this.profiles.length < before;
  }

  /** Tx profiles end with their transaction (1.6 §3.13.1; 2.0.1 K01.FR.05). */
  dropTxProfiles(evseId: number): void {
    this.profiles = this.profiles.filter((p) => !(p.purpose === 'Tx' && p.evseId === evseId));
  }

  /** The schedule that applies to an EVSE for the next `duration` seconds, in `unit`. */
  composite(evseId: number, duration: number, unit: 'A' | 'W' | undefined): { rateUnit: 'A' | 'W'; periods: SchedulePeriod[]; duration: number } {
    const applicable = this.profiles.filter((p) => p.evseId === evseId || p.evseId === 0);
    const top = (purpose: StoredProfile['purpose']) => applicable.filter((p) => p.purpose === purpose).sort((a, b) => b.stackLevel - a.stackLevel)[0];
    const tx = top('Tx') ?? top('TxDefault');
    const max = top('StationMax');
    const rateUnit = unit ?? tx?.rateUnit ?? max?.rateUnit ?? 'A';
    const cap = max ? convert(max.periods[0].limit, max.rateUnit, rateUnit) : STATION_MAX[rateUnit];
    const source = tx ?? max;
    const periods = source
      ? source.periods.filter((p) => p.startPeriod < duration).map((p) => ({ ...p, limit: Math.min(convert(p.limit, source.rateUnit, rateUnit), cap) }))
      : [{ startPeriod: 0, limit: cap }];
    return { rateUnit, periods: periods.length > 0 ? periods : [{ startPeriod: 0, limit: cap }], duration };
  }
}

function convert(limit: number, from: 'A' | 'W', to: 'A' | 'W'): number {
  if (from === to) return limit;
  return from === 'A' ? Math.round(limit * VOLTS_3P) : Math.round((limit / VOLTS_3P) * 10) / 10;
}
