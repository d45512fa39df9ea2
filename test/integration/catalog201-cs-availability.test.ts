import { expect } from 'chai';
import { describeCatalogGroup, useReferenceRuns, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, charging station under test, Core: G Availability, N Diagnostics, A Security (the connection
 * cases run against the reference station built for security profile 1 or 2). Every case passes against the reference station, and fails against it with the fault it exists
 * to catch, naming the broken expectation.
 */

const CASES = ['TC_A_01_CS', 'TC_A_04_CS', 'TC_A_09_CS', 'TC_A_10_CS', 'TC_A_22_CS', 'TC_G_01_CS', 'TC_G_02_CS', 'TC_G_03_CS', 'TC_G_04_CS', 'TC_G_05_CS', 'TC_G_06_CS', 'TC_G_07_CS', 'TC_G_08_CS', 'TC_G_09_CS', 'TC_G_10_CS', 'TC_G_11_CS', 'TC_G_12_CS', 'TC_G_13_CS', 'TC_G_14_CS', 'TC_G_15_CS', 'TC_G_16_CS', 'TC_G_17_CS', 'TC_G_18_CS', 'TC_G_19_CS', 'TC_G_21_CS', 'TC_N_25_CS', 'TC_N_26_CS', 'TC_N_32_CS', 'TC_N_35_CS'];

/** A request for the availability already in effect must be Accepted, not Rejected. */
const NOOP_REJECTED = /^Step 1 failed: expected a CALLRESULT where status is \"Accepted\"; got CALLRESULT \{\"status\":\"Rejected\"\}/;

/** A station that does not come back is given 2 s (TC_A_09_CS with authorization-key-not-applied). */
const SHORT_CONNECT = { ...FAST_REFERENCE, timeouts: { ...FAST_REFERENCE.timeouts, connectMs: 2000 } };

const CATCHES: CatchSpec[] = [
  { id: 'TC_A_01_CS', fault: 'basic-auth-wrong-password', reason: /^Step 2 failed: expected BootNotification.*got no connection from the station within .*refused: authentication/ },
  { id: 'TC_A_04_CS', fault: 'tls-plain-connection', reason: /^Step 1 failed: expected BootNotification.*got no connection from the station within .*refused: authentication or TLS handshake/ },
  { id: 'TC_A_09_CS', fault: 'authorization-key-not-applied', reason: /^Step 3 failed: expected the station connects again; got no charging station connected/ },
  { id: 'TC_A_10_CS', fault: 'basic-auth-password-any-length', reason: /^Step 1 failed: .*\(setVariableResult\.0\.attributeStatus: expected "Rejected", got "Accepted"\)/ },
  { id: 'TC_A_22_CS', fault: 'network-profile-downgrade-accepted', reason: /^Step 1 failed: expected a CALLRESULT where status is "Rejected"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_G_01_CS', fault: 'occupied-not-reported', reason: /^Step EVConnectedPreSession\.4 failed: expected one of: StatusNotification where evseId is 1, connectorId is 1, connectorStatus is \"Occupied\".*got nothing matching/ },
  { id: 'TC_G_02_CS', fault: 'available-not-reported', reason: /^Step 3 failed: expected one of: StatusNotification where evseId is 1, connectorId is 1, connectorStatus is \"Available\".*got nothing matching/ },
  { id: 'TC_G_03_CS', fault: 'unavailable-not-reported', reason: /^Step Unavailable\.5 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is \"Unavailable\".*got nothing matching/ },
  { id: 'TC_G_04_CS', fault: 'available-not-reported', reason: /^Step 2 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is \"Available\".*got nothing matching/ },
  { id: 'TC_G_05_CS', fault: 'unavailable-not-reported', reason: /^Step Unavailable\.5 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is \"Unavailable\".*and StatusNotification where evseId is 2, connectorId is 1, connectorStatus is \"Unavailable\".*got nothing matching/ },
  { id: 'TC_G_06_CS', fault: 'available-not-reported', reason: /^Step 2 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is \"Available\".*and StatusNotification where evseId is 2, connectorId is 1, connectorStatus is \"Available\".*got nothing matching/ },
  { id: 'TC_G_07_CS', fault: 'unavailable-not-reported', reason: /^Step Unavailable\.5 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is \"Unavailable\".*got nothing matching/ },
  { id: 'TC_G_08_CS', fault: 'available-not-reported', reason: /^Step 2 failed: expected one of: StatusNotification where evseId is 1, connectorId is 1, connectorStatus is \"Available\".*got nothing matching/ },
  { id: 'TC_G_09_CS', fault: 'availability-noop-rejected', reason: NOOP_REJECTED },
  { id: 'TC_G_10_CS', fault: 'availability-noop-rejected', reason: NOOP_REJECTED },
  { id: 'TC_G_12_CS', fault: 'availability-noop-rejected', reason: NOOP_REJECTED },
  { id: 'TC_G_13_CS', fault: 'station-inoperative-not-rereported', reason: /^Step 2 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is \"Unavailable\".*and StatusNotification where evseId is 2, connectorId is 1, connectorStatus is \"Unavailable\".*got nothing matching/ },
  { id: 'TC_G_13_CS', fault: 'availability-noop-rejected', reason: NOOP_REJECTED },
  { id: 'TC_G_15_CS', fault: 'availability-noop-rejected', reason: NOOP_REJECTED },
  { id: 'TC_G_16_CS', fault: 'availability-noop-rejected', reason: NOOP_REJECTED },
  { id: 'TC_G_18_CS', fault: 'availability-not-persisted', reason: /^Step 4 failed: expected StatusNotification where evseId is 1 and is 1, connectorId is 1, connectorStatus is \"Unavailable\".*\(connectorStatus: expected \"Unavailable\", got \"Available\"\)/ },
  { id: 'TC_G_19_CS', fault: 'availability-not-persisted', reason: /^Step 3 failed: expected StatusNotification where evseId is 1 and is 1, connectorId is 1 and is 1, connectorStatus is \"Unavailable\".*\(connectorStatus: expected \"Unavailable\", got \"Available\"\)/ },
  { id: 'TC_G_21_CS', fault: 'availability-not-persisted', reason: /^Step 3 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is \"Unavailable\".*\(connectorStatus: expected \"Unavailable\", got \"Available\"\)/ },
  { id: 'TC_G_11_CS', fault: 'scheduled-availability-forgotten', reason: /^Step 4 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is "Unavailable".*got nothing matching/ },
  { id: 'TC_G_14_CS', fault: 'station-inoperative-waits-for-transactions', reason: /^Step ConnectorStatusReported#2\.1 failed: expected one of: StatusNotification where evseId is 2, connectorId is 1, connectorStatus is "Unavailable".*got nothing matching/ },
  { id: 'TC_G_17_CS', fault: 'scheduled-availability-forgotten', reason: /^Step 4 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is "Unavailable".*got nothing matching/ },
  { id: 'TC_N_25_CS', fault: 'log-status-no-request-id', reason: /^Step 3 failed: expected LogStatusNotification where status is "Uploading", requestId is \d+;.*\(requestId: expected \d+, got absent\)/ },
  { id: 'TC_N_26_CS', fault: 'log-upload-no-retries', reason: /^Step 4\[2\] failed: expected LogStatusNotification where status is one of "UploadFailure".*requestId is \d+; got nothing matching/ },
  { id: 'TC_N_32_CS', fault: 'customer-information-no-notify', reason: /^Step 3 failed: expected NotifyCustomerInformation where requestId is \d+, seqNo is 0.*got nothing matching/ },
  { id: 'TC_N_35_CS', fault: 'log-status-no-request-id', reason: /^Step 3 failed: expected LogStatusNotification where status is "Uploading", requestId is \d+;.*\(requestId: expected \d+, got absent\)/ },
  { id: 'TC_N_35_CS', fault: 'security-log-no-uploading-status', reason: /^Step 3 failed: expected LogStatusNotification where status is "Uploading".*\(status: expected "Uploading", got "Uploaded"\)/ },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 charging station Core: G Availability, N Diagnostics, A Security (catalog group)',
  cases: CASES,
  catches: CATCHES,
  faultConfig: SHORT_CONNECT,
});

describe('OCPP 2.0.1 charging station Core N Diagnostics: applicability', function () {
  this.timeout(60_000);
  const run = useReferenceRuns();

  it('the GetLog cases are not applicable without a log server (settings.logLocation)', async () => {
    const outcome = await run(['TC_N_25_CS', 'TC_N_35_CS'], { ...FAST_REFERENCE, settings: {} });
    expect(outcome.report!.cases.map((c) => c.verdict)).to.deep.equal(['not-applicable', 'not-applicable']);
  });
});
