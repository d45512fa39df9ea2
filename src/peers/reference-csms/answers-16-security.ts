import type { Server as TlsServer } from 'node:tls';
import type { Payload } from '../../ocpp/frame.js';
import type { FaultSet } from '../faults.js';
import { signCsr } from '../pki-16.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import { CSMS_ROOT_CERT, CSMS_ROOT_KEY, MANUFACTURER_ROOT_CERT, MANUFACTURER_ROOT_KEY } from '../security-fixtures-16.js';
import type { StationSession } from './session.js';

/**
 * The reference CSMS's side of the 1.6 security whitepaper (edition 3) for the messages a charge point starts:
 * SecurityEventNotification (A04), LogStatusNotification (N01), SignedFirmwareStatusNotification (L01), and
 * SignCertificate (A02/A03), where the CSMS is its own certificate authority: it accepts a readable CSR and then
 * sends CertificateSigned with a certificate its root (the test data's Central System root) issued for it.
 * Registered after registerAnswers16, so these handlers are the ones in use; the faults of
 * faults/catalog-16-security.ts break them.
 */
export function registerSecurityAnswers16(ep: RpcEndpoint, s: StationSession): void {
  const notImplemented = (action: string) => new RpcError('NotImplemented', `${action} is not implemented`);

  ep.handle('SecurityEventNotification', (req) => {
    if (s.faults.has('security-event-not-implemented')) throw notImplemented('SecurityEventNotification');
    s.securityEvents.push(req.type as string);
    return {};
  });

  ep.handle('LogStatusNotification', (req) => {
    if (s.faults.has('log-status-not-implemented')) throw notImplemented('LogStatusNotification');
    s.lastNotified.set('LogStatusNotification', req.status as string);
    return {};
  });

  ep.handle('SignedFirmwareStatusNotification', (req) => {
    if (s.faults.has('signed-firmware-status-not-implemented')) throw notImplemented('SignedFirmwareStatusNotification');
    s.lastNotified.set('SignedFirmwareStatusNotification', req.status as string);
    return {};
  });

  ep.handle('SignCertificate', (req, ctx) => {
    let certificateChain: string;
    try {
      // The fault: a CA other than the one the CSMS's TLS server trusts for client certificates.
      const ca = s.faults.has('csms-signs-with-untrusted-ca') ? { cert: MANUFACTURER_ROOT_CERT, key: MANUFACTURER_ROOT_KEY } : { cert: CSMS_ROOT_CERT, key: CSMS_ROOT_KEY };
      certificateChain = signCsr(String(req.csr), ca);
    } catch {
      return { status: 'Rejected' };
    }
    if (!s.faults.has('certificate-signed-not-sent')) {
      ctx.afterReply(async () => {
        await s.call('CertificateSigned', { certificateChain });
      });
    }
    return { status: 'Accepted' };
  });
}

/** The CSMS's own mistakes in the security requests it is asked to send (the control's `call` / `csmsSend`). */
export function securityRequestFaults(s: StationSession, request: { action: string; payload: Payload }): { action: string; payload: Payload } {
  const p = request.payload;
  if (request.action === 'InstallCertificate' && s.faults.has('install-certificate-wrong-type')) {
    const other = p.certificateType === 'ManufacturerRootCertificate' ? 'CentralSystemRootCertificate' : 'ManufacturerRootCertificate';
    return { action: request.action, payload: { ...p, certificateType: other } };
  }
  if (request.action === 'DeleteCertificate' && s.faults.has('delete-certificate-wrong-hash-algorithm')) {
    return { action: request.action, payload: { ...p, certificateHashData: { ...(p.certificateHashData as Payload), hashAlgorithm: 'SHA512' } } };
  }
  return request;
}

/**
 * What a request the station accepted changes at the CSMS: a new AuthorizationKey is the password the station
 * authenticates with from its next connection on (whitepaper A01).
 */
export function afterSecurityRequest(s: StationSession, request: { action: string; payload: Payload }, answer: Payload): void {
  const p = request.payload;
  if (request.action !== 'ChangeConfiguration' || p.key !== 'AuthorizationKey' || answer.status !== 'Accepted') return;
  if (s.opts.passwords && !s.faults.has('authorization-key-not-remembered')) s.opts.passwords[s.id] = String(p.value);
}

/**
 * The TLS faults of the CSMS show from its second connection on (the first is the one a case starts with): it
 * then presents a self-signed certificate its stations do not trust, or checks client certificates against a CA
 * that did not issue them.
 */
export function tlsFaultsAfterFirstConnection(server: TlsServer, faults: FaultSet, tls: { cert: string | Buffer; key: string | Buffer; ca?: string | Buffer | Array<string | Buffer> }): void {
  const untrusted = faults.has('tls-untrusted-server-certificate');
  const wrongCa = faults.has('tls-client-ca-mismatch') || faults.has('csms201-client-certificate-refused');
  if (!untrusted && !wrongCa) return;
  server.once('secureConnection', () => {
    server.setSecureContext({
      cert: untrusted ? MANUFACTURER_ROOT_CERT : tls.cert,
      key: untrusted ? MANUFACTURER_ROOT_KEY : tls.key,
      ca: wrongCa ? MANUFACTURER_ROOT_CERT : tls.ca,
    });
  });
}
