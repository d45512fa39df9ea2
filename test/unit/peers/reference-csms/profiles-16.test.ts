import { expect } from 'chai';
import { FaultSet } from '../../../../src/peers/faults.js';
import { chargingProfile16, clearChargingProfile16, remoteStartProfile16 } from '../../../../src/peers/reference-csms/profiles-16.js';
import type { StationSession } from '../../../../src/peers/reference-csms/session.js';

/** Just what profiles-16.ts reads of a session: its faults and its running transactions. */
function session(faults: string[] = [], active: Array<{ transactionId: number; connectorId: number }> = []): StationSession {
  return { faults: new FaultSet('csms', faults), activeTransactions: active } as unknown as StationSession;
}

describe('reference CSMS: 1.6 charging profiles from operator parameters', () => {
  it('a TxDefaultProfile carries the given validity, schedule start, duration and phases, nothing it was not given', () => {
    const p = chargingProfile16(session(), { purpose: 'TxDefaultProfile', stackLevel: 2, unit: 'W', limit: 6000, numberPhases: 1, duration: 600, startSchedule: '2026-01-01T00:00:00Z', validFrom: '2026-01-01T00:00:00Z', validTo: '2026-01-02T00:00:00Z' }, { id: 7, purpose: 'TxDefaultProfile' });
    expect(p).to.deep.equal({
      chargingProfileId: 7,
      stackLevel: 2,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Absolute',
      validFrom: '2026-01-01T00:00:00Z',
      validTo: '2026-01-02T00:00:00Z',
      chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6000, numberPhases: 1 }], duration: 600, startSchedule: '2026-01-01T00:00:00Z' },
    });
    expect(chargingProfile16(session(), {}, { id: 1, purpose: 'TxDefaultProfile' })).to.not.have.any.keys('validFrom', 'validTo', 'transactionId');
  });

  it('a TxProfile names the transaction running on its connector; a remote start profile is a Relative TxProfile without one', () => {
    const s = session([], [{ transactionId: 41, connectorId: 2 }, { transactionId: 42, connectorId: 1 }]);
    expect(chargingProfile16(s, { purpose: 'TxProfile', connectorId: 1 }, { id: 1, purpose: 'TxDefaultProfile' }).transactionId).to.equal(42);
    const remote = remoteStartProfile16(s, { connectorId: 1 }, 3);
    expect(remote).to.include({ chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative' });
    expect(remote).to.not.have.property('transactionId');
  });

  it('ClearChargingProfile by id, by criteria, or with no fields at all', () => {
    expect(clearChargingProfile16(session(), { profileId: 5 })).to.deep.equal({ id: 5 });
    expect(clearChargingProfile16(session(), { connectorId: 1, purpose: 'TxDefaultProfile', stackLevel: 1 })).to.deep.equal({ connectorId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1 });
    expect(clearChargingProfile16(session(), {})).to.deep.equal({});
  });

  it('the fault switches break exactly what they say', () => {
    expect(chargingProfile16(session(['charging-profile-without-validity']), { validFrom: 'a', validTo: 'b' }, { id: 1, purpose: 'TxDefaultProfile' })).to.not.have.any.keys('validFrom', 'validTo');
    expect(chargingProfile16(session(['tx-profile-without-transaction-id'], [{ transactionId: 9, connectorId: 1 }]), { purpose: 'TxProfile', connectorId: 1 }, { id: 1, purpose: 'TxDefaultProfile' })).to.not.have.property('transactionId');
    expect(remoteStartProfile16(session(['remote-start-profile-tx-default']), {}, 1).chargingProfilePurpose).to.equal('TxDefaultProfile');
    expect(clearChargingProfile16(session(['clear-charging-profile-ignores-criteria']), { connectorId: 1, purpose: 'TxDefaultProfile', stackLevel: 1 })).to.deep.equal({});
  });
});
