import { expect } from 'chai';
import { describeCatalogGroup, useReferenceRuns, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, CSMS under test: K SmartCharging (the harness plays the station). Every case passes against the
 * reference CSMS, and fails, naming the broken expectation, against the reference CSMS with the fault it exists to catch.
 */
const CASES = ['TC_K_01_CSMS', 'TC_K_03_CSMS', 'TC_K_10_CSMS', 'TC_K_15_CSMS', 'TC_K_04_CSMS', 'TC_K_70_CSMS', 'TC_K_19_CSMS', 'TC_K_05_CSMS', 'TC_K_06_CSMS', 'TC_K_08_CSMS', 'TC_K_29_CSMS', 'TC_K_30_CSMS', 'TC_K_31_CSMS', 'TC_K_32_CSMS', 'TC_K_33_CSMS', 'TC_K_34_CSMS', 'TC_K_35_CSMS', 'TC_K_36_CSMS', 'TC_K_60_CSMS', 'TC_K_37_CSMS', 'TC_K_43_CSMS', 'TC_K_44_CSMS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_K_01_CSMS', fault: 'csms201-charging-profile-without-validity', reason: /^Step 5 failed: expected SetChargingProfile where .*\(chargingProfile\.validFrom: expected a date-time within .*, got absent/ },
  { id: 'TC_K_01_CSMS', fault: 'csms201-charging-profile-evse-zero', reason: /^Step 5 failed: expected SetChargingProfile where evseId is 1.*\(evseId: expected 1, got 0\)/ },
  { id: 'TC_K_03_CSMS', fault: 'csms201-charging-profile-without-validity', reason: /^Step 5 failed: expected SetChargingProfile where evseId is 0.*\(chargingProfile\.validFrom: expected present, got absent/ },
  { id: 'TC_K_10_CSMS', fault: 'csms201-charging-profile-without-validity', reason: /^Step 5 failed: expected SetChargingProfile where evseId is 0.*\(chargingProfile\.validFrom: expected present, got absent/ },
  { id: 'TC_K_15_CSMS', fault: 'csms201-charging-profile-without-validity', reason: /^Step 5 failed: expected SetChargingProfile where evseId is 1.*\(chargingProfile\.validFrom: expected present, got absent/ },
  { id: 'TC_K_04_CSMS', fault: 'csms201-charging-profile-id-not-reused', reason: /^Step 7 failed: expected SetChargingProfile where .*chargingProfile\.id is 1.*\(chargingProfile\.id: expected 1, got 2\)/ },
  { id: 'TC_K_70_CSMS', fault: 'csms201-charging-profile-id-reused', reason: /^Step 8 failed: expected SetChargingProfile where .*chargingProfile\.stackLevel is 1.*chargingProfile\.id is an integer and is not 1.*\(chargingProfile\.id: expected / },
  { id: 'TC_K_19_CSMS', fault: 'csms201-recurring-without-recurrency-kind', reason: /^Step 6 failed: expected SetChargingProfile where .*chargingProfile\.recurrencyKind is "Daily".*\(chargingProfile\.recurrencyKind: expected "Daily", got absent\)/ },
  { id: 'TC_K_05_CSMS', fault: 'csms201-clear-charging-profile-id-with-criteria', reason: /^Step 6 failed: expected ClearChargingProfile where chargingProfileId is \d+, chargingProfileCriteria is absent.*\(chargingProfileCriteria: expected absent, got / },
  { id: 'TC_K_06_CSMS', fault: 'csms201-clear-charging-profile-evse-dropped', reason: /^Step 3 failed: expected ClearChargingProfile where .*chargingProfileCriteria\.evseId is 1.*\(chargingProfileCriteria\.evseId: expected 1, got absent\)/ },
  { id: 'TC_K_08_CSMS', fault: 'csms201-clear-charging-profile-evse-dropped', reason: /^Step 3 failed: expected ClearChargingProfile where .*chargingProfileCriteria\.evseId is 1.*\(chargingProfileCriteria\.evseId: expected 1, got absent\)/ },
  { id: 'TC_K_29_CSMS', fault: 'csms201-get-charging-profiles-criterion-ignored', reason: /^Step 3 failed: expected GetChargingProfiles where requestId is an integer, evseId is 0, chargingProfile\.chargingProfilePurpose is "TxDefaultProfile".*\(chargingProfile\.chargingProfilePurpose: expected "TxDefaultProfile", got absent\)/ },
  { id: 'TC_K_30_CSMS', fault: 'csms201-get-charging-profiles-evse-dropped', reason: /^Step 3 failed: expected GetChargingProfiles where requestId is an integer, evseId is 1.*\(evseId: expected 1, got absent\)/ },
  { id: 'TC_K_31_CSMS', fault: 'csms201-report-charging-profiles-tbc-error', reason: /^Step 4\[1\] failed: expected a CALLRESULT; got CALLERROR NotImplemented/ },
  { id: 'TC_K_32_CSMS', fault: 'csms201-get-charging-profiles-criterion-ignored', reason: /^Step 3 failed: expected GetChargingProfiles where requestId is an integer, chargingProfile\.chargingProfileId.*\(chargingProfile\.chargingProfileId: expected .*got absent\)/ },
  { id: 'TC_K_33_CSMS', fault: 'csms201-get-charging-profiles-criterion-ignored', reason: /^Step 3 failed: expected GetChargingProfiles where .*chargingProfile\.stackLevel is 0.*\(chargingProfile\.stackLevel: expected 0, got absent\)/ },
  { id: 'TC_K_34_CSMS', fault: 'csms201-get-charging-profiles-criterion-ignored', reason: /^Step 3 failed: expected GetChargingProfiles where .*chargingProfile\.chargingLimitSource contains an element that is "CSO".*\(chargingProfile\.chargingLimitSource: expected an array containing/ },
  { id: 'TC_K_35_CSMS', fault: 'csms201-get-charging-profiles-criterion-ignored', reason: /^Step 3 failed: expected GetChargingProfiles where .*evseId is 1, chargingProfile\.chargingProfilePurpose is "TxDefaultProfile".*\(chargingProfile\.chargingProfilePurpose: expected "TxDefaultProfile", got absent\)/ },
  { id: 'TC_K_36_CSMS', fault: 'csms201-get-charging-profiles-criterion-ignored', reason: /^Step 3 failed: expected GetChargingProfiles where .*chargingProfile\.chargingProfilePurpose is "TxDefaultProfile", chargingProfile\.stackLevel is 0.*\(chargingProfile\.chargingProfilePurpose: expected "TxDefaultProfile", got absent; chargingProfile\.stackLevel: expected 0, got absent\)/ },
  { id: 'TC_K_60_CSMS', fault: 'csms201-tx-profile-without-transaction-id', reason: /^Step 5 failed: expected SetChargingProfile where evseId is 1, chargingProfile\.chargingProfilePurpose is "TxProfile", chargingProfile\.transactionId is ".*\(chargingProfile\.transactionId: expected ".*", got absent\)/ },
  { id: 'TC_K_37_CSMS', fault: 'csms201-remote-start-without-profile', reason: /^Step 5 failed: expected RequestStartTransaction where .*chargingProfile\.chargingProfilePurpose is "TxProfile".*\(chargingProfile: expected an object where .*got absent\)/ },
  { id: 'TC_K_43_CSMS', fault: 'csms201-composite-schedule-without-rate-unit', reason: /^Step 4 failed: expected GetCompositeSchedule where evseId is 1, duration is 300, chargingRateUnit is "A".*\(chargingRateUnit: expected "A", got absent\)/ },
  { id: 'TC_K_44_CSMS', fault: 'csms201-composite-schedule-without-rate-unit', reason: /^Step 4 failed: expected GetCompositeSchedule where evseId is 0, duration is 300, chargingRateUnit is "A".*\(chargingRateUnit: expected "A", got absent\)/ },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 CSMS: K SmartCharging (catalog group)',
  cases: CASES,
  catches: CATCHES,
  caseDir: 'ocpp2.0.1/csms',
});

describe('OCPP 2.0.1 CSMS smart charging cases: prerequisites', function () {
  this.timeout(60_000);
  const run = useReferenceRuns();

  it('TC_K_10_CSMS is not applicable to a CSMS without SC-4 (TxDefaultProfile on EVSE 0)', async () => {
    const without = await run(['TC_K_10_CSMS'], { ...FAST_REFERENCE, features: ['C-14'] });
    expect(without.report!.cases.map((c) => `${c.id}: ${c.verdict}`)).to.deep.equal(['TC_K_10_CSMS: not-applicable']);
  });
});
