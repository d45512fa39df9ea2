import { expect } from 'chai';
import { describeCatalogGroup, useReferenceRuns, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, CSMS under test: K SmartCharging (the harness plays the station). Every case passes against the
 * reference CSMS, and fails, naming the broken expectation, against the reference CSMS with the fault it exists to catch.
 */
const CASES = ['TC_K_01_CSMS', 'TC_K_03_CSMS', 'TC_K_10_CSMS', 'TC_K_15_CSMS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_K_01_CSMS', fault: 'csms201-charging-profile-without-validity', reason: /^Step 5 failed: expected SetChargingProfile where .*\(chargingProfile\.validFrom: expected a date-time within .*, got absent/ },
  { id: 'TC_K_01_CSMS', fault: 'csms201-charging-profile-evse-zero', reason: /^Step 5 failed: expected SetChargingProfile where evseId is 1.*\(evseId: expected 1, got 0\)/ },
  { id: 'TC_K_03_CSMS', fault: 'csms201-charging-profile-without-validity', reason: /^Step 5 failed: expected SetChargingProfile where evseId is 0.*\(chargingProfile\.validFrom: expected present, got absent/ },
  { id: 'TC_K_10_CSMS', fault: 'csms201-charging-profile-without-validity', reason: /^Step 5 failed: expected SetChargingProfile where evseId is 0.*\(chargingProfile\.validFrom: expected present, got absent/ },
  { id: 'TC_K_15_CSMS', fault: 'csms201-charging-profile-without-validity', reason: /^Step 5 failed: expected SetChargingProfile where evseId is 1.*\(chargingProfile\.validFrom: expected present, got absent/ },
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
