import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { MonitorStore, type Monitor } from './monitoring-store-201.js';
import type { Station } from './station.js';

/**
 * Device model monitoring of the 2.0.1 reference station (OCPP 2.0.1 use cases N02-N08; Part 5 Advanced Device
 * Management): SetVariableMonitoring, ClearVariableMonitoring, SetMonitoringBase, SetMonitoringLevel,
 * GetMonitoringReport with NotifyMonitoringReport, and NotifyEvent from the monitors. The monitors are looked at
 * every fifth of a protocol second: a Delta monitor fires on a change (of at least its value for a number), a
 * threshold monitor when its value is crossed and again, cleared, when it is back, a Periodic one every value seconds
 * (PeriodicClockAligned: at the multiples of value seconds). Events of monitors with a severity above the
 * monitoring level are not sent (N05). A monitor on EVSE Power sees the power delivered now (the charging power while
 * energy flows, otherwise 0); GetVariables still gives the device model's rated value.
 */
const stores = new WeakMap<Station, MonitorStore>();
const bootsSeen = new WeakMap<Station, number>();

export function monitorStore(st: Station): MonitorStore | undefined {
  return stores.get(st);
}

export function registerMonitoring201(ep: RpcEndpoint, st: Station): void {
  const dm = st.deviceModel;
  if (!dm) return;
  let store = stores.get(st);
  if (!store) {
    // What the factory set: a preconfigured Delta monitor on the last EVSE's AvailabilityState (severity 6, id 1) and
    // a hard-wired UpperThreshold on its Power at the rated power (id 2; never exceeded by the simulated charging).
    const last = Math.max(1, st.connectors.length);
    const evse = { name: 'EVSE', evse: { id: last } };
    store = new MonitorStore(dm, st.faults, !st.opts.factoryMonitors ? [] : [
      { id: 1, component: evse, variable: { name: 'AvailabilityState' }, type: 'Delta', value: 1, severity: 6, transaction: false, kind: 'PreconfiguredMonitor' },
      { id: 2, component: evse, variable: { name: 'Power' }, type: 'UpperThreshold', value: Number(dm.value('EVSE', 'Power') ?? 22000) || 22000, severity: 3, transaction: false, kind: 'HardWiredMonitor' },
    ]);
    stores.set(st, store);
    const s = store;
    dm.bindLive('MonitoringCtrlr', 'ActiveMonitoringBase', () => s.base);
    dm.bindLive('MonitoringCtrlr', 'ActiveMonitoringLevel', () => String(s.level));
    st.timers.every(0.2, () => evaluate(st, s));
    // The station's own reports follow its state changes: look at the monitors then too, so that a change that is
    // undone within one look (energy starts and the EV pauses at once) is not missed.
    st.events.on('frame', (r) => {
      if (r.dir === 'cs->csms' && !r.raw.includes('"NotifyEvent"') && !r.raw.startsWith('[3')) setImmediate(() => evaluate(st, s));
    });
  }
  const ms = store;
  // Fault monitors-lost-on-reboot: the monitors live in volatile memory (N07.FR.13 wants them kept).
  if (st.faults.has('monitors-lost-on-reboot') && bootsSeen.get(st) !== st.bootCount) {
    if (bootsSeen.has(st)) ms.monitors = [];
    bootsSeen.set(st, st.bootCount);
  }

  ep.handle('SetVariableMonitoring', (req) => {
    const setMonitoringResult = (req.setMonitoringData as Payload[]).map((d) => ms.set(d));
    // A Delta monitor compares with the value at the time it was set, not at the next look.
    for (const m of ms.active()) if (m.type === 'Delta' && m.reference === undefined) m.reference = currentValue(st, m);
    return { setMonitoringResult };
  });

  const setVariables = ep.handlerOf('SetVariables');
  if (setVariables)
    ep.handle('SetVariables', async (req, ctx) => {
      const answer = await setVariables(req, ctx);
      ctx.afterReply(() => evaluate(st, ms, true));
      return answer;
    });

  ep.handle('ClearVariableMonitoring', (req) => ({ clearMonitoringResult: ms.clear(req.id as number[]) }));

  ep.handle('SetMonitoringBase', (req) => {
    if (req.monitoringBase === 'HardWiredOnly' && st.faults.has('monitoring-base-hardwired-only-unsupported')) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
    if (!st.opts.monitoringBases.includes(req.monitoringBase as string) && !st.faults.has('monitoring-base-unsupported-accepted')) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
    ms.setBase(req.monitoringBase as 'All' | 'FactoryDefault' | 'HardWiredOnly');
    return { status: 'Accepted' };
  });

  ep.handle('SetMonitoringLevel', (req) => (ms.setLevel(req.severity as number) ? { status: 'Accepted' } : { status: 'Rejected', statusInfo: { reasonCode: 'ValueOutOfRange' } }));

  ep.handle('GetMonitoringReport', (req, ctx) => {
    const unsupported = ((req.monitoringCriteria as string[] | undefined) ?? []).some((c) => !st.opts.monitoringCriteria.includes(c));
    if (unsupported && !st.faults.has('monitor-report-unsupported-criterion-accepted')) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
    const monitors = ms.report(req.monitoringCriteria as string[] | undefined, req.componentVariable as never);
    if (!monitors) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
    if (monitors.length === 0) return { status: 'EmptyResultSet', statusInfo: { reasonCode: 'NotFound' } };
    ctx.afterReply(() => {
      const size = Math.max(1, st.settings.itemsPerMessage('GetReport'));
      const parts = Math.ceil(monitors.length / size);
      const generatedAt = new Date().toISOString();
      for (let i = 0; i < parts; i++) st.send('NotifyMonitoringReport', { requestId: req.requestId as number, seqNo: i, generatedAt, tbc: i < parts - 1, monitor: monitors.slice(i * size, (i + 1) * size) });
    });
    return { status: 'Accepted' };
  });
}

/** Looks at every monitor in force and sends the events they raise, one NotifyEvent per look. */
function evaluate(st: Station, ms: MonitorStore, writeOnlyToo = false): void {
  const dm = st.deviceModel!;
  const events: Payload[] = [];
  const now = Date.now();
  for (const m of ms.active()) {
    const writeOnly = dm.get({ component: m.component, variable: m.variable }).status === 'Rejected';
    // A write-only variable changes only through SetVariables, which looks at the monitors once it has answered.
    if (writeOnly && !writeOnlyToo) continue;
    const actual = currentValue(st, m);
    // N07.FR.10: the event of a write-only variable does not tell its value.
    const fire = (trigger: string, cleared?: boolean) => events.push(eventOf(st, ms, m, trigger, writeOnly && !st.faults.has('monitor-write-only-value-reported') ? '' : actual, cleared));
    switch (m.type) {
      case 'Delta': {
        if (m.reference === undefined) m.reference = actual;
        else if (changed(m, actual) && !st.faults.has(Number.isFinite(Number(actual)) && actual.trim() !== '' ? 'monitor-delta-numeric-not-triggered' : 'monitor-delta-text-not-triggered')) {
          m.reference = actual;
          fire('Delta');
        }
        break;
      }
      case 'UpperThreshold':
      case 'LowerThreshold': {
        const v = Number(actual);
        const beyond = m.type === 'UpperThreshold' ? v > m.value : v < m.value;
        if (beyond && !m.exceeded) fire('Alerting', false);
        else if (!beyond && m.exceeded && !st.faults.has('monitor-threshold-no-cleared')) fire('Alerting', true);
        m.exceeded = beyond;
        break;
      }
      case 'Periodic':
      case 'PeriodicClockAligned': {
        const period = m.value * st.opts.msPerSecond;
        if (m.dueAt === undefined) m.dueAt = m.type === 'Periodic' ? now + period : Math.ceil(now / period) * period;
        if (now >= m.dueAt && !st.faults.has('monitor-periodic-not-sent')) {
          fire('Periodic');
          m.dueAt = m.type === 'Periodic' ? now + period : Math.ceil((now + 1) / period) * period;
        }
        break;
      }
    }
  }
  if (st.opts.factoryMonitors) events.push(...hardWiredNotifications(st, ms));
  const sendable = events.filter((e) => (e.severity as number) <= ms.level || st.faults.has('monitoring-level-ignored'));
  if (!st.ready) {
    // Offline (N07.FR.04, Part 5 DM-3): events of a severity number up to MonitoringCtrlr.OfflineQueuingSeverity wait.
    const limit = Number(dm.value('MonitoringCtrlr', 'OfflineQueuingSeverity') ?? '-1');
    if (!st.faults.has('monitor-events-not-queued-offline')) offlineQueue(ms).push(...sendable.filter((e) => (e.severity as number) <= limit || st.faults.has('monitor-offline-severity-ignored')));
    return;
  }
  const queued = offlineQueue(ms).splice(0);
  for (const batch of [queued, sendable]) {
    if (batch.length > 0) st.send('NotifyEvent', { generatedAt: new Date().toISOString(), seqNo: 0, tbc: false, eventData: batch.map(({ severity: _s, ...e }) => e) });
  }
}

const queues = new WeakMap<MonitorStore, Payload[]>();
function offlineQueue(ms: MonitorStore): Payload[] {
  let q = queues.get(ms);
  if (!q) queues.set(ms, (q = []));
  if (q.length > 1000) q.splice(0, q.length - 1000);
  return q;
}

const faultSeen = new WeakMap<Station, Map<number, string | undefined>>();

/**
 * The hard-wired notification of a station with factory monitors (Part 5 AQ-5, TC_N_21_CS): a connector fault is
 * reported as the Connector's Problem, true while it lasts (techCode: the error code), cleared when it ends.
 */
function hardWiredNotifications(st: Station, ms: MonitorStore): Payload[] {
  let seen = faultSeen.get(st);
  if (!seen) faultSeen.set(st, (seen = new Map()));
  const out: Payload[] = [];
  for (const c of st.connectors) {
    const now = c.fault?.errorCode;
    if (now === seen.get(c.evseId)) continue;
    seen.set(c.evseId, now);
    const e: Payload = { eventId: ++ms.eventId, timestamp: new Date().toISOString(), trigger: 'Alerting', actualValue: now ? 'true' : 'false', component: { name: 'Connector', evse: { id: c.evseId, connectorId: 1 } }, variable: { name: 'Problem' }, eventNotificationType: st.faults.has('hardwired-notification-as-custom') ? 'CustomMonitor' : 'HardWiredNotification', severity: 2 };
    if (now) e.techCode = now;
    else e.cleared = true;
    out.push(e);
  }
  return out;
}

/** The monitored variable's value now (a write-only one's too: the station knows it, the event does not tell it). */
function currentValue(st: Station, m: Monitor): string {
  if (m.component.name === 'EVSE' && m.variable.name === 'Power') return livePower(st, m.component.evse?.id);
  const dm = st.deviceModel!;
  const read = dm.get({ component: m.component, variable: m.variable });
  return read.status === 'Rejected' ? dm.value(m.component.name, m.variable.name, m.variable.instance) ?? '' : read.value ?? '';
}

/** The power an EVSE delivers now: the charging power while energy flows, otherwise 0 (the device model's EVSE Power stays the rated value). */
function livePower(st: Station, evseId: number | undefined): string {
  const c = evseId === undefined ? undefined : st.connector(evseId);
  return String(c?.tx?.energizing && !c.evSuspended && c.plugged ? st.opts.chargingPowerW : 0);
}

function changed(m: Monitor, actual: string): boolean {
  const a = Number(actual);
  const r = Number(m.reference);
  if (actual.trim() !== '' && Number.isFinite(a) && m.reference !== undefined && m.reference.trim() !== '' && Number.isFinite(r)) return Math.abs(a - r) >= m.value && m.value > 0 ? true : a !== r && m.value === 0;
  return actual !== m.reference;
}

function eventOf(st: Station, ms: MonitorStore, m: Monitor, trigger: string, actualValue: string, cleared?: boolean): Payload {
  const e: Payload = { eventId: ++ms.eventId, timestamp: new Date().toISOString(), trigger, actualValue, component: m.component, variable: m.variable, variableMonitoringId: m.id, eventNotificationType: m.kind, severity: m.severity };
  if (cleared !== undefined) e.cleared = cleared;
  const evseId = m.component.evse?.id;
  const engine = st.engine as unknown as { transactions?: () => Array<{ evseId: number; transactionId: string | number | undefined }> };
  const tx = evseId === undefined ? undefined : engine.transactions?.().find((t) => t.evseId === evseId);
  if (tx?.transactionId !== undefined) e.transactionId = String(tx.transactionId);
  return e;
}
