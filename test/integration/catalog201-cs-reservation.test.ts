import { referenceSutConfig } from '../../src/runner/reference-targets.js';
import { describeCatalogGroup, type CatchSpec } from './catalog-group.js';
import { FAST_REFERENCE } from './runner-helpers.js';

/**
 * OCPP 2.0.1 Part 6 §2.9, charging station under test, profile Reservation: H Reservation. Every case passes against
 * the reference station, and fails against it with the fault it exists to catch, naming the broken expectation.
 */

const CASES = ['TC_H_01_CS', 'TC_H_02_CS', 'TC_H_03_CS', 'TC_H_04_CS', 'TC_H_06_CS', 'TC_H_07_CS', 'TC_H_17_CS', 'TC_H_18_CS', 'TC_H_19_CS', 'TC_H_21_CS', 'TC_H_23_CS', 'TC_H_08_CS', 'TC_H_09_CS', 'TC_H_10_CS', 'TC_H_12_CS', 'TC_H_14_CS', 'TC_H_22_CS', 'TC_H_24_CS', 'TC_H_15_CS', 'TC_H_16_CS'];

/** A station with one EVSE: a reservation of no EVSE in particular (or of a connector type) then holds it, and its connector is reported Reserved (TC_H_08/15/24_CS). */
const ONE_EVSE = { ...FAST_REFERENCE, evses: [{ id: 1, connectors: [1] }] };
/** A station without reservations of no EVSE in particular (NOT R-2: TC_H_13_CS). */
const WITHOUT_R2 = { ...FAST_REFERENCE, features: referenceSutConfig('2.0.1', 'cs').features!.filter((f) => f !== 'R-2') };

/** A connector report of the configured EVSE (StatusNotification or NotifyEvent) that did not come. */
const notReported = (step: string, status: string) => new RegExp(`^Step ${step.replace(/\./g, '\\.')} failed: expected (one of: )?StatusNotification where evseId is 1, connectorId is 1, connectorStatus is "${status}".*got nothing matching`);
/** ReserveNow (or CancelReservation) answered with the wrong status. */
const answered = (step: number, expected: string, got: string) => new RegExp(`^Step ${step} failed: expected a CALLRESULT where status is "${expected}"; got CALLRESULT \\{"status":"${got}"\\}`);

/** The reservation's group member was refused: no transaction starts when the EV is connected. */
const STARTED_NOT_SENT = /^Step EVConnectedReservationUsed\.5 failed: expected TransactionEvent where eventType is "Started".*got nothing matching within [\d.]+ m?s; meanwhile came Heartbeat/;

const CATCHES: CatchSpec[] = [
  { id: 'TC_H_01_CS', fault: 'reservation-201-held-after-authorization', reason: notReported('AuthorizedReservationUsed.8', 'Available') },
  { id: 'TC_H_01_CS', fault: 'reservation-201-not-reported', reason: notReported('Reserved.3', 'Reserved') },
  { id: 'TC_H_01_CS', fault: 'reservation-201-id-not-reported', reason: /^Step EVConnectedReservationUsed\.5 failed: expected TransactionEvent where eventType is "Started".*reservationId is \d+, answered with .*; got nothing matching.*\(reservationId: expected \d+, got absent\)/ },
  { id: 'TC_H_02_CS', fault: 'reservation-201-not-enforced', reason: /^Step 3 failed: expected no TransactionEvent within 2 s; got TransactionEvent \{"eventType":"Started"/ },
  { id: 'TC_H_02_CS', fault: 'reservation-201-remote-start-accepted', reason: answered(4, 'Rejected', 'Accepted') },
  { id: 'TC_H_03_CS', fault: 'reserve-201-accepts-any', reason: answered(2, 'Occupied', 'Accepted') },
  { id: 'TC_H_04_CS', fault: 'reserve-201-accepts-any', reason: answered(2, 'Occupied', 'Accepted') },
  { id: 'TC_H_06_CS', fault: 'reserve-201-accepts-any', reason: answered(2, 'Unavailable', 'Accepted') },
  { id: 'TC_H_07_CS', fault: 'reservation-201-no-expiry-notice', reason: /^Step 3 failed: expected ReservationStatusUpdate where reservationId is \d+, reservationUpdateStatus is "Expired"; got nothing matching/ },
  { id: 'TC_H_17_CS', fault: 'cancel-reservation-201-keeps-reserved', reason: notReported('2', 'Available') },
  { id: 'TC_H_18_CS', fault: 'cancel-reservation-201-accepts-unknown', reason: answered(1, 'Rejected', 'Accepted') },
  { id: 'TC_H_19_CS', fault: 'reservation-201-group-ignored', reason: STARTED_NOT_SENT },
  { id: 'TC_H_21_CS', fault: 'reservation-201-kept-when-inoperative', reason: /^Step 3 failed: expected ReservationStatusUpdate where reservationId is \d+, reservationUpdateStatus is "Removed"; got nothing matching/ },
  { id: 'TC_H_23_CS', fault: 'reservation-201-not-replaced', reason: answered(2, 'Accepted', 'Occupied') },
  { id: 'TC_H_08_CS', fault: 'reservation-201-not-reported', reason: notReported('4', 'Reserved'), config: ONE_EVSE },
  { id: 'TC_H_09_CS', fault: 'reserve-201-accepts-any', reason: answered(2, 'Occupied', 'Accepted') },
  { id: 'TC_H_10_CS', fault: 'reserve-201-accepts-any', reason: answered(2, 'Occupied', 'Accepted') },
  { id: 'TC_H_12_CS', fault: 'reserve-201-accepts-any', reason: answered(2, 'Unavailable', 'Accepted') },
  { id: 'TC_H_13_CS', fault: 'reserve-201-accepts-any', reason: answered(2, 'Rejected', 'Accepted'), config: WITHOUT_R2 },
  { id: 'TC_H_14_CS', fault: 'reservation-201-not-reported', reason: /^Step 2 failed: expected StatusNotification where evseId is 1, connectorId is 1, connectorStatus is "Reserved".* and StatusNotification where evseId is 2, connectorId is 1, connectorStatus is "Reserved".*got nothing matching/ },
  { id: 'TC_H_22_CS', fault: 'reservation-201-enabled-ignored', reason: answered(2, 'Rejected', 'Accepted') },
  { id: 'TC_H_24_CS', fault: 'reservation-201-group-ignored', reason: STARTED_NOT_SENT, config: ONE_EVSE },
  { id: 'TC_H_15_CS', fault: 'reserve-201-connector-type-rejected', reason: answered(3, 'Accepted', 'Rejected') },
  { id: 'TC_H_16_CS', fault: 'reserve-201-accepts-any', reason: answered(2, 'Occupied', 'Accepted') },
];

describeCatalogGroup({
  title: 'OCPP 2.0.1 charging station Reservation: H Reservation (catalog group)',
  cases: CASES,
  catches: CATCHES,
  passWith: [
    { cases: ['TC_H_08_CS', 'TC_H_15_CS', 'TC_H_24_CS'], config: ONE_EVSE },
    { cases: ['TC_H_13_CS'], config: WITHOUT_R2 },
  ],
  caseDir: 'ocpp2.0.1/cs',
});
