import { EventEmitter } from 'node:events';
import type { Payload } from '../../ocpp/frame.js';
import type { ConnectionEventRecord, FrameRecord } from '../../types.js';
import { FaultSet } from '../faults.js';
import { RpcClosedError } from '../rpc-errors.js';
import { Timers } from '../timers.js';
import { AuthStore } from './auth.js';
import { statusChangeMuted } from './availability-201.js';
import { ConfigStore16 } from './config-16.js';
import { createConnectors, status16, status16Station, status201, type Connector, type ConnectorFault, type Reservation } from './connectors.js';
import { DeviceModel } from './device-model.js';
import { StationLink } from './link.js';
import type { ResolvedCsOptions } from './options.js';
import { linkAfterReboot } from './security-16.js';
import { retryDelay201, txMessageTimeoutMs } from './tx-retry-201.js';
import { reconnectBackOff201 } from './reconnect-201.js';
import { networkUrl201, onConnected201, onConnecting201, onDialFailed201 } from './network-fallback-201.js';
import type { StationSettings } from './settings.js';

/**
 * The reference charging station's shared core: its connectors, stores and connection, the status
 * reporting that follows every change, and the ordered queue of transaction messages that survives a
 * lost connection. Version-specific behaviour lives in the transaction engines and handlers, lifecycle
 * (boot, heartbeat, reboot) in lifecycle.ts.
 */
export type BootStatus = 'None' | 'Pending' | 'Accepted' | 'Rejected';

export interface CsEvents {
  /** Every frame the station sent or received, with the protocol core's findings. */
  frame: [FrameRecord];
  /** Connection events: open, close, error, refused. */
  connection: [ConnectionEventRecord];
  /** The CSMS answered a BootNotification (Accepted, Pending or Rejected). */
  boot: [status: BootStatus];
  /** The station decided about a presented (or remotely given) idTag: its status as the station sees it. */
  authorization: [idTag: string, status: string];
  /** Something failed inside the station (an unexpected CALLERROR, a timeout); never thrown. */
  problem: [Error];
}

/** What a version's transaction engine offers the shared parts (control actions, lifecycle). */
export interface TxEngine {
  presentIdTag(idTag: string, connector: Connector | undefined, tokenType?: string): Promise<void>;
  plugIn(c: Connector): void;
  unplug(c: Connector): void;
  setEvSuspended(c: Connector, suspended: boolean): void;
  /** Ends every transaction before a reset (`reason` in the version's spelling is chosen by the engine). */
  stopAllForReset(kind: 'Hard' | 'Soft' | 'PowerLoss'): void;
  /** Sends the periodic meter sample of a connector with a running transaction. */
  sampleMeter(c: Connector, context: 'Sample.Periodic' | 'Trigger'): void;
  /** Drops in-memory transaction state after a power cut (the queued messages still go out). */
  forgetAfterPowerLoss(): void;
  /** 2.0.1: a driver is authorized at the connector (pending or in a transaction). */
  authorizedAt?(c: Connector): boolean;
  /** 2.0.1 C16 with a user interface: the master pass holder chose which transactions to stop (all, or one EVSE's). */
  masterPassChoose?(evseId: number | undefined): void;
}

interface TxMessage {
  action: string;
  build: () => Payload;
  onAnswer?: (answer: Payload) => void;
  /** Transmissions made so far (2.0.1 retries, tx-retry-201.ts). */
  sent?: number;
}

/** 1.6: a transaction that goes on after the EV was unplugged says why it is suspended (OCTT TC_005_3_CS). */
function evSideDisconnected(c: Connector): ConnectorFault | undefined {
  return c.tx && !c.plugged ? { errorCode: 'NoError', info: 'EV side disconnected' } : undefined;
}

export class Station {
  readonly events = new EventEmitter<CsEvents>();
  readonly faults: FaultSet;
  readonly timers: Timers;
  readonly connectors: Connector[];
  readonly auth: AuthStore;
  readonly config16: ConfigStore16 | undefined;
  readonly deviceModel: DeviceModel | undefined;
  readonly settings: StationSettings;
  readonly link: StationLink;
  engine!: TxEngine;
  bootStatus: BootStatus = 'None';
  /** Whole-station availability (1.6 connector 0 / 2.0.1 ChangeAvailability without evse). */
  stationOperative = true;
  stationFault: ConnectorFault | undefined;
  /** 1.6 connector 0 status last sent. */
  stationReportedStatus: string | undefined;
  reservations: Reservation[] = [];
  /** Boots sent since start, for the state view. */
  bootCount = 0;
  private readonly txQueue: TxMessage[] = [];
  private txBusy = false;
  private drainWaiters: Array<() => void> = [];
  private closed = false;

  constructor(readonly opts: ResolvedCsOptions) {
    this.faults = new FaultSet('cs', opts.faults);
    this.timers = new Timers(opts.msPerSecond);
    this.connectors = createConnectors(opts.connectors);
    this.auth = new AuthStore(opts.localAuthList);
    if (opts.version === '1.6') {
      this.config16 = new ConfigStore16(opts.connectors, opts.config);
      this.settings = this.config16.settings();
    } else {
      this.deviceModel = new DeviceModel(opts.connectors, opts.config);
      this.settings = this.deviceModel.settings();
    }
    const station = this;
    this.link = new StationLink({
      get url() {
        return networkUrl201(station) ?? linkAfterReboot(station).url;
      },
      identity: opts.identity,
      version: opts.version,
      get password() {
        return linkAfterReboot(station).password;
      },
      get tls() {
        return linkAfterReboot(station).tls;
      },
      responseTimeoutMs: opts.responseTimeoutMs,
      concurrentCalls: this.faults.has('concurrent-calls'),
      reconnectDelay: opts.reconnectDelay,
      backOff: (failures) => reconnectBackOff201(station, failures),
      timers: this.timers,
    });
    this.link.on('frame', (r) => this.events.emit('frame', r));
    this.link.on('connection', (r) => this.events.emit('connection', r));
    this.link.on('problem', (e) => this.problem(e));
    this.link.on('connecting', () => onConnecting201(this));
    this.link.on('dialFailed', () => onDialFailed201(this));
    this.link.on('open', () => onConnected201(this));
  }

  get version(): '1.6' | '2.0.1' {
    return this.opts.version;
  }

  get identity(): string {
    return this.opts.identity;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Online and accepted: normal traffic may flow. */
  get ready(): boolean {
    return this.link.online && this.bootStatus === 'Accepted';
  }

  markClosed(): void {
    this.closed = true;
  }

  problem(e: unknown): void {
    this.events.emit('problem', e instanceof Error ? e : new Error(String(e)));
  }

  /** 1.6 connectorId / 2.0.1 evseId → connector. */
  connector(id: number): Connector | undefined {
    return this.connectors.find((c) => c.evseId === id);
  }

  /** A CALL now; rejects when offline. */
  call(action: string, payload: Payload, options: { timeoutMs?: number } = {}): Promise<Payload> {
    const endpoint = this.link.endpoint;
    if (!endpoint) return Promise.reject(new RpcClosedError(action));
    return endpoint.call(action, payload, options);
  }

  /** A CALL whose answer nobody waits for; failures (other than a dropped connection) become 'problem' events. */
  send(action: string, payload: Payload): void {
    this.call(action, payload).catch((e) => {
      if (!(e instanceof RpcClosedError)) this.problem(e);
    });
  }

  /**
   * A transaction-related message: sent in order, one at a time, built just before sending (so it can
   * use a transactionId the CSMS gave a moment ago), and kept until the station is online and accepted.
   */
  sendTx(action: string, build: () => Payload, onAnswer?: (answer: Payload) => void): void {
    if (!this.ready && this.faults.has('offline-tx-messages-dropped')) return;
    this.txQueue.push({ action, build, onAnswer });
    this.pumpTx();
  }

  /** Resolves once every CALL on the connection was answered (or after `ms`): nothing left to say before going down. */
  async settle(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while ((this.link.endpoint?.pendingCalls ?? 0) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  }

  get queuedTxMessages(): number {
    return this.txQueue.length;
  }

  /** Resolves once every queued transaction message was answered, or after `ms`, whichever comes first. */
  drainTx(ms: number): Promise<void> {
    if (this.txQueue.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = this.timers.afterMs(ms, resolve);
      this.drainWaiters.push(() => {
        timer.cancel();
        resolve();
      });
    });
  }

  pumpTx(): void {
    if (this.txQueue.length === 0) {
      for (const w of this.drainWaiters.splice(0)) w();
      return;
    }
    if (this.txBusy || this.closed || !this.ready) return;
    const next = this.txQueue[0];
    this.txBusy = true;
    this.call(next.action, next.build(), { timeoutMs: txMessageTimeoutMs(this) }).then(
      (answer) => {
        this.txQueue.shift();
        this.txBusy = false;
        try {
          next.onAnswer?.(answer);
        } catch (e) {
          this.problem(e);
        }
        this.pumpTx();
      },
      (e: unknown) => {
        this.txBusy = false;
        // Lost connection: keep the message for the next one. Anything else: give up on this message.
        if (e instanceof RpcClosedError) return;
        next.sent = (next.sent ?? 0) + 1;
        const retryIn = retryDelay201(this, next.action, e, next.sent);
        if (retryIn !== undefined) {
          this.txBusy = true; // hold the queue: the message is sent again first
          this.timers.after(retryIn, () => {
            this.txBusy = false;
            this.pumpTx();
          });
          return;
        }
        this.txQueue.shift();
        this.problem(e);
        this.pumpTx();
      },
    );
  }

  /** The reservation that holds a connector (its own, or one for the whole station when it is the last free one). */
  reservationFor(c: Connector): Reservation | undefined {
    const own = this.reservations.find((r) => r.evseId === c.evseId);
    if (own) return own;
    const stationWide = this.reservations.filter((r) => r.evseId === 0);
    if (stationWide.length === 0) return undefined;
    const free = this.connectors.filter((x) => !x.tx && !x.plugged && !x.fault && x.operative && !this.reservations.some((r) => r.evseId === x.evseId));
    return free.length <= stationWide.length ? stationWide[0] : undefined;
  }

  statusOf(c: Connector): string {
    const reservation = this.faults.has('reservation-not-reported') || this.faults.has('reservation-201-not-reported') ? undefined : this.reservationFor(c);
    return this.version === '1.6' ? status16(c, this.stationOperative, reservation) : status201(c, this.stationOperative, reservation);
  }

  /** Sends a StatusNotification for every connector whose status changed (or all of them with `force`). */
  reportStatuses(force = false): void {
    if (!this.ready && !(force && this.faults.has('status-before-boot'))) return;
    if (this.version === '1.6') {
      const s0 = status16Station(this.stationOperative, this.stationFault);
      if (force || s0 !== this.stationReportedStatus) this.sendStatus16(0, s0, this.stationFault);
      this.stationReportedStatus = s0;
    }
    for (const c of this.connectors) {
      const s = this.statusOf(c);
      if (!force && s === c.reportedStatus) continue;
      const muted = this.version !== '1.6' && statusChangeMuted(this.faults, c.reportedStatus, s);
      c.reportedStatus = s;
      if (muted) continue;
      if (this.version === '1.6') this.sendStatus16(c.evseId, s, c.fault ?? evSideDisconnected(c));
      else
        this.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: s, evseId: c.evseId, connectorId: 1 }).catch((e) => {
          // Lost with a dropped connection: reported again once back online (2.0.1 B04.FR.02).
          if (!(e instanceof RpcClosedError)) this.problem(e);
          else if (c.reportedStatus === s) c.reportedStatus = undefined;
        });
    }
  }

  /** Sends the status of one connector (TriggerMessage), 1.6 connector 0 included. */
  reportStatusOf(id: number): void {
    if (this.version === '1.6' && id === 0) return this.sendStatus16(0, status16Station(this.stationOperative, this.stationFault), this.stationFault);
    const c = this.connector(id);
    if (!c) return;
    const s = this.statusOf(c);
    c.reportedStatus = s;
    if (this.version === '1.6') this.sendStatus16(c.evseId, s, c.fault ?? evSideDisconnected(c));
    else this.send('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: s, evseId: c.evseId, connectorId: 1 });
  }

  /** Marks every status as reported without sending (the no-status-notification-after-boot fault). */
  markStatusesReported(): void {
    this.stationReportedStatus = status16Station(this.stationOperative, this.stationFault);
    for (const c of this.connectors) c.reportedStatus = this.statusOf(c);
  }

  private sendStatus16(connectorId: number, status: string, fault: ConnectorFault | undefined): void {
    const payload: Payload = { connectorId, errorCode: fault?.errorCode ?? 'NoError', status, timestamp: new Date().toISOString() };
    if (fault?.info) payload.info = fault.info;
    this.send('StatusNotification', payload);
  }

  /** Drops reservations whose time is up (2.0.1 reports each with ReservationStatusUpdate Expired). */
  expireReservations(): void {
    const now = Date.now();
    const expired = this.reservations.filter((r) => r.expiresAt <= now);
    if (expired.length === 0) return;
    this.reservations = this.reservations.filter((r) => r.expiresAt > now);
    if (this.version === '2.0.1' && this.ready && !this.faults.has('reservation-201-no-expiry-notice')) for (const r of expired) this.send('ReservationStatusUpdate', { reservationId: r.id, reservationUpdateStatus: 'Expired' });
    this.reportStatuses();
  }

  /** Takes the reservation a tag may use on a connector (and removes it): the reservation id, if any. */
  consumeReservation(c: Connector, idTag: string, parentIdTag?: string): number | undefined {
    const r = this.reservationFor(c);
    if (!r) return undefined;
    if (r.idTag !== idTag && !(r.parentIdTag && r.parentIdTag === parentIdTag)) return undefined;
    this.reservations = this.reservations.filter((x) => x !== r);
    return r.id;
  }

  /** True when a reservation keeps `idTag` off this connector. */
  blockedByReservation(c: Connector, idTag: string, parentIdTag?: string): boolean {
    const r = this.reservationFor(c);
    if (this.faults.has('reservation-not-enforced') || this.faults.has('reservation-201-not-enforced')) return false;
    const byParent = r?.parentIdTag !== undefined && r.parentIdTag === parentIdTag && !this.faults.has('reservation-parent-ignored') && !this.faults.has('reservation-201-group-ignored');
    return !!r && r.idTag !== idTag && !byParent;
  }
}
