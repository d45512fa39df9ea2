import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import { clockAligned201 } from './clock-aligned-201.js';
import { addReservation, cancelReservation, changeAvailability } from './availability.js';
import { reserveNowVerdict201 } from './reservation-201.js';
import type { ReportBase, VariableQuery } from './device-model.js';
import type { Lifecycle } from './lifecycle.js';
import type { Maintenance } from './maintenance.js';
import type { ProfileStore } from './smart-charging.js';
import type { Station } from './station.js';
import type { IdToken, TxEngine201 } from './tx-201.js';
import { baseReport, getVariables, setVariables } from './variables-201.js';
import { gateByBootStatus } from './boot-gate-201.js';
import { getLocalListVersion201, sendLocalList201 } from './local-list-201.js';
import { registerSmartCharging201, remoteStartProfile201, type ChargingProfile201 } from './smart-charging-201.js';

/**
 * The 2.0.1 station's answers to the CSMS's requests (OCPP 2.0.1 Part 2: B provisioning, C/D authorization
 * and local list, E/F transactions and remote control, G availability, H reservation, K smart charging,
 * L firmware, N diagnostics). Work the answer must precede runs afterReply.
 */
export interface Parts201 {
  st: Station;
  engine: TxEngine201;
  lifecycle: Lifecycle;
  maintenance: Maintenance;
  profiles: ProfileStore;
  /** Set by Reset OnIdle while transactions run: reboot once they have ended. */
  scheduleResetWhenIdle: () => void;
}

export function registerHandlers201(ep: RpcEndpoint, p: Parts201): void {
  const { st, engine, lifecycle, maintenance } = p;
  const dm = st.deviceModel!;
  clockAligned201(st, engine).restart();
  gateByBootStatus(ep, st);

  ep.handle('RequestStartTransaction', (req, ctx) => {
    const profile = req.chargingProfile as { chargingProfilePurpose?: string } | undefined;
    if (profile && st.faults.has('remote-start-with-profile-rejected')) return { status: 'Rejected' };
    if (profile && st.opts.smartCharging && profile.chargingProfilePurpose !== 'TxProfile') return { status: 'Rejected' };
    const d = engine.requestStart(req.evseId as number | undefined, req.remoteStartId as number, req.idToken as IdToken);
    if (profile && st.opts.smartCharging && d.status === 'Accepted' && typeof req.evseId === 'number') remoteStartProfile201(p, req.evseId, profile as ChargingProfile201, d.transactionId);
    if (d.proceed) ctx.afterReply(d.proceed);
    const answer: Payload = { status: d.status };
    if (d.transactionId) answer.transactionId = d.transactionId;
    return answer;
  });

  ep.handle('RequestStopTransaction', (req, ctx) => {
    const d = engine.requestStop(req.transactionId as string);
    if (d.proceed) ctx.afterReply(d.proceed);
    return { status: d.status };
  });

  ep.handle('GetVariables', (req) => rejectCustomData(st, req) ?? getVariables(dm, st.faults, req.getVariableData as VariableQuery[]));

  ep.handle('SetVariables', (req, ctx) => {
    ctx.afterReply(() => clockAligned201(st, engine).restart()); // AlignedDataCtrlr.Interval may have changed
    return rejectCustomData(st, req) ?? setVariables(dm, st.faults, req.setVariableData as Array<VariableQuery & { attributeValue: string }>);
  });

  ep.handle('GetBaseReport', (req, ctx) => {
    const data = baseReport(dm, st.faults, req.reportBase as ReportBase);
    if (data.length === 0) return { status: 'EmptyResultSet' };
    ctx.afterReply(() => sendReport(st, req.requestId as number, data));
    return { status: 'Accepted' };
  });

  ep.handle('Reset', (req, ctx) => {
    if (req.evseId !== undefined) return { status: 'Rejected' }; // resetting a single EVSE is not supported
    if (st.faults.has('reset-ignored')) return { status: 'Accepted' };
    if (req.type === 'OnIdle' && engine.transactions().length > 0 && !st.faults.has('reset-onidle-not-scheduled')) {
      p.scheduleResetWhenIdle();
      return { status: 'Scheduled' };
    }
    ctx.afterReply(() => lifecycle.reboot(req.type === 'Immediate' ? 'Hard' : 'Soft'));
    return { status: 'Accepted' };
  });

  ep.handle('ChangeAvailability', (req) => {
    const evse = req.evse as { id: number; connectorId?: number } | undefined;
    if (evse && evse.connectorId !== undefined && evse.connectorId !== 1) return { status: 'Rejected' };
    return { status: changeAvailability(st, evse?.id ?? 0, req.operationalStatus === 'Operative') };
  });

  ep.handle('UnlockConnector', (req) => {
    const c = st.connector(req.evseId as number);
    if (!c || req.connectorId !== 1) return { status: 'UnknownConnector' };
    if (engine.transactions().some((t) => t.evseId === c.evseId && t.idTag !== undefined)) return { status: 'OngoingAuthorizedTransaction' };
    return { status: 'Unlocked' };
  });

  ep.handle('TriggerMessage', (req, ctx) => {
    const evse = req.evse as { id: number; connectorId?: number } | undefined;
    const one = evse ? st.connector(evse.id) : undefined;
    if (evse && evse.id !== 0 && !one) return { status: 'Rejected' };
    const targets = one ? [one] : st.connectors;
    const message = req.requestedMessage as string;
    if (message === 'BootNotification' && st.bootStatus === 'Accepted') return { status: 'Rejected' };
    if (message === 'TransactionEvent' && !targets.some((c) => engine.txOf(c))) return { status: 'Rejected' };
    const send: Record<string, () => void> = {
      BootNotification: () => lifecycle.triggerBoot(),
      Heartbeat: () => {
        if (!st.faults.has('trigger-heartbeat-not-sent')) st.send('Heartbeat', {});
      },
      StatusNotification: () => targets.forEach((c) => st.reportStatusOf(c.evseId)),
      MeterValues: () => targets.forEach((c) => engine.sampleMeter(c, 'Trigger')),
      TransactionEvent: () => targets.forEach((c) => engine.triggerEvent(c)),
      FirmwareStatusNotification: () => maintenance.reportFirmware(maintenance.firmwareStatus),
      LogStatusNotification: () => maintenance.reportUpload(maintenance.uploadStatus === 'Uploading' ? 'Uploading' : 'Idle', 'log'),
    };
    const action = send[message];
    if (!action) return { status: 'NotImplemented' };
    ctx.afterReply(action);
    return { status: 'Accepted' };
  });

  ep.handle('ClearCache', () => {
    if (!st.settings.authCacheEnabled() && !st.faults.has('auth-cache-201-clear-when-disabled')) return { status: 'Rejected' };
    if (!st.faults.has('auth-cache-201-clear-ignored')) st.auth.clearCache();
    return { status: 'Accepted' };
  });

  ep.handle('GetTransactionStatus', (req) => {
    const answer: Payload = { messagesInQueue: (st.queuedTxMessages > 0 && !st.faults.has('tx-status-queue-ignored')) || st.faults.has('tx-status-queue-always') };
    if (typeof req.transactionId === 'string') answer.ongoingIndicator = engine.connectorOfTransaction(req.transactionId) !== undefined;
    if (st.faults.has('tx-status-always-ongoing')) answer.ongoingIndicator = true;
    return answer;
  });

  ep.handle('SetNetworkProfile', (req) => {
    const slot = req.configurationSlot as number;
    return { status: slot >= 0 && slot <= 8 ? 'Accepted' : 'Rejected' };
  });

  ep.handle('DataTransfer', () => ({ status: st.faults.has('data-transfer-201-accepted') ? 'Accepted' : 'UnknownVendorId' }));

  ep.handle('GetLocalListVersion', () => getLocalListVersion201(st));

  ep.handle('SendLocalList', (req) => sendLocalList201(st, req));

  ep.handle('ReserveNow', (req) => {
    const evseId = (req.evseId as number | undefined) ?? 0;
    const id = req.id as number;
    const status = reserveNowVerdict201(st, evseId, id, req.connectorType as string | undefined);
    if (status === 'Accepted') {
      const idToken = req.idToken as IdToken;
      const group = req.groupIdToken as IdToken | undefined;
      addReservation(st, { id, evseId, idTag: idToken.idToken, parentIdTag: group?.idToken, expiresAt: Date.parse(req.expiryDateTime as string) });
    }
    return { status };
  });

  ep.handle('CancelReservation', (req) => ({ status: cancelReservation(st, req.reservationId as number) ? 'Accepted' : 'Rejected' }));

  // K SmartCharging: SetChargingProfile, ClearChargingProfile, GetChargingProfiles, GetCompositeSchedule.
  registerSmartCharging201(ep, p);

  ep.handle('UpdateFirmware', (req, ctx) => {
    const fw = req.firmware as { location: string; retrieveDateTime: string };
    ctx.afterReply(() => maintenance.updateFirmware(fw.location, Date.parse(fw.retrieveDateTime), req.requestId as number));
    return { status: 'Accepted' };
  });

  ep.handle('GetLog', (req) => {
    const log = req.log as { remoteLocation: string };
    return { status: 'Accepted', filename: maintenance.upload(log.remoteLocation, 'log', req.requestId as number) };
  });
}

/** Fault custom-data-rejected: a request carrying customData (OCPP 2.0.1 Part 2 §1.4: allowed on every message) is refused. */
function rejectCustomData(st: Station, req: Payload): undefined {
  if (st.faults.has('custom-data-rejected') && JSON.stringify(req).includes('"customData"')) throw new RpcError('FormatViolation', 'unexpected property customData');
  return undefined;
}

/** NotifyReport in parts of ItemsPerMessage[GetReport] items, seqNo from 0, tbc on all but the last. */
function sendReport(st: Station, requestId: number, data: object[]): void {
  const size = Math.max(1, st.settings.itemsPerMessage('GetReport'));
  const generatedAt = new Date().toISOString();
  const parts = Math.ceil(data.length / size);
  for (let i = 0; i < parts; i++) {
    st.send('NotifyReport', { requestId, generatedAt, seqNo: st.faults.has('report-seqno-not-incremented') ? 0 : i, tbc: i < parts - 1, reportData: data.slice(i * size, (i + 1) * size) });
  }
}
