import type { Payload } from '../../ocpp/frame.js';
import type { PeerControl } from '../peer-control.js';
import { afterSecurityRequest, securityRequestFaults } from './answers-16-security.js';
import type { StationSession } from './session.js';
import { certificateRequestFaults201, deleteListed201, listForDelete201 } from './certificates-201.js';
import { customerInformation201, getLogFaults201 } from './diagnostics-201.js';
import { updateFirmware201 } from './firmware-201.js';
import { publishFirmware201, unpublishFirmware201 } from './publish-firmware-201.js';
import { afterGetVariables201, getVariablesInParts201 } from './items-per-message-201.js';
import { getTransactionStatus201 } from './tx-status-201.js';
import { clearVariableMonitoring201, getMonitoringReport201, getReport201, setMonitoringBase201, setMonitoringLevel201, setVariableMonitoring201 } from './monitoring-201.js';
import { clearDisplayMessage201, costUpdated201, getDisplayMessages201, setDisplayMessage201 } from './display-message-201.js';
import { afterCustomerInformation201, sendLocalList201 } from './local-list-201.js';
import { afterReserveNow201, cancelReservation201, reserveNow201 } from './reservation-201.js';
import { afterProvisioningRequest201, networkProfile201 } from './provisioning-201.js';
import { chargingProfile16, clearChargingProfile16, remoteStartProfile16 } from './profiles-16.js';
import { afterSmartChargingRequest201, clearChargingProfile201, getChargingProfiles201, getCompositeSchedule201, remoteStartProfile201, setChargingProfile201, smartChargingNotSupported201 } from './smart-charging-201.js';

/**
 * The CSMS-initiated operations of the reference CSMS, as the runner's action adapter triggers them
 * ("make the CSMS send a RemoteStartTransaction" ...). Each names the station (`stationId`, optional when
 * one station is connected), builds the request in the station's version, and resolves once the station
 * answered; it rejects on a CALLERROR or timeout. Params use 1.6 or 2.0.1 names alike (connectorId / evseId).
 */
export const CSMS_ACTIONS = [
  'remoteStart',
  'remoteStop',
  'reset',
  'changeAvailability',
  'changeConfiguration',
  'setVariables',
  'getConfiguration',
  'getVariables',
  'getBaseReport',
  'triggerMessage',
  'unlockConnector',
  'clearCache',
  'sendLocalList',
  'getLocalListVersion',
  'reserveNow',
  'cancelReservation',
  'setChargingProfile',
  'clearChargingProfile',
  'getCompositeSchedule',
  'getChargingProfiles',
  'updateFirmware',
  'getDiagnostics',
  'getLog',
  'customerInformation',
  'dataTransfer',
  'setNetworkProfile',
  'deleteCertificate',
  'call',
  'csmsSend',
  'getTransactionStatus',
  'setDisplayMessage',
  'getDisplayMessages',
  'clearDisplayMessage',
  'costUpdated',
  'getReport',
  'getMonitoringReport',
  'setMonitoringBase',
  'setMonitoringLevel',
  'setVariableMonitoring',
  'clearVariableMonitoring',
  'publishFirmware',
  'unpublishFirmware',
] as const;

export type CsmsAction = (typeof CSMS_ACTIONS)[number];

type Params = Record<string, unknown>;
type Request = { action: string; payload: Payload };

export function createCsmsControl(pickSession: (stationId: unknown) => StationSession, validIdTags: () => string[]): PeerControl {
  let reservationCounter = 1;
  let latestReservation: number | undefined;
  let profileCounter = 1;
  let requestCounter = 1;
  const build: Record<CsmsAction, (s: StationSession, p: Params) => Request> = {
    remoteStart: (s, p) => {
      const idTag = s.faults.has('remote-start-without-idtag') ? '' : String(p.idTag ?? validIdTags()[0]);
      const where = num(p.connectorId ?? p.evseId) ?? (s.version === '1.6' && s.faults.has('csms16-remote-start-connector-zero') ? 0 : undefined);
      if (s.version === '1.6') return { action: 'RemoteStartTransaction', payload: withOptional(withOptional({ idTag }, 'connectorId', where), 'chargingProfile', p.withChargingProfile ? remoteStartProfile16(s, p, requestCounter++) : undefined) };
      const request: Payload = withOptional({ idToken: { idToken: idTag, type: String(p.idTokenType ?? 'ISO14443') }, remoteStartId: num(p.remoteStartId) ?? requestCounter++ }, 'evseId', where);
      return { action: 'RequestStartTransaction', payload: withOptional(request, 'chargingProfile', remoteStartProfile201(s, p, where)) };
    },
    remoteStop: (s, p) => {
      const active = s.activeTransactions;
      let txId = p.transactionId ?? (active.length === 1 ? active[0].transactionId : undefined);
      if (txId === undefined) throw new Error(`name the transactionId: station ${s.id} has ${active.length} active transactions`);
      if (s.faults.has('csms16-remote-stop-wrong-transaction')) txId = Number(txId) + 1;
      if (s.version !== '1.6' && s.faults.has('csms201-request-stop-uppercase-id')) txId = String(txId).toUpperCase();
      return s.version === '1.6' ? { action: 'RemoteStopTransaction', payload: { transactionId: Number(txId) } } : { action: 'RequestStopTransaction', payload: { transactionId: String(txId) } };
    },
    reset: (s, p) => {
      let type = String(p.type ?? (s.version === '1.6' ? 'Soft' : 'OnIdle'));
      if (s.faults.has('csms16-reset-type-swapped')) type = type === 'Hard' ? 'Soft' : type === 'Soft' ? 'Hard' : type;
      if (s.faults.has('csms201-reset-type-swapped')) type = type === 'Immediate' ? 'OnIdle' : type === 'OnIdle' ? 'Immediate' : type;
      if (s.version === '1.6') return { action: 'Reset', payload: { type: type === 'Immediate' ? 'Hard' : type === 'OnIdle' ? 'Soft' : type } };
      // 2.0.1 B11/B12 (C-13): a Reset may name one EVSE.
      return { action: 'Reset', payload: withOptional({ type: type === 'Hard' ? 'Immediate' : type === 'Soft' ? 'OnIdle' : type }, 'evseId', s.faults.has('csms201-reset-evse-dropped') ? undefined : num(p.evseId)) };
    },
    changeAvailability: (s, p) => {
      const operative = String(p.type ?? p.operationalStatus ?? 'Inoperative') === 'Operative';
      const where = num(p.connectorId ?? p.evseId) ?? 0;
      if (s.version === '1.6') return { action: 'ChangeAvailability', payload: { connectorId: where, type: operative ? 'Operative' : 'Inoperative' } };
      const payload: Payload = { operationalStatus: operative ? 'Operative' : 'Inoperative' };
      const wholeStation = s.faults.has('csms201-change-availability-whole-station') || (operative && s.faults.has('csms201-operative-whole-station'));
      if (where !== 0 && !wholeStation) payload.evse = withOptional({ id: where }, 'connectorId', num(p.evseConnectorId));
      if (where === 0 && s.faults.has('csms201-change-availability-evse-zero')) payload.evse = { id: 0 };
      return { action: 'ChangeAvailability', payload };
    },
    changeConfiguration: (s, p) => {
      if (s.version !== '1.6') return build.setVariables(s, p);
      const asNumber = s.faults.has('csms16-change-configuration-value-number') && String(p.value).trim() !== '' && Number.isFinite(Number(p.value));
      return { action: 'ChangeConfiguration', payload: { key: String(p.key), value: asNumber ? Number(p.value) : String(p.value) } };
    },
    setVariables: (s, p) => {
      if (s.version === '1.6') return build.changeConfiguration(s, p);
      const several = p.setVariableData as unknown[] | undefined;
      // C-46 multiple elements; the fault sends only the first.
      const data = (several && s.faults.has('csms201-set-variables-first-only') ? several.slice(0, 1) : several) ?? [withOptional({ attributeValue: String(p.value), component: component(p), variable: variable(p) }, 'attributeType', s.faults.has('csms201-set-variables-target') ? 'Target' : undefined)];
      return { action: 'SetVariables', payload: { setVariableData: data } };
    },
    getConfiguration: (s, p) => {
      if (s.version !== '1.6') return build.getVariables(s, p);
      if (p.key === undefined) return { action: 'GetConfiguration', payload: s.faults.has('csms16-get-configuration-all-sends-keys') ? { key: ['HeartbeatInterval', 'MeterValueSampleInterval'] } : {} };
      return { action: 'GetConfiguration', payload: s.faults.has('csms16-get-configuration-key-dropped') ? {} : { key: ([] as unknown[]).concat(p.key).map(String) } };
    },
    getVariables: (s, p) => {
      if (s.version === '1.6') return build.getConfiguration(s, p);
      const several = p.getVariableData as unknown[] | undefined;
      // C-45 multiple elements; the fault sends only the first.
      const data = (several && s.faults.has('csms201-get-variables-first-only') ? several.slice(0, 1) : several) ?? [{ component: component(p), variable: s.faults.has('csms201-get-variables-wrong-variable') ? variable({ ...p, variable: lowerFirst(String(p.variable)) }) : variable(p) }];
      return { action: 'GetVariables', payload: { getVariableData: data } };
    },
    getBaseReport: (s, p) => {
      only(s, '2.0.1', 'getBaseReport');
      const base = s.faults.has('csms201-summary-report-as-full') && p.reportBase === 'SummaryInventory' ? 'FullInventory' : String(p.reportBase ?? 'FullInventory');
      const swapped = s.faults.has('csms201-base-report-swapped') ? ({ ConfigurationInventory: 'FullInventory', FullInventory: 'ConfigurationInventory' } as Record<string, string>)[base] : undefined;
      return { action: 'GetBaseReport', payload: { requestId: num(p.requestId) ?? requestCounter++, reportBase: swapped ?? base } };
    },
    triggerMessage: (s, p) => {
      const where = num(p.connectorId ?? p.evseId);
      if (s.version === '1.6') return { action: 'TriggerMessage', payload: withOptional({ requestedMessage: String(p.requestedMessage) }, 'connectorId', s.faults.has('trigger-message-without-connector') ? undefined : where) };
      const payload: Payload = { requestedMessage: String(p.requestedMessage) };
      if (where !== undefined && !s.faults.has('csms201-trigger-evse-dropped')) payload.evse = withOptional({ id: where }, 'connectorId', num(p.evseConnectorId));
      if (s.faults.has('csms201-trigger-message-connector-id')) payload.connectorId = where ?? 0;
      return { action: 'TriggerMessage', payload };
    },
    unlockConnector: (s, p) => {
      const where = (num(p.connectorId ?? p.evseId) ?? 1) - (s.version === '1.6' && s.faults.has('csms16-unlock-wrong-connector') ? 1 : 0);
      return s.version === '1.6' ? { action: 'UnlockConnector', payload: { connectorId: where } } : { action: 'UnlockConnector', payload: { evseId: where - (s.faults.has('csms201-unlock-wrong-evse') ? 1 : 0), connectorId: num(p.evseConnectorId) ?? 1 } };
    },
    clearCache: (s) => ({ action: 'ClearCache', payload: s.faults.has('csms16-clear-cache-with-payload') ? { connectorId: 1 } : s.faults.has('csms201-clear-cache-with-payload') ? { evseId: 1 } : {} }),
    sendLocalList: (s, p) => {
      const tags = (p.idTags as string[] | undefined) ?? validIdTags();
      const version = num(p.listVersion ?? p.versionNumber) ?? 1;
      let updateType = String(p.updateType ?? 'Full');
      if (s.faults.has('send-local-list-wrong-update-type')) updateType = updateType === 'Full' ? 'Differential' : 'Full';
      // An empty list is sent without the list element (2.0.1 requires at least one entry when present).
      if (s.version === '1.6') {
        const list = tags.map((idTag) => (s.faults.has('send-local-list-without-id-tag-info') ? { idTag } : { idTag, idTagInfo: { status: s.verdict(idTag).status } }));
        return { action: 'SendLocalList', payload: withOptional({ listVersion: version, updateType }, 'localAuthorizationList', list.length > 0 ? list : undefined) };
      }
      const list = tags.map((t) => ({ idToken: { idToken: t, type: 'ISO14443' }, idTokenInfo: { status: s.verdict(t).status } }));
      return { action: 'SendLocalList', payload: withOptional({ versionNumber: version, updateType }, 'localAuthorizationList', list.length > 0 ? list : undefined) };
    },
    getLocalListVersion: (s) => ({ action: 'GetLocalListVersion', payload: s.faults.has('get-local-list-version-schema-violation') ? { listVersion: 0 } : {} }),
    reserveNow: (s, p) => {
      const id = num(p.reservationId ?? p.id) ?? reservationCounter++;
      latestReservation = id;
      const late = s.faults.has('reserve-now-expiry-off-by-an-hour') ? 3600 : 0;
      const expiry = String(p.expiryDate ?? new Date(Date.now() + ((num(p.expiresInSeconds) ?? 3600) + late) * 1000).toISOString());
      const idTag = String(p.idTag ?? validIdTags()[0]);
      let where = num(p.connectorId ?? p.evseId);
      if (s.version === '1.6') {
        if (s.faults.has('reserve-now-connector-zero')) where = 0;
        if (s.faults.has('reserve-now-no-connector-zero') && (where ?? 0) === 0) where = 1;
        // The reservation also holds for the idTag's group (OCPP 1.6 §5.13 ReserveNow.req parentIdTag).
        const parent = s.opts.idTags.parents[idTag];
        return { action: 'ReserveNow', payload: withOptional({ connectorId: where ?? 0, expiryDate: expiry, idTag, reservationId: id }, 'parentIdTag', parent) };
      }
      return { action: 'ReserveNow', payload: reserveNow201(s, p, id, expiry, idTag, where) };
    },
    cancelReservation: (s, p) => {
      const reservationId = (s.faults.has('cancel-reservation-latest') ? latestReservation : undefined) ?? num(p.reservationId) ?? 0;
      return { action: 'CancelReservation', payload: s.version === '1.6' ? { reservationId } : cancelReservation201(s, reservationId) };
    },
    setChargingProfile: (s, p) => {
      const where = num(p.connectorId ?? p.evseId) ?? 0;
      if (s.version === '1.6') {
        const profile = p.profile ?? chargingProfile16(s, p, { id: profileCounter++, purpose: 'TxDefaultProfile' });
        return { action: 'SetChargingProfile', payload: { connectorId: where, csChargingProfiles: profile } };
      }
      return setChargingProfile201(s, p);
    },
    clearChargingProfile: (s, p) => {
      if (s.version === '1.6') return { action: 'ClearChargingProfile', payload: clearChargingProfile16(s, p) };
      return { action: 'ClearChargingProfile', payload: clearChargingProfile201(s, p) };
    },
    getCompositeSchedule: (s, p) => {
      const where = num(p.connectorId ?? p.evseId) ?? 0;
      const duration = num(p.duration) ?? 3600;
      const unit = s.faults.has('composite-schedule-without-rate-unit') || p.unit === undefined ? undefined : String(p.unit);
      return s.version === '1.6' ? { action: 'GetCompositeSchedule', payload: withOptional({ connectorId: where, duration }, 'chargingRateUnit', unit) } : { action: 'GetCompositeSchedule', payload: getCompositeSchedule201(s, p) };
    },
    getChargingProfiles: (s, p) => {
      only(s, '2.0.1', 'getChargingProfiles');
      return { action: 'GetChargingProfiles', payload: getChargingProfiles201(s, p, num(p.requestId) ?? requestCounter++) };
    },
    updateFirmware: (s, p) => {
      const builtIn = 'https://firmware.example/reference-cs.bin';
      const location = s.faults.has('update-firmware-wrong-location') ? builtIn : String(p.location ?? builtIn);
      const retrieve = String(p.retrieveDate ?? new Date().toISOString());
      if (s.version === '1.6') return { action: 'UpdateFirmware', payload: { location, retrieveDate: retrieve } };
      return { action: 'UpdateFirmware', payload: updateFirmware201(s, p, location, retrieve, num(p.requestId) ?? requestCounter++) };
    },
    getDiagnostics: (s, p) => (s.version === '1.6' ? { action: 'GetDiagnostics', payload: { location: String(p.location ?? 'ftp://diagnostics.example/upload') } } : build.getLog(s, p)),
    getLog: (s, p) => getLogFaults201(s, { action: 'GetLog', payload: { logType: String(p.logType ?? 'DiagnosticsLog'), requestId: num(p.requestId) ?? requestCounter++, log: { remoteLocation: String(p.location ?? 'ftp://diagnostics.example/upload') } } }),
    customerInformation: (s, p) => {
      only(s, '2.0.1', 'customerInformation');
      return customerInformation201(s, p, requestCounter++, () => validIdTags()[0]);
    },
    dataTransfer: (_s, p) => ({ action: 'DataTransfer', payload: withOptional(withOptional({ vendorId: String(p.vendorId ?? 'ocpp-harness') }, 'messageId', p.messageId === undefined ? undefined : String(p.messageId)), 'data', p.data as string | undefined) }),
    setNetworkProfile: (s, p) => {
      only(s, '2.0.1', 'setNetworkProfile');
      return { action: 'SetNetworkProfile', payload: networkProfile201(s, p) };
    },
    deleteCertificate: (s, p) => {
      only(s, '2.0.1', 'deleteCertificate');
      return listForDelete201(s, p);
    },
    call: (_s, p) => {
      if (typeof p.action !== 'string') throw new Error('call needs an action name');
      return { action: p.action, payload: (p.payload as Payload | undefined) ?? {} };
    },
    // The runner's manual-action vocabulary names a generic CSMS request so.
    csmsSend: (s, p) => build.call(s, p),
    getTransactionStatus: (s, p) => getTransactionStatus201(s, p.transactionId),
    setDisplayMessage: (s, p) => (only(s, '2.0.1', 'setDisplayMessage'), setDisplayMessage201(s, p)),
    getDisplayMessages: (s, p) => (only(s, '2.0.1', 'getDisplayMessages'), getDisplayMessages201(s, p)),
    clearDisplayMessage: (s, p) => (only(s, '2.0.1', 'clearDisplayMessage'), clearDisplayMessage201(s, p)),
    costUpdated: (s, p) => (only(s, '2.0.1', 'costUpdated'), costUpdated201(s, p)),
    getReport: (s, p) => (only(s, '2.0.1', 'getReport'), getReport201(s, p)),
    getMonitoringReport: (s, p) => (only(s, '2.0.1', 'getMonitoringReport'), getMonitoringReport201(s, p)),
    setMonitoringBase: (s, p) => (only(s, '2.0.1', 'setMonitoringBase'), setMonitoringBase201(s, p)),
    setMonitoringLevel: (s, p) => (only(s, '2.0.1', 'setMonitoringLevel'), setMonitoringLevel201(s, p)),
    setVariableMonitoring: (s, p) => (only(s, '2.0.1', 'setVariableMonitoring'), setVariableMonitoring201(s, p)),
    clearVariableMonitoring: (s, p) => (only(s, '2.0.1', 'clearVariableMonitoring'), { action: 'ClearVariableMonitoring', payload: { id: ([] as unknown[]).concat(p.ids ?? []).map(Number) } }),
    publishFirmware: (s, p) => (only(s, '2.0.1', 'publishFirmware'), publishFirmware201(s, p, num(p.requestId) ?? requestCounter++)),
    unpublishFirmware: (s, p) => (only(s, '2.0.1', 'unpublishFirmware'), unpublishFirmware201(s, p)),
  };

  return {
    actions: CSMS_ACTIONS,
    async perform(action, params = {}) {
      const make = (build as Record<string, (s: StationSession, p: Params) => Request>)[action];
      if (!make) throw new Error(`unknown action "${action}"; the reference CSMS can: ${CSMS_ACTIONS.join(', ')}`);
      const session = pickSession(params.stationId);
      // 2.0.1 D01: a differential update asks the station's list version first (local-list-201.ts).
      if (action === 'sendLocalList' && session.version === '2.0.1') return void (await sendLocalList201(session, params, validIdTags));
      // 2.0.1 N06.FR.04: the ids in parts of the station's ItemsPerMessage[ClearVariableMonitoring] (monitoring-201.ts).
      if (action === 'clearVariableMonitoring' && session.version === '2.0.1') return void (await clearVariableMonitoring201(session, params));
      // 2.0.1 B06.FR.05: at most the station's ItemsPerMessage[GetVariables] elements per request (items-per-message-201.ts).
      if (action === 'getVariables' && session.version === '2.0.1' && (await getVariablesInParts201(session, make(session, params)))) return;
      const request = certificateRequestFaults201(session, securityRequestFaults(session, make(session, params)));
      const answer = await session.call(request.action, request.payload).catch((e: unknown) => {
        // 2.0.1 K01: a station without smart charging answers SetChargingProfile with NotSupported; the CSMS takes note.
        if (session.version === '2.0.1' && smartChargingNotSupported201(request, e)) return { status: 'NotSupported' } as Payload;
        throw e;
      });
      afterSecurityRequest(session, request, answer);
      afterProvisioningRequest201(session, request, answer);
      if (session.version === '2.0.1') {
        afterCustomerInformation201(session, request, answer);
        afterReserveNow201(session, request, answer);
        afterSmartChargingRequest201(session, request, answer);
        afterGetVariables201(session, request, answer);
      }
      if (action === 'deleteCertificate' && request.action === 'GetInstalledCertificateIds') await deleteListed201(session, params, answer);
    },
  };
}

function num(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return n;
}

function withOptional<T extends Payload>(base: T, key: string, value: unknown): T {
  if (value !== undefined) (base as Payload)[key] = value;
  return base;
}

function only(s: StationSession, version: string, action: string): void {
  if (s.version !== version) throw new Error(`${action} is an OCPP ${version} operation; station ${s.id} speaks ${s.version}`);
}

function component(p: Params): Payload {
  const c: Payload = { name: String(p.component) };
  const evseId = num(p.evseId);
  if (evseId !== undefined) c.evse = withOptional({ id: evseId }, 'connectorId', num(p.evseConnectorId));
  return c;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function variable(p: Params): Payload {
  return withOptional({ name: String(p.variable) }, 'instance', p.instance === undefined ? undefined : String(p.instance));
}
