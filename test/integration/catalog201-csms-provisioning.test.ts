import { expect } from 'chai';
import { describeCatalogGroup, useReferenceRuns, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6, CSMS under test, Core: A Security, B Provisioning, C Authorization, F RemoteControl,
 * G Availability, P DataTransfer. Every case of the group passes against the reference CSMS, and fails, naming
 * the broken expectation, against the reference CSMS with the fault it exists to catch.
 */
const GROUP = ['TC_A_01_CSMS', 'TC_A_02_CSMS', 'TC_A_03_CSMS', 'TC_A_04_CSMS', 'TC_A_06_CSMS', 'TC_A_09_CSMS', 'TC_A_10_CSMS', 'TC_B_06_CSMS', 'TC_B_09_CSMS', 'TC_B_20_CSMS', 'TC_B_21_CSMS', 'TC_B_22_CSMS', 'TC_B_42_CSMS', 'TC_B_44_CSMS', 'TC_F_01_CSMS', 'TC_F_02_CSMS', 'TC_F_03_CSMS', 'TC_F_04_CSMS', 'TC_F_20_CSMS', 'TC_F_27_CSMS', 'TC_G_03_CSMS', 'TC_G_04_CSMS', 'TC_G_05_CSMS', 'TC_G_06_CSMS', 'TC_G_07_CSMS', 'TC_G_08_CSMS', 'TC_G_11_CSMS', 'TC_G_14_CSMS', 'TC_G_17_CSMS', 'TC_C_02_CSMS', 'TC_C_06_CSMS', 'TC_C_07_CSMS', 'TC_C_08_CSMS', 'TC_C_20_CSMS', 'TC_C_37_CSMS', 'TC_C_38_CSMS', 'TC_C_39_CSMS', 'TC_C_47_CSMS', 'TC_C_48_CSMS', 'TC_C_49_CSMS', 'TC_G_20_CSMS', 'TC_P_02_CSMS', 'TC_P_03_CSMS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_C_02_CSMS', fault: 'authorize-accepts-any', reason: /^Step 1 failed: .*\(idTokenInfo\.status: expected one of "Invalid", "Unknown", got "Accepted"\)$/ },
  { id: 'TC_C_06_CSMS', fault: 'authorize-accepts-any', reason: /^Step 1 failed: .*\(idTokenInfo\.status: expected one of "Blocked", "Invalid", got "Accepted"\)$/ },
  { id: 'TC_C_07_CSMS', fault: 'authorize-accepts-any', reason: /^Step 1 failed: .*\(idTokenInfo\.status: expected one of "Expired", "Invalid", got "Accepted"\)$/ },
  { id: 'TC_C_37_CSMS', fault: 'csms201-clear-cache-with-payload', reason: /^Step 2 failed: .*\[schema\.additional-property\] \/evseId ClearCacheRequest/ },
  { id: 'TC_C_38_CSMS', fault: 'csms201-clear-cache-with-payload', reason: /^Step 2 failed: .*\[schema\.additional-property\] \/evseId ClearCacheRequest/ },
  { id: 'TC_B_06_CSMS', fault: 'csms201-get-variables-wrong-variable', reason: /^Step 2 failed: expected GetVariables where getVariableData contains .*variable\.name is "OfflineThreshold".*got GetVariables .*"offlineThreshold"/ },
  { id: 'TC_B_09_CSMS', fault: 'csms201-set-variables-target', reason: /^Step 2 failed: expected SetVariables where setVariableData contains .*attributeType is absent or equals "Actual".*got SetVariables .*"attributeType":"Target"/ },
  { id: 'TC_G_20_CSMS', fault: 'csms201-notify-event-unknown-component-error', reason: /^Step 1 failed: expected a CALLRESULT; got CALLERROR PropertyConstraintViolation "unknown component ConnectorPlugRetentionLock"/ },
  { id: 'TC_P_02_CSMS', fault: 'csms201-data-transfer-accepted', reason: /^Step 1 failed: .*\(status: expected one of "UnknownVendorId", "UnknownMessageId", "Rejected", got "Accepted"\)$/ },
  { id: 'TC_P_03_CSMS', fault: 'csms201-custom-data-rejected', reason: /^Step 1 failed: expected a CALLRESULT; got CALLERROR FormatViolation "unexpected property customData"/ },
  { id: 'TC_B_20_CSMS', fault: 'csms201-reset-type-swapped', reason: /^Step 2 failed: expected Reset where type is "OnIdle".*\(type: expected "OnIdle", got "Immediate"\)$/ },
  { id: 'TC_G_03_CSMS', fault: 'csms201-change-availability-whole-station', reason: /^Step Unavailable\.2 failed: expected ChangeAvailability where operationalStatus is "Inoperative", evse\.id is 1.*\(evse: expected an object where id is 1, connectorId is absent, got absent\)$/ },
  { id: 'TC_G_04_CSMS', fault: 'csms201-operative-whole-station', reason: /^Step 2 failed: expected ChangeAvailability where operationalStatus is "Operative", evse\.id is 1.*\(evse: expected an object where id is 1, connectorId is absent, got absent\)$/ },
  { id: 'TC_G_05_CSMS', fault: 'csms201-change-availability-evse-zero', reason: /^Step 2 failed: expected ChangeAvailability where operationalStatus is "Inoperative", evse is absent.*\(evse: expected absent, got \{"id":0\}\)$/ },
  { id: 'TC_G_06_CSMS', fault: 'csms201-change-availability-evse-zero', reason: /^Step 2 failed: expected ChangeAvailability where operationalStatus is "Operative", evse is absent.*\(evse: expected absent, got \{"id":0\}\)$/ },
  { id: 'TC_G_07_CSMS', fault: 'csms201-change-availability-whole-station', reason: /^Step 2 failed: expected ChangeAvailability where operationalStatus is "Inoperative", evse\.id is 1, evse\.connectorId is 1.*got absent\)$/ },
  { id: 'TC_G_08_CSMS', fault: 'csms201-operative-whole-station', reason: /^Step 2 failed: expected ChangeAvailability where operationalStatus is "Operative", evse\.id is 1, evse\.connectorId is 1.*got absent\)$/ },
  { id: 'TC_B_42_CSMS', fault: 'csms201-network-profile-ocpp16', reason: /^Step 2 failed: expected SetNetworkProfile where configurationSlot is 1, .*connectionData\.ocppVersion is "OCPP20".*\(connectionData\.ocppVersion: expected "OCPP20", got "OCPP16"\)$/ },
  { id: 'TC_B_44_CSMS', fault: 'csms201-network-profile-schema-violation', reason: /^Step 2 failed: .*\[schema\.type\] \/connectionData\/securityProfile SetNetworkProfileRequest: connectionData\.securityProfile must be an integer/ },
  { id: 'TC_B_21_CSMS', fault: 'csms201-reset-type-swapped', reason: /^Step 2 failed: expected Reset where type is "OnIdle".*\(type: expected "OnIdle", got "Immediate"\)$/ },
  { id: 'TC_B_22_CSMS', fault: 'csms201-reset-type-swapped', reason: /^Step 2 failed: expected Reset where type is "Immediate".*\(type: expected "Immediate", got "OnIdle"\)$/ },
  { id: 'TC_C_08_CSMS', fault: 'no-id-token-info', reason: /^Step 2 failed: expected a CALLRESULT where idTokenInfo\.status is "Accepted"; got CALLRESULT \{\} \(idTokenInfo: expected an object where status is "Accepted", got absent\)$/ },
  { id: 'TC_C_20_CSMS', fault: 'authorize-accepts-any', reason: /^Step 2 failed: .*\(idTokenInfo\.status: expected one of "Invalid", "Unknown", got "Accepted"\)$/ },
  { id: 'TC_G_11_CSMS', fault: 'csms201-change-availability-whole-station', reason: /^Step 2 failed: expected ChangeAvailability where operationalStatus is "Inoperative", evse\.id is 1, evse\.connectorId is absent, answered with \{"status":"Scheduled"\}.*got absent\)$/ },
  { id: 'TC_G_14_CSMS', fault: 'csms201-change-availability-evse-zero', reason: /^Step 2 failed: expected ChangeAvailability where operationalStatus is "Inoperative", evse is absent, answered with \{"status":"Scheduled"\}.*\(evse: expected absent, got \{"id":0\}\)$/ },
  { id: 'TC_G_17_CSMS', fault: 'csms201-change-availability-whole-station', reason: /^Step 2 failed: expected ChangeAvailability where operationalStatus is "Inoperative", evse\.id is 1, evse\.connectorId is 1, answered with \{"status":"Scheduled"\}.*got absent\)$/ },
  { id: 'TC_F_01_CSMS', fault: 'remote-start-without-idtag', reason: /^Step 2 failed: expected RequestStartTransaction where idToken\.idToken is "VALID-TAG-1".*\(idToken\.idToken: expected "VALID-TAG-1", got ""\)$/ },
  { id: 'TC_F_02_CSMS', fault: 'remote-start-without-idtag', reason: /^Step 2 failed: expected RequestStartTransaction where idToken\.idToken is "VALID-TAG-1".*\(idToken\.idToken: expected "VALID-TAG-1", got ""\)$/ },
  { id: 'TC_F_03_CSMS', fault: 'remote-start-without-idtag', reason: /^Step 2 failed: expected RequestStartTransaction where idToken\.idToken is "VALID-TAG-1".*\(idToken\.idToken: expected "VALID-TAG-1", got ""\)$/ },
  { id: 'TC_F_04_CSMS', fault: 'remote-start-without-idtag', reason: /^Step 2 failed: expected RequestStartTransaction where idToken\.idToken is "VALID-TAG-1".*\(idToken\.idToken: expected "VALID-TAG-1", got ""\)$/ },
  { id: 'TC_F_20_CSMS', fault: 'csms201-trigger-message-connector-id', reason: /^Step 2 failed: .*\[schema\.additional-property\] \/connectorId TriggerMessageRequest/ },
  { id: 'TC_F_27_CSMS', fault: 'csms201-trigger-message-connector-id', reason: /^Step 2 failed: .*\[schema\.additional-property\] \/connectorId TriggerMessageRequest/ },
  { id: 'TC_C_39_CSMS', fault: 'csms201-no-group-id-token', reason: /^Step 1 failed: expected a CALLRESULT where idTokenInfo\.status is "Accepted", idTokenInfo\.groupIdToken\.idToken is "PARENT-TAG-1".*\(idTokenInfo\.groupIdToken: expected an object where idToken is "PARENT-TAG-1", got absent\)$/ },
  { id: 'TC_A_01_CSMS', fault: 'csms201-basic-auth-refused-on-reconnect', reason: /^Step 2 failed: expected the CSMS accepts the connection; got .*HTTP 401 Unauthorized$/ },
  { id: 'TC_A_02_CSMS', fault: 'csms201-basic-auth-ignores-username', reason: /^Step 2 failed: expected the CSMS refuses the connection; got the connection was established$/ },
  { id: 'TC_A_03_CSMS', fault: 'csms201-basic-auth-accepts-any-password', reason: /^Step 2 failed: expected the CSMS refuses the connection; got the connection was established$/ },
  { id: 'TC_A_09_CSMS', fault: 'csms201-basic-auth-password-not-remembered', reason: /^Step 4 failed: expected the CSMS accepts the connection; got .*HTTP 401 Unauthorized$/ },
  { id: 'TC_A_10_CSMS', fault: 'csms201-basic-auth-password-switched-when-rejected', reason: /^Step 4 failed: expected the CSMS accepts the connection; got .*HTTP 401 Unauthorized$/ },
  { id: 'TC_A_04_CSMS', fault: 'tls-untrusted-server-certificate', reason: /^Step 2 failed: expected the CSMS accepts the connection; got .*HTTP 502 Bad Gateway$/ },
  { id: 'TC_C_48_CSMS', fault: 'csms201-no-group-id-token', reason: /^Step 1 failed: expected a CALLRESULT where idTokenInfo\.status is "Accepted", idTokenInfo\.groupIdToken\.idToken is "MASTERPASS-GROUP-1".*got absent\)$/ },
  { id: 'TC_C_47_CSMS', fault: 'csms201-no-group-id-token', reason: /^Step 1 failed: expected a CALLRESULT where idTokenInfo\.status is "Accepted", idTokenInfo\.groupIdToken\.idToken is "MASTERPASS-GROUP-1".*got absent\)$/ },
  { id: 'TC_C_49_CSMS', fault: 'csms201-no-group-id-token', reason: /^Step 1 failed: expected a CALLRESULT where idTokenInfo\.status is "Accepted", idTokenInfo\.groupIdToken\.idToken is "MASTERPASS-GROUP-1".*got absent\)$/ },
  { id: 'TC_A_06_CSMS', fault: 'csms201-tls-accepts-old-versions', reason: /^Step 2 failed: expected the CSMS refuses a TLS handshake below version 1\.2; got accepted TLSv1(\.1)?$/ },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 CSMS Core catalog: A Security, B Provisioning, C Authorization, F RemoteControl, G Availability, P DataTransfer',
  cases: GROUP,
  catches: CATCHES,
  caseDir: 'ocpp2.0.1/csms',
  timeoutMs: 30_000,
});

describe('OCPP 2.0.1 CSMS Core catalog: applicability', function () {
  this.timeout(30_000);
  const run = useReferenceRuns();

  it('the TLS cases are not applicable to a CSMS run at security profile 1', async () => {
    const outcome = await run(['TC_A_04_CSMS', 'TC_A_06_CSMS'], { ...FAST_REFERENCE, securityProfile: 1, credentials: { basicAuthPassword: 'a-password-for-this-test' } });
    expect(outcome.report!.cases.map((c) => `${c.id}: ${c.verdict}`)).to.have.members(['TC_A_04_CSMS: not-applicable', 'TC_A_06_CSMS: not-applicable']);
  });

  it('the two-EVSE master pass cases are not applicable to a simulated station with one EVSE', async () => {
    const outcome = await run(['TC_C_47_CSMS', 'TC_C_49_CSMS'], { ...FAST_REFERENCE, evses: [{ id: 1, connectors: [1] }] });
    expect(outcome.report!.cases.map((c) => `${c.id}: ${c.verdict}`)).to.have.members(['TC_C_47_CSMS: not-applicable', 'TC_C_49_CSMS: not-applicable']);
  });

  it('the Basic auth cases are not applicable to a CSMS run without security profile 1 or 2', async () => {
    const outcome = await run(['TC_A_01_CSMS', 'TC_A_02_CSMS', 'TC_A_03_CSMS', 'TC_A_09_CSMS', 'TC_A_10_CSMS'], { ...FAST_REFERENCE, securityProfile: 0 });
    expect(outcome.report!.cases.map((c) => `${c.id}: ${c.verdict}`)).to.have.members(['TC_A_01_CSMS: not-applicable', 'TC_A_02_CSMS: not-applicable', 'TC_A_03_CSMS: not-applicable', 'TC_A_09_CSMS: not-applicable', 'TC_A_10_CSMS: not-applicable']);
  });
});
