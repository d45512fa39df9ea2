import type { ProfileStore } from './smart-charging.js';
import type { Profile201 } from './smart-charging-201.js';
import type { Station } from './station.js';

/**
 * OCPP 2.0.1 K12: a charging limit an external system (an EMS) gave the station, which it keeps as a profile with
 * purpose ChargingStationExternalConstraints for the whole station (evseId 0) and reports like the CSMS's profiles
 * (K12.FR.05, Part 6 TC_K_52_CS). The reference station has one from the start when its option externalLimitA is set.
 * Fault external-limit-not-reported: the limit is applied outside the profiles and never reported.
 */
export const EXTERNAL_LIMIT_PROFILE_ID = 9001;

export function installExternalLimit201(st: Station, profiles: ProfileStore): void {
  const limit = st.opts.externalLimitA;
  if (limit === undefined || st.faults.has('external-limit-not-reported')) return;
  const periods = [{ startPeriod: 0, limit }];
  const profile: Profile201 = {
    id: EXTERNAL_LIMIT_PROFILE_ID,
    evseId: 0,
    stackLevel: 0,
    purpose: 'External',
    rateUnit: 'A',
    periods,
    startsAt: Date.now(),
    kind: 'Absolute',
    raw: {
      id: EXTERNAL_LIMIT_PROFILE_ID,
      stackLevel: 0,
      chargingProfilePurpose: 'ChargingStationExternalConstraints',
      chargingProfileKind: 'Absolute',
      chargingSchedule: [{ id: EXTERNAL_LIMIT_PROFILE_ID, startSchedule: new Date().toISOString(), chargingRateUnit: 'A', chargingSchedulePeriod: periods }],
    },
  };
  profiles.set(profile, true, undefined);
}
