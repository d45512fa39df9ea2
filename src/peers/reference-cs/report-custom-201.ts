import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { Station } from './station.js';
import { baseReport } from './variables-201.js';

/**
 * GetReport, the custom report of OCPP 2.0.1 use case B08 (Part 5: Advanced Device Management). The station reports
 * the variables the request selects, in NotifyReport parts like the base report:
 * - componentVariable: a component without evse means every EVSE (and connector) instance of it, a variable without
 *   instance every instance of it, a componentVariable without variable every variable of the component;
 * - componentCriteria (Active, Available, Enabled, Problem): only components whose variable of that name is "true";
 *   with componentCriteria alone, that criterion variable of each such component is what is reported;
 * - both: the selected variables of the components that meet a criterion (B08.FR.05).
 * Nothing selected: EmptyResultSet, and no report.
 */
interface Item {
  component: { name: string; instance?: string; evse?: { id: number; connectorId?: number } };
  variable: { name: string; instance?: string };
  variableAttribute: Array<{ value?: string }>;
}
interface Selector {
  component: { name: string; instance?: string; evse?: { id: number; connectorId?: number } };
  variable?: { name: string; instance?: string };
}

const CRITERIA = ['Active', 'Available', 'Enabled', 'Problem'];

export function registerReportCustom201(ep: RpcEndpoint, st: Station): void {
  ep.handle('GetReport', (req, ctx) => {
    const dm = st.deviceModel;
    if (!dm) return { status: 'Rejected' };
    const criteria = (req.componentCriteria as string[] | undefined) ?? [];
    const unsupported = (c: string) => !st.opts.reportCriteria.includes(c) && !st.faults.has('report-unsupported-criterion-accepted');
    if (criteria.some((c) => !CRITERIA.includes(c) || unsupported(c))) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
    const data = customReport(baseReport(dm, st.faults, 'FullInventory') as Item[], criteria, req.componentVariable as Selector[] | undefined, st.faults);
    if (data.length === 0) return { status: 'EmptyResultSet', statusInfo: { reasonCode: 'NotFound' } };
    ctx.afterReply(() => sendParts(st, req.requestId as number, data));
    return { status: 'Accepted' };
  });
}

interface Faults {
  has(name: string): boolean;
}

function componentKey(c: Item['component']): string {
  return `${c.name}|${c.instance ?? ''}|${c.evse?.id ?? ''}|${c.evse?.connectorId ?? ''}`;
}

export function customReport(items: Item[], criteria: string[], selectors: Selector[] | undefined, faults: Faults): Item[] {
  const meets = new Set<string>();
  for (const it of items) {
    if (criteria.includes(it.variable.name) && it.variable.instance === undefined && it.variableAttribute[0]?.value === 'true') meets.add(componentKey(it.component));
  }
  const byCriteria = (it: Item) => criteria.length === 0 || (faults.has('report-criteria-ignored') && selectors?.length) || meets.has(componentKey(it.component));
  if (!selectors || selectors.length === 0) {
    if (faults.has('report-criteria-all-variables')) return items.filter(byCriteria);
    return items.filter((it) => byCriteria(it) && criteria.includes(it.variable.name) && it.variable.instance === undefined);
  }
  return items.filter((it) => byCriteria(it) && selectors.some((s) => selects(s, it, faults)));
}

function selects(s: Selector, it: Item, faults: Faults): boolean {
  const c = s.component;
  if (c.name !== it.component.name || (c.instance ?? undefined) !== it.component.instance) return false;
  if (c.evse !== undefined && !faults.has('report-component-evse-ignored')) {
    if (c.evse.id !== it.component.evse?.id) return false;
    if (c.evse.connectorId !== undefined && c.evse.connectorId !== it.component.evse?.connectorId) return false;
  }
  if (c.evse === undefined && faults.has('report-component-evse-first-only') && (it.component.evse?.id ?? 1) !== 1) return false;
  if (!s.variable) return true;
  if (s.variable.name !== it.variable.name) return false;
  if (s.variable.instance !== undefined) return faults.has('report-variable-instance-ignored') || s.variable.instance === it.variable.instance;
  return !faults.has('report-variable-instance-required') || it.variable.instance === undefined;
}

/** NotifyReport in parts of ItemsPerMessage[GetReport] items, seqNo from 0, tbc on all but the last. */
function sendParts(st: Station, requestId: number, data: object[]): void {
  const size = Math.max(1, st.settings.itemsPerMessage('GetReport'));
  const generatedAt = new Date().toISOString();
  const parts = Math.ceil(data.length / size);
  for (let i = 0; i < parts; i++) {
    const part: Payload = { requestId, generatedAt, seqNo: i, tbc: i < parts - 1, reportData: data.slice(i * size, (i + 1) * size) };
    st.send('NotifyReport', part);
  }
}
