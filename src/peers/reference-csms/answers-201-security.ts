import { signCsr } from '../pki-16.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { CSMS_ROOT_CERT, CSMS_ROOT_KEY, MANUFACTURER_ROOT_CERT, MANUFACTURER_ROOT_KEY } from '../security-fixtures-16.js';
import type { StationSession } from './session.js';

/**
 * The 2.0.1 CSMS as the certificate authority of its stations' Charging Station certificates (OCPP 2.0.1 Part 2
 * A02/A03): a readable CSR for a ChargingStationCertificate is Accepted and answered with CertificateSigned carrying a
 * certificate its root (the test data's CSMS root, the one its TLS server trusts for client certificates) issued for
 * it. V2G certificates stay Rejected (no ISO 15118 contract services). Registered after registerAnswers201.
 */
export function registerSecurityAnswers201(ep: RpcEndpoint, s: StationSession): void {
  ep.handle('SignCertificate', (req, ctx) => {
    const type = (req.certificateType as string | undefined) ?? 'ChargingStationCertificate';
    if (type !== 'ChargingStationCertificate' || s.faults.has('csms201-sign-certificate-rejected')) return { status: 'Rejected' };
    const ca = s.faults.has('csms-signs-with-untrusted-ca') ? { cert: MANUFACTURER_ROOT_CERT, key: MANUFACTURER_ROOT_KEY } : { cert: CSMS_ROOT_CERT, key: CSMS_ROOT_KEY };
    let certificateChain: string;
    try {
      certificateChain = signCsr(String(req.csr), ca);
    } catch {
      return { status: 'Rejected' };
    }
    const certificateType = s.faults.has('csms201-certificate-signed-wrong-type') ? 'V2GCertificate' : 'ChargingStationCertificate';
    ctx.afterReply(async () => {
      await s.call('CertificateSigned', { certificateChain, certificateType });
    });
    return { status: 'Accepted' };
  });
}
