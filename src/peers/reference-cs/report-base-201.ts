import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { Station } from './station.js';

/**
 * The optional SummaryInventory base report (OCPP 2.0.1 B07.FR.02; Part 5 C-56): a station built without it
 * (`summaryInventory: false`) answers NotSupported and sends no report. Other requests go to the GetBaseReport handler
 * registered before this one (handlers-201.ts).
 */
export function registerReportBase201(ep: RpcEndpoint, st: Station): void {
  const inner = ep.handlerOf('GetBaseReport');
  if (!inner) return;
  ep.handle('GetBaseReport', (req, ctx) => {
    if (req.reportBase !== 'SummaryInventory' || st.opts.summaryInventory || st.faults.has('summary-inventory-unsupported-accepted')) return inner(req, ctx);
    return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
  });
}
