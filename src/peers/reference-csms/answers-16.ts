import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import type { StationSession } from './session.js';

/** Per station (kept across reconnections): the boot count when each transaction started. */
const bootOfTransaction = new WeakMap<StationSession, Map<string, number>>();

/**
 * How the reference CSMS answers a 1.6 charge point (OCPP 1.6 chapter 4 and the security whitepaper's
 * station-initiated messages): boot with the configured status and interval, idTags by its lists,
 * transactionIds it numbers itself.
 */
export function registerAnswers16(ep: RpcEndpoint, s: StationSession, nextTransactionId: () => number): void {
  const now = () => new Date().toISOString();
  const idTagInfo = (idTag: string): Payload => {
    const v = s.verdict(idTag);
    return v.parent ? { status: v.status, parentIdTag: v.parent } : { status: v.status };
  };
  // For the catalog faults (faults/catalog-16-csms-core.ts): tags authorized on this connection, boot of each transaction.
  const authorizedHere = new Set<string>();
  const startedInBoot = bootOfTransaction.get(s) ?? new Map<string, number>();
  bootOfTransaction.set(s, startedInBoot);

  ep.handle('BootNotification', (req) => {
    s.bootCount++;
    s.bootInfo = req;
    const status = s.faults.has('boot-wrong-status') ? 'Rejected' : s.opts.bootStatus(s.id, s.bootCount);
    s.bootStatus = status;
    const answer: Payload = { status, currentTime: now(), interval: status === 'Accepted' ? s.opts.heartbeatInterval : s.opts.bootRetryInterval };
    if (s.faults.has('boot-response-schema-violation')) delete answer.currentTime;
    return answer;
  });

  ep.handle('Heartbeat', () => {
    s.lastHeartbeat = now();
    return s.faults.has('heartbeat-no-current-time') ? {} : { currentTime: s.lastHeartbeat };
  });

  ep.handle('StatusNotification', (req) => {
    const before = s.connectorStatus.get(String(req.connectorId));
    const idle = !s.activeTransactions.some((t) => t.connectorId === req.connectorId);
    if (s.faults.has('csms16-available-after-preparing-error') && req.status === 'Available' && before === 'Preparing' && idle) throw new RpcError('InternalError', 'connector left Preparing without a transaction');
    if (s.faults.has('csms16-faulted-status-error') && req.errorCode !== 'NoError') throw new RpcError('PropertyConstraintViolation', `unexpected errorCode ${String(req.errorCode)}`);
    s.connectorStatus.set(String(req.connectorId), req.status as string);
    return {};
  });

  ep.handle('Authorize', (req) => {
    const info = idTagInfo(req.idTag as string);
    if (info.status === 'Accepted') authorizedHere.add(req.idTag as string);
    if (s.faults.has('csms16-blocked-expired-as-invalid') && (info.status === 'Blocked' || info.status === 'Expired')) return { idTagInfo: { status: 'Invalid' } };
    return { idTagInfo: info };
  });

  ep.handle('StartTransaction', (req) => {
    const id = s.faults.has('transaction-id-reused') ? 1 : nextTransactionId();
    startedInBoot.set(String(id), s.bootCount);
    if (s.faults.has('csms16-start-needs-authorize') && !authorizedHere.has(req.idTag as string)) {
      s.transactions.set(String(id), { transactionId: id, connectorId: req.connectorId as number, idTag: req.idTag as string, meterStart: req.meterStart as number, active: true, seqNos: [], meterValues: 0 });
      return { transactionId: id, idTagInfo: { status: 'Invalid' } };
    }
    s.transactions.set(String(id), { transactionId: id, connectorId: req.connectorId as number, idTag: req.idTag as string, meterStart: req.meterStart as number, active: true, seqNos: [], meterValues: 0 });
    return { transactionId: s.faults.has('transaction-id-string') ? String(id) : id, idTagInfo: idTagInfo(req.idTag as string) };
  });

  ep.handle('StopTransaction', (req) => {
    const tx = s.transactions.get(String(req.transactionId));
    if (s.faults.has('csms16-stop-ev-disconnected-error') && req.reason === 'EVDisconnected') throw new RpcError('PropertyConstraintViolation', 'unknown stop reason EVDisconnected');
    const boot = startedInBoot.get(String(req.transactionId));
    if (s.faults.has('csms16-stop-after-reboot-error') && boot !== undefined && boot < s.bootCount) throw new RpcError('InternalError', `transaction ${String(req.transactionId)} is unknown since the station booted`);
    if (tx) Object.assign(tx, { active: false, meterStop: req.meterStop as number, stopReason: (req.reason as string | undefined) ?? 'Local' });
    return typeof req.idTag === 'string' ? { idTagInfo: idTagInfo(req.idTag) } : {};
  });

  ep.handle('MeterValues', (req) => {
    const tx = req.transactionId === undefined ? undefined : s.transactions.get(String(req.transactionId));
    if (tx) tx.meterValues++;
    return {};
  });

  ep.handle('DataTransfer', () => {
    if (s.faults.has('csms16-data-transfer-callerror')) throw new RpcError('NotSupported', 'DataTransfer is not supported');
    return { status: 'UnknownVendorId' };
  });
  for (const action of ['DiagnosticsStatusNotification', 'FirmwareStatusNotification', 'LogStatusNotification', 'SignedFirmwareStatusNotification']) {
    ep.handle(action, (req) => {
      s.lastNotified.set(action, req.status as string);
      return {};
    });
  }
  ep.handle('SecurityEventNotification', (req) => {
    s.securityEvents.push(req.type as string);
    return {};
  });
  // Replaced by answers-16-security.ts (registered after this), where the CSMS signs the request as its own CA.
  ep.handle('SignCertificate', () => ({ status: 'Rejected' }));
}
