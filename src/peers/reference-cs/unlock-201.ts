import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { Station } from './station.js';

/**
 * The deliberate mistakes of the 2.0.1 station in UnlockConnector (OCPP 2.0.1 Part 2 F05; the fault switches of
 * catalog-201-remote-conditional.ts). Wraps the UnlockConnector handler registered before it (handlers-201.ts), which
 * decides; without those switches its answer goes out unchanged.
 */
export function registerUnlock201(ep: RpcEndpoint, st: Station): void {
  const inner = ep.handlerOf('UnlockConnector');
  if (!inner) return;
  ep.handle('UnlockConnector', async (req, ctx) => {
    const answer = (await inner(req, ctx)) as Payload;
    const plugged = st.connector(req.evseId as number)?.plugged ?? false;
    if (answer.status === 'OngoingAuthorizedTransaction' && st.faults.has('unlock-201-during-transaction')) return { status: 'Unlocked' };
    if (answer.status === 'UnknownConnector' && st.faults.has('unlock-201-unknown-connector-unlocked')) return { status: 'Unlocked' };
    if (answer.status === 'Unlocked' && !plugged && st.faults.has('unlock-201-unplugged-failed')) return { status: 'UnlockFailed' };
    return answer;
  });
}
