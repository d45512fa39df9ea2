import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';

/**
 * OCPP 2.0.1 Part 6, charging station under test: the cases outside the Part 5 Ed3 certification tables, and
 * TC_B_24_CS (Reservation). Every case passes against the reference station, and fails against it with the fault it
 * exists to catch, naming the broken expectation.
 */

const CASES = ['TC_B_24_CS', 'TC_O_39_CS'];

const CATCHES: CatchSpec[] = [
  { id: 'TC_B_24_CS', fault: 'reservation-201-lost-on-reboot', reason: /^Step 3 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is "Reserved".*\(connectorStatus: expected "Reserved", got "Available"\)/ },
  { id: 'TC_O_39_CS', fault: 'display-message-201-state-dropped', reason: /^Step 7 failed: expected NotifyDisplayMessages where requestId is \d+, messageInfo contains .*state is "Faulted".*\(messageInfo: / },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 charging station: cases outside the Part 5 certification tables, and TC_B_24_CS (catalog group)',
  cases: CASES,
  catches: CATCHES,
  caseDir: 'ocpp2.0.1/cs',
});
