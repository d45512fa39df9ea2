import { expect } from 'chai';
import { AuthStore, sameOwner } from '../../../../src/peers/reference-cs/auth.js';
import { Connector, status16, status16Station, status201 } from '../../../../src/peers/reference-cs/connectors.js';
import { ProfileStore, type StoredProfile } from '../../../../src/peers/reference-cs/smart-charging.js';

describe('connector status derivation', () => {
  const reservation = { id: 1, evseId: 1, idTag: 'T', expiresAt: Date.now() + 60_000 };
  const c = (set: Partial<Connector> = {}) => Object.assign(new Connector(1), set);

  it('1.6: Available, Preparing, Charging, SuspendedEV/EVSE, Finishing, Reserved, Unavailable, Faulted', () => {
    expect(status16(c(), true, undefined)).to.equal('Available');
    expect(status16(c({ plugged: true }), true, undefined)).to.equal('Preparing');
    expect(status16(c({ awaitingPlug: { idTag: 'T' } }), true, undefined)).to.equal('Preparing');
    expect(status16(c({ plugged: true, tx: { energizing: true, suspendedByStation: false } }), true, undefined)).to.equal('Charging');
    expect(status16(c({ plugged: true, evSuspended: true, tx: { energizing: true, suspendedByStation: false } }), true, undefined)).to.equal('SuspendedEV');
    expect(status16(c({ plugged: true, tx: { energizing: false, suspendedByStation: true } }), true, undefined)).to.equal('SuspendedEVSE');
    expect(status16(c({ plugged: true, finishing: true }), true, undefined)).to.equal('Finishing');
    expect(status16(c(), true, reservation)).to.equal('Reserved');
    expect(status16(c({ operative: false }), true, undefined)).to.equal('Unavailable');
    expect(status16(c(), false, undefined)).to.equal('Unavailable');
    // A running transaction keeps its status until it ends, even when the connector is to become unavailable.
    expect(status16(c({ operative: false, plugged: true, tx: { energizing: true, suspendedByStation: false } }), false, undefined)).to.equal('Charging');
    expect(status16(c({ plugged: true, fault: { errorCode: 'GroundFailure' } }), true, undefined)).to.equal('Faulted');
    expect(status16Station(true, undefined)).to.equal('Available');
    expect(status16Station(false, undefined)).to.equal('Unavailable');
    expect(status16Station(true, { errorCode: 'OtherError' })).to.equal('Faulted');
  });

  it('2.0.1: Available, Occupied, Reserved, Unavailable, Faulted', () => {
    expect(status201(c(), true, undefined)).to.equal('Available');
    expect(status201(c({ plugged: true }), true, undefined)).to.equal('Occupied');
    expect(status201(c({ tx: { energizing: false, suspendedByStation: false } }), true, undefined)).to.equal('Occupied');
    expect(status201(c(), true, reservation)).to.equal('Reserved');
    expect(status201(c({ operative: false }), true, undefined)).to.equal('Unavailable');
    expect(status201(c({ fault: { errorCode: 'x' } }), true, undefined)).to.equal('Faulted');
  });
});

describe('AuthStore (local list and cache)', () => {
  it('the list wins over the cache; an expired Accepted entry counts as Expired', () => {
    const store = new AuthStore([{ idTag: 'A', status: 'Accepted' }, { idTag: 'OLD', status: 'Accepted', expiryDate: '2000-01-01T00:00:00Z' }]);
    expect(store.listVersion).to.equal(1);
    store.remember('A', { status: 'Blocked' }, true); // a list tag is not cached
    store.remember('B', { status: 'Accepted' }, true);
    expect(store.lookup('A', true, true)?.status).to.equal('Accepted');
    expect(store.lookup('B', true, true)?.status).to.equal('Accepted');
    expect(store.lookup('B', true, false)).to.equal(undefined);
    expect(store.lookup('A', false, true)).to.equal(undefined);
    expect(store.lookup('OLD', true, true)?.status).to.equal('Expired');
    store.clearCache();
    expect(store.cacheSize).to.equal(0);
  });

  it('SendLocalList: Full replaces, Differential edits and needs a newer version, too long fails', () => {
    const store = new AuthStore();
    expect(store.update(3, true, [{ idTag: 'A', info: { status: 'Accepted' } }, { idTag: 'B', info: { status: 'Blocked' } }], 10)).to.equal('Accepted');
    expect(store.listVersion).to.equal(3);
    expect(store.update(3, false, [{ idTag: 'C', info: { status: 'Accepted' } }], 10)).to.equal('VersionMismatch');
    expect(store.update(4, false, [{ idTag: 'C', info: { status: 'Accepted' } }, { idTag: 'A' }], 10)).to.equal('Accepted');
    expect([store.lookup('A', true, false), store.lookup('C', true, false)?.status]).to.deep.equal([undefined, 'Accepted']);
    expect(store.update(5, true, [{ idTag: 'X', info: { status: 'Accepted' } }, { idTag: 'Y', info: { status: 'Accepted' } }], 1)).to.equal('Failed');
  });

  it('sameOwner: the same tag or the same parent', () => {
    expect(sameOwner({ idTag: 'A' }, { idTag: 'A' })).to.equal(true);
    expect(sameOwner({ idTag: 'A', parentIdTag: 'P' }, { idTag: 'B', parentIdTag: 'P' })).to.equal(true);
    expect(sameOwner({ idTag: 'A' }, { idTag: 'B' })).to.equal(false);
  });
});

describe('ProfileStore (basic smart charging)', () => {
  const profile = (set: Partial<StoredProfile>): StoredProfile => ({ id: 1, evseId: 1, stackLevel: 0, purpose: 'TxDefault', rateUnit: 'A', periods: [{ startPeriod: 0, limit: 16 }], ...set });

  it('accepts valid profiles, rejects Tx profiles without a transaction and station-max profiles on an EVSE', () => {
    const store = new ProfileStore();
    expect(store.set(profile({}), true, undefined)).to.equal('Accepted');
    expect(store.set(profile({ id: 2, purpose: 'Tx' }), true, undefined)).to.equal('Rejected');
    expect(store.set(profile({ id: 2, purpose: 'Tx', transactionId: 7 }), true, { transactionId: 7 })).to.equal('Accepted');
    expect(store.set(profile({ id: 3, purpose: 'StationMax' }), true, undefined)).to.equal('Rejected');
    expect(store.set(profile({ id: 3, evseId: 9 }), false, undefined)).to.equal('Rejected');
    expect(store.set(profile({ id: 4, stackLevel: 99 }), true, undefined)).to.equal('Rejected');
    expect(store.count).to.equal(2);
  });

  it('composite: the highest Tx/TxDefault profile, capped by the station maximum, in the asked unit', () => {
    const store = new ProfileStore();
    store.set(profile({ id: 1, periods: [{ startPeriod: 0, limit: 20 }, { startPeriod: 600, limit: 8 }] }), true, undefined);
    store.set(profile({ id: 2, evseId: 0, purpose: 'StationMax', periods: [{ startPeriod: 0, limit: 16 }] }), true, undefined);
    expect(store.composite(1, 3600, 'A').periods).to.deep.equal([{ startPeriod: 0, limit: 16 }, { startPeriod: 600, limit: 8 }]);
    expect(store.composite(1, 300, 'A').periods).to.deep.equal([{ startPeriod: 0, limit: 16 }]);
    expect(store.composite(1, 300, 'W').periods[0].limit).to.equal(16 * 690);
    expect(new ProfileStore().composite(1, 60, undefined)).to.deep.equal({ rateUnit: 'A', periods: [{ startPeriod: 0, limit: 32 }], duration: 60 });
  });

  it('clear by id or criteria; Tx profiles go with their transaction', () => {
    const store = new ProfileStore();
    store.set(profile({ id: 1 }), true, undefined);
    store.set(profile({ id: 2, purpose: 'Tx', stackLevel: 1 }), true, { transactionId: 1 });
    expect(store.clear({ id: 5 })).to.equal(false);
    store.dropTxProfiles(1);
    expect(store.list().map((p) => p.id)).to.deep.equal([1]);
    expect(store.clear({ purpose: 'TxDefault' })).to.equal(true);
    expect(store.count).to.equal(0);
  });
});
