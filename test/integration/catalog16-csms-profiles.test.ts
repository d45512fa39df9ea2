import { expect } from 'chai';
import { describeCatalogGroup, useReferenceRuns, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCTT 1.6, CSMS under test: local authorization list, firmware, diagnostics, reservation, remote trigger and smart
 * charging (§3.14-3.19). Every case passes against the reference CSMS and fails, naming the broken expectation,
 * against the reference CSMS with the bug it exists to catch (faults/catalog-16-csms-profiles.ts).
 */
const CATCHES: CatchSpec[] = [
  { id: 'TC_042_1_CSMS', fault: 'get-local-list-version-schema-violation', reason: /^Step 2 failed: expected frames that follow the OCPP schemas.*; got CALL GetLocalListVersion: \[schema\.additional-property\] \/listVersion/ },
  { id: 'TC_042_2_CSMS', fault: 'get-local-list-version-schema-violation', reason: /^Step 2 failed: expected frames that follow the OCPP schemas.*; got CALL GetLocalListVersion: \[schema\.additional-property\] \/listVersion/ },
  { id: 'TC_043_1_CSMS', fault: 'send-local-list-wrong-update-type', reason: /^Step 2 failed: expected SendLocalList where updateType is "Full".*\(updateType: expected "Full", got "Differential"\)/ },
  { id: 'TC_043_3_CSMS', fault: 'send-local-list-wrong-update-type', reason: /^Step 2 failed: expected SendLocalList where updateType is "Full".*\(updateType: expected "Full", got "Differential"\)/ },
  { id: 'TC_043_4_CSMS', fault: 'send-local-list-without-id-tag-info', reason: /^Step 2 failed: expected SendLocalList where updateType is "Full", localAuthorizationList .*\(localAuthorizationList: expected not contains an element that is an object where idTagInfo is absent, got \[\{"idTag":"VALID-TAG-1"\}/ },
  { id: 'TC_043_5_CSMS', fault: 'send-local-list-wrong-update-type', reason: /^Step 2 failed: expected SendLocalList where updateType is "Differential".*\(updateType: expected "Differential", got "Full"\)/ },
  { id: 'TC_044_1_CSMS', fault: 'update-firmware-wrong-location', reason: /^Step 2 failed: expected UpdateFirmware where location is "https:\/\/firmware\.example\/harness-station-2\.0\.bin".*\(location: expected/ },
  { id: 'TC_044_2_CSMS', fault: 'firmware-status-failure-rejected', reason: /^Step 4 failed: .*got CALLERROR PropertyConstraintViolation/ },
  { id: 'TC_044_3_CSMS', fault: 'firmware-status-failure-rejected', reason: /^Step 9 failed: .*got CALLERROR PropertyConstraintViolation/ },
  { id: 'TC_045_1_CSMS', fault: 'diagnostics-status-not-implemented', reason: /^Step 3 failed: .*got CALLERROR NotImplemented/ },
  { id: 'TC_045_2_CSMS', fault: 'diagnostics-status-not-implemented', reason: /^Step 3 failed: .*got CALLERROR NotImplemented/ },
  { id: 'TC_046_CSMS', fault: 'reserve-now-connector-zero', reason: /^Step 2 failed: expected ReserveNow where connectorId is 1, idTag is "VALID-TAG-1".*\(connectorId: expected 1, got 0\)$/ },
  { id: 'TC_047_CSMS', fault: 'reserve-now-expiry-off-by-an-hour', reason: /^Step 2 failed: expected ReserveNow where .*expiryDate is a date-time within the time tolerance of .*\(expiryDate: expected a date-time within 250 ms of .*\)$/ },
  { id: 'TC_048_1_CSMS', fault: 'reserve-now-connector-zero', reason: /^Step 2 failed: expected ReserveNow where connectorId is 1, .*answered with \{"status":"Faulted"\}.*\(connectorId: expected 1, got 0\)$/ },
  { id: 'TC_048_2_CSMS', fault: 'reserve-now-connector-zero', reason: /^Step 3 failed: expected ReserveNow where connectorId is 1, .*answered with \{"status":"Occupied"\}.*\(connectorId: expected 1, got 0\)$/ },
  { id: 'TC_048_3_CSMS', fault: 'reserve-now-connector-zero', reason: /^Step 5 failed: expected ReserveNow where connectorId is 1, .*answered with \{"status":"Unavailable"\}.*\(connectorId: expected 1, got 0\)$/ },
  { id: 'TC_048_4_CSMS', fault: 'reserve-now-connector-zero', reason: /^Step 2 failed: expected ReserveNow where connectorId is 1, .*answered with \{"status":"Rejected"\}.*\(connectorId: expected 1, got 0\)$/ },
  { id: 'TC_049_CSMS', fault: 'reserve-now-no-connector-zero', reason: /^Step 2 failed: expected ReserveNow where connectorId is 0, .*\(connectorId: expected 0, got 1\)$/ },
  { id: 'TC_051_CSMS', fault: 'reserve-now-connector-zero', reason: /^Step 2 failed: expected ReserveNow where connectorId is an integer and is not 0, .*\(connectorId: expected not 0, got 0\)$/ },
  { id: 'TC_052_CSMS', fault: 'cancel-reservation-latest', reason: /^Step 5 failed: expected CancelReservation where reservationId is an integer and is not (\d+), .*got CancelReservation \{"reservationId":\1\} \(reservationId: expected not \1, got \1\)$/ },
  { id: 'TC_053_CSMS', fault: 'authorize-without-parent-id-tag', reason: /^Step 5 failed: expected a CALLRESULT where idTagInfo\.status is "Accepted", idTagInfo\.parentIdTag is "PARENT-TAG-1"; got CALLRESULT \{"idTagInfo":\{"status":"Accepted"\}\} \(idTagInfo\.parentIdTag: expected "PARENT-TAG-1", got absent\)$/ },
  { id: 'TC_054_CSMS', fault: 'trigger-message-without-connector', reason: /^Step 2 failed: expected TriggerMessage where requestedMessage is "MeterValues", connectorId is 1, .*\(connectorId: expected 1, got absent\)$/ },
  { id: 'TC_054_CSMS', fault: 'diagnostics-status-not-implemented', reason: /^Step 12 failed: expected a CALLRESULT; got CALLERROR NotImplemented/ },
  { id: 'TC_055_CSMS', fault: 'trigger-message-without-connector', reason: /^Step 2 failed: expected TriggerMessage where requestedMessage is "MeterValues", connectorId is 2, answered with \{"status":"Rejected"\}.*\(connectorId: expected 2, got absent\)$/ },
  { id: 'TC_056_CSMS', fault: 'charging-profile-without-validity', reason: /^Step 2 failed: expected SetChargingProfile where .*csChargingProfiles\.validFrom is present.*\(csChargingProfiles\.validFrom: expected present, got absent; csChargingProfiles\.validTo: expected present, got absent\)$/ },
  { id: 'TC_057_CSMS', fault: 'tx-profile-without-transaction-id', reason: /^Step 2 failed: expected SetChargingProfile where connectorId is 1, csChargingProfiles\.chargingProfilePurpose is "TxProfile", csChargingProfiles\.transactionId is (\d+), .*\(csChargingProfiles\.transactionId: expected \1, got absent\)$/ },
  { id: 'TC_066_CSMS', fault: 'composite-schedule-without-rate-unit', reason: /^Step 2 failed: expected GetCompositeSchedule where connectorId is 1, duration is 3600, chargingRateUnit is "A", .*got GetCompositeSchedule \{"connectorId":1,"duration":3600\} \(chargingRateUnit: expected "A", got absent\)$/ },
  { id: 'TC_067_CSMS', fault: 'clear-charging-profile-ignores-criteria', reason: /^Step 10 failed: expected ClearChargingProfile where id is absent, connectorId is 1, chargingProfilePurpose is "TxDefaultProfile", stackLevel is 1, .*got ClearChargingProfile \{\} \(connectorId: expected 1, got absent; / },
  { id: 'TC_059_CSMS', fault: 'remote-start-profile-tx-default', reason: /^Step 2 failed: expected RemoteStartTransaction where .*chargingProfile\.chargingProfilePurpose is "TxProfile".*\(chargingProfile\.chargingProfilePurpose: expected "TxProfile", got "TxDefaultProfile"\)$/ },
];

const IDS = [...new Set(CATCHES.map((c) => c.id))];

describeCatalogGroup({
  title: 'OCTT 1.6 CSMS cases §3.14-3.19 (local list, firmware, diagnostics, reservation, trigger, smart charging)',
  cases: IDS,
  catches: CATCHES,
});

describe('OCTT 1.6 CSMS cases §3.14-3.19: applicability', function () {
  this.timeout(60_000);
  const run = useReferenceRuns();

  it('are not applicable to a CSMS without the profile, the configured test data or the feature they need', async () => {
    const bare = await run(['TC_044_1_CSMS', 'TC_047_CSMS', 'TC_055_CSMS', 'TC_045_1_CSMS'], { ...FAST_REFERENCE, settings: {}, features: [] });
    const verdicts = Object.fromEntries(bare.report!.cases.map((c) => [c.id, `${c.verdict}: ${c.reason ?? ''}`]));
    expect(verdicts.TC_044_1_CSMS).to.match(/^not-applicable: .*sut\.settings\.firmwareLocation/);
    expect(verdicts.TC_047_CSMS).to.match(/^not-applicable: .*sut\.settings\.reservationExpiryOffsetS/);
    expect(verdicts.TC_055_CSMS).to.match(/^not-applicable: .*feature "TriggerMessageNonConfiguredConnector"/);
    expect(verdicts.TC_045_1_CSMS).to.match(/^passed/);
    const coreOnly = await run(['TC_043_4_CSMS', 'TC_056_CSMS'], { ...FAST_REFERENCE, profiles: ['Core'] });
    expect(coreOnly.report!.cases.map((c) => c.verdict)).to.deep.equal(['not-applicable', 'not-applicable']);
  });
});
