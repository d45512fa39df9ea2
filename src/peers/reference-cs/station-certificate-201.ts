import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Payload } from '../../ocpp/frame.js';
import { currentlyValid, parseCertificate } from '../certificates-16.js';
import { makeCsr } from '../pki-16.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { acceptClientCertificate } from './connection-security.js';
import type { Station } from './station.js';

/**
 * The 2.0.1 Charging Station certificate (OCPP 2.0.1 Part 2 A02/A03, the memory state RenewChargingStationCertificate
 * of Part 6): TriggerMessage SignChargingStationCertificate makes a new key pair and sends SignCertificate with its
 * CSR; CertificateSigned with a valid certificate for that key is Accepted and becomes the station's client certificate
 * (connection-security.ts: at profile 3 the station reconnects with it); anything else is Rejected with the
 * InvalidChargingStationCertificate security event. Wraps the TriggerMessage handler registered before it.
 */
const PENDING = new WeakMap<Station, KeyObject>();

export function registerStationCertificate201(ep: RpcEndpoint, st: Station): void {
  const inner = ep.handlerOf('TriggerMessage');
  if (!inner) return;
  ep.handle('TriggerMessage', (req, ctx) => {
    if (req.requestedMessage !== 'SignChargingStationCertificate') return inner(req, ctx);
    if (st.faults.has('sign-certificate-trigger-not-implemented')) return { status: 'NotImplemented' };
    ctx.afterReply(() => {
      const organization = st.deviceModel!.value('SecurityCtrlr', 'OrganizationName') ?? st.opts.vendor;
      const { csr, privateKey } = makeCsr(st.opts.serialNumber ?? st.identity, organization, st.faults.has('csr-weak-key') ? 'prime192v1' : undefined);
      PENDING.set(st, privateKey);
      st.send('SignCertificate', { csr, certificateType: 'ChargingStationCertificate' });
    });
    return { status: 'Accepted' };
  });

  ep.handle('CertificateSigned', (req, ctx): Payload => {
    const chain = String(req.certificateChain);
    const cert = parseCertificate(chain);
    const pending = PENDING.get(st);
    const ours = cert !== undefined && pending !== undefined && cert.publicKey.export({ type: 'spki', format: 'der' }).equals(createPublicKey(pending).export({ type: 'spki', format: 'der' }));
    const valid = (cert && ours && currentlyValid(cert) && (req.certificateType ?? 'ChargingStationCertificate') === 'ChargingStationCertificate') || (st.faults.has('invalid-station-certificate-accepted') && pending);
    if (cert && pending && valid) {
      PENDING.delete(st);
      acceptClientCertificate(st, chain, pending, (fn) => ctx.afterReply(fn));
      return { status: 'Accepted' };
    }
    ctx.afterReply(() => st.send('SecurityEventNotification', { type: 'InvalidChargingStationCertificate', timestamp: new Date().toISOString(), techInfo: 'the certificate does not match the signing request or is not valid' }));
    return { status: 'Rejected' };
  });
}
