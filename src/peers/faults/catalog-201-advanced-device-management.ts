import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 Advanced Device Management (B and N cases of the profile: monitoring, reports, customization), both roles. */
export const CATALOG_201_ADVANCED_DEVICE_MANAGEMENT_FAULTS = {
  'monitor-delta-numeric-not-triggered': { peer: 'cs', versions: V201, description: 'A Delta monitor on a numeric variable (EVSE Power) never triggers a NotifyEvent.' },
  'monitors-lost-on-reboot': { peer: 'cs', versions: V201, description: 'Forgets its variable monitors when it reboots.' },
  'monitor-delta-text-not-triggered': { peer: 'cs', versions: V201, description: 'A Delta monitor on a non-numeric variable (AvailabilityState) never triggers a NotifyEvent.' },
  'monitor-periodic-not-sent': { peer: 'cs', versions: V201, description: 'Periodic and PeriodicClockAligned monitors send no NotifyEvent.' },
  'monitor-report-component-without-variable-ignored': { peer: 'cs', versions: V201, description: 'A GetMonitoringReport componentVariable without a variable selects nothing (instead of every monitor of the component).' },
  'monitor-unknown-evse-accepted': { peer: 'cs', versions: V201, description: 'Accepts (with an id) a monitor on a component of an EVSE the station does not have.' },
  'monitor-unknown-variable-rejected': { peer: 'cs', versions: V201, description: 'Answers a monitor on a variable no component has Rejected instead of UnknownVariable.' },
  'monitor-duplicate-ignores-severity': { peer: 'cs', versions: V201, description: 'Answers Duplicate for a second monitor of the same type on the same variable even when its severity differs.' },
  'monitor-clear-unknown-accepted': { peer: 'cs', versions: V201, description: 'Answers ClearVariableMonitoring Accepted for a monitor id it does not have (instead of NotFound).' },
  'monitoring-base-hardwired-only-unsupported': { peer: 'cs', versions: V201, description: 'Answers SetMonitoringBase HardWiredOnly NotSupported.' },
  'monitor-not-stored': { peer: 'cs', versions: V201, description: 'Answers SetVariableMonitoring Accepted with an id but keeps no monitor: it is neither reported nor triggered.' },
  'monitor-duplicate-accepted': { peer: 'cs', versions: V201, description: 'Accepts a second monitor of the same type and severity on the same component and variable instead of answering Duplicate.' },
  'monitor-negative-delta-accepted': { peer: 'cs', versions: V201, description: 'Accepts a Delta monitor with a negative value.' },
  'monitor-threshold-range-unchecked': { peer: 'cs', versions: V201, description: 'Accepts a threshold monitor whose value lies outside the variable\'s range (above maxLimit).' },
  'monitor-wrong-component-unknown-variable': { peer: 'cs', versions: V201, description: 'A monitor on a variable that exists only on other components is answered UnknownVariable instead of Rejected.' },
  'monitor-replace-ignored': { peer: 'cs', versions: V201, description: 'A SetVariableMonitoring with the id of an existing monitor is answered Accepted but the monitor keeps its old settings.' },
  'monitor-clear-not-removed': { peer: 'cs', versions: V201, description: 'Answers ClearVariableMonitoring Accepted but keeps the monitor.' },
  'monitoring-base-keeps-custom': { peer: 'cs', versions: V201, description: 'SetMonitoringBase FactoryDefault / HardWiredOnly keeps the custom monitors.' },
  'monitoring-level-range-unchecked': { peer: 'cs', versions: V201, description: 'Accepts a SetMonitoringLevel severity outside 0-9.' },
  'monitoring-level-ignored': { peer: 'cs', versions: V201, description: 'Sends the events of monitors whose severity is above the monitoring level set with SetMonitoringLevel.' },
  'monitor-report-criteria-ignored': { peer: 'cs', versions: V201, description: 'GetMonitoringReport ignores monitoringCriteria: reports monitors of every type.' },
  'monitor-threshold-no-cleared': { peer: 'cs', versions: V201, description: 'A threshold monitor whose value returns within the threshold sends no event with cleared true.' },
  'report-criteria-all-variables': { peer: 'cs', versions: V201, description: 'A GetReport with componentCriteria alone reports every variable of the components that meet the criterion, not only the criterion variable.' },
  'report-criteria-ignored': { peer: 'cs', versions: V201, description: 'A GetReport with componentCriteria and componentVariable ignores the criteria: reports the selected variables whatever the components\' Active / Available / Enabled / Problem value.' },
  'report-component-evse-ignored': { peer: 'cs', versions: V201, description: 'A GetReport componentVariable naming an EVSE reports the variable of every EVSE.' },
  'report-component-evse-first-only': { peer: 'cs', versions: V201, description: 'A GetReport componentVariable without evse reports only EVSE 1\'s instance, not every EVSE.' },
  'report-variable-instance-required': { peer: 'cs', versions: V201, description: 'A GetReport componentVariable without variable instance matches only variables that have no instance (ItemsPerMessage[GetReport] etc. are left out).' },
  'report-variable-instance-ignored': { peer: 'cs', versions: V201, description: 'A GetReport componentVariable naming a variable instance reports every instance of the variable.' },
} as const satisfies Record<string, FaultInfo>;
