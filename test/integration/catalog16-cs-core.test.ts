import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCTT 1.6, charging station under test, Core happy flows (§2.1-2.9, 2.23): every case passes against the
 * reference station, and fails against it with the fault it exists to catch, naming the broken expectation.
 */

/** Fast timeouts, and a clock-aligned interval well inside them (TC_071_CS waits up to one interval for the first sample). */
const FAST = { ...FAST_REFERENCE, settings: { clockAlignedDataInterval: '5' } };
/** Cases that need a station with a fixed cable: run with that feature declared (the reference then has one). */
const FIXED_CABLE = { ...FAST, features: ['FixedCable', 'AuthorizationCache'] };
const FIXED_CABLE_CASES = ['TC_017_2_CS', 'TC_018_2_CS'];

const CASES = ['TC_001_CS', 'TC_002_CS', 'TC_003_CS', 'TC_004_1_CS', 'TC_004_2_CS', 'TC_005_1_CS', 'TC_005_2_CS', 'TC_005_3_CS', 'TC_007_CS', 'TC_007_1_CS', 'TC_010_CS', 'TC_011_1_CS', 'TC_011_2_CS', 'TC_012_CS', 'TC_013_CS', 'TC_014_CS', 'TC_015_CS', 'TC_016_CS', 'TC_017_1_CS', 'TC_018_1_CS', 'TC_019_CS', 'TC_021_CS', 'TC_061_CS', 'TC_062_CS', 'TC_068_CS', 'TC_069_CS', 'TC_070_CS', 'TC_071_CS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_001_CS', fault: 'boot-retry-ignores-interval', reason: /^Step 3 failed: expected BootNotification, arriving 5 s/ },
  { id: 'TC_002_CS', fault: 'boot-retry-ignores-interval', reason: /^Step 5 failed: expected BootNotification, arriving 5 s .*after pending/ },
  { id: 'TC_003_CS', fault: 'start-before-authorize', reason: /^Step 5 failed: expected Authorize where idTag is "VALID-TAG-1".*got an unexpected StartTransaction/ },
  { id: 'TC_004_1_CS', fault: 'start-before-authorize', reason: /^Step Authorized\.2 failed: expected Authorize/ },
  { id: 'TC_004_2_CS', fault: 'connection-timeout-ignored', reason: /expected StatusNotification where connectorId is 1, status is "Available", arriving 5 s .*after authorized/ },
  { id: 'TC_010_CS', fault: 'remote-start-rejected', reason: /^Step Charging\.5 failed: .*\(status: expected "Accepted", got "Rejected"\)$/ },
  { id: 'TC_011_1_CS', fault: 'remote-start-rejected', reason: /^Step 2 failed: .*\(status: expected "Accepted", got "Rejected"\)$/ },
  { id: 'TC_011_2_CS', fault: 'connection-timeout-ignored', reason: /expected StatusNotification where connectorId is 1, status is "Available", arriving 5 s .*after preparing/ },
  { id: 'TC_012_CS', fault: 'wrong-stop-reason', reason: /expected StopTransaction where transactionId is \d+, reason is "Remote".*\(reason: expected "Remote", got "Local"\)/ },
  { id: 'TC_013_CS', fault: 'availability-lost-on-reset', reason: /^Step 6 failed: expected StatusNotification .*status is "Unavailable"/ },
  { id: 'TC_014_CS', fault: 'availability-lost-on-reset', reason: /^Step 6 failed: expected StatusNotification .*status is "Unavailable"/ },
  { id: 'TC_015_CS', fault: 'wrong-stop-reason', reason: /reason is "HardReset".*\(reason: expected "HardReset", got "Local"\)/ },
  { id: 'TC_016_CS', fault: 'wrong-stop-reason', reason: /reason is "SoftReset".*\(reason: expected "SoftReset", got "Local"\)/ },
  { id: 'TC_017_1_CS', fault: 'unlock-failed', reason: /^Step 1 failed: .*\(status: expected "Unlocked", got "UnlockFailed"\)$/ },
  { id: 'TC_017_2_CS', fault: 'unlock-failed', reason: /^Step 1 failed: .*\(status: expected "NotSupported", got "UnlockFailed"\)$/ },
  { id: 'TC_018_1_CS', fault: 'unlock-failed', reason: /^Step 1 failed: .*\(status: expected "Unlocked", got "UnlockFailed"\)$/ },
  { id: 'TC_018_2_CS', fault: 'unlock-failed', reason: /^Step 1 failed: .*\(status: expected "NotSupported", got "UnlockFailed"\)$/ },
  { id: 'TC_019_CS', fault: 'config-key-missing', reason: /^Step 2 failed: .*ConnectorPhaseRotation/ },
  { id: 'TC_021_CS', fault: 'config-change-not-stored', reason: /^Step 2 failed: .*MeterValueSampleInterval.*\(configurationKey\.0\.value: expected "10", got "60"\)$/ },
  { id: 'TC_005_1_CS', fault: 'ev-side-disconnect-keeps-transaction', reason: /^Step 2 failed: expected StopTransaction where transactionId is \d+, reason is "EVDisconnected"/ },
  { id: 'TC_005_2_CS', fault: 'wrong-stop-reason', reason: /\(reason: expected "EVDisconnected", got "Local"\)/ },
  { id: 'TC_005_3_CS', fault: 'ev-side-disconnect-always-stops', reason: /^Step 3 failed: expected StatusNotification where connectorId is 1, status is one of .*SuspendedEV.*got an unexpected StopTransaction/ },
  { id: 'TC_007_CS', fault: 'local-pre-authorize-ignored', reason: /^Step 5 failed: .*Authorize/ },
  { id: 'TC_007_1_CS', fault: 'local-pre-authorize-ignored', reason: /^Step 5 failed: .*Authorize/ },
  { id: 'TC_061_CS', fault: 'clear-cache-ignored', reason: /^Step 6 failed: expected Authorize where idTag is "VALID-TAG-1"/ },
  { id: 'TC_068_CS', fault: 'stop-with-any-idtag', reason: /^Step 2 failed: .*Authorize/ },
  { id: 'TC_069_CS', fault: 'parent-idtag-ignored', reason: /^Step 3 failed: expected StopTransaction where transactionId is \d+, idTag is "VALID-TAG-2"/ },
  { id: 'TC_070_CS', fault: 'sampled-meter-values-as-clock', reason: /^Step 1 failed: expected MeterValues .*got nothing matching/ },
  { id: 'TC_070_CS', fault: 'no-meter-values', reason: /^Step 1 failed: expected MeterValues .*got nothing matching/ },
  { id: 'TC_071_CS', fault: 'clock-aligned-wrong-context', reason: /^Step 1 failed: expected MeterValues .*got nothing matching/ },
  { id: 'TC_062_CS', fault: 'data-transfer-not-implemented', reason: /^Step 1 failed: expected a CALLRESULT where status is one of .*; got CALLERROR NotImplemented/ },
];

describeCatalogGroup({
  title: 'OCTT 1.6 charging station Core happy flows (catalog group §2.1-2.9, 2.23)',
  cases: CASES,
  catches: CATCHES.map((c) => (FIXED_CABLE_CASES.includes(c.id) ? { ...c, config: FIXED_CABLE } : c)),
  config: FAST,
  passWith: [{ cases: FIXED_CABLE_CASES, config: FIXED_CABLE }],
});
