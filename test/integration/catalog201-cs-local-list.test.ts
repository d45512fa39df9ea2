import { expect } from 'chai';
import { referenceSutConfig } from '../../src/runner/reference-targets.js';
import { describeCatalogGroup, useReferenceRuns, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, charging station under test, profile Local Authorization List Management: D LocalAuthorizationListManagement
 * and the C Authorization cases of the local list (C13 offline, C14 online, C09 GroupId). Every case passes against the reference
 * station, and fails against it with the fault it exists to catch, naming the broken expectation.
 */

const CASES = ['TC_D_01_CS', 'TC_D_02_CS', 'TC_D_03_CS', 'TC_D_04_CS', 'TC_D_05_CS', 'TC_D_06_CS', 'TC_D_07_CS', 'TC_D_08_CS', 'TC_D_10_CS', 'TC_C_27_CS', 'TC_C_28_CS', 'TC_C_29_CS', 'TC_C_30_CS', 'TC_C_31_CS', 'TC_C_58_CS', 'TC_C_40_CS', 'TC_C_43_CS', 'TC_C_21_CS', 'TC_C_22_CS', 'TC_C_23_CS', 'TC_C_24_CS', 'TC_C_25_CS'];

/** GetLocalListVersion reported another version than the one the case expects. */
const version = (step: string, got: string): RegExp => new RegExp(`^Step ${step} failed: expected a CALLRESULT where versionNumber is \\d+; got CALLRESULT \\{"versionNumber":${got}\\}`);

/** The station did not ask the CSMS about an idToken its list holds as not Accepted. */
const noAuthorize = (step: string, idToken: string, answer: string): RegExp =>
  new RegExp(`^Step ${step} failed: expected Authorize where idToken\\.idToken is "${idToken}".*answered with \\{"idTokenInfo":\\{"status":"${answer}"\\}\\}; got nothing matching`);

/** Offline, the station accepted an idToken its list refuses: the transaction it started shows after the reconnection. */
const OFFLINE_STARTED = /^Step 10 failed: expected no TransactionEvent within \d+ m?s; got TransactionEvent \{"eventType":"Started"/;

const CATCHES: CatchSpec[] = [
  { id: 'TC_D_01_CS', fault: 'local-list-201-version-not-stored', reason: version('2', '0') },
  { id: 'TC_D_02_CS', fault: 'local-list-201-version-not-stored', reason: version('3', '0') },
  { id: 'TC_D_03_CS', fault: 'local-list-201-remove-failed', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Failed"\}/ },
  { id: 'TC_D_04_CS', fault: 'local-list-201-empty-update-failed', reason: /^Step 1 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Failed"\}/ },
  { id: 'TC_D_05_CS', fault: 'local-list-201-empty-update-failed', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Failed"\}/ },
  { id: 'TC_D_06_CS', fault: 'local-list-201-version-not-checked', reason: /^Step 2 failed: expected a CALLRESULT where status is "VersionMismatch"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_D_07_CS', fault: 'local-list-201-lost-on-reboot', reason: version('1', '0') },
  { id: 'TC_D_08_CS', fault: 'local-list-201-version-not-stored', reason: version('1', '0') },
  { id: 'TC_D_10_CS', fault: 'local-list-201-version-while-disabled', reason: version('1', '5') },
  { id: 'TC_C_27_CS', fault: 'local-list-201-not-used-online', reason: /^Step Authorized\.7 failed: expected no Authorize within 1 s; got Authorize \{"idToken":\{"idToken":"VALID-TAG-1"/ },
  { id: 'TC_C_28_CS', fault: 'local-list-201-not-accepted-refused-locally', reason: noAuthorize('2', 'INVALID-TAG-1', 'Invalid') },
  { id: 'TC_C_29_CS', fault: 'local-list-201-not-accepted-refused-locally', reason: noAuthorize('2', 'BLOCKED-TAG-1', 'Blocked') },
  { id: 'TC_C_30_CS', fault: 'local-list-201-not-accepted-refused-locally', reason: noAuthorize('2', 'EXPIRED-TAG-1', 'Expired') },
  { id: 'TC_C_31_CS', fault: 'local-list-201-not-accepted-refused-locally', reason: noAuthorize('Authorized\\.3', 'VALID-TAG-1', 'Accepted') },
  { id: 'TC_C_58_CS', fault: 'local-list-201-post-authorize-not-disabled', reason: /^Step 2 failed: expected no Authorize within \d+ m?s; got Authorize \{"idToken":\{"idToken":"INVALID-TAG-1"/ },
  { id: 'TC_C_40_CS', fault: 'group-id-201-ignored', reason: /^Step 4 failed: expected TransactionEvent where eventType is one of "Updated", "Ended", triggerReason is "StopAuthorized".*got nothing matching/ },
  { id: 'TC_C_43_CS', fault: 'group-id-201-invalid-stops', reason: /^Step 5 failed: expected no TransactionEvent within \d+ m?s; got TransactionEvent .*"triggerReason":"StopAuthorized"/ },
  { id: 'TC_C_21_CS', fault: 'offline-cache-201-not-used', reason: /^Step 2 failed: expected TransactionEvent where offline is true, idToken\.idToken is "VALID-TAG-1".*got nothing matching/ },
  { id: 'TC_C_22_CS', fault: 'local-list-201-offline-status-ignored', reason: OFFLINE_STARTED },
  { id: 'TC_C_23_CS', fault: 'local-list-201-offline-status-ignored', reason: OFFLINE_STARTED },
  { id: 'TC_C_24_CS', fault: 'local-list-201-offline-status-ignored', reason: OFFLINE_STARTED },
  { id: 'TC_C_25_CS', fault: 'local-list-201-below-cache', reason: /^Step 6 failed: expected no TransactionEvent within \d+ m?s; got TransactionEvent \{"eventType":"Started",.*"triggerReason":"Authorized"/ },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 charging station Local Authorization List Management: D, and the C cases of the local list (catalog group)',
  cases: CASES,
  catches: CATCHES,
  caseDir: 'ocpp2.0.1/cs',
});

describe('OCPP 2.0.1 charging station Local Authorization List Management: applicability', function () {
  this.timeout(60_000);
  const run = useReferenceRuns();

  it('TC_C_58_CS is not applicable without LA-3, TC_D_06_CS not with a configured version of 1', async () => {
    const features = (referenceSutConfig('2.0.1', 'cs').features ?? []).filter((f) => f !== 'LA-3');
    const outcome = await run(['TC_C_58_CS', 'TC_D_06_CS'], { ...FAST_REFERENCE, features, settings: { localListVersion: 1 } });
    expect(outcome.report!.cases.map((c) => `${c.id} ${c.verdict}`)).to.deep.equal(['TC_C_58_CS not-applicable', 'TC_D_06_CS not-applicable']);
  });
});
