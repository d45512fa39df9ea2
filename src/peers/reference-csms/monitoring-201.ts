import type { Payload } from '../../ocpp/frame.js';
import { RpcError } from '../rpc-errors.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { StationSession } from './session.js';

/**
 * Advanced Device Management of the 2.0.1 reference CSMS (Part 5; OCPP 2.0.1 use cases B08, N02-N08): the requests an
 * operator makes it send (custom report, monitoring report, monitoring base and level, variable monitors, clearing
 * monitors in parts of the station's MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring]) built from operator
 * terms (component, evseId, variable, criteria), and the fault switches of the catalog group on the NotifyEvent answer.
 */
type Params = Record<string, unknown>;
type Request = { action: string; payload: Payload };

let requestCounter = 1000;

/** [{component, evseId?, variable?, instance?}] or one of them given flat: the OCPP componentVariable list. */
function componentVariables(s: StationSession, p: Params): Payload[] | undefined {
  const list = (p.componentVariables as Params[] | undefined) ?? (p.component !== undefined ? [p] : undefined);
  return list?.map((cv) => {
    const component: Payload = { name: String(cv.component) };
    const evseId = cv.evseId === undefined || cv.evseId === null ? undefined : Number(cv.evseId);
    if (evseId !== undefined && !s.faults.has('csms201-report-evse-dropped')) component.evse = { id: evseId };
    const out: Payload = { component };
    if (cv.variable !== undefined) out.variable = cv.instance === undefined ? { name: String(cv.variable) } : { name: String(cv.variable), instance: String(cv.instance) };
    return out;
  });
}

function criteria(p: Params): string[] | undefined {
  if (p.criteria === undefined) return undefined;
  return ([] as unknown[]).concat(p.criteria).map(String);
}

export function getReport201(s: StationSession, p: Params): Request {
  const payload: Payload = { requestId: requestCounter++ };
  const c = criteria(p);
  if (c && !s.faults.has('csms201-report-criteria-dropped')) payload.componentCriteria = c;
  const cv = componentVariables(s, p);
  if (cv) payload.componentVariable = cv;
  return { action: 'GetReport', payload };
}

export function getMonitoringReport201(s: StationSession, p: Params): Request {
  const payload: Payload = { requestId: requestCounter++ };
  const c = criteria(p);
  if (c && !s.faults.has('csms201-report-criteria-dropped')) payload.monitoringCriteria = s.faults.has('csms201-monitoring-criteria-swapped') ? c.map((x) => (x === 'DeltaMonitoring' ? 'ThresholdMonitoring' : x === 'ThresholdMonitoring' ? 'DeltaMonitoring' : x)) : c;
  if (!c && s.faults.has('csms201-monitoring-report-all-criteria')) payload.monitoringCriteria = ['ThresholdMonitoring', 'DeltaMonitoring', 'PeriodicMonitoring'];
  const cv = componentVariables(s, p);
  if (cv) payload.componentVariable = s.faults.has('csms201-monitoring-report-first-component-only') ? cv.slice(0, 1) : cv;
  return { action: 'GetMonitoringReport', payload };
}

export function setMonitoringBase201(s: StationSession, p: Params): Request {
  const base = String(p.monitoringBase ?? 'All');
  return { action: 'SetMonitoringBase', payload: { monitoringBase: s.faults.has('csms201-monitoring-base-always-all') ? 'All' : base } };
}

export function setMonitoringLevel201(s: StationSession, p: Params): Request {
  const severity = Number(p.severity);
  return { action: 'SetMonitoringLevel', payload: { severity: s.faults.has('csms201-monitoring-level-off-by-one') ? severity + 1 : severity } };
}

/** monitors: [{component, evseId?, variable, type, severity, value?}] or one given flat. A Delta monitor's value defaults to 1. */
export function setVariableMonitoring201(s: StationSession, p: Params): Request {
  const all = (p.monitors as Params[] | undefined) ?? [p];
  const list = s.faults.has('csms201-set-monitoring-multiple-first-only') ? all.slice(0, 1) : all;
  const data = list.map((m) => {
    const cv = componentVariables(s, m)![0];
    const type = String(m.type ?? 'Delta');
    const d: Payload = { value: m.value === undefined ? 1 : Number(m.value), type, severity: s.faults.has('csms201-monitor-severity-default') ? 0 : Number(m.severity ?? 8), component: cv.component, variable: cv.variable };
    return d;
  });
  return { action: 'SetVariableMonitoring', payload: { setMonitoringData: data } };
}

/**
 * ClearVariableMonitoring of `ids` (N06): the CSMS first reads MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring]
 * and sends the ids in requests of at most that many (N06.FR.04).
 */
export async function clearVariableMonitoring201(s: StationSession, p: Params): Promise<void> {
  const ids = ([] as unknown[]).concat(p.ids ?? p.id ?? []).map(Number);
  let max = ids.length;
  {
    const got = (await s.call('GetVariables', { getVariableData: [{ component: { name: 'MonitoringCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'ClearVariableMonitoring' } }] })) as { getVariableResult?: Array<{ attributeStatus?: string; attributeValue?: string }> };
    const r = got.getVariableResult?.[0];
    const n = Number(r?.attributeValue);
    if (r?.attributeStatus === 'Accepted' && Number.isInteger(n) && n > 0 && !s.faults.has('csms201-clear-monitoring-not-split')) max = n;
  }
  if (s.faults.has('csms201-clear-monitoring-ids-dropped')) return void (await s.call('ClearVariableMonitoring', { id: [] }));
  for (let i = 0; i < ids.length; i += Math.max(1, max)) await s.call('ClearVariableMonitoring', { id: ids.slice(i, i + Math.max(1, max)) });
}

/** NotifyEvent answers with the catalog group's faults: a CSMS that cannot take periodic or cleared events. */
export function registerMonitoringAnswers201(ep: RpcEndpoint, s: StationSession): void {
  const inner = ep.handlerOf('NotifyEvent');
  if (!inner) return;
  ep.handle('NotifyEvent', (req, ctx) => {
    const events = (req.eventData as Array<{ trigger?: string; cleared?: boolean; actualValue?: string }>) ?? [];
    if (s.faults.has('csms201-notify-event-periodic-error') && events.some((e) => e.trigger === 'Periodic')) throw new RpcError('PropertyConstraintViolation', 'trigger Periodic not expected');
    if (s.faults.has('csms201-notify-event-cleared-error') && events.some((e) => e.cleared === true)) throw new RpcError('PropertyConstraintViolation', 'cleared event without an alert');
    if (s.faults.has('csms201-notify-event-hardwired-error') && events.some((e) => (e as { eventNotificationType?: string }).eventNotificationType === 'HardWiredMonitor')) throw new RpcError('PropertyConstraintViolation', 'no such monitor');
    return inner(req, ctx);
  });
}
