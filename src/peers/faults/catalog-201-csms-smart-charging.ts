import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 K SmartCharging, CSMS under test. */
export const CATALOG_201_CSMS_SMART_CHARGING_FAULTS = {
  'csms201-charging-profile-without-validity': { peer: 'csms', versions: V201, description: 'Leaves validFrom and validTo out of the charging profiles of SetChargingProfile, also when the operator gave them.' },
  'csms201-charging-profile-evse-zero': { peer: 'csms', versions: V201, description: 'Sends every SetChargingProfile for evseId 0 (the whole station), whatever EVSE the operator chose.' },
  'csms201-charging-profile-id-not-reused': { peer: 'csms', versions: V201, description: 'Gives a profile that replaces one of the same EVSE, purpose and stackLevel a new chargingProfile id instead of the old one.' },
  'csms201-charging-profile-id-reused': { peer: 'csms', versions: V201, description: 'Gives every new charging profile the id of the last one the station accepted, also for another stackLevel.' },
  'csms201-recurring-without-recurrency-kind': { peer: 'csms', versions: V201, description: 'Sends a Recurring charging profile without recurrencyKind.' },
  'csms201-tx-profile-without-transaction-id': { peer: 'csms', versions: V201, description: 'Sends a TxProfile with SetChargingProfile without the transactionId of the transaction running on the EVSE.' },
  'csms201-remote-start-without-profile': { peer: 'csms', versions: V201, description: 'Leaves the chargingProfile out of RequestStartTransaction when asked to start with one.' },
  'csms201-clear-charging-profile-id-with-criteria': { peer: 'csms', versions: V201, description: 'Adds chargingProfileCriteria (evseId, purpose TxDefaultProfile) to a ClearChargingProfile by chargingProfileId.' },
  'csms201-clear-charging-profile-evse-dropped': { peer: 'csms', versions: V201, description: 'Leaves evseId out of the chargingProfileCriteria of ClearChargingProfile (clearing on every EVSE).' },
  'csms201-get-charging-profiles-evse-dropped': { peer: 'csms', versions: V201, description: 'Leaves evseId out of GetChargingProfiles (asking about every EVSE).' },
  'csms201-get-charging-profiles-criterion-ignored': { peer: 'csms', versions: V201, description: 'Sends GetChargingProfiles with an empty chargingProfile criterion, whatever purpose, stackLevel, source or id it was asked about.' },
  'csms201-report-charging-profiles-tbc-error': { peer: 'csms', versions: V201, description: 'Answers a ReportChargingProfiles with tbc true (a report in parts) by CALLERROR NotImplemented.' },
  'csms201-composite-schedule-without-rate-unit': { peer: 'csms', versions: V201, description: 'Leaves chargingRateUnit out of GetCompositeSchedule, whatever unit it was asked for.' },
} as const satisfies Record<string, FaultInfo>;
