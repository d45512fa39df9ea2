import { verify } from 'node:crypto';
import type { Payload } from '../../ocpp/frame.js';
import { currentlyValid, parseCertificate } from '../certificates-16.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { firmwareImage } from '../security-fixtures-16.js';
import { certificateStore201 } from './certificates-201.js';
import { afterTransactions, releaseConnectors } from './firmware-pending-201.js';
import type { Lifecycle } from './lifecycle.js';
import type { Maintenance } from './maintenance.js';
import type { Station } from './station.js';

/**
 * The 2.0.1 station's secure firmware update (OCPP 2.0.1 Part 2 L01): the signing certificate must chain to an
 * installed ManufacturerRootCertificate (L01.FR.02, else InvalidCertificate and the security event
 * InvalidFirmwareSigningCertificate), the download waits for retrieveDateTime (DownloadScheduled), the signature
 * is verified after the download (L01.FR.03-04: InvalidSignature and InvalidFirmwareSignature, or
 * SignatureVerified), the installation waits for installDateTime (InstallScheduled, L01.FR.15-16), then Installing,
 * InstallRebooting, a reboot with reason FirmwareUpdate, and Installed with the security event FirmwareUpdated
 * after the boot; while transactions run, firmware-pending-201.ts decides what waits. Nothing is transferred: the image is firmwareImage(location); a location containing "fail" or
 * "does_not_exist" cannot be downloaded, one containing "invalid", "unsupported" or "corrupt" does not install.
 */
export interface FirmwareParts201 {
  st: Station;
  lifecycle: Lifecycle;
  maintenance: Maintenance;
}

interface Firmware201 {
  location: string;
  retrieveDateTime: string;
  installDateTime?: string;
  signingCertificate?: string;
  signature?: string;
}

/** Longest wait for a scheduled download or installation (a test station does not wait for hours). */
const MAX_WAIT_MS = 60_000;

/** The update going on per station (handlers are registered per connection; an update outlives its reboot). */
interface UpdateState {
  generation: number;
  busy: boolean;
}
const UPDATES = new WeakMap<Station, UpdateState>();

export function registerFirmware201(ep: RpcEndpoint, p: FirmwareParts201): void {
  const { st, lifecycle, maintenance } = p;
  const faults = st.faults;
  const event = (type: string, techInfo?: string) => {
    const payload: Payload = { type, timestamp: new Date().toISOString() };
    if (techInfo) payload.techInfo = techInfo;
    st.send('SecurityEventNotification', payload);
  };

  ep.handle('UpdateFirmware', (req, ctx) => {
    const fw = req.firmware as unknown as Firmware201;
    if (fw.signingCertificate === undefined || fw.signature === undefined) {
      // Only secure firmware updates: without a signing certificate and signature the request is refused.
      if (!faults.has('firmware-201-unsigned-accepted')) return { status: 'Rejected' };
    }
    const signer = fw.signingCertificate === undefined ? undefined : parseCertificate(fw.signingCertificate);
    const roots = certificateStore201(st).filter((c) => c.type === 'ManufacturerRootCertificate');
    const trusted = signer !== undefined && currentlyValid(signer) && roots.some((r) => signer.checkIssued(r.cert) && signer.verify(r.cert.publicKey));
    if (fw.signingCertificate !== undefined && !trusted && !faults.has('firmware-201-signing-certificate-not-checked')) {
      ctx.afterReply(() => event('InvalidFirmwareSigningCertificate', 'the signing certificate does not chain to an installed ManufacturerRootCertificate'));
      return { status: 'InvalidCertificate' };
    }
    // L01.FR.24 (C-60): a new request cancels the update going on (AcceptedCanceled) and starts over.
    const state = UPDATES.get(st) ?? { generation: 0, busy: false };
    UPDATES.set(st, state);
    const canceled = state.busy;
    // L01.FR.27: unable to cancel, Rejected; the ongoing update goes on (unless the fault drops it all the same).
    const refused = canceled && (st.opts.cancelFirmwareUpdates === false || faults.has('firmware-201-cancel-not-supported'));
    if (refused && !faults.has('firmware-201-cancel-despite-rejecting')) return { status: 'Rejected' };
    state.generation++;
    state.busy = true;
    const generation = state.generation;
    maintenance.firmwareRequestId = req.requestId as number;
    ctx.afterReply(() => run(fw, signer, state, generation));
    return { status: refused ? 'Rejected' : canceled ? 'AcceptedCanceled' : 'Accepted' };
  });

  function run(fw: Firmware201, signer: ReturnType<typeof parseCertificate>, state: UpdateState, generation: number): void {
    const step = st.opts.transferStepSeconds;
    // A canceled update reports nothing more.
    const report = (status: string, final = false) => {
      if (state.generation !== generation) return;
      if (final) state.busy = false;
      if (final) releaseConnectors(st);
      maintenance.reportFirmware(status, final);
    };
    const waitUntil = (at: string | undefined, scheduled: string, then: () => void) => {
      const ms = at === undefined ? 0 : Math.min(Math.max(0, Date.parse(at) - Date.now()), MAX_WAIT_MS);
      if (ms <= 0 || faults.has('firmware-201-schedule-ignored')) return then();
      report(scheduled);
      st.timers.afterMs(ms, then);
    };
    const download = () => {
      if (state.generation !== generation) return;
      report('Downloading');
      st.timers.after(step, () => {
        if (state.generation !== generation) return;
        if (/fail|does_not_exist/i.test(fw.location) && !faults.has('firmware-201-download-failure-hidden')) return report('DownloadFailed', true);
        report('Downloaded');
        const good = faults.has('firmware-201-signature-not-verified') || (signer !== undefined && fw.signature !== undefined && verifies(fw, signer));
        if (!good) {
          report('InvalidSignature', true);
          if (state.generation === generation) event('InvalidFirmwareSignature');
          return;
        }
        st.timers.after(step, () => {
          if (state.generation !== generation) return;
          if (!faults.has('firmware-201-no-signature-verified-status')) report('SignatureVerified');
          waitUntil(fw.installDateTime, 'InstallScheduled', () => afterTransactions(st, 'install', report, () => {
            if (state.generation !== generation) return;
            report('Installing');
            st.timers.after(step, () => {
              if (state.generation !== generation) return;
              if (/invalid|unsupported|corrupt/i.test(fw.location) && !faults.has('firmware-201-installation-failure-hidden')) return report('InstallationFailed', true);
              report('InstallRebooting');
              releaseConnectors(st);
              lifecycle.onNextBoot(() => {
                report('Installed', true);
                if (!faults.has('firmware-201-no-firmware-updated-event')) event('FirmwareUpdated');
              });
              // The notifications still queued go out before the station goes down.
              void st
                .settle(st.opts.responseTimeoutMs)
                .then(() => lifecycle.reboot('Soft', 'FirmwareUpdate'))
                .catch((e) => st.problem(e));
            });
          }));
        });
      });
    };
    waitUntil(fw.retrieveDateTime, 'DownloadScheduled', () => afterTransactions(st, 'download', report, download));
  }
}

function verifies(fw: Firmware201, signer: NonNullable<ReturnType<typeof parseCertificate>>): boolean {
  try {
    return verify('sha256', firmwareImage(fw.location), signer.publicKey, Buffer.from(fw.signature!, 'base64'));
  } catch {
    return false;
  }
}
