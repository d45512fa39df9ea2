import type { Payload } from '../../ocpp/frame.js';
import type { TimerHandle } from '../timers.js';
import type { Lifecycle } from './lifecycle.js';
import type { Station } from './station.js';

/**
 * Simulated firmware updates and log / diagnostics uploads, reported step by step with the version's
 * status notifications (1.6 §4.4/§4.5 and the security whitepaper's LogStatusNotification; 2.0.1 L01, N01).
 * Nothing is transferred: each step takes `transferStepSeconds`, and a location containing "fail" fails; a firmware
 * location containing "invalid", "unsupported" or "corrupt" downloads but fails to install (InstallationFailed).
 */
export class Maintenance {
  /** The last firmware status reported (TriggerMessage answers with it). */
  firmwareStatus = 'Idle';
  firmwareRequestId: number | undefined;
  /** The last diagnostics / log upload status reported. */
  uploadStatus = 'Idle';
  logRequestId: number | undefined;
  private uploadTimer: TimerHandle | undefined;

  constructor(
    private readonly st: Station,
    private readonly lifecycle: Lifecycle,
  ) {}

  /** UpdateFirmware: download at `retrieveAt`, install, reboot, report Installed after the boot. */
  updateFirmware(location: string, retrieveAt: number, requestId?: number): void {
    const st = this.st;
    this.firmwareRequestId = requestId;
    const step = st.opts.transferStepSeconds;
    const failing = /fail/i.test(location) && !st.faults.has('firmware-download-failure-hidden');
    // A firmware file the station cannot install (OCTT TC_044_3_CS: "a NOT supported file").
    const uninstallable = /invalid|unsupported|corrupt/i.test(location) && !st.faults.has('firmware-installation-failure-hidden');
    st.timers.afterMs(Math.min(Math.max(0, retrieveAt - Date.now()), 60_000), () => {
      this.reportFirmware('Downloading');
      st.timers.after(step, () => {
        if (failing) return this.reportFirmware('DownloadFailed', true);
        this.reportFirmware('Downloaded');
        st.timers.after(step, () => {
          this.reportFirmware('Installing');
          st.timers.after(step, () => {
            if (uninstallable) return this.reportFirmware('InstallationFailed', true);
            if (st.version === '2.0.1') this.reportFirmware('InstallRebooting');
            if (!st.faults.has('no-firmware-installed-status')) this.lifecycle.onNextBoot(() => this.reportFirmware('Installed', true));
            void this.lifecycle.reboot('Soft', 'FirmwareUpdate').catch((e) => st.problem(e));
          });
        });
      });
    });
  }

  /** GetDiagnostics (1.6) / GetLog (1.6 security, 2.0.1): Uploading, then Uploaded or a failure. Returns the file name. */
  upload(location: string, kind: 'diagnostics' | 'log', requestId?: number): string {
    const st = this.st;
    this.logRequestId = requestId;
    const fileName = `${st.identity}-${kind}-${Date.now()}.log`;
    const failing = /fail/i.test(location) && !st.faults.has('diagnostics-upload-failure-hidden');
    this.uploadTimer = st.timers.after(st.opts.transferStepSeconds, () => {
      if (kind === 'diagnostics' && st.faults.has('diagnostics-no-uploading-status')) this.uploadStatus = 'Uploading';
      else this.reportUpload('Uploading', kind);
      this.uploadTimer = st.timers.after(st.opts.transferStepSeconds, () => {
        this.uploadTimer = undefined;
        if (failing) this.reportUpload(kind === 'diagnostics' ? 'UploadFailed' : 'UploadFailure', kind, true);
        else this.reportUpload('Uploaded', kind, true);
      });
    });
    return fileName;
  }

  /** Stops the upload going on, if any (2.0.1 N01.FR.12, a second GetLog); true when there was one. */
  cancelUpload(): boolean {
    if (!this.uploadTimer) return false;
    this.uploadTimer.cancel();
    this.uploadTimer = undefined;
    this.uploadStatus = 'Idle';
    return true;
  }

  reportFirmware(status: string, final = false): void {
    this.firmwareStatus = status;
    const payload: Payload = { status };
    if (this.st.version === '2.0.1' && this.firmwareRequestId !== undefined) payload.requestId = this.firmwareRequestId;
    if (this.st.ready) this.st.send('FirmwareStatusNotification', payload);
    if (final) this.firmwareStatus = 'Idle';
  }

  reportUpload(status: string, kind: 'diagnostics' | 'log', final = false): void {
    this.uploadStatus = status;
    if (kind === 'log' && status === 'Uploading' && this.st.faults.has('security-log-no-uploading-status')) return;
    if (kind === 'diagnostics') {
      if (this.st.ready) this.st.send('DiagnosticsStatusNotification', { status });
    } else {
      const payload: Payload = { status };
      if (this.logRequestId !== undefined && !this.st.faults.has('log-status-no-request-id')) payload.requestId = this.logRequestId;
      if (this.st.ready) this.st.send('LogStatusNotification', payload);
    }
    if (final) this.uploadStatus = 'Idle';
  }
}
