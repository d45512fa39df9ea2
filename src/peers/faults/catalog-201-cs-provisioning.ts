import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, charging station under test, B Provisioning. */
export const CATALOG_201_CS_PROVISIONING_FAULTS = {
  'set-variable-not-stored': { peer: 'cs', versions: V201, description: 'Answers SetVariables Accepted but keeps the old value (GetVariables still reports it).' },
  'set-variable-reboot-required': { peer: 'cs', versions: V201, description: 'Answers RebootRequired to every accepted SetVariables, also for variables that take effect at once.' },
  'unknown-component-as-unknown-variable': { peer: 'cs', versions: V201, description: 'Answers GetVariables / SetVariables for an unknown component with UnknownVariable instead of UnknownComponent.' },
  'unknown-variable-rejected': { peer: 'cs', versions: V201, description: 'Answers GetVariables / SetVariables for an unknown variable with Rejected instead of UnknownVariable.' },
  'attribute-type-ignored': { peer: 'cs', versions: V201, description: 'Treats every attributeType of GetVariables / SetVariables as Actual instead of answering NotSupportedAttributeType.' },
  'configuration-inventory-includes-readonly': { peer: 'cs', versions: V201, description: 'Reports read-only variables too in a ConfigurationInventory base report.' },
  'report-values-list-missing': { peer: 'cs', versions: V201, description: 'Leaves valuesList out of the variableCharacteristics of OptionList / SequenceList / MemberList variables in NotifyReport.' },
  'report-writeonly-value': { peer: 'cs', versions: V201, description: 'Reports the value of WriteOnly variables (e.g. SecurityCtrlr.BasicAuthPassword) in NotifyReport.' },
  'report-seqno-not-incremented': { peer: 'cs', versions: V201, description: 'Sends every NotifyReport part of a report with seqNo 0.' },
  'rejected-boot-answers-requests': { peer: 'cs', versions: V201, description: 'Answers CSMS requests normally while its BootNotification is Rejected, instead of with a CALLERROR SecurityError.' },
  'pending-boot-accepts-remote-start': { peer: 'cs', versions: V201, description: 'Accepts RequestStartTransaction / RequestStopTransaction while its BootNotification is Pending.' },
  'reset-onidle-not-scheduled': { peer: 'cs', versions: V201, description: 'Answers Reset OnIdle during a transaction Accepted and reboots at once, ending the transaction, instead of Scheduled.' },
  'set-variable-format-unchecked': { peer: 'cs', versions: V201, description: 'Answers SetVariables Accepted for a value it cannot take (wrong format for the data type), without storing it, instead of Rejected.' },
  'offline-threshold-ignored': { peer: 'cs', versions: V201, description: 'Back online after longer than OfflineThreshold, reports only the connectors whose status changed instead of every connector.' },
  'offline-status-change-not-reported': { peer: 'cs', versions: V201, description: 'Back online, does not report a connector status that changed while it was offline.' },
  'network-profile-any-slot-accepted': { peer: 'cs', versions: V201, description: 'Answers SetNetworkProfile Accepted for any configurationSlot, also one it does not have (e.g. 999).' },
  'network-priority-change-rejected': { peer: 'cs', versions: V201, description: 'Rejects every SetVariables of OCPPCommCtrlr.NetworkConfigurationPriority, so a new network profile can never be put to use.' },
} as const satisfies Record<string, FaultInfo>;
