import { parseOcppBoolean, parseWholeNumber, splitList, type StationSettings } from './settings.js';
import { VARIABLE_SPECS, type VariableSpec } from './device-model-data.js';

/**
 * The 2.0.1 device model store: GetVariables / SetVariables / GetBaseReport over the variables of
 * device-model-data.ts, instantiated once per EVSE and connector where the variable says so.
 * Some values are live (availability states, the clock): the station binds a function that computes them.
 */
export interface ComponentRef {
  name: string;
  instance?: string;
  evse?: { id: number; connectorId?: number };
}
export interface VariableRef {
  name: string;
  instance?: string;
}
export interface VariableQuery {
  component: ComponentRef;
  variable: VariableRef;
  attributeType?: string;
}

export type GetStatus = 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType';
export type SetStatus = 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType' | 'RebootRequired';
export type ReportBase = 'ConfigurationInventory' | 'FullInventory' | 'SummaryInventory';

interface Entry {
  spec: VariableSpec;
  evseId?: number;
  connectorId?: number;
  value: string;
}

type LiveValue = (evseId: number | undefined) => string;

export class DeviceModel {
  private readonly entries: Entry[] = [];
  private readonly live = new Map<string, LiveValue>();
  /** Called after a successful SetVariables, so the station can react (restart the heartbeat ...). */
  onChange: (component: string, variable: string, value: string) => void = () => undefined;

  constructor(evseCount: number, overrides: Record<string, string> = {}) {
    for (const spec of VARIABLE_SPECS) {
      if (spec.scope === undefined) this.entries.push({ spec, value: spec.value });
      else for (let evseId = 1; evseId <= evseCount; evseId++) this.entries.push({ spec, evseId, connectorId: spec.scope === 'connector' ? 1 : undefined, value: spec.value });
    }
    for (const [name, value] of Object.entries(overrides)) {
      const matches = this.entries.filter((e) => overrideName(e.spec) === name || `${e.spec.component}.${e.spec.variable}` === name);
      if (matches.length === 0) throw new Error(`unknown 2.0.1 device model variable "${name}" (write Component.Variable or Component.Variable[Instance])`);
      for (const e of matches) e.value = value;
    }
  }

  /** Makes a variable's value computed on read (for every EVSE / connector instance). */
  bindLive(component: string, variable: string, fn: LiveValue): void {
    this.live.set(`${component}.${variable}`, fn);
  }

  /** The value of a station-wide variable (or of the first instance), for the station's own logic. */
  value(component: string, variable: string, instance?: string): string | undefined {
    const e = this.entries.find((x) => x.spec.component === component && x.spec.variable === variable && x.spec.instance === instance);
    return e && this.read(e);
  }

  /** For the station itself (e.g. the heartbeat interval from the BootNotification response). */
  setInternal(component: string, variable: string, value: string, instance?: string): void {
    for (const e of this.entries) if (e.spec.component === component && e.spec.variable === variable && e.spec.instance === instance) e.value = value;
  }

  get(q: VariableQuery): { status: GetStatus; value?: string } {
    const found = this.lookup(q);
    if ('status' in found) return found;
    if (found.entry.spec.mutability === 'WriteOnly') return { status: 'Rejected' };
    return { status: 'Accepted', value: this.read(found.entry) };
  }

  /** SetVariables for one item. `allowReadonly` is the fault switch that claims success on read-only variables. */
  set(q: VariableQuery, value: string, allowReadonly = false): SetStatus {
    const found = this.lookup(q);
    if ('status' in found) return found.status;
    const { spec } = found.entry;
    if (spec.mutability === 'ReadOnly') return allowReadonly ? 'Accepted' : 'Rejected';
    if (!isValidValue(spec, value)) return 'Rejected';
    found.entry.value = value;
    this.onChange(spec.component, spec.variable, value);
    return spec.rebootRequired ? 'RebootRequired' : 'Accepted';
  }

  /** The reportData items of GetBaseReport, in a stable order. */
  report(base: ReportBase): object[] {
    const pick = (e: Entry) => (base === 'FullInventory' ? true : base === 'ConfigurationInventory' ? e.spec.mutability !== 'ReadOnly' : e.spec.variable === 'AvailabilityState' || e.spec.variable === 'Available');
    return this.entries.filter(pick).map((e) => this.reportItem(e));
  }

  settings(): StationSettings {
    const int = (c: string, v: string, i?: string) => parseWholeNumber(this.value(c, v, i) ?? '0') ?? 0;
    const bool = (c: string, v: string) => parseOcppBoolean(this.value(c, v) ?? 'false') ?? false;
    return {
      heartbeatInterval: () => int('OCPPCommCtrlr', 'HeartbeatInterval'),
      setHeartbeatInterval: (s) => this.setInternal('OCPPCommCtrlr', 'HeartbeatInterval', String(s)),
      meterSampleInterval: () => int('SampledDataCtrlr', 'TxUpdatedInterval'),
      sampledMeasurands: () => splitList(this.value('SampledDataCtrlr', 'TxUpdatedMeasurands') ?? ''),
      connectionTimeOut: () => int('TxCtrlr', 'EVConnectionTimeOut'),
      stopTxOnEVSideDisconnect: () => bool('TxCtrlr', 'StopTxOnEVSideDisconnect'),
      stopTxOnInvalidId: () => bool('TxCtrlr', 'StopTxOnInvalidId'),
      localPreAuthorize: () => bool('AuthCtrlr', 'LocalPreAuthorize'),
      localAuthorizeOffline: () => bool('AuthCtrlr', 'LocalAuthorizeOffline'),
      offlineTxForUnknownId: () => bool('AuthCtrlr', 'OfflineTxForUnknownIdEnabled'),
      authorizeRemoteStart: () => bool('AuthCtrlr', 'AuthorizeRemoteStart'),
      authCacheEnabled: () => bool('AuthCacheCtrlr', 'Enabled'),
      localAuthListEnabled: () => bool('LocalAuthListCtrlr', 'Enabled'),
      reserveStationSupported: () => bool('ReservationCtrlr', 'NonEvseSpecific'),
      txStartPoints: () => splitList(this.value('TxCtrlr', 'TxStartPoint') ?? ''),
      txStopPoints: () => splitList(this.value('TxCtrlr', 'TxStopPoint') ?? ''),
      itemsPerMessage: (kind) => int('DeviceDataCtrlr', 'ItemsPerMessage', kind) || 20,
    };
  }

  private read(e: Entry): string {
    const fn = this.live.get(`${e.spec.component}.${e.spec.variable}`);
    return fn ? fn(e.evseId) : e.value;
  }

  private lookup(q: VariableQuery): { entry: Entry } | { status: 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType' } {
    const c = q.component;
    const ofComponent = this.entries.filter(
      (e) =>
        e.spec.component === c.name &&
        c.instance === undefined &&
        e.evseId === c.evse?.id &&
        // A connector-scoped variable needs the connector; the EVSE's own variables must not name one.
        (e.connectorId === undefined ? c.evse?.connectorId === undefined : e.connectorId === c.evse?.connectorId),
    );
    if (ofComponent.length === 0) return { status: 'UnknownComponent' };
    const entry = ofComponent.find((e) => e.spec.variable === q.variable.name && e.spec.instance === q.variable.instance);
    if (!entry) return { status: 'UnknownVariable' };
    if ((q.attributeType ?? 'Actual') !== 'Actual') return { status: 'NotSupportedAttributeType' };
    return { entry };
  }

  private reportItem(e: Entry): object {
    const component: ComponentRef = { name: e.spec.component };
    if (e.evseId !== undefined) component.evse = e.connectorId !== undefined ? { id: e.evseId, connectorId: e.connectorId } : { id: e.evseId };
    const variable: VariableRef = { name: e.spec.variable };
    if (e.spec.instance) variable.instance = e.spec.instance;
    const attribute: Record<string, unknown> = { type: 'Actual', mutability: e.spec.mutability, persistent: true, constant: false };
    if (e.spec.mutability !== 'WriteOnly') attribute.value = this.read(e);
    const characteristics: Record<string, unknown> = { dataType: e.spec.dataType, supportsMonitoring: false };
    if (e.spec.unit) characteristics.unit = e.spec.unit;
    if (e.spec.valuesList) characteristics.valuesList = e.spec.valuesList;
    return { component, variable, variableAttribute: [attribute], variableCharacteristics: characteristics };
  }
}

function overrideName(spec: VariableSpec): string {
  return `${spec.component}.${spec.variable}${spec.instance ? `[${spec.instance}]` : ''}`;
}

function isValidValue(spec: VariableSpec, value: string): boolean {
  if (value.length > 1000) return false;
  const allowed = spec.valuesList ? splitList(spec.valuesList) : undefined;
  switch (spec.dataType) {
    case 'integer':
      return /^-?\d+$/.test(value.trim());
    case 'decimal':
      return value.trim() !== '' && Number.isFinite(Number(value));
    case 'boolean':
      return parseOcppBoolean(value) !== undefined;
    case 'dateTime':
      // An RFC 3339 date-time, as OCPP 2.0.1 prescribes for dateTime, not whatever Date.parse accepts ("300" would be the year 300).
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value.trim()) && !Number.isNaN(Date.parse(value));
    case 'OptionList':
      return !allowed || allowed.includes(value.trim());
    case 'MemberList':
    case 'SequenceList':
      // A measurand list may be empty: nothing is sampled (Part 6 configures e.g. AlignedDataTxEndedMeasurands "").
      if (value.trim() === '' && spec.variable.endsWith('Measurands')) return true;
      return !allowed || (splitList(value).length > 0 && splitList(value).every((m) => allowed.includes(m)));
    case 'string':
      return true;
  }
}
