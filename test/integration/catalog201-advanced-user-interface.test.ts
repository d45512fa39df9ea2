import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';
import { referenceSutConfig } from '../../src/runner/reference-targets.js';

/** A station without AlwaysFront display messages (NOT UI-1.1): TC_O_17_CS applies. */
const WITHOUT_UI11 = { ...FAST_REFERENCE, features: referenceSutConfig('2.0.1', 'cs').features!.filter((f) => f !== 'UI-1.1') };

/**
 * OCPP 2.0.1 Part 6, Advanced User Interface (I TariffAndCost, O DisplayMessage), both roles. Every case passes
 * against the reference peers, and fails against them with the fault it exists to catch, naming the broken expectation.
 */

const CS_CASES = ['TC_O_01_CS', 'TC_O_02_CS', 'TC_O_03_CS', 'TC_O_04_CS', 'TC_O_05_CS', 'TC_O_07_CS', 'TC_O_08_CS', 'TC_O_09_CS', 'TC_O_10_CS', 'TC_O_11_CS', 'TC_O_12_CS', 'TC_O_13_CS', 'TC_O_14_CS', 'TC_O_20_CS', 'TC_O_33_CS', 'TC_O_34_CS', 'TC_O_35_CS', 'TC_O_22_CS', 'TC_O_24_CS', 'TC_O_06_CS', 'TC_O_27_CS', 'TC_O_28_CS', 'TC_O_30_CS', 'TC_O_32_CS', 'TC_O_36_CS', 'TC_O_37_CS', 'TC_O_38_CS', 'TC_O_19_CS', 'TC_I_01_CS', 'TC_I_07_CS', 'TC_O_15_CS'];

const CSMS_CASES = ['TC_O_01_CSMS', 'TC_O_02_CSMS', 'TC_O_03_CSMS', 'TC_O_04_CSMS', 'TC_O_05_CSMS', 'TC_O_06_CSMS', 'TC_O_07_CSMS', 'TC_O_08_CSMS', 'TC_O_09_CSMS', 'TC_O_10_CSMS', 'TC_O_12_CSMS', 'TC_O_13_CSMS', 'TC_O_14_CSMS', 'TC_O_17_CSMS', 'TC_O_18_CSMS', 'TC_O_19_CSMS', 'TC_O_26_CSMS', 'TC_O_27_CSMS', 'TC_O_28_CSMS', 'TC_I_01_CSMS', 'TC_I_02_CSMS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_O_01_CS', fault: 'display-message-201-content-lost', reason: /^Step 5 failed: expected NotifyDisplayMessages .*\(messageInfo: .*got \[\{"id":\d+,"priority":"NormalCycle","message":\{"format":"UTF8","content":""\}\}\]\)/ },
  { id: 'TC_O_02_CS', fault: 'display-message-201-no-notify', reason: /^Step 3 failed: expected NotifyDisplayMessages where requestId is \d+.*got nothing matching/ },
  { id: 'TC_O_03_CS', fault: 'display-message-201-empty-accepted', reason: /^Step 2 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_04_CS', fault: 'display-message-201-clear-ignored', reason: /^Step 3 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_05_CS', fault: 'display-message-201-clear-unknown-accepted', reason: /^Step 2 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_07_CS', fault: 'display-message-201-not-stored', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Unknown"\}/ },
  { id: 'TC_O_08_CS', fault: 'display-message-201-no-notify', reason: /^Step 3 failed: expected NotifyDisplayMessages where requestId is \d+.*got nothing matching/ },
  { id: 'TC_O_09_CS', fault: 'display-message-201-state-dropped', reason: /^Step 2 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Unknown"\}/ },
  { id: 'TC_O_10_CS', fault: 'display-message-201-unknown-transaction-accepted', reason: /^Step 2 failed: expected a CALLRESULT where status is "UnknownTransaction"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_11_CS', fault: 'display-message-201-filters-ignored', reason: /^Step 3 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_12_CS', fault: 'display-message-201-not-replaced', reason: /^Step 4 failed: expected NotifyDisplayMessages .*messageInfo\.0\.message\.content: expected "Replacement message of the harness", got "Welcome at the harness test station"/ },
  { id: 'TC_O_13_CS', fault: 'display-message-201-times-not-reported', reason: /^Step 6 failed: expected NotifyDisplayMessages where requestId is \d+, messageInfo contains an element that is an object where id is \d+, startDateTime is present; got nothing matching.*"messageInfo":\[\{"id":\d+,"priority":"NormalCycle","message"/ },
  { id: 'TC_O_14_CS', fault: 'display-message-201-kept-after-end-time', reason: /^Step 10 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_20_CS', fault: 'display-message-201-lost-on-reboot', reason: /^Step 5 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Unknown"\}/ },
  { id: 'TC_O_33_CS', fault: 'display-message-201-empty-accepted', reason: /^Step 3 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_34_CS', fault: 'display-message-201-filters-ignored', reason: /^Step 2 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_35_CS', fault: 'display-message-201-filters-ignored', reason: /^Step 2 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_22_CS', fault: 'display-message-201-in-front-replaced', reason: /^Step 6 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Unknown"\}/ },
  { id: 'TC_O_24_CS', fault: 'display-message-201-always-front-kept', reason: /^Step 6 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_06_CS', fault: 'display-message-201-kept-after-transaction', reason: /^Step 7 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_27_CS', fault: 'display-message-201-kept-after-transaction', reason: /^Step 9 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_28_CS', fault: 'display-message-201-kept-after-end-time', reason: /^Step 7 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_30_CS', fault: 'display-message-201-in-front-replaced', reason: /^Step 6 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Unknown"\}/ },
  { id: 'TC_O_30_CS', fault: 'display-message-201-kept-after-transaction', reason: /^Step 1[56] failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_32_CS', fault: 'display-message-201-always-front-kept', reason: /^Step 6 failed: expected a CALLRESULT where status is "Unknown"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_36_CS', fault: 'display-message-201-state-dropped', reason: /^Step 13 failed: expected NotifyDisplayMessages where requestId is \d+, messageInfo contains an element that is an object where id is \d+, state is "Charging"; got nothing matching/ },
  { id: 'TC_O_37_CS', fault: 'display-message-201-state-dropped', reason: /^Step 13 failed: expected NotifyDisplayMessages where requestId is \d+, messageInfo contains an element that is an object where id is \d+, state is "Idle"; got nothing matching/ },
  { id: 'TC_O_38_CS', fault: 'display-message-201-state-dropped', reason: /^Step 9 failed: expected NotifyDisplayMessages where requestId is \d+, messageInfo contains an element that is an object where id is \d+, state is "Unavailable"; got nothing matching/ },
  { id: 'TC_O_19_CS', fault: 'display-message-201-any-format', reason: /^Step 2 failed: expected a CALLRESULT where status is "NotSupportedMessageFormat"; got CALLRESULT \{"status":"Accepted"\}/ },
  { id: 'TC_O_01_CSMS', fault: 'csms201-display-message-state-dropped', reason: /^Step 2 failed: expected SetDisplayMessage where .*message\.state is "Idle".*\(message\.state: expected "Idle", got absent\)/ },
  { id: 'TC_O_02_CSMS', fault: 'csms201-get-display-messages-all-by-id', reason: /^Step 2 failed: expected GetDisplayMessages where requestId is an integer, id is absent.*\(id: expected absent, got \[1\]\)/ },
  { id: 'TC_O_03_CSMS', fault: 'csms201-get-display-messages-request-id-missing', reason: /^Step 2 failed: expected frames that follow the OCPP schemas.*GetDisplayMessagesRequest: requestId is required/ },
  { id: 'TC_O_04_CSMS', fault: 'csms201-clear-display-message-wrong-id', reason: /^Step 2 failed: expected ClearDisplayMessage where id is 1.*\(id: expected 1, got 2\)/ },
  { id: 'TC_O_05_CSMS', fault: 'csms201-clear-display-message-id-as-string', reason: /^Step 3 failed: expected frames that follow the OCPP schemas.*ClearDisplayMessageRequest: id must be an integer/ },
  { id: 'TC_O_06_CSMS', fault: 'csms201-display-message-transaction-dropped', reason: /^Step 2 failed: expected SetDisplayMessage where .*\(message\.transactionId: expected "[\w-]+", got absent\)/ },
  { id: 'TC_O_07_CSMS', fault: 'csms201-get-display-messages-criteria-dropped', reason: /^Step 2 failed: expected GetDisplayMessages where id is \[1\].*\(id: expected \[1\], got absent\)/ },
  { id: 'TC_O_08_CSMS', fault: 'csms201-get-display-messages-criteria-dropped', reason: /^Step 2 failed: expected GetDisplayMessages where priority is "NormalCycle".*\(priority: expected "NormalCycle", got absent\)/ },
  { id: 'TC_O_09_CSMS', fault: 'csms201-get-display-messages-criteria-dropped', reason: /^Step 2 failed: expected GetDisplayMessages where state is "Idle".*\(state: expected "Idle", got absent\)/ },
  { id: 'TC_O_10_CSMS', fault: 'csms201-display-message-transaction-dropped', reason: /^Step 2 failed: expected SetDisplayMessage where .*\(message\.transactionId: expected a string, got absent\)/ },
  { id: 'TC_O_12_CSMS', fault: 'csms201-display-message-id-not-reused', reason: /^Step 2 failed: expected SetDisplayMessage where message\.id is 1.*\(message\.id: expected 1, got 2\)/ },
  { id: 'TC_O_13_CSMS', fault: 'csms201-display-message-times-dropped', reason: /^Step 3 failed: expected SetDisplayMessage where .*\(message\.startDateTime: expected a date-time within 1 s of .*, got absent\)/ },
  { id: 'TC_O_14_CSMS', fault: 'csms201-display-message-times-dropped', reason: /^Step 3 failed: expected SetDisplayMessage where .*\(message\.endDateTime: expected a date-time within 1 s of .*, got absent\)/ },
  { id: 'TC_O_17_CSMS', fault: 'csms201-display-message-priority-fixed', reason: /^Step 2 failed: expected SetDisplayMessage where .*\(message\.priority: expected "AlwaysFront", got "NormalCycle"\)/ },
  { id: 'TC_O_18_CSMS', fault: 'csms201-display-message-state-dropped', reason: /^Step 2 failed: expected SetDisplayMessage where .*\(message\.state: expected "Faulted", got absent\)/ },
  { id: 'TC_O_19_CSMS', fault: 'csms201-display-message-format-missing', reason: /^Step 2 failed: expected frames that follow the OCPP schemas.*SetDisplayMessageRequest: message\.message\.format is required/ },
  { id: 'TC_O_26_CSMS', fault: 'csms201-display-message-format-missing', reason: /^Step 2 failed: expected frames that follow the OCPP schemas.*SetDisplayMessageRequest: message\.message\.format is required/ },
  { id: 'TC_O_27_CSMS', fault: 'csms201-display-message-times-dropped', reason: /^Step 3 failed: expected SetDisplayMessage where .*\(message\.startDateTime: expected a date-time within 1 s of .*, got absent\)/ },
  { id: 'TC_O_28_CSMS', fault: 'csms201-display-message-transaction-dropped', reason: /^Step 3 failed: expected SetDisplayMessage where .*\(message\.transactionId: expected "[\w-]+", got absent\)/ },
  { id: 'TC_I_01_CS', fault: 'cost-updated-201-not-implemented', reason: /^Step 4 failed: expected a CALLRESULT.*got CALLERROR NotImplemented/ },
  { id: 'TC_I_07_CS', fault: 'tariff-201-running-cost-ends-transaction', reason: /^Step 5 failed: expected TransactionEvent where eventType is "Updated", triggerReason is "MeterValuePeriodic".*triggerReason: expected "MeterValuePeriodic", got "StopAuthorized"/ },
  { id: 'TC_I_01_CSMS', fault: 'no-id-token-info', reason: /^Step Authorized\.\d+ failed: expected a CALLRESULT where idTokenInfo\.status is "Accepted".*\(idTokenInfo: expected .*got absent\)/ },
  { id: 'TC_I_02_CSMS', fault: 'csms201-total-cost-missing', reason: /^Step 4 failed: expected a CALLRESULT where totalCost is a number.*\(totalCost: expected a number, got absent\)/ },
  { id: 'TC_O_15_CS', fault: 'display-message-201-rejected', reason: /^Step 4 failed: expected a CALLRESULT where status is "Accepted"; got CALLRESULT \{"status":"Rejected"\}/ },
  { id: 'TC_O_17_CS', fault: 'display-message-201-any-priority', reason: /^Step 6 failed: expected a CALLRESULT where status is "NotSupportedPriority"; got CALLRESULT \{"status":"Accepted"\}/, config: WITHOUT_UI11 },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 Advanced User Interface: I TariffAndCost, O DisplayMessage, both roles (catalog group)',
  cases: [...CS_CASES, ...CSMS_CASES],
  catches: CATCHES,
  // A TxUpdatedInterval of 5 protocol seconds (0.5 s on the fast clock) for the I cases' periodic TransactionEvents;
  // display message start and end times 1 s ahead.
  config: { ...FAST_REFERENCE, settings: { txUpdatedIntervalS: 5, displayMessageOffsetS: 1 } },
  passWith: [{ cases: ['TC_O_17_CS'], config: WITHOUT_UI11 }],
});
