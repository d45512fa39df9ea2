import { expect } from 'chai';
import { FaultSet } from '../../../../src/peers/faults.js';
import { afterSmartChargingRequest201, clearChargingProfile201, getChargingProfiles201, getCompositeSchedule201, remoteStartProfile201, setChargingProfile201 } from '../../../../src/peers/reference-csms/smart-charging-201.js';
import type { StationSession } from '../../../../src/peers/reference-csms/session.js';

/** Just what smart-charging-201.ts reads of a session: its faults and its running transactions. */
function session(faults: string[] = [], active: Array<{ transactionId: string; connectorId: number }> = []): StationSession {
  return { faults: new FaultSet('csms', faults), activeTransactions: active } as unknown as StationSession;
}

type Profile = { id: number; stackLevel: number; transactionId?: string; chargingSchedule: Array<Record<string, unknown>> };
const profileOf = (r: { payload: Record<string, unknown> }) => r.payload.chargingProfile as Profile;

describe('reference CSMS: 2.0.1 smart charging requests from operator parameters', () => {
  it('SetChargingProfile carries the EVSE, the given validity, schedule and phases, and nothing it was not given', () => {
    const r = setChargingProfile201(session(), { evseId: 1, profileId: 4, purpose: 'TxDefaultProfile', stackLevel: 2, unit: 'W', limit: 6000, numberPhases: 1, duration: 600, startSchedule: 'S', validFrom: 'F', validTo: 'T' });
    expect(r).to.deep.equal({
      action: 'SetChargingProfile',
      payload: { evseId: 1, chargingProfile: { id: 4, stackLevel: 2, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', validFrom: 'F', validTo: 'T', chargingSchedule: [{ id: 1, startSchedule: 'S', duration: 600, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6000, numberPhases: 1 }] }] } },
    });
    expect(profileOf(setChargingProfile201(session(), { kind: 'Relative' }))).to.not.have.any.keys('validFrom', 'validTo', 'transactionId', 'recurrencyKind');
    expect(profileOf(setChargingProfile201(session(), { kind: 'Relative' })).chargingSchedule[0]).to.not.have.property('startSchedule');
    expect(profileOf(setChargingProfile201(session(), { kind: 'Recurring' }))).to.include({ recurrencyKind: 'Daily' });
  });

  it('a replacement (same EVSE, purpose, stackLevel) keeps the id of the accepted profile; another stackLevel gets a free id', () => {
    const s = session();
    const first = setChargingProfile201(s, { evseId: 1, stackLevel: 0 });
    afterSmartChargingRequest201(s, first, { status: 'Accepted' });
    expect(profileOf(setChargingProfile201(s, { evseId: 1, stackLevel: 0, limit: 6 })).id).to.equal(profileOf(first).id);
    expect(profileOf(setChargingProfile201(s, { evseId: 1, stackLevel: 1 })).id).to.not.equal(profileOf(first).id);
    // Cleared by criteria: forgotten, so the next one is new again (and may take the free id).
    afterSmartChargingRequest201(s, { action: 'ClearChargingProfile', payload: clearChargingProfile201(s, { evseId: 1, purpose: 'TxDefaultProfile', stackLevel: 0 }) }, { status: 'Accepted' });
    const second = setChargingProfile201(s, { evseId: 1, stackLevel: 1 });
    afterSmartChargingRequest201(s, second, { status: 'Accepted' });
    expect(profileOf(setChargingProfile201(s, { evseId: 1, stackLevel: 0 })).id).to.not.equal(profileOf(second).id);
  });

  it('a TxProfile names the transaction running on its EVSE; a remote start profile is a Relative TxProfile without one', () => {
    const s = session([], [{ transactionId: 'tx-2', connectorId: 2 }, { transactionId: 'tx-1', connectorId: 1 }]);
    expect(profileOf(setChargingProfile201(s, { evseId: 1, purpose: 'TxProfile' })).transactionId).to.equal('tx-1');
    const remote = remoteStartProfile201(s, { withChargingProfile: true }, 1)!;
    expect(remote).to.include({ chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative' });
    expect(remote).to.not.have.property('transactionId');
    expect(remoteStartProfile201(s, {}, 1)).to.equal(undefined);
  });

  it('ClearChargingProfile, GetChargingProfiles and GetCompositeSchedule carry what they were given', () => {
    expect(clearChargingProfile201(session(), { profileId: 5 })).to.deep.equal({ chargingProfileId: 5 });
    expect(clearChargingProfile201(session(), { evseId: 1, purpose: 'TxDefaultProfile', stackLevel: 0 })).to.deep.equal({ chargingProfileCriteria: { evseId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 0 } });
    expect(getChargingProfiles201(session(), {}, 3)).to.deep.equal({ requestId: 3, chargingProfile: {} });
    expect(getChargingProfiles201(session(), { evseId: 1, purpose: 'TxProfile', stackLevel: 1, chargingLimitSource: 'EMS', profileId: 7 }, 3)).to.deep.equal({ requestId: 3, evseId: 1, chargingProfile: { chargingProfilePurpose: 'TxProfile', stackLevel: 1, chargingProfileId: [7], chargingLimitSource: ['EMS'] } });
    expect(getCompositeSchedule201(session(), { evseId: 1, duration: 300, unit: 'W' })).to.deep.equal({ duration: 300, evseId: 1, chargingRateUnit: 'W' });
  });

  it('the fault switches break exactly what they say', () => {
    expect(profileOf(setChargingProfile201(session(['csms201-charging-profile-without-validity']), { validFrom: 'a', validTo: 'b' }))).to.not.have.any.keys('validFrom', 'validTo');
    expect(setChargingProfile201(session(['csms201-charging-profile-evse-zero']), { evseId: 1 }).payload.evseId).to.equal(0);
    expect(profileOf(setChargingProfile201(session(['csms201-recurring-without-recurrency-kind']), { kind: 'Recurring' }))).to.not.have.property('recurrencyKind');
    expect(profileOf(setChargingProfile201(session(['csms201-tx-profile-without-transaction-id'], [{ transactionId: 't', connectorId: 1 }]), { evseId: 1, purpose: 'TxProfile' }))).to.not.have.property('transactionId');
    expect(remoteStartProfile201(session(['csms201-remote-start-without-profile']), { withChargingProfile: true }, 1)).to.equal(undefined);
    expect(clearChargingProfile201(session(['csms201-clear-charging-profile-id-with-criteria']), { profileId: 5 })).to.have.property('chargingProfileCriteria');
    expect(clearChargingProfile201(session(['csms201-clear-charging-profile-evse-dropped']), { evseId: 1, purpose: 'TxDefaultProfile' })).to.deep.equal({ chargingProfileCriteria: { chargingProfilePurpose: 'TxDefaultProfile' } });
    expect(getChargingProfiles201(session(['csms201-get-charging-profiles-evse-dropped']), { evseId: 1 }, 1)).to.not.have.property('evseId');
    expect(getChargingProfiles201(session(['csms201-get-charging-profiles-criterion-ignored']), { purpose: 'TxProfile' }, 1).chargingProfile).to.deep.equal({});
    expect(getCompositeSchedule201(session(['csms201-composite-schedule-without-rate-unit']), { unit: 'A' })).to.not.have.property('chargingRateUnit');
  });
});
