import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 K SmartCharging, charging station under test. */
export const CATALOG_201_CS_SMART_CHARGING_FAULTS = {
  'sc201-get-profiles-not-reported': { peer: 'cs', versions: V201, description: 'Answers GetChargingProfiles Accepted but never sends the ReportChargingProfiles.' },
  'sc201-profile-not-replaced': { peer: 'cs', versions: V201, description: 'Answers a SetChargingProfile with the id of an installed profile Accepted but keeps the old profile (K01.FR.05).' },
  'sc201-clear-by-id-ignored': { peer: 'cs', versions: V201, description: 'Answers ClearChargingProfile with a chargingProfileId Accepted but keeps the profile.' },
  'sc201-clear-unknown-accepted': { peer: 'cs', versions: V201, description: 'Answers ClearChargingProfile Accepted when no installed profile matches (K10.FR.01 wants Unknown).' },
  'sc201-unknown-evse-accepted': { peer: 'cs', versions: V201, description: 'Accepts (and stores) a charging profile for an EVSE the station does not have (K01.FR.28).' },
  'sc201-tx-profile-without-transaction-accepted': { peer: 'cs', versions: V201, description: 'Accepts a TxProfile for an EVSE without a transaction (K01.FR.09).' },
  'sc201-tx-profile-on-evse0-accepted': { peer: 'cs', versions: V201, description: 'Accepts a TxProfile for evseId 0, the station as a whole (K01.FR.16).' },
  'sc201-tx-profile-transaction-unchecked': { peer: 'cs', versions: V201, description: 'Accepts a TxProfile whose transactionId is not the transaction on the EVSE (K01.FR.33).' },
  'sc201-profiles-lost-on-reboot': { peer: 'cs', versions: V201, description: 'Keeps charging profiles in volatile memory: after a reboot they are gone (K01.FR.27).' },
  'sc201-recurring-rejected': { peer: 'cs', versions: V201, description: 'Rejects every charging profile of kind Recurring.' },
  'sc201-recurrence-not-repeated': { peer: 'cs', versions: V201, description: 'Applies a Recurring profile only from its first startSchedule, never repeating it daily or weekly.' },
  'sc201-valid-from-ignored': { peer: 'cs', versions: V201, description: 'Applies a charging profile at once, before its validFrom (K01.FR.36).' },
  'sc201-start-schedule-ignored': { peer: 'cs', versions: V201, description: 'Starts an Absolute profile\'s schedule when it is installed, not at its startSchedule (K01.FR.30).' },
  'sc201-clear-criteria-ignored': { peer: 'cs', versions: V201, description: 'Answers ClearChargingProfile with chargingProfileCriteria (purpose, stackLevel, evseId) Accepted but keeps the profiles.' },
  'sc201-get-profiles-evse-ignored': { peer: 'cs', versions: V201, description: 'Reports the profiles of every EVSE to a GetChargingProfiles for one evseId (K09.FR.04/05).' },
  'sc201-tx-default-not-applied-to-running-tx': { peer: 'cs', versions: V201, description: 'Applies a TxDefaultProfile only to transactions that start after it, not to the running one (K01.FR.32).' },
  'sc201-get-profiles-criteria-ignored': { peer: 'cs', versions: V201, description: 'Answers GetChargingProfiles with the profiles of the requested EVSE whatever its chargingProfile criterion (id, purpose, stackLevel, chargingLimitSource) asks for.' },
  'sc201-report-stops-after-first': { peer: 'cs', versions: V201, description: 'Sends only the first ReportChargingProfiles of a report in parts (the one with tbc true).' },
  'sc201-report-profile-altered': { peer: 'cs', versions: V201, description: 'Reports a profile in ReportChargingProfiles without the numberPhases of its periods, not as it was sent.' },
  'sc201-tx-default-not-replaced-by-tx-profile': { peer: 'cs', versions: V201, description: 'Composite schedule: a TxProfile of the transaction does not replace the TxDefaultProfile, the lower of both applies.' },
  'sc201-stack-level-no-fallback': { peer: 'cs', versions: V201, description: 'Composite schedule: when the schedule of the highest stackLevel profile ends, does not fall back to the lower one.' },
  'sc201-composite-needs-profile': { peer: 'cs', versions: V201, description: 'Answers GetCompositeSchedule Rejected while no charging profile is installed, instead of its local limits (K08.FR.02).' },
  'sc201-composite-unknown-evse-accepted': { peer: 'cs', versions: V201, description: 'Answers GetCompositeSchedule for an EVSE the station does not have Accepted with a schedule (K08.FR.05).' },
  'sc201-remote-start-profile-ignored': { peer: 'cs', versions: V201, description: 'Accepts a RequestStartTransaction with a TxProfile and starts the transaction, but does not install the profile (K05.FR.03).' },
  'sc201-station-composite-not-summed': { peer: 'cs', versions: V201, description: 'Answers GetCompositeSchedule for evseId 0 with the schedule of a single EVSE, not what the EVSEs draw together.' },
  'sc201-valid-to-ignored': { peer: 'cs', versions: V201, description: 'Keeps applying a charging profile after its validTo (K01.FR.37).' },
  'sc201-clear-criteria-first-only': { peer: 'cs', versions: V201, description: 'Clears only the first of several profiles that match the criteria of a ClearChargingProfile (K10.FR.04: all of them).' },
  'sc201-rate-unit-unchecked': { peer: 'cs', versions: V201, description: 'Accepts a charging profile in a chargingRateUnit that SmartChargingCtrlr.RateUnit does not list (K01.FR.26).' },
  'sc201-composite-rate-unit-unchecked': { peer: 'cs', versions: V201, description: 'Answers GetCompositeSchedule in a chargingRateUnit it does not support Accepted (K08.FR.07).' },
} as const satisfies Record<string, FaultInfo>;
