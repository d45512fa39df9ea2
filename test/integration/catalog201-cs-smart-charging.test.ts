import { expect } from 'chai';
import { describeCatalogGroup, useReferenceRuns, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, charging station under test, certification profile Smart Charging: K SmartCharging. Every case
 * passes against the reference station, and fails against it with the fault it exists to catch, naming the broken
 * expectation.
 */

const CASES = ['TC_K_01_CS', 'TC_K_02_CS', 'TC_K_03_CS', 'TC_K_04_CS', 'TC_K_05_CS', 'TC_K_07_CS', 'TC_K_08_CS', 'TC_K_10_CS', 'TC_K_11_CS', 'TC_K_14_CS', 'TC_K_13_CS', 'TC_K_16_CS', 'TC_K_19_CS', 'TC_K_29_CS', 'TC_K_30_CS', 'TC_K_31_CS', 'TC_K_32_CS', 'TC_K_34_CS', 'TC_K_35_CS', 'TC_K_36_CS', 'TC_K_39_CS', 'TC_K_47_CS', 'TC_K_40_CS', 'TC_K_41_CS', 'TC_K_28_CS', 'TC_K_09_CS', 'TC_K_06_CS', 'TC_K_21_CS', 'TC_K_23_CS', 'TC_K_37_CS', 'TC_K_60_CS', 'TC_K_22_CS', 'TC_K_33_CS', 'TC_K_24_CS'];

/** GetChargingProfiles Accepted, but no ReportChargingProfiles follows. */
const NO_REPORT = /^Step 5 failed: expected ReportChargingProfiles where requestId is \d+, .*got nothing matching/;

/** A station that supports one charging rate unit only (Part 5 SC-2.1 without SC-2.2: SmartChargingCtrlr.RateUnit A). */
const AMPERE_ONLY = { ...FAST_REFERENCE, features: ['SC-2.1'] };
const ONE_UNIT_CASES = ['TC_K_12_CS', 'TC_K_42_CS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_K_01_CS', fault: 'sc201-get-profiles-not-reported', reason: NO_REPORT },
  { id: 'TC_K_02_CS', fault: 'sc201-tx-profile-without-transaction-accepted', reason: /^Step 3 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_03_CS', fault: 'sc201-get-profiles-not-reported', reason: NO_REPORT },
  { id: 'TC_K_04_CS', fault: 'sc201-profile-not-replaced', reason: /^Step 6 failed: expected ReportChargingProfiles .*\(chargingProfile\.0\.chargingSchedule\.0\.chargingSchedulePeriod\.0\.limit: expected 10, got 6\)/ },
  { id: 'TC_K_05_CS', fault: 'sc201-clear-by-id-ignored', reason: /^Step 5 failed: expected a CALLRESULT where status is "NoProfiles"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_07_CS', fault: 'sc201-clear-unknown-accepted', reason: /^Step 4 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_08_CS', fault: 'sc201-clear-unknown-accepted', reason: /^Step 2 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_10_CS', fault: 'sc201-get-profiles-not-reported', reason: NO_REPORT },
  { id: 'TC_K_11_CS', fault: 'sc201-tx-profile-on-evse0-accepted', reason: /^Step 3 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_14_CS', fault: 'sc201-unknown-evse-accepted', reason: /^Step 3 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_13_CS', fault: 'sc201-profiles-lost-on-reboot', reason: /^Step 5 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"NoProfiles"\}/ },
  { id: 'TC_K_16_CS', fault: 'sc201-tx-profile-transaction-unchecked', reason: /^Step 3 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_19_CS', fault: 'sc201-recurring-rejected', reason: /^Step 3 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Rejected"\}/ },
  { id: 'TC_K_29_CS', fault: 'sc201-get-profiles-evse-ignored', reason: /^Step 7 failed: expected ReportChargingProfiles where requestId is \d+, evseId is 0, tbc is false or absent.*\(tbc: expected false or absent, got true\)/ },
  { id: 'TC_K_30_CS', fault: 'sc201-report-profile-altered', reason: /^Step 7 failed: expected ReportChargingProfiles where requestId is \d+, evseId is 1, .*got nothing matching.*numberPhases: expected 3, got absent/ },
  { id: 'TC_K_31_CS', fault: 'sc201-report-stops-after-first', reason: /^Step 7 failed: expected .*ReportChargingProfiles where requestId is \d+, evseId is 1, .*got nothing matching/ },
  { id: 'TC_K_32_CS', fault: 'sc201-get-profiles-criteria-ignored', reason: /^Step 7 failed: expected ReportChargingProfiles where requestId is \d+, evseId is 0, tbc is false or absent.*\(tbc: expected false or absent, got true\)/ },
  { id: 'TC_K_34_CS', fault: 'sc201-get-profiles-criteria-ignored', reason: /^Step 8 failed: expected a CALLRESULT where status is "NoProfiles"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_35_CS', fault: 'sc201-report-profile-altered', reason: /^Step 7 failed: expected ReportChargingProfiles where requestId is \d+, evseId is 1, .*got nothing matching.*numberPhases: expected 3, got absent/ },
  { id: 'TC_K_36_CS', fault: 'sc201-report-profile-altered', reason: /^Step 7 failed: expected ReportChargingProfiles where requestId is \d+, evseId is 1, .*got nothing matching.*numberPhases: expected 3, got absent/ },
  { id: 'TC_K_39_CS', fault: 'sc201-composite-needs-profile', reason: /^Step 3 failed: expected a CALLRESULT where status is "Accepted".*got CALLRESULT \{"status":"Rejected"\}/ },
  { id: 'TC_K_47_CS', fault: 'sc201-composite-unknown-evse-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected", schedule is absent; got CALLRESULT \{"status":"Accepted"/ },
  { id: 'TC_K_40_CS', fault: 'sc201-stack-level-no-fallback', reason: /^Step 5 failed: .*chargingSchedulePeriod/ },
  { id: 'TC_K_41_CS', fault: 'sc201-tx-default-not-replaced-by-tx-profile', reason: /^Step 6 failed: .*chargingSchedulePeriod/ },
  { id: 'TC_K_28_CS', fault: 'sc201-tx-default-not-applied-to-running-tx', reason: /^Step 4 failed: .*chargingSchedulePeriod\.0\.limit: expected 6, got 32/ },
  { id: 'TC_K_09_CS', fault: 'sc201-clear-criteria-ignored', reason: /^Step 6 failed: .*chargingSchedulePeriod\.0\.limit: expected not 6, got 6/ },
  { id: 'TC_K_06_CS', fault: 'sc201-clear-criteria-ignored', reason: /^Step 6 failed: expected a CALLRESULT where status is "NoProfiles"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_21_CS', fault: 'sc201-valid-from-ignored', reason: /^Step 4 failed: .*chargingSchedulePeriod: expected an array of 2 element/ },
  { id: 'TC_K_23_CS', fault: 'sc201-start-schedule-ignored', reason: /^Step 4 failed: .*\(schedule\.chargingSchedulePeriod\.1\.startPeriod: expected a number from \d+ to 60, got 4\d\)/ },
  { id: 'TC_K_37_CS', fault: 'sc201-remote-start-profile-ignored', reason: /^Step 10 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"NoProfiles"\}/ },
  { id: 'TC_K_60_CS', fault: 'sc201-report-profile-altered', reason: /^Step 5 failed: expected ReportChargingProfiles where requestId is \d+, evseId is 1, .*got nothing matching.*numberPhases: expected 3, got absent/ },
  { id: 'TC_K_22_CS', fault: 'sc201-valid-to-ignored', reason: /^Step 7 failed: .*\(schedule\.chargingSchedulePeriod: expected an array of 2 element\(s\), got 1 element/ },
  { id: 'TC_K_22_CS', fault: 'sc201-station-composite-not-summed', reason: /^Step 7 failed: .*\(schedule\.chargingSchedulePeriod\.0\.limit: expected 12, got 6\)/ },
  { id: 'TC_K_33_CS', fault: 'sc201-report-profile-altered', reason: /^Step 7 failed: expected ReportChargingProfiles where requestId is \d+, evseId is 1, .*got nothing matching.*numberPhases: expected 3, got absent/ },
  { id: 'TC_K_24_CS', fault: 'sc201-clear-criteria-first-only', reason: /^Step 5 failed: expected a CALLRESULT where status is "NoProfiles"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_12_CS', fault: 'sc201-rate-unit-unchecked', config: AMPERE_ONLY, reason: /^Step 4 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_K_42_CS', fault: 'sc201-composite-rate-unit-unchecked', config: AMPERE_ONLY, reason: /^Step 3 failed: expected a CALLRESULT where status is "Rejected", schedule is absent; got CALLRESULT \{"status":"Accepted"/ },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 charging station Smart Charging: K SmartCharging (catalog group)',
  cases: CASES,
  catches: CATCHES,
  caseDir: 'ocpp2.0.1/cs',
  passWith: [{ cases: ONE_UNIT_CASES, config: AMPERE_ONLY }],
});

describe('OCPP 2.0.1 charging station Smart Charging: applicability', function () {
  this.timeout(60_000);
  const run = useReferenceRuns();

  it('the cases of an unsupported charging rate unit are not applicable to a station with both (SC-2.1 and SC-2.2)', async () => {
    // The embedded default runs them against its A-only build: a configuration that declares both units does not.
    const outcome = await run(ONE_UNIT_CASES, { ...FAST_REFERENCE, features: ['SC-2.1', 'SC-2.2'] });
    expect(outcome.report!.cases.map((c) => c.verdict)).to.deep.equal(['not-applicable', 'not-applicable']);
  });

  it('TC_K_24_CS (several EVSEs) is not applicable to a station with one EVSE', async () => {
    const outcome = await run(['TC_K_24_CS'], { ...FAST_REFERENCE, evses: [{ id: 1, connectors: [1] }] });
    expect(outcome.report!.cases.map((c) => c.verdict)).to.deep.equal(['not-applicable']);
  });
});
