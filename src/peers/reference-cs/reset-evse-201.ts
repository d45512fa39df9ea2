import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { Station } from './station.js';
import type { TxEngine201 } from './tx-201.js';

/**
 * Reset of one EVSE (OCPP 2.0.1 B11/B12 with evseId; Part 5 C-13), when the station is built with `resetPerEvse`:
 * without a transaction on it the EVSE is Accepted and restarts; OnIdle with a transaction is Scheduled until the
 * transaction ends; Immediate ends the transaction (ResetCommand, ImmediateReset) and restarts the EVSE. The reference
 * EVSE restarts at once and says nothing on the wire about it. Other resets go to the handler registered before this
 * one (handlers-201.ts), which rejects an evseId (a station without C-13).
 */
export function registerResetEvse201(ep: RpcEndpoint, st: Station, engine: TxEngine201): void {
  const inner = ep.handlerOf('Reset');
  if (!inner) return;
  ep.handle('Reset', (req, ctx) => {
    if (req.evseId === undefined) return inner(req, ctx);
    if (!st.opts.resetPerEvse) {
      // A station without per-EVSE reset that takes the request as one for the whole station.
      if (st.faults.has('reset-evse-unsupported-accepted')) return inner({ ...req, evseId: undefined }, ctx);
      return inner(req, ctx);
    }
    const c = st.connector(req.evseId as number);
    if (!c || st.faults.has('reset-evse-rejected')) return { status: 'Rejected' };
    if (!engine.txOf(c)) return { status: 'Accepted' };
    if (req.type === 'OnIdle' && !st.faults.has('reset-evse-onidle-immediate')) return { status: 'Scheduled' };
    ctx.afterReply(() => engine.stopForEvseReset(c, st.faults.has('reset-evse-reason-reboot') ? 'Reboot' : 'ImmediateReset'));
    return { status: 'Accepted' };
  });
}
