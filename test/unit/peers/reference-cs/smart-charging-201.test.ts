import { expect } from 'chai';
import type { FaultName } from '../../../../src/peers/faults.js';
import { resolveStart, sumSchedules, type Profile201 } from '../../../../src/peers/reference-cs/smart-charging-201.js';
import type { Station } from '../../../../src/peers/reference-cs/station.js';

/** Only what resolveStart reads of a station: its fault switches. */
const station = (...on: FaultName[]) => ({ faults: { has: (n: FaultName) => on.includes(n) } }) as unknown as Station;

function profile(set: Partial<Profile201>): Profile201 {
  const raw = { id: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: [] };
  return { id: 1, evseId: 1, stackLevel: 0, purpose: 'TxDefault', rateUnit: 'A', periods: [{ startPeriod: 0, limit: 6 }], startsAt: 0, kind: 'Absolute', raw, ...set };
}

describe('reference station 2.0.1 smart charging (smart-charging-201.ts)', () => {
  const hour = 3_600_000;
  const now = Date.UTC(2026, 0, 10, 12);

  it('a Recurring profile starts at its last Daily / Weekly repetition; Absolute keeps its startSchedule', () => {
    const daily = profile({ kind: 'Recurring', recurrency: 'Daily', startsAt: now - 2 * 24 * hour - hour });
    expect(resolveStart(daily, undefined, new Map(), now, station()).startsAt).to.equal(now - hour);
    const weekly = profile({ kind: 'Recurring', recurrency: 'Weekly', startsAt: now - 8 * 24 * hour });
    expect(resolveStart(weekly, undefined, new Map(), now, station()).startsAt).to.equal(now - 24 * hour);
    expect(resolveStart(daily, undefined, new Map(), now, station('sc201-recurrence-not-repeated')).startsAt).to.equal(daily.startsAt);
    expect(resolveStart(profile({ startsAt: now - hour }), undefined, new Map(), now, station()).startsAt).to.equal(now - hour);
  });

  it('a Relative profile starts with the transaction of its EVSE, or now without one', () => {
    const relative = profile({ kind: 'Relative', startsAt: 0 });
    expect(resolveStart(relative, { transactionId: 'T1' }, new Map([['T1', now - 5000]]), now, station()).startsAt).to.equal(now - 5000);
    expect(resolveStart(relative, undefined, new Map(), now, station()).startsAt).to.equal(now);
  });

  it('the schedule of EVSE 0 adds up the EVSEs period by period, within the station maximum', () => {
    const evse = { rateUnit: 'A' as const, periods: [{ startPeriod: 0, limit: 6 }, { startPeriod: 300, limit: 32 }] };
    expect(sumSchedules([evse, evse], { rateUnit: 'A', periods: [{ startPeriod: 0, limit: 32 }] }, 400).periods).to.deep.equal([
      { startPeriod: 0, limit: 12 },
      { startPeriod: 300, limit: 32 },
    ]);
    expect(sumSchedules([evse, evse], { rateUnit: 'A', periods: [{ startPeriod: 0, limit: 10 }] }, 400).periods).to.deep.equal([{ startPeriod: 0, limit: 10 }]);
  });
});
