import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import type { StationSession } from './session.js';
import { logStatusFaults201 } from './diagnostics-201.js';
import { meterValuesFaults201, transactionEventFaults201 } from './tx-faults-201.js';
import { triggeredAnswerFaults201 } from './remote-faults-201.js';
import { withTotalCost201 } from './tariff-201.js';

/**
 * How the reference CSMS answers a 2.0.1 charging station (OCPP 2.0.1 Part 2, the station-initiated
 * messages): boot with the configured status and interval, idTokens by its lists, TransactionEvents
 * recorded per transactionId with their seqNos, NotifyReport parts collected per requestId.
 */
export function registerAnswers201(ep: RpcEndpoint, s: StationSession): void {
  const now = () => new Date().toISOString();
  const idTokenInfo = (idToken: { idToken: string; type: string }): Payload => {
    const v = s.verdict(idToken.idToken);
    return v.parent && !s.faults.has('csms201-no-group-id-token') ? { status: v.status, groupIdToken: { idToken: v.parent, type: idToken.type } } : { status: v.status };
  };

  ep.handle('BootNotification', (req) => {
    s.bootCount++;
    s.bootInfo = req;
    const status = s.faults.has('boot-wrong-status') ? 'Rejected' : s.opts.bootStatus(s.id, s.bootCount);
    s.bootStatus = status;
    const answer: Payload = { currentTime: now(), interval: status === 'Accepted' ? s.opts.heartbeatInterval : s.opts.bootRetryInterval, status };
    if (s.faults.has('boot-response-schema-violation')) delete answer.currentTime;
    return answer;
  });

  ep.handle('Heartbeat', () => {
    s.lastHeartbeat = now();
    return s.faults.has('heartbeat-no-current-time') ? {} : { currentTime: s.lastHeartbeat };
  });

  // A CSMS that does not accept the customData extension (OCPP 2.0.1 Part 2 §2.1 CustomDataType) rejects such frames.
  const refuseCustomData = (req: Payload) => {
    const info = req.transactionInfo as Payload | undefined;
    if (s.faults.has('csms201-custom-data-rejected') && (req.customData !== undefined || info?.customData !== undefined)) throw new RpcError('FormatViolation', 'unexpected property customData');
  };

  ep.handle('StatusNotification', (req) => {
    refuseCustomData(req);
    s.connectorStatus.set(`${String(req.evseId)}/${String(req.connectorId)}`, req.connectorStatus as string);
    return {};
  });

  ep.handle('Authorize', (req) => ({ idTokenInfo: idTokenInfo(req.idToken as { idToken: string; type: string }) }));

  ep.handle('TransactionEvent', (req) => {
    transactionEventFaults201(s, req);
    refuseCustomData(req);
    const info = req.transactionInfo as { transactionId: string; stoppedReason?: string; remoteStartId?: number };
    const idToken = req.idToken as { idToken: string; type: string } | undefined;
    const evse = req.evse as { id: number } | undefined;
    let tx = s.transactions.get(info.transactionId);
    if (!tx) {
      tx = { transactionId: info.transactionId, connectorId: evse?.id, idTag: idToken?.idToken, active: true, seqNos: [], meterValues: 0 };
      s.transactions.set(info.transactionId, tx);
    }
    tx.seqNos.push(req.seqNo as number);
    if (evse && tx.connectorId === undefined) tx.connectorId = evse.id;
    if (idToken) tx.idTag = idToken.idToken;
    if (info.remoteStartId !== undefined) tx.remoteStartId = info.remoteStartId;
    if (Array.isArray(req.meterValue)) tx.meterValues += req.meterValue.length;
    if (req.eventType === 'Ended') Object.assign(tx, { active: false, stopReason: info.stoppedReason ?? 'Local' });
    // idTokenInfo answers the idToken the event carries (E01-E03); without one there is nothing to answer.
    const answer: Payload = !idToken || s.faults.has('no-id-token-info') ? {} : { idTokenInfo: idTokenInfo(idToken) };
    return withTotalCost201(s, req, answer); // I03: the total cost in the answer to the Ended event (tariff-201.ts)
  });

  ep.handle('NotifyReport', (req) => {
    const id = req.requestId as number;
    s.reports.set(id, [...(s.reports.get(id) ?? []), ...((req.reportData as object[]) ?? [])]);
    return {};
  });

  ep.handle('MeterValues', (req) => {
    triggeredAnswerFaults201(s, 'MeterValues', req);
    meterValuesFaults201(s, req);
    return {};
  });
  ep.handle('DataTransfer', () => ({ status: s.faults.has('csms201-data-transfer-accepted') ? 'Accepted' : 'UnknownVendorId' }));
  ep.handle('SecurityEventNotification', (req) => {
    s.securityEvents.push(req.type as string);
    return {};
  });
  for (const action of ['FirmwareStatusNotification', 'LogStatusNotification', 'PublishFirmwareStatusNotification']) {
    ep.handle(action, (req) => {
      triggeredAnswerFaults201(s, action, req);
      if (action === 'LogStatusNotification') logStatusFaults201(s, req);
      s.lastNotified.set(action, req.status as string);
      return {};
    });
  }
  ep.handle('NotifyEvent', (req) => {
    const known = ['ChargingStation', 'EVSE', 'Connector'];
    const unknown = ((req.eventData as Array<{ component: { name: string } }>) ?? []).find((e) => !known.includes(e.component.name));
    if (unknown && s.faults.has('csms201-notify-event-unknown-component-error')) throw new RpcError('PropertyConstraintViolation', `unknown component ${unknown.component.name}`);
    return {};
  });
  const acknowledged = ['ReservationStatusUpdate', 'NotifyChargingLimit', 'ClearedChargingLimit', 'NotifyCustomerInformation', 'NotifyDisplayMessages', 'NotifyMonitoringReport', 'ReportChargingProfiles'];
  for (const action of acknowledged) ep.handle(action, () => ({}));
  ep.handle('NotifyEVChargingNeeds', () => ({ status: 'Accepted' }));
  ep.handle('NotifyEVChargingSchedule', () => ({ status: 'Accepted' }));
  // No OCSP / ISO 15118 contract services; SignCertificate for Charging Station certificates: answers-201-security.ts.
  ep.handle('SignCertificate', () => ({ status: 'Rejected' }));
  ep.handle('GetCertificateStatus', () => ({ status: 'Failed' }));
  ep.handle('Get15118EVCertificate', () => ({ status: 'Failed', exiResponse: '' }));
}
