import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 Advanced Device Management (B and N cases of the profile: monitoring, reports, customization), both roles. */
export const CATALOG_201_ADVANCED_DEVICE_MANAGEMENT_FAULTS = {
  'report-criteria-all-variables': { peer: 'cs', versions: V201, description: 'A GetReport with componentCriteria alone reports every variable of the components that meet the criterion, not only the criterion variable.' },
  'report-criteria-ignored': { peer: 'cs', versions: V201, description: 'A GetReport with componentCriteria and componentVariable ignores the criteria: reports the selected variables whatever the components\' Active / Available / Enabled / Problem value.' },
  'report-component-evse-ignored': { peer: 'cs', versions: V201, description: 'A GetReport componentVariable naming an EVSE reports the variable of every EVSE.' },
  'report-component-evse-first-only': { peer: 'cs', versions: V201, description: 'A GetReport componentVariable without evse reports only EVSE 1\'s instance, not every EVSE.' },
  'report-variable-instance-required': { peer: 'cs', versions: V201, description: 'A GetReport componentVariable without variable instance matches only variables that have no instance (ItemsPerMessage[GetReport] etc. are left out).' },
  'report-variable-instance-ignored': { peer: 'cs', versions: V201, description: 'A GetReport componentVariable naming a variable instance reports every instance of the variable.' },
} as const satisfies Record<string, FaultInfo>;
