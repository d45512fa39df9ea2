import { expect } from 'chai';
import { describeCatalogGroup, useReferenceRuns, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, CSMS under test: Local Authorization List Management (D, the C GroupId cases with a local list,
 * N10 clearing customer information) and H Reservation. Every case passes against the reference CSMS, and fails,
 * naming the broken expectation, against the reference CSMS with the fault it exists to catch.
 */
const CASES = ['TC_D_01_CSMS', 'TC_D_02_CSMS', 'TC_D_03_CSMS', 'TC_D_04_CSMS', 'TC_D_08_CSMS', 'TC_D_09_CSMS', 'TC_C_40_CSMS', 'TC_C_43_CSMS', 'TC_N_46_CSMS', 'TC_H_01_CSMS', 'TC_H_07_CSMS', 'TC_H_17_CSMS', 'TC_H_19_CSMS', 'TC_H_20_CSMS', 'TC_H_22_CSMS', 'TC_H_08_CSMS', 'TC_H_14_CSMS', 'TC_H_15_CSMS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_D_01_CSMS', fault: 'csms201-local-list-update-type-swapped', reason: /^Step 3 failed: expected SendLocalList where updateType is \"Full\".*\(updateType: expected \"Full\", got \"Differential\"\)/ },
  { id: 'TC_D_02_CSMS', fault: 'csms201-local-list-version-not-increased', reason: /^Step 5 failed: expected SendLocalList where updateType is \"Differential\", versionNumber is a number of at least 2.*\(versionNumber: expected a number of at least 2, got 1\)/ },
  { id: 'TC_D_02_CSMS', fault: 'csms201-local-list-update-type-swapped', reason: /^Step 5 failed: expected SendLocalList where updateType is \"Differential\".*\(updateType: expected \"Differential\", got \"Full\"\)/ },
  { id: 'TC_D_03_CSMS', fault: 'csms201-local-list-remove-with-info', reason: /^Step 4 failed: expected SendLocalList where .*localAuthorizationList has a length that is a number of at least 1 and is not contains an element that is an object where idTokenInfo is present.*\(localAuthorizationList: expected not contains/ },
  { id: 'TC_D_03_CSMS', fault: 'csms201-local-list-version-not-increased', reason: /^Step 4 failed: expected SendLocalList where updateType is \"Differential\", versionNumber is a number of at least 2.*\(versionNumber: expected a number of at least 2, got 1\)/ },
  { id: 'TC_D_04_CSMS', fault: 'csms201-local-list-update-type-swapped', reason: /^Step 2 failed: expected SendLocalList where updateType is \"Full\".*localAuthorizationList is absent or has a length that is 0.*\(updateType: expected \"Full\", got \"Differential\"\)/ },
  { id: 'TC_D_08_CSMS', fault: 'get-local-list-version-schema-violation', reason: /^Step 3 failed: expected frames that follow the OCPP schemas.*GetLocalListVersionRequest: the payload has a property "listVersion"/ },
  { id: 'TC_D_09_CSMS', fault: 'get-local-list-version-schema-violation', reason: /^Step 2 failed: expected frames that follow the OCPP schemas.*GetLocalListVersionRequest: the payload has a property \"listVersion\"/ },
  { id: 'TC_C_40_CSMS', fault: 'csms201-no-group-id-token', reason: /^Step 2 failed: expected a CALLRESULT where idTokenInfo\.status is \"Accepted\", idTokenInfo\.groupIdToken\.idToken is \"PARENT-TAG-1\".*\(idTokenInfo\.groupIdToken: expected an object where idToken is \"PARENT-TAG-1\", got absent\)$/ },
  { id: 'TC_C_43_CSMS', fault: 'csms201-no-group-id-token', reason: /^Step 2 failed: expected a CALLRESULT where idTokenInfo\.status is \"Accepted\", idTokenInfo\.groupIdToken\.idToken is \"PARENT-TAG-1\".*\(idTokenInfo\.groupIdToken: expected an object where idToken is \"PARENT-TAG-1\", got absent\)$/ },
  { id: 'TC_N_46_CSMS', fault: 'csms201-local-list-kept-after-clear', reason: /^Step 5 failed: expected SendLocalList where updateType is "Differential", versionNumber is a number of at least 2.*got nothing within/ },
  { id: 'TC_N_46_CSMS', fault: 'csms201-local-list-version-not-increased', reason: /^Step 5 failed: expected SendLocalList where updateType is "Differential".*\(versionNumber: expected a number of at least 2, got 1\)/ },
  { id: 'TC_H_01_CSMS', fault: 'csms201-reserve-now-connector-type-always', reason: /^Step Reserved\.2 failed: expected ReserveNow where id is an integer, evseId is 1, connectorType is absent.*\(connectorType: expected absent, got "cType2"\)/ },
  { id: 'TC_H_01_CSMS', fault: 'csms201-reserve-now-reservation-id-field', reason: /^Step Reserved\.2 failed: expected frames that follow the OCPP schemas.*ReserveNowRequest: id is required/ },
  { id: 'TC_H_07_CSMS', fault: 'reserve-now-expiry-off-by-an-hour', reason: /^Step 2 failed: expected ReserveNow where .*expiryDateTime is a date-time within the time tolerance of .*\(expiryDateTime: expected a date-time within 250 ms of / },
  { id: 'TC_H_17_CSMS', fault: 'csms201-cancel-reservation-wrong-id', reason: /^Step 3 failed: expected CancelReservation where reservationId is 1.*\(reservationId: expected 1, got 2\)/ },
  { id: 'TC_H_19_CSMS', fault: 'csms201-reserve-now-without-group', reason: /^Step 2 failed: expected ReserveNow where .*groupIdToken\.idToken is a string.*\(groupIdToken: expected an object where idToken is a string, type is a string, got absent\)/ },
  { id: 'TC_H_20_CSMS', fault: 'csms201-reservation-removed-error', reason: /^Step 4 failed: expected a CALLRESULT; got CALLERROR PropertyConstraintViolation/ },
  { id: 'TC_H_22_CSMS', fault: 'csms201-reserve-now-reservation-id-field', reason: /^Step 2 failed: expected frames that follow the OCPP schemas.*ReserveNowRequest: the payload has a property "reservationId"/ },
  { id: 'TC_H_08_CSMS', fault: 'csms201-reserve-now-evse-always', reason: /^Step 2 failed: expected ReserveNow where id is an integer, evseId is absent, connectorType is absent.*\(evseId: expected absent, got 1\)/ },
  { id: 'TC_H_15_CSMS', fault: 'csms201-reserve-now-connector-type-dropped', reason: /^Step 3 failed: expected ReserveNow where id is an integer, evseId is absent, connectorType is "cType2".*\(connectorType: expected "cType2", got absent\)/ },
  { id: 'TC_H_14_CSMS', fault: 'csms201-reserve-now-evse-always', reason: /^Step ReserveUnspecifiedEvse\.2 failed: expected ReserveNow where id is an integer, evseId is absent.*\(evseId: expected absent, got 1\)/ },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 CSMS: Local Authorization List Management and H Reservation (catalog group)',
  cases: CASES,
  catches: CATCHES,
  caseDir: 'ocpp2.0.1/csms',
});

describe('OCPP 2.0.1 CSMS local list and reservation cases: prerequisites', function () {
  this.timeout(60_000);
  const run = useReferenceRuns();

  it('the conditional cases are not applicable to a CSMS without LA-2, R-1 and R-2, and TC_H_14_CSMS not to a station with one EVSE', async () => {
    const without = await run(['TC_D_08_CSMS', 'TC_H_08_CSMS', 'TC_H_15_CSMS'], { ...FAST_REFERENCE, features: ['C-14'] });
    expect(without.report!.cases.map((c) => `${c.id}: ${c.verdict}`)).to.have.members(['TC_D_08_CSMS: not-applicable', 'TC_H_08_CSMS: not-applicable', 'TC_H_15_CSMS: not-applicable']);
    const oneEvse = await run(['TC_H_14_CSMS'], { ...FAST_REFERENCE, evses: [{ id: 1, connectors: [1] }] });
    expect(oneEvse.report!.cases.map((c) => `${c.id}: ${c.verdict}`)).to.deep.equal(['TC_H_14_CSMS: not-applicable']);
  });
});
