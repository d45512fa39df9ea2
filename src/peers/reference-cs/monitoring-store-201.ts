import type { Payload } from '../../ocpp/frame.js';
import type { ComponentRef, DeviceModel, VariableRef } from './device-model.js';
import { VARIABLE_SPECS } from './device-model-data.js';

/**
 * The variable monitors of the 2.0.1 reference station (OCPP 2.0.1 Part 2 §N, use cases N02-N07; Part 5 Advanced
 * Device Management): what SetVariableMonitoring accepts, the monitors it keeps (over reboots: they live as long as the
 * station object), monitoring base and level, and the monitoring report. The events they raise are monitoring-201.ts.
 */
export type MonitorType = 'UpperThreshold' | 'LowerThreshold' | 'Delta' | 'Periodic' | 'PeriodicClockAligned';
export type MonitorKind = 'HardWiredMonitor' | 'PreconfiguredMonitor' | 'CustomMonitor';

export interface Monitor {
  id: number;
  component: ComponentRef;
  variable: VariableRef;
  type: MonitorType;
  value: number;
  severity: number;
  transaction: boolean;
  kind: MonitorKind;
  /** Event state: the value last reported (Delta), whether the threshold is exceeded now, when Periodic is due next. */
  reference?: string;
  exceeded?: boolean;
  dueAt?: number;
}

interface Faults {
  has(name: string): boolean;
}

/** Numeric variables that can be monitored, with the range a threshold must stay in (N04.FR.13). */
const NUMERIC: Record<string, { min: number; max: number }> = {
  'EVSE.Power': { min: 0, max: Number(VARIABLE_SPECS.find((s) => s.component === 'EVSE' && s.variable === 'Power')?.value ?? 22000) },
  // a configuration variable that changes only by SetVariables (Part 6 TC_N_61_CS)
  'OCPPCommCtrlr.OfflineThreshold': { min: 0, max: 86_400 },
};
/** Non-numeric variables that can be monitored (Delta: any change; Periodic). */
const TEXTUAL = new Set(['ChargingStation.AvailabilityState', 'EVSE.AvailabilityState', 'Connector.AvailabilityState', 'SecurityCtrlr.BasicAuthPassword']);

const CRITERIA: Record<string, MonitorType[]> = {
  ThresholdMonitoring: ['UpperThreshold', 'LowerThreshold'],
  DeltaMonitoring: ['Delta'],
  PeriodicMonitoring: ['Periodic', 'PeriodicClockAligned'],
};

export class MonitorStore {
  monitors: Monitor[] = [];
  level = 9;
  base: 'All' | 'FactoryDefault' | 'HardWiredOnly' = 'All';
  eventId = 0;
  private nextId = 1;

  /** The monitors as the factory set them: restored by SetMonitoringBase FactoryDefault (N03.FR.04). */
  private readonly factory: Monitor[];

  constructor(
    private readonly dm: DeviceModel,
    private readonly faults: Faults,
    factory: Monitor[] = [],
  ) {
    this.factory = factory.map((m) => ({ ...m }));
    this.monitors = factory.map((m) => ({ ...m }));
    this.nextId = Math.max(0, ...factory.map((m) => m.id)) + 1;
  }

  /** One SetVariableMonitoring item (N04). */
  set(d: Payload): Payload {
    const component = d.component as ComponentRef;
    const variable = d.variable as VariableRef;
    const type = d.type as MonitorType;
    const severity = d.severity as number;
    const value = d.value as number;
    const result = (status: string, reasonCode?: string, id?: number): Payload => {
      const r: Payload = { status, type, severity, component, variable };
      if (id !== undefined) r.id = id;
      if (reasonCode) r.statusInfo = { reasonCode };
      return r;
    };
    const found = this.dm.get({ component, variable });
    if (found.status === 'UnknownComponent') {
      if (component.evse !== undefined && this.faults.has('monitor-unknown-evse-accepted')) return result('Accepted', undefined, this.nextId++);
      return result('UnknownComponent', 'NotFound');
    }
    if (found.status === 'UnknownVariable') {
      // A variable of another component named here (N04.FR.16): Rejected; a name no component has: UnknownVariable.
      const elsewhere = VARIABLE_SPECS.some((s) => s.variable === variable.name);
      if (this.faults.has('monitor-unknown-variable-rejected')) return result('Rejected', 'NotFound');
      return elsewhere && !this.faults.has('monitor-wrong-component-unknown-variable') ? result('Rejected', 'InvalidValue') : result('UnknownVariable', 'NotFound');
    }
    const key = `${component.name}.${variable.name}`;
    const numeric = NUMERIC[key];
    if (!numeric && !TEXTUAL.has(key)) return result('Rejected', 'UnsupportedParam');
    if (!numeric && (type === 'UpperThreshold' || type === 'LowerThreshold') && !this.faults.has('monitor-threshold-on-text-accepted')) return result('UnsupportedMonitorType', 'UnsupportedParam');
    if (severity < 0 || severity > 9) return result('Rejected', 'ValueOutOfRange');
    if (type === 'Delta' && value < 0 && !this.faults.has('monitor-negative-delta-accepted')) return result('Rejected', 'ValuePositiveOnly');
    if ((type === 'Periodic' || type === 'PeriodicClockAligned') && value <= 0) return result('Rejected', 'ValuePositiveOnly');
    if (numeric && (type === 'UpperThreshold' || type === 'LowerThreshold') && (value < numeric.min || value > numeric.max) && !this.faults.has('monitor-threshold-range-unchecked')) return result('Rejected', 'ValueOutOfRange');
    const same = (m: Monitor) => sameComponent(m.component, component) && m.variable.name === variable.name && (m.variable.instance ?? undefined) === (variable.instance ?? undefined);
    const transaction = (d.transaction as boolean | undefined) ?? false;
    if (d.id !== undefined) {
      // Replaces the monitor with that id (N04.FR.12); a preconfigured one becomes what the CSMS set until FactoryDefault.
      const m = this.monitors.find((x) => x.id === d.id);
      if (!m || !same(m) || m.kind === 'HardWiredMonitor') return result('Rejected', 'NotFound');
      if (!this.faults.has('monitor-replace-ignored')) Object.assign(m, { type, value, severity, transaction, reference: undefined, exceeded: undefined, dueAt: undefined });
      return result('Accepted', undefined, m.id);
    }
    const ignoreSeverity = this.faults.has('monitor-duplicate-ignores-severity');
    if (this.monitors.some((m) => same(m) && m.type === type && (m.severity === severity || ignoreSeverity)) && !this.faults.has('monitor-duplicate-accepted')) return result('Duplicate', 'InvalidValue');
    const id = this.nextId++;
    if (!this.faults.has('monitor-not-stored')) this.monitors.push({ id, component: stripComponent(component), variable, type, value, severity, transaction, kind: 'CustomMonitor' });
    return result('Accepted', undefined, id);
  }

  /** ClearVariableMonitoring (N06). */
  clear(ids: number[]): Payload[] {
    return ids.map((id) => {
      const m = this.monitors.find((x) => x.id === id);
      if (!m) return this.faults.has('monitor-clear-unknown-accepted') ? { id, status: 'Accepted' } : { id, status: 'NotFound', statusInfo: { reasonCode: 'NotFound' } };
      if (m.kind === 'HardWiredMonitor' && !this.faults.has('monitor-hardwired-clearable')) return { id, status: 'Rejected', statusInfo: { reasonCode: 'ReadOnly' } };
      if (!this.faults.has('monitor-clear-not-removed')) this.monitors = this.monitors.filter((x) => x !== m);
      return { id, status: 'Accepted' };
    });
  }

  /** SetMonitoringBase (N03): custom monitors go with FactoryDefault and HardWiredOnly (N03.FR.05). */
  setBase(base: 'All' | 'FactoryDefault' | 'HardWiredOnly'): void {
    this.base = base;
    if (base !== 'All' && !this.faults.has('monitoring-base-keeps-custom')) this.monitors = this.monitors.filter((m) => m.kind !== 'CustomMonitor');
    if (base === 'FactoryDefault' && !this.faults.has('monitoring-factory-default-not-restored')) {
      this.monitors = this.monitors.filter((m) => m.kind === 'CustomMonitor' || !this.factory.some((f) => f.id === m.id));
      this.monitors.unshift(...this.factory.map((m) => ({ ...m })));
    }
  }

  /** SetMonitoringLevel (N05): 0-9. */
  setLevel(severity: number): boolean {
    if (severity < 0 || severity > 9) return this.faults.has('monitoring-level-range-unchecked');
    this.level = severity;
    return true;
  }

  /** The monitors in force (a preconfigured one is off under HardWiredOnly). */
  active(): Monitor[] {
    return this.monitors.filter((m) => m.kind !== 'PreconfiguredMonitor' || this.base !== 'HardWiredOnly');
  }

  /** The monitor entries of GetMonitoringReport (N02), one per component/variable; undefined: unsupported criterion. */
  report(criteria: string[] | undefined, selectors: Array<{ component: ComponentRef; variable?: VariableRef }> | undefined): Payload[] | undefined {
    if (criteria?.some((c) => !CRITERIA[c])) return undefined;
    const types = criteria?.length && !this.faults.has('monitor-report-criteria-ignored') ? criteria.flatMap((c) => CRITERIA[c]) : undefined;
    const wholeComponent = !this.faults.has('monitor-report-component-without-variable-ignored');
    const picked = this.active().filter((m) => (!types || types.includes(m.type)) && (!selectors?.length || selectors.some((s) => (s.variable !== undefined || wholeComponent) && selects(s, m))));
    const groups = new Map<string, Payload>();
    for (const m of picked) {
      const key = JSON.stringify([m.component, m.variable]);
      const g = groups.get(key) ?? { component: m.component, variable: m.variable, variableMonitoring: [] };
      (g.variableMonitoring as Payload[]).push({ id: m.id, transaction: m.transaction, value: m.value, type: m.type, severity: m.severity });
      groups.set(key, g);
    }
    return [...groups.values()];
  }
}

function stripComponent(c: ComponentRef): ComponentRef {
  const out: ComponentRef = { name: c.name };
  if (c.instance !== undefined) out.instance = c.instance;
  if (c.evse !== undefined) out.evse = c.evse.connectorId !== undefined ? { id: c.evse.id, connectorId: c.evse.connectorId } : { id: c.evse.id };
  return out;
}

function sameComponent(a: ComponentRef, b: ComponentRef): boolean {
  return a.name === b.name && (a.instance ?? undefined) === (b.instance ?? undefined) && a.evse?.id === b.evse?.id && a.evse?.connectorId === b.evse?.connectorId;
}

/** A componentVariable selects the monitors of that component (every EVSE when it names none) and variable (all when absent). */
function selects(s: { component: ComponentRef; variable?: VariableRef }, m: Monitor): boolean {
  if (s.component.name !== m.component.name || (s.component.instance ?? undefined) !== (m.component.instance ?? undefined)) return false;
  if (s.component.evse !== undefined && (s.component.evse.id !== m.component.evse?.id || (s.component.evse.connectorId !== undefined && s.component.evse.connectorId !== m.component.evse?.connectorId))) return false;
  if (!s.variable) return true;
  return s.variable.name === m.variable.name && (s.variable.instance === undefined || s.variable.instance === m.variable.instance);
}
