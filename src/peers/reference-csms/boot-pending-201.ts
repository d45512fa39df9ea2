import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import type { StationSession } from './session.js';

/** What a 2.0.1 station may send on its own; while it is not accepted, the CSMS refuses them. */
const STATION_CALLS = ['Authorize', 'DataTransfer', 'FirmwareStatusNotification', 'Heartbeat', 'LogStatusNotification', 'MeterValues', 'NotifyEvent', 'NotifyReport', 'SecurityEventNotification', 'SignCertificate', 'StatusNotification', 'TransactionEvent'];

/**
 * OCPP 2.0.1 B02 (Part 5 C-44): with `pendingFirstBoot` the first BootNotification of each connection is answered
 * Pending (interval: the boot retry interval), and the CSMS then asks for a new one with TriggerMessage(BootNotification)
 * (TC_B_31_CSMS); the next boot is Accepted. While a station is Pending or Rejected, every other CALL it sends gets a
 * CALLERROR SecurityError (B02/B03: it may not send them yet; TC_B_30_CSMS). Wraps the handlers registered before
 * (answers-201.ts).
 */
export function registerBootPending201(ep: RpcEndpoint, s: StationSession): void {
  const boot = ep.handlerOf('BootNotification');
  if (boot) {
    let boots = 0;
    ep.handle('BootNotification', async (req, ctx) => {
      const answer = (await boot(req, ctx)) as Payload;
      boots++;
      const pending = s.opts.pendingFirstBoot && answer.status === 'Accepted' && (boots === 1 || s.faults.has('csms201-pending-forever'));
      if (!pending) return answer;
      s.bootStatus = 'Pending';
      if (!s.faults.has('csms201-pending-no-trigger')) ctx.afterReply(() => void s.call('TriggerMessage', { requestedMessage: 'BootNotification' }).catch(() => undefined));
      return { ...answer, status: 'Pending', interval: s.opts.bootRetryInterval };
    });
  }
  for (const action of STATION_CALLS) {
    const inner = ep.handlerOf(action);
    if (!inner) continue;
    ep.handle(action, (req, ctx) => {
      const notAccepted = s.bootStatus === 'Pending' || s.bootStatus === 'Rejected';
      if (notAccepted && !s.faults.has('csms201-pending-messages-accepted')) throw new RpcError('SecurityError', `the station's boot is ${s.bootStatus}`);
      return inner(req, ctx);
    });
  }
}
