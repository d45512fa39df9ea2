import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { Lifecycle } from './lifecycle.js';
import { meterValue } from './meter.js';
import type { Station } from './station.js';
import type { TxEngine201 } from './tx-201.js';

/**
 * The deliberate mistakes of the 2.0.1 station in TriggerMessage (OCPP 2.0.1 Part 2 F06; the fault switches of
 * catalog-201-remote-conditional.ts). Wraps the TriggerMessage handler registered before it (handlers-201.ts), which
 * does the work; without those switches every request but MeterValues goes straight through. MeterValues is always
 * answered with MeterValues, also while a transaction runs (F06.FR.06), one per EVSE asked for.
 */
export interface TriggerParts201 {
  st: Station;
  engine: TxEngine201;
  lifecycle: Lifecycle;
}

type Evse = { id: number; connectorId?: number };

export function registerTrigger201(ep: RpcEndpoint, p: TriggerParts201): void {
  const { st, engine, lifecycle } = p;
  const inner = ep.handlerOf('TriggerMessage');
  if (!inner) return;
  const has = (f: Parameters<Station['faults']['has']>[0]) => st.faults.has(f);
  ep.handle('TriggerMessage', async (req, ctx) => {
    const message = req.requestedMessage as string;
    const evse = req.evse as Evse | undefined;
    const targets = evse ? st.connectors.filter((c) => c.evseId === evse.id) : st.connectors;
    const accepted = (then: () => void): Payload => {
      ctx.afterReply(then);
      return { status: 'Accepted' };
    };
    if (has('trigger-201-accepted-not-sent') && message !== 'Heartbeat') return { status: 'Accepted' };
    if (has('trigger-boot-after-accepted') && message === 'BootNotification') return accepted(() => lifecycle.triggerBoot());
    if (has('trigger-firmware-evse-rejected') && message === 'FirmwareStatusNotification' && evse) return { status: 'Rejected' };
    if (has('trigger-transfer-status-idle') && message === 'FirmwareStatusNotification') return accepted(() => st.send('FirmwareStatusNotification', { status: 'Idle' }));
    if (has('trigger-transfer-status-idle') && message === 'LogStatusNotification') return accepted(() => st.send('LogStatusNotification', { status: 'Idle' }));
    const all = !evse || evse.id === 0;
    if (message === 'MeterValues' && (all || targets.length > 0)) {
      const context = has('trigger-meter-values-periodic-context') ? 'Sample.Periodic' : 'Trigger';
      const which = all ? (has('trigger-all-evse-first-only') ? st.connectors.slice(0, 1) : st.connectors) : targets;
      return accepted(() => which.forEach((c) => st.send('MeterValues', { evseId: c.evseId, meterValue: [meterValue('2.0.1', c, st.settings.sampledMeasurands(), context, st.opts.chargingPowerW)] })));
    }
    if (has('trigger-status-201-stale') && message === 'StatusNotification') {
      return accepted(() => targets.forEach((c) => st.send('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: c.evseId, connectorId: 1 })));
    }
    if (has('trigger-all-evse-first-only') && !evse && message === 'TransactionEvent') {
      const first = st.connectors.find((c) => engine.txOf(c));
      if (first) return inner({ ...req, evse: { id: first.evseId } }, ctx);
    }
    const answer = (await inner(req, ctx)) as Payload;
    if (has('trigger-201-unknown-accepted') && answer.status === 'NotImplemented') return { status: 'Accepted' };
    return answer;
  });
}
