import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import type { Station } from './station.js';

/**
 * The 2.0.1 station's tariff and cost display (OCPP 2.0.1 Part 2 I02 running cost by CostUpdated or in a
 * TransactionEventResponse, I03 final cost in the response to the Ended event): the station shows what it gets (the
 * reference only keeps the latest cost per transaction), with the fault switches of the Advanced User Interface group.
 */

const costs = new WeakMap<Station, Map<string, number>>();

function costsOf(st: Station): Map<string, number> {
  let m = costs.get(st);
  if (!m) costs.set(st, (m = new Map()));
  return m;
}

export function registerTariffCost201(ep: RpcEndpoint, st: Station): void {
  ep.handle('CostUpdated', (req) => {
    if (st.faults.has('cost-updated-201-not-implemented')) throw new RpcError('NotImplemented', 'CostUpdated is not supported');
    costsOf(st).set(req.transactionId as string, req.totalCost as number);
    return {};
  });
}

/**
 * A TransactionEventResponse with a totalCost: kept for the display. Returns true when the station (fault
 * tariff-201-running-cost-ends-transaction) takes a running cost of an ongoing transaction for the final one and ends
 * the session.
 */
export function costInAnswer201(st: Station, transactionId: string, answer: Payload, ended: boolean): boolean {
  if (typeof answer.totalCost !== 'number') return false;
  costsOf(st).set(transactionId, answer.totalCost);
  return !ended && st.faults.has('tariff-201-running-cost-ends-transaction');
}
