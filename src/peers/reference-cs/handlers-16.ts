import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import { addReservation, cancelReservation, changeAvailability, reservationVerdict } from './availability.js';
import { clockAligned16 } from './clock-aligned-16.js';
import { dataTransfer16 } from './data-transfer-16.js';
import type { Lifecycle } from './lifecycle.js';
import type { Maintenance } from './maintenance.js';
import type { ProfileStore, StoredProfile } from './smart-charging.js';
import { composite16, profileFrom16, type ChargingProfile16 } from './smart-charging-16.js';
import { changeAuthorizationKey, changeSecurityProfile, registerSecurity16 } from './security-16.js';
import type { Station } from './station.js';
import type { TxEngine16 } from './tx-16.js';

/**
 * The 1.6 station's answers to the Central System's requests (OCPP 1.6 chapter 5, plus GetLog of the
 * security whitepaper). Each handler answers at once; work the answer must precede runs afterReply.
 */
export interface Parts16 {
  st: Station;
  engine: TxEngine16;
  lifecycle: Lifecycle;
  maintenance: Maintenance;
  profiles: ProfileStore;
}

const PURPOSE_16: Record<string, StoredProfile['purpose']> = { ChargePointMaxProfile: 'StationMax', TxDefaultProfile: 'TxDefault', TxProfile: 'Tx' };

export function registerHandlers16(ep: RpcEndpoint, p: Parts16): void {
  const { st, engine, lifecycle, maintenance, profiles } = p;
  const supports = (profile: string) => (st.config16!.get('SupportedFeatureProfiles') ?? '').split(',').includes(profile);
  clockAligned16(st, engine).restart();
  registerSecurity16(ep, { st, engine, lifecycle, maintenance });

  ep.handle('RemoteStartTransaction', (req, ctx) => {
    const profile = req.chargingProfile as { chargingProfilePurpose?: string } | undefined;
    if (profile && profile.chargingProfilePurpose !== 'TxProfile' && !st.faults.has('remote-start-profile-purpose-unchecked')) return { status: 'Rejected' };
    const decision = engine.remoteStart(req.connectorId as number | undefined, req.idTag as string);
    const proceed = decision.proceed;
    if (proceed) {
      ctx.afterReply(async () => {
        await proceed();
        // The profile governs the transaction it started (§5.16.2).
        const tx = engine.transactions().find((t) => t.idTag === req.idTag && (req.connectorId === undefined || t.evseId === req.connectorId));
        if (profile && tx && !st.faults.has('remote-start-profile-ignored')) profiles.set(profileFrom16(profile as ChargingProfile16, tx.evseId), true, tx);
      });
    }
    return { status: decision.status };
  });

  ep.handle('RemoteStopTransaction', (req, ctx) => {
    const decision = engine.remoteStop(req.transactionId as number);
    if (decision.proceed) ctx.afterReply(decision.proceed);
    return { status: decision.status };
  });

  ep.handle('ChangeAvailability', (req) => ({ status: changeAvailability(st, req.connectorId as number, req.type === 'Operative') }));

  ep.handle('ChangeConfiguration', (req, ctx) => {
    const key = req.key as string;
    if (key === 'SecurityProfile') return { status: changeSecurityProfile(st, String(req.value), (fn) => ctx.afterReply(fn)) };
    if (key === 'AuthorizationKey') return { status: changeAuthorizationKey(st, String(req.value), (fn) => ctx.afterReply(fn)) };
    if (!st.config16!.has(key) && st.faults.has('unknown-config-key-rejected')) return { status: 'Rejected' };
    if (st.config16!.has(key) && /^\s*-\d+\s*$/.test(String(req.value)) && st.faults.has('negative-config-value-accepted')) return { status: 'Accepted' };
    if (st.config16!.has(key) && st.faults.has('config-change-not-stored')) return { status: 'Accepted' };
    const status = st.config16!.change(key, req.value as string, st.faults.has('readonly-config-accepted'));
    if (status === 'Accepted' && key === 'HeartbeatInterval') ctx.afterReply(() => lifecycle.restartHeartbeat());
    if (status === 'Accepted' && key === 'ClockAlignedDataInterval') ctx.afterReply(() => clockAligned16(st, engine).restart());
    return { status };
  });

  ep.handle('GetConfiguration', (req) => {
    let { configurationKey, unknownKey } = st.config16!.read((req.key as string[] | undefined) ?? []);
    if (st.faults.has('config-key-missing') && configurationKey.some((k) => k.key === 'ConnectorPhaseRotation')) {
      configurationKey = configurationKey.filter((k) => k.key !== 'ConnectorPhaseRotation');
      if ((req.key as string[] | undefined)?.includes('ConnectorPhaseRotation')) unknownKey = [...unknownKey, 'ConnectorPhaseRotation'];
    }
    const answer: Payload = { configurationKey };
    if (unknownKey.length > 0) answer.unknownKey = unknownKey;
    return answer;
  });

  ep.handle('Reset', (req, ctx) => {
    if (!st.faults.has('reset-ignored')) ctx.afterReply(() => lifecycle.reboot(req.type === 'Hard' ? 'Hard' : 'Soft'));
    return { status: 'Accepted' };
  });

  ep.handle('UnlockConnector', (req) => {
    const c = st.connector(req.connectorId as number);
    if (!c && st.faults.has('unlock-unknown-connector-unlocked')) return { status: 'Unlocked' };
    if (!c || st.opts.fixedCable) return { status: st.faults.has('unlock-failed') ? 'UnlockFailed' : 'NotSupported' };
    if (st.faults.has('unlock-failed')) return { status: 'UnlockFailed' };
    // A connector whose lock is broken cannot be unlocked (OCTT TC_030_CS).
    if (c.fault?.errorCode === 'ConnectorLockFailure' && !st.faults.has('unlock-failure-reported-unlocked')) return { status: 'UnlockFailed' };
    if (c.tx) engine.stop(c, 'UnlockCommand');
    return { status: 'Unlocked' };
  });

  ep.handle('TriggerMessage', (req, ctx) => {
    const connectorId = req.connectorId as number | undefined;
    const unknown = connectorId !== undefined && connectorId !== 0 && !st.connector(connectorId);
    if (unknown && !st.faults.has('trigger-unknown-connector-accepted')) return { status: 'Rejected' };
    const targets = connectorId && !unknown ? [st.connector(connectorId)!] : st.connectors;
    const send: Record<string, () => void> = {
      BootNotification: () => lifecycle.triggerBoot(),
      Heartbeat: () => st.send('Heartbeat', {}),
      StatusNotification: () => (connectorId !== undefined ? st.reportStatusOf(connectorId) : [0, ...st.connectors.map((c) => c.evseId)].forEach((id) => st.reportStatusOf(id))),
      MeterValues: () => targets.forEach((c) => engine.sampleMeter(c, 'Trigger')),
      FirmwareStatusNotification: () => st.send('FirmwareStatusNotification', { status: maintenance.firmwareStatus }),
      DiagnosticsStatusNotification: () => st.send('DiagnosticsStatusNotification', { status: maintenance.uploadStatus === 'Uploading' ? 'Uploading' : st.faults.has('trigger-diagnostics-status-not-idle') ? 'Uploaded' : 'Idle' }),
    };
    const action = send[req.requestedMessage as string];
    if (!action) return { status: 'NotImplemented' };
    ctx.afterReply(action);
    return { status: 'Accepted' };
  });

  ep.handle('ClearCache', () => {
    if (!st.settings.authCacheEnabled()) return { status: 'Rejected' };
    if (!st.faults.has('clear-cache-ignored')) st.auth.clearCache();
    return { status: 'Accepted' };
  });

  ep.handle('DataTransfer', () => dataTransfer16(st));

  ep.handle('GetLocalListVersion', () => {
    // -1: no local list in use; 0: the list is empty, whatever version installed it (§5.10).
    if (!st.settings.localAuthListEnabled() && !st.faults.has('local-list-version-when-disabled')) return { listVersion: -1 };
    return { listVersion: st.auth.listSize === 0 && !st.faults.has('empty-local-list-version-reported') ? 0 : st.auth.listVersion };
  });

  ep.handle('SendLocalList', (req) => {
    if (!supports('LocalAuthListManagement') && st.faults.has('local-list-unsupported-accepted')) return { status: 'Accepted' };
    if (!st.settings.localAuthListEnabled() || !supports('LocalAuthListManagement')) return { status: 'NotSupported' };
    const entries = ((req.localAuthorizationList as Array<{ idTag: string; idTagInfo?: { status: string; expiryDate?: string; parentIdTag?: string } }>) ?? []).map((e) => ({ idTag: e.idTag, info: e.idTagInfo }));
    const full = req.updateType === 'Full';
    if (!full && st.faults.has('local-list-differential-failed')) return { status: 'Failed' };
    const max = st.faults.has('local-list-overflow-accepted') ? Number.POSITIVE_INFINITY : Number(st.config16!.get('LocalAuthListMaxLength') ?? '100');
    const version = req.listVersion as number;
    // The fault: an older Differential update is taken as if it were newer.
    if (!full && st.faults.has('local-list-version-not-checked') && version <= st.auth.listVersion) return { status: st.auth.update(st.auth.listVersion + 1, false, entries, max) };
    return { status: st.auth.update(version, full, entries, max) };
  });

  ep.handle('ReserveNow', (req) => {
    // Without the Reservation feature profile every reservation is Rejected (OCTT TC_048_4 / TC_050_4).
    if (!supports('Reservation')) {
      if (st.faults.has('reserve-unsupported-callerror')) throw new RpcError('NotSupported', 'Reservation is not supported');
      return { status: 'Rejected' };
    }
    const evseId = req.connectorId as number;
    const id = req.reservationId as number;
    const status = st.faults.has('reserve-accepts-any') ? 'Accepted' : reservationVerdict(st, evseId, id);
    if (status === 'Accepted') addReservation(st, { id, evseId, idTag: req.idTag as string, parentIdTag: req.parentIdTag as string | undefined, expiresAt: Date.parse(req.expiryDate as string) });
    return { status };
  });

  ep.handle('CancelReservation', (req) => {
    const id = req.reservationId as number;
    if (st.faults.has('cancel-reservation-keeps-reserved') && st.reservations.some((r) => r.id === id)) return { status: 'Accepted' };
    return { status: cancelReservation(st, id) || st.faults.has('cancel-reservation-accepts-unknown') ? 'Accepted' : 'Rejected' };
  });

  ep.handle('SetChargingProfile', (req) => {
    const evseId = req.connectorId as number;
    const c = st.connector(evseId);
    const tx = c && engine.transactions().find((t) => t.evseId === evseId);
    const profile = profileFrom16(req.csChargingProfiles as ChargingProfile16, evseId);
    if (profile.purpose === 'TxDefault' && st.faults.has('tx-default-profile-rejected')) return { status: 'Rejected' };
    const claimed = { transactionId: profile.transactionId };
    if (profile.purpose === 'Tx' && (tx ? st.faults.has('tx-profile-transaction-unchecked') : st.faults.has('tx-profile-without-transaction-accepted'))) return { status: profiles.set(profile, true, claimed) };
    return { status: profiles.set(profile, evseId === 0 || !!c, tx) };
  });

  ep.handle('ClearChargingProfile', (req) => {
    const purpose = req.chargingProfilePurpose as string | undefined;
    if (req.id !== undefined && st.faults.has('clear-profile-by-id-ignored')) return { status: 'Accepted' };
    const removed = profiles.clear({ id: req.id as number | undefined, evseId: req.connectorId as number | undefined, purpose: purpose ? PURPOSE_16[purpose] : undefined, stackLevel: req.stackLevel as number | undefined });
    return { status: removed ? 'Accepted' : 'Unknown' };
  });

  ep.handle('GetCompositeSchedule', (req) => {
    const connectorId = req.connectorId as number;
    if (connectorId !== 0 && !st.connector(connectorId)) return { status: 'Rejected' };
    const unit = req.chargingRateUnit === 'W' ? 'W' : req.chargingRateUnit === 'A' ? 'A' : undefined;
    const tx = engine.transactions().find((t) => t.evseId === connectorId);
    const s = composite16(profiles.list(), connectorId, req.duration as number, unit, tx, st.faults);
    const scheduleStart = new Date().toISOString();
    return { status: 'Accepted', connectorId, scheduleStart, chargingSchedule: { duration: s.duration, startSchedule: scheduleStart, chargingRateUnit: s.rateUnit, chargingSchedulePeriod: s.periods } };
  });

  ep.handle('UpdateFirmware', (req, ctx) => {
    ctx.afterReply(() => maintenance.updateFirmware(req.location as string, Date.parse(req.retrieveDate as string)));
    return {};
  });

  ep.handle('GetDiagnostics', (req) => ({ fileName: maintenance.upload(req.location as string, 'diagnostics') }));

  ep.handle('GetLog', (req) => {
    const log = req.log as { remoteLocation: string };
    return { status: 'Accepted', filename: maintenance.upload(log.remoteLocation, 'log', req.requestId as number) };
  });
}
