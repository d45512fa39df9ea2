import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCPP 2.0.1 Part 6, charging station under test, certification profile Smart Charging: K SmartCharging. Every case
 * passes against the reference station, and fails against it with the fault it exists to catch, naming the broken
 * expectation.
 */

const CASES = ['TC_K_01_CS', 'TC_K_02_CS', 'TC_K_03_CS', 'TC_K_04_CS', 'TC_K_05_CS', 'TC_K_07_CS', 'TC_K_08_CS', 'TC_K_10_CS', 'TC_K_11_CS', 'TC_K_14_CS'];

/** GetChargingProfiles Accepted, but no ReportChargingProfiles follows. */
const NO_REPORT = /^Step 5 failed: expected ReportChargingProfiles where requestId is \d+, .*got nothing matching/;

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
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 charging station Smart Charging: K SmartCharging (catalog group)',
  cases: CASES,
  catches: CATCHES,
  caseDir: 'ocpp2.0.1/cs',
});
