import type { EventEmitter } from 'node:events';
import type { PeerControl } from '../peer-control.js';
import { createCsControl } from './control.js';
import { registerHandlers16 } from './handlers-16.js';
import { registerCertificates201 } from './certificates-201.js';
import { registerFirmware201 } from './firmware-201.js';
import { registerCustomerInformation201 } from './customer-information-201.js';
import { registerLog201 } from './log-201.js';
import { registerTrigger201 } from './trigger-201.js';
import { registerUnlock201 } from './unlock-201.js';
import { registerResetEvse201 } from './reset-evse-201.js';
import { registerReportBase201 } from './report-base-201.js';
import { registerReportCustom201 } from './report-custom-201.js';
import { registerMonitoring201 } from './monitoring-201.js';
import { registerDisplayMessages201 } from './display-message-201.js';
import { registerTariffCost201 } from './tariff-cost-201.js';
import { registerNetworkProfile201 } from './network-profile-201.js';
import { registerBasicAuth201 } from './basic-auth-201.js';
import { registerNetworkUpgrade201 } from './network-upgrade-201.js';
import { registerStationCertificate201 } from './station-certificate-201.js';
import { registerHandlers201 } from './handlers-201.js';
import { Lifecycle } from './lifecycle.js';
import { Maintenance } from './maintenance.js';
import { resolveCsOptions, type ReferenceCsOptions } from './options.js';
import { ProfileStore } from './smart-charging.js';
import { Station, type BootStatus, type CsEvents } from './station.js';
import { TxEngine16 } from './tx-16.js';
import { TxEngine201 } from './tx-201.js';
import { watchTlsRefusals } from './tls-events.js';
import { currentProfile } from './connection-security.js';

/**
 * The reference charging station: an OCPP 1.6 / 2.0.1 station that behaves as the specification says
 * (unless fault switches say otherwise), driven by manual actions through `control`.
 */
export type { ReferenceCsOptions } from './options.js';
export type { BootStatus, CsEvents } from './station.js';
export { CS_ACTIONS } from './control.js';

export interface ConnectorView {
  /** 1.6 connectorId / 2.0.1 evseId (each EVSE has connector 1). */
  id: number;
  status: string;
  plugged: boolean;
  fault?: string;
  operative: boolean;
  meterWh: number;
}

export interface TransactionView {
  evseId: number;
  transactionId: string | number | undefined;
  idTag: string | undefined;
}

/** A live view of the station: every read reflects the current state. */
export interface ReferenceCsState {
  readonly identity: string;
  readonly version: '1.6' | '2.0.1';
  readonly connected: boolean;
  readonly bootStatus: BootStatus;
  readonly bootCount: number;
  readonly heartbeatInterval: number;
  readonly connectors: ConnectorView[];
  readonly transactions: TransactionView[];
  readonly reservations: Array<{ id: number; evseId: number; idTag: string }>;
  readonly localListVersion: number;
  readonly queuedTransactionMessages: number;
  /** A 1.6 configuration key, or a 2.0.1 variable as `Component.Variable`. */
  config(name: string): string | undefined;
}

export interface ReferenceCs {
  control: PeerControl;
  state: ReferenceCsState;
  /** frame, connection, boot and problem events. */
  events: EventEmitter<CsEvents>;
  /** Resolves at the next Accepted boot (at once if the station is booted and online). */
  waitForBoot(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function startReferenceCs(options: ReferenceCsOptions): ReferenceCs {
  const st = new Station(resolveCsOptions(options));
  const profiles = new ProfileStore();
  let lifecycle!: Lifecycle;
  let maintenance!: Maintenance;
  let resetWhenIdle = false;
  const afterTxEnded = () => {
    for (const c of st.connectors) if (!c.tx) profiles.dropTxProfiles(c.evseId);
    if (resetWhenIdle && st.connectors.every((c) => !c.tx)) {
      resetWhenIdle = false;
      void lifecycle.reboot('Soft', 'ScheduledReset').catch((e) => st.problem(e));
    }
  };
  if (st.version === '1.6') {
    const engine = new TxEngine16(st);
    engine.onTxEnded = afterTxEnded;
    st.engine = engine;
    lifecycle = new Lifecycle(st, (ep) => registerHandlers16(ep, { st, engine, lifecycle, maintenance, profiles }));
  } else {
    const engine = new TxEngine201(st);
    engine.onTxEnded = afterTxEnded;
    st.engine = engine;
    const scheduleResetWhenIdle = () => (resetWhenIdle = true);
    lifecycle = new Lifecycle(st, (ep) => {
      registerHandlers201(ep, { st, engine, lifecycle, maintenance, profiles, scheduleResetWhenIdle });
      registerCertificates201(ep, st);
      registerFirmware201(ep, { st, lifecycle, maintenance });
      registerCustomerInformation201(ep, st);
      registerLog201(ep, st, maintenance);
      registerNetworkProfile201(ep, st);
      registerBasicAuth201(ep, st);
      registerNetworkUpgrade201(ep, st, lifecycle);
      registerTrigger201(ep, { st, engine, lifecycle });
      registerStationCertificate201(ep, st);
      registerUnlock201(ep, st);
      registerResetEvse201(ep, st, engine);
      registerReportBase201(ep, st);
      registerReportCustom201(ep, st);
      registerMonitoring201(ep, st);
      registerDisplayMessages201(ep, st, engine);
      registerTariffCost201(ep, st);
    });
    bindLiveVariables(st, profiles);
    st.deviceModel!.onChange = (component, variable) => {
      if (component === 'OCPPCommCtrlr' && variable === 'HeartbeatInterval') lifecycle.restartHeartbeat();
    };
  }
  maintenance = new Maintenance(st, lifecycle);
  watchTlsRefusals(st, lifecycle);
  if (st.opts.autoConnect) st.link.connect();

  const state: ReferenceCsState = {
    identity: st.identity,
    version: st.version,
    get connected() {
      return st.link.online;
    },
    get bootStatus() {
      return st.bootStatus;
    },
    get bootCount() {
      return st.bootCount;
    },
    get heartbeatInterval() {
      return st.settings.heartbeatInterval();
    },
    get connectors() {
      return st.connectors.map((c) => ({ id: c.evseId, status: st.statusOf(c), plugged: c.plugged, fault: c.fault?.errorCode, operative: c.operative, meterWh: c.meterWh }));
    },
    get transactions() {
      const engine = st.engine as TxEngine16 | TxEngine201;
      return engine.transactions().map((t) => ({ evseId: t.evseId, transactionId: t.transactionId, idTag: t.idTag }));
    },
    get reservations() {
      return st.reservations.map((r) => ({ id: r.id, evseId: r.evseId, idTag: r.idTag }));
    },
    get localListVersion() {
      return st.auth.listVersion;
    },
    get queuedTransactionMessages() {
      return st.queuedTxMessages;
    },
    config(name) {
      if (st.config16) return st.config16.get(name);
      const [component, variable] = name.split('.');
      return component && variable ? st.deviceModel!.value(component, variable) : undefined;
    },
  };

  return {
    control: createCsControl(st, lifecycle),
    state,
    events: st.events,
    waitForBoot(timeoutMs = 10_000) {
      if (st.ready) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          st.events.off('boot', onBoot);
          reject(new Error(`the reference charging station was not accepted within ${timeoutMs} ms`));
        }, timeoutMs);
        const onBoot = (status: BootStatus) => {
          if (status !== 'Accepted') return;
          clearTimeout(timer);
          st.events.off('boot', onBoot);
          resolve();
        };
        st.events.on('boot', onBoot);
      });
    },
    async close() {
      st.markClosed();
      lifecycle.stop();
      st.timers.clearAll();
      await st.link.disconnect();
      st.timers.clearAll();
    },
  };
}

/** 2.0.1 variables whose value is the station's current state rather than a stored setting. */
function bindLiveVariables(st: Station, profiles: ProfileStore): void {
  const dm = st.deviceModel!;
  dm.setInternal('SecurityCtrlr', 'Identity', st.identity);
  const availability = (evseId: number | undefined) => {
    if (evseId === undefined) return st.stationFault ? 'Faulted' : st.stationOperative ? 'Available' : 'Unavailable';
    const c = st.connector(evseId);
    return c ? st.statusOf(c) : 'Unavailable';
  };
  dm.bindLive('ChargingStation', 'AvailabilityState', () => availability(undefined));
  dm.bindLive('EVSE', 'AvailabilityState', availability);
  dm.bindLive('Connector', 'AvailabilityState', availability);
  dm.bindLive('ClockCtrlr', 'DateTime', () => new Date().toISOString());
  dm.bindLive('LocalAuthListCtrlr', 'Entries', () => String(st.auth.listSize));
  dm.bindLive('SmartChargingCtrlr', 'Entries', () => String(profiles.count));
  dm.bindLive('ChargingStation', 'Model', () => st.opts.model);
  dm.bindLive('ChargingStation', 'VendorName', () => st.opts.vendor);
  dm.bindLive('SecurityCtrlr', 'SecurityProfile', () => String(currentProfile(st)));
}
