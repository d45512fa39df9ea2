import { expect } from 'chai';
import { describeCatalogGroup, useReferenceRuns, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, CSMS under test: K SmartCharging (the harness plays the station). Every case passes against the
 * reference CSMS, and fails, naming the broken expectation, against the reference CSMS with the fault it exists to catch.
 */
const CASES = ['TC_K_01_CSMS', 'TC_K_03_CSMS', 'TC_K_10_CSMS', 'TC_K_15_CSMS', 'TC_K_04_CSMS', 'TC_K_70_CSMS', 'TC_K_19_CSMS', 'TC_K_05_CSMS', 'TC_K_06_CSMS', 'TC_K_08_CSMS'];

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
