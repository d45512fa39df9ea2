import type { Payload } from '../../ocpp/frame.js';
import { RpcError } from '../rpc-errors.js';
import type { StationSession } from './session.js';

/**
 * 2.0.1 diagnostics requests of the reference CSMS (OCPP 2.0.1 Part 2 N01 GetLog, N09/N10 CustomerInformation)
 * and the fault switches of catalog-201-csms-transactions.ts that bend them.
 */
type Request = { action: string; payload: Payload };

/** CustomerInformationRequest: params idToken ({idToken, type}; default the first valid one), report, clear (booleans), customerIdentifier. */
export function customerInformation201(s: StationSession, p: Record<string, unknown>, requestId: number, validIdToken: () => string): Request {
  let report = p.report === undefined ? true : p.report === true || p.report === 'true';
  let clear = p.clear === true || p.clear === 'true';
  if (s.faults.has('csms201-customer-information-flags-swapped')) [report, clear] = [clear, report];
  const payload: Payload = { requestId: typeof p.requestId === 'number' ? p.requestId : requestId, report, clear };
  const token = p.idToken as { idToken?: string; type?: string } | undefined;
  if (p.customerIdentifier !== undefined && !s.faults.has('csms201-customer-identifier-ignored')) payload.customerIdentifier = String(p.customerIdentifier);
  else payload.idToken = { idToken: token?.idToken ?? validIdToken(), type: s.faults.has('csms201-customer-information-token-type-central') ? 'Central' : (token?.type ?? 'ISO14443') };
  return { action: 'CustomerInformation', payload };
}

/** GetLog as the control builds it, bent by the fault switches. */
export function getLogFaults201(s: StationSession, request: Request): Request {
  const payload = { ...request.payload };
  if (s.faults.has('csms201-get-log-type-swapped')) payload.logType = payload.logType === 'SecurityLog' ? 'DiagnosticsLog' : 'SecurityLog';
  if (s.faults.has('csms201-get-log-without-location')) payload.log = {};
  return { action: request.action, payload };
}

/** Called before a LogStatusNotification is answered. */
export function logStatusFaults201(s: StationSession, req: Payload): void {
  if (s.faults.has('csms201-log-status-canceled-error') && req.status === 'AcceptedCanceled') throw new RpcError('PropertyConstraintViolation', 'unknown log status AcceptedCanceled');
}
