import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import type { Station } from './station.js';

/**
 * What the 2.0.1 station answers the CSMS before its boot is accepted (OCPP 2.0.1 Part 2, use cases B02 and B03):
 * while Rejected every CSMS request gets a CALLERROR SecurityError (B03.FR.08); while Pending the CSMS may
 * configure and inspect the station, but a remote start or stop is Rejected (B02). Installed by wrapping every
 * handler registered on the endpoint from here on.
 */
const REFUSED_WHILE_PENDING = new Set(['RequestStartTransaction', 'RequestStopTransaction']);

export function gateByBootStatus(ep: RpcEndpoint, st: Station): void {
  const register = ep.handle.bind(ep);
  ep.handle = (action, handler) =>
    register(action, (req, ctx) => {
      if (st.bootStatus === 'Rejected' && !st.faults.has('rejected-boot-answers-requests')) throw new RpcError('SecurityError', `the CSMS rejected this station's BootNotification; ${action} is not allowed`);
      if (st.bootStatus === 'Pending' && REFUSED_WHILE_PENDING.has(action) && !st.faults.has('pending-boot-accepts-remote-start')) return { status: 'Rejected' } satisfies Payload;
      // Fault switch of TC_B_43_CS, applied here so that it holds whichever handler answers SetNetworkProfile.
      if (action === 'SetNetworkProfile' && st.faults.has('network-profile-any-slot-accepted')) return { status: 'Accepted' } satisfies Payload;
      return handler(req, ctx);
    });
}
