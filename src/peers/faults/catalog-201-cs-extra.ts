import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 charging station cases outside the Part 5 certification tables, and the last Reservation and Advanced User Interface ones. */
export const CATALOG_201_CS_EXTRA_FAULTS = {
  'reservation-201-lost-on-reboot': { peer: 'cs', versions: V201, description: 'Forgets its reservations when it reboots: after a Reset the reserved connector comes back Available.' },
  'auth-cache-201-group-not-cached': { peer: 'cs', versions: V201, description: 'Authorizes from its cache or local list without the groupIdToken it was given: a cached master pass idToken is not recognised as one (it neither stops a transaction nor is refused a start).' },
  'monitor-threshold-on-text-accepted': { peer: 'cs', versions: V201, description: 'Accepts (and stores) an UpperThreshold or LowerThreshold monitor on a variable that is not numeric (EVSE AvailabilityState) instead of answering UnsupportedMonitorType.' },
  'charging-profile-custom-data-rejected': { peer: 'cs', versions: V201, description: 'Refuses a SetChargingProfile whose charging profile (or a schedule period) carries customData with a CALLERROR FormatViolation, as a parser without customData in the schema would.' },
  'customer-information-no-reference-accepted': { peer: 'cs', versions: V201, description: 'Answers a CustomerInformation request that names no customer (no idToken, customerCertificate or customerIdentifier) Accepted, instead of Invalid.' },
  'no-smart-charging-profile-rejected': { peer: 'cs', versions: V201, description: 'A station without Smart Charging answers SetChargingProfile with a CALLRESULT Rejected instead of the CALLERROR NotSupported.' },
  'display-message-201-any-state': { peer: 'cs', versions: V201, description: 'Accepts a display message with a state the display does not support, instead of answering NotSupportedState.' },
  'report-unsupported-criterion-accepted': { peer: 'cs', versions: V201, description: 'Answers a GetReport with a componentCriteria value it does not support Accepted (ignoring that criterion) instead of NotSupported.' },
  'monitor-report-unsupported-criterion-accepted': { peer: 'cs', versions: V201, description: 'Answers a GetMonitoringReport with a monitoringCriteria value it does not support as if it did, instead of NotSupported.' },
  'monitoring-base-unsupported-accepted': { peer: 'cs', versions: V201, description: 'Answers SetMonitoringBase with a base it does not support Accepted instead of NotSupported.' },
  'log-without-information-accepted': { peer: 'cs', versions: V201, description: 'Answers GetLog Accepted (and uploads an empty file) for a log type of which it has no information, instead of Rejected.' },
  'external-limit-not-reported': { peer: 'cs', versions: V201, description: 'Keeps a charging limit from an external system outside its charging profiles: GetChargingProfiles for ChargingStationExternalConstraints finds nothing.' },
} as const satisfies Record<string, FaultInfo>;
