import type { Payload } from '../../ocpp/frame.js';
import { RpcClosedError } from '../rpc-errors.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { TimerHandle } from '../timers.js';
import type { BootStatus, Station } from './station.js';
import { localListAfterReboot201 } from './local-list-201.js';
import { displayMessagesAfterReboot201 } from './display-message-201.js';

/**
 * Boot, heartbeat and reboot. After connecting the station sends BootNotification and nothing else
 * until it is Accepted; Pending or Rejected are retried after the interval of the answer (OCPP 1.6 §4.2,
 * 2.0.1 B01-B03). Once accepted it reports every connector's status, heartbeats at the interval, and
 * (2.0.1) reports the start-up as a security event. A reconnect without reboot does not boot again.
 */
export type BootReason = 'PowerUp' | 'RemoteReset' | 'FirmwareUpdate' | 'Triggered' | 'ScheduledReset' | 'Unknown';
export type RebootKind = 'Hard' | 'Soft' | 'PowerLoss';

export class Lifecycle {
  private heartbeat: TimerHandle | undefined;
  private bootRetry: TimerHandle | undefined;
  private bootReason: BootReason = 'PowerUp';
  private securityEvent: 'StartupOfTheDevice' | 'ResetOrReboot' = 'StartupOfTheDevice';
  /** An Accepted boot happened since the last power-on: a reconnect does not boot again. */
  private bootedSincePowerOn = false;
  /** Bumped per connection so that answers and timers of an old connection are ignored. */
  private generation = 0;
  /** Work to do once the next boot is accepted (e.g. report a firmware as Installed). */
  private readonly afterBoot: Array<() => void> = [];
  private rebooting = false;
  /** When the connection dropped (Date.now()), for the offline threshold. */
  private offlineSince: number | undefined;

  constructor(
    private readonly st: Station,
    private readonly registerHandlers: (endpoint: RpcEndpoint) => void,
  ) {
    st.link.on('open', (endpoint) => this.onOpen(endpoint));
    st.link.on('close', () => this.onClose());
  }

  get isRebooting(): boolean {
    return this.rebooting;
  }

  /** Runs `fn` after the next accepted boot. */
  onNextBoot(fn: () => void): void {
    this.afterBoot.push(fn);
  }

  /** Sends a BootNotification now (TriggerMessage). */
  triggerBoot(): void {
    this.bootReason = 'Triggered';
    this.sendBoot();
  }

  restartHeartbeat(): void {
    this.heartbeat?.cancel();
    const interval = this.st.settings.heartbeatInterval();
    if (interval <= 0 || this.st.bootStatus !== 'Accepted') return;
    const every = this.st.faults.has('heartbeat-interval-ignored') ? interval * 3 : interval;
    this.heartbeat = this.st.timers.every(every, () => {
      if (this.st.ready) this.st.send('Heartbeat', {});
    });
  }

  /**
   * Reset (Hard/Soft: transactions are stopped and reported first) or power cycle (the connection just
   * drops; the transactions' end is reported after the next boot). Then the station starts over.
   */
  async reboot(kind: RebootKind, reason: BootReason = kind === 'PowerLoss' ? 'PowerUp' : 'RemoteReset', backupPower = false): Promise<void> {
    const st = this.st;
    if (this.rebooting) return;
    this.rebooting = true;
    try {
      if (kind === 'PowerLoss' && backupPower && !st.faults.has('backup-power-ignored')) {
        // A back-up power source lets the station end its transactions (and say so) before it goes down (OCTT TC_032_1_CS).
        st.engine.stopAllForReset('PowerLoss');
        await st.drainTx(st.opts.responseTimeoutMs);
        await st.settle(st.opts.responseTimeoutMs);
        await st.link.drop();
      } else if (kind === 'PowerLoss') {
        await st.link.drop();
        st.engine.stopAllForReset('PowerLoss');
      } else {
        st.engine.stopAllForReset(kind);
        await st.drainTx(st.opts.responseTimeoutMs);
        await st.link.disconnect();
      }
      this.powerOn(reason, kind === 'PowerLoss' ? 'StartupOfTheDevice' : 'ResetOrReboot');
    } finally {
      this.rebooting = false;
    }
  }

  /** The state a freshly started station is in; then it connects. */
  powerOn(reason: BootReason, securityEvent: 'StartupOfTheDevice' | 'ResetOrReboot'): void {
    const st = this.st;
    this.heartbeat?.cancel();
    this.bootRetry?.cancel();
    st.bootStatus = 'None';
    this.bootedSincePowerOn = false;
    this.bootReason = reason;
    this.securityEvent = securityEvent;
    // 2.0.1 B11 (Part 6 TC_B_24_CS): a reservation survives a reset; the 1.6 station forgets them
    if (st.version === '1.6' || st.faults.has('reservation-201-lost-on-reboot')) st.reservations = [];
    st.stationReportedStatus = undefined;
    if (st.faults.has('availability-lost-on-reboot') || st.faults.has('availability-not-persisted')) {
      st.stationOperative = true;
      for (const c of st.connectors) c.operative = true;
    }
    for (const c of st.connectors) {
      if (st.faults.has('availability-lost-on-reset')) c.operative = true;
      c.reportedStatus = undefined;
      c.awaitingPlug = undefined;
      c.finishing = false;
    }
    st.engine.forgetAfterPowerLoss();
    if (st.faults.has('auth-cache-201-lost-on-reboot')) st.auth.clearCache(); // the cache must live in non-volatile memory (C10.FR.02)
    if (st.version !== '1.6') localListAfterReboot201(st);
    if (st.version !== '1.6') displayMessagesAfterReboot201(st);
    if (!st.isClosed) st.link.connect();
  }

  stop(): void {
    this.heartbeat?.cancel();
    this.bootRetry?.cancel();
  }

  private onOpen(endpoint: RpcEndpoint): void {
    this.generation++;
    this.registerHandlers(endpoint);
    if (this.bootedSincePowerOn && this.st.bootStatus === 'Accepted') {
      // Back after a dropped connection: report what changed meanwhile and deliver the queued messages.
      this.restartHeartbeat();
      if (this.st.faults.has('offline-status-change-not-reported')) this.st.markStatusesReported();
      else this.st.reportStatuses(this.offlineLongerThanThreshold());
      this.st.pumpTx();
      return;
    }
    this.sendBoot();
  }

  /**
   * 2.0.1 B04: back online after longer than OCPPCommCtrlr.OfflineThreshold, the station reports every connector
   * (B04.FR.01); after a shorter time only those whose status changed meanwhile (B04.FR.02).
   */
  private offlineLongerThanThreshold(): boolean {
    const since = this.offlineSince;
    this.offlineSince = undefined;
    const threshold = Number(this.st.deviceModel?.value('OCPPCommCtrlr', 'OfflineThreshold'));
    if (this.st.version === '1.6' || since === undefined || !Number.isFinite(threshold) || this.st.faults.has('offline-threshold-ignored')) return false;
    return this.st.timers.secondsSince(since) > threshold;
  }

  private onClose(): void {
    this.offlineSince ??= Date.now();
    this.generation++;
    this.heartbeat?.cancel();
    this.bootRetry?.cancel();
  }

  private bootPayload(): Payload {
    const o = this.st.opts;
    if (this.st.version === '1.6') {
      const p: Payload = { chargePointVendor: o.vendor, chargePointModel: o.model, firmwareVersion: o.firmwareVersion };
      if (o.serialNumber) p.chargePointSerialNumber = o.serialNumber;
      return p;
    }
    const cs: Payload = { model: o.model, vendorName: o.vendor, firmwareVersion: o.firmwareVersion };
    if (o.serialNumber) cs.serialNumber = o.serialNumber;
    return { reason: this.bootReason, chargingStation: cs };
  }

  private sendBoot(): void {
    const st = this.st;
    const generation = this.generation;
    this.bootRetry?.cancel();
    if (st.faults.has('status-before-boot')) st.reportStatuses(true);
    st.bootCount++;
    st.call('BootNotification', this.bootPayload()).then(
      (answer) => {
        if (generation === this.generation) this.onBootAnswer(answer);
      },
      (e: unknown) => {
        if (generation !== this.generation || e instanceof RpcClosedError) return;
        st.problem(e);
        this.bootRetry = st.timers.after(st.opts.bootRetryDefault, () => this.sendBoot());
      },
    );
  }

  private onBootAnswer(answer: Payload): void {
    const st = this.st;
    const status = (typeof answer.status === 'string' ? answer.status : 'Rejected') as BootStatus;
    const interval = typeof answer.interval === 'number' ? answer.interval : 0;
    st.bootStatus = status;
    st.events.emit('boot', status);
    if (status !== 'Accepted') {
      const wait = st.faults.has('boot-retry-ignores-interval') ? 1 : interval > 0 ? interval : st.opts.bootRetryDefault;
      const generation = this.generation;
      this.bootRetry = st.timers.after(wait, () => {
        if (generation === this.generation && st.link.online) this.sendBoot();
      });
      return;
    }
    this.bootedSincePowerOn = true;
    this.offlineSince = undefined;
    if (interval > 0) st.settings.setHeartbeatInterval(interval);
    this.restartHeartbeat();
    if (st.faults.has('no-status-notification-after-boot')) st.markStatusesReported();
    else st.reportStatuses(true);
    if (st.version === '2.0.1') st.send('SecurityEventNotification', { type: this.securityEvent, timestamp: new Date().toISOString() });
    for (const fn of this.afterBoot.splice(0)) fn();
    st.pumpTx();
  }
}
