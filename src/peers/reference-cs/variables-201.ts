import type { Payload } from '../../ocpp/frame.js';
import type { DeviceModel, GetStatus, ReportBase, SetStatus, VariableQuery } from './device-model.js';

/**
 * GetVariables / SetVariables of the 2.0.1 station (OCPP 2.0.1 Part 2, use cases B05 and B06): one result per
 * requested item, echoing its component, variable and attributeType, with the fault switches of the B Provisioning
 * catalog group applied on top of the device model's answer.
 */
interface Faults {
  has(name: string): boolean;
}

function faulty<S extends GetStatus | SetStatus>(status: S, faults: Faults): S {
  if (status === 'UnknownComponent' && faults.has('unknown-component-as-unknown-variable')) return 'UnknownVariable' as S;
  if (status === 'UnknownVariable' && faults.has('unknown-variable-rejected')) return 'Rejected' as S;
  return status;
}

function asQueried(q: VariableQuery, faults: Faults): VariableQuery {
  return faults.has('attribute-type-ignored') ? { ...q, attributeType: undefined } : q;
}

export function getVariables(dm: DeviceModel, faults: Faults, items: VariableQuery[]): Payload {
  return {
    getVariableResult: items.map((q) => {
      const r = dm.get(asQueried(q, faults));
      const result: Payload = { attributeStatus: faulty(r.status, faults), attributeType: q.attributeType ?? 'Actual', component: q.component, variable: q.variable };
      if (r.value !== undefined) result.attributeValue = r.value;
      return result;
    }),
  };
}

export function setVariables(dm: DeviceModel, faults: Faults, items: Array<VariableQuery & { attributeValue: string }>): Payload {
  const allowReadonly = faults.has('readonly-config-accepted');
  return {
    setVariableResult: items.map((q) => {
      if (faults.has('network-priority-change-rejected') && q.component.name === 'OCPPCommCtrlr' && q.variable.name === 'NetworkConfigurationPriority') return { attributeType: q.attributeType ?? 'Actual', attributeStatus: 'Rejected', component: q.component, variable: q.variable };
      const before = faults.has('set-variable-not-stored') ? dm.get(q) : undefined;
      let status = faulty(dm.set(asQueried(q, faults), q.attributeValue, allowReadonly), faults);
      if (status === 'Accepted' && before?.value !== undefined) dm.set(q, before.value, true);
      if (status === 'Accepted' && faults.has('set-variable-reboot-required')) status = 'RebootRequired';
      if (status === 'Rejected' && faults.has('set-variable-format-unchecked')) status = 'Accepted';
      return { attributeType: q.attributeType ?? 'Actual', attributeStatus: status, component: q.component, variable: q.variable };
    }),
  };
}

type ReportItem = { component: { name: string }; variable: { name: string; instance?: string }; variableAttribute: Array<{ mutability?: string; value?: string }>; variableCharacteristics: { valuesList?: string } };

/** The reportData of GetBaseReport (use case B07), with the report fault switches applied. */
export function baseReport(dm: DeviceModel, faults: Faults, base: ReportBase): object[] {
  const wide = base === 'ConfigurationInventory' && faults.has('configuration-inventory-includes-readonly');
  const items = dm.report(wide ? 'FullInventory' : base) as ReportItem[];
  for (const item of items) {
    if (faults.has('report-values-list-missing')) delete item.variableCharacteristics.valuesList;
    const attribute = item.variableAttribute[0];
    if (faults.has('report-writeonly-value') && attribute.mutability === 'WriteOnly') attribute.value = dm.value(item.component.name, item.variable.name, item.variable.instance) ?? '';
  }
  return items;
}
