import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Payload } from '../../ocpp/frame.js';
import { certificateHashData, currentlyValid, parseCertificate, sameCertificate, type CertificateHashData, type HashAlgorithm } from '../certificates-16.js';
import { makeCsr } from '../pki-16.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { certificateStore201 } from './certificates-201.js';
import { acceptClientCertificate, stationCertificate } from './connection-security.js';
import type { TimerHandle } from '../timers.js';
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
      requestSigning(st, csr, privateKey);
    });
    return { status: 'Accepted' };
  });

  // M04.FR.06: the Charging Station certificate is not deleted (Failed); other hash data go to the store's handler.
  const innerDelete = ep.handlerOf('DeleteCertificate');
  if (innerDelete) {
    ep.handle('DeleteCertificate', (req, ctx) => {
      const own = stationCertificate(st);
      const wanted = req.certificateHashData as unknown as CertificateHashData;
      const cert = own && parseCertificate(own.cert);
      const issuer = cert && certificateStore201(st).find((c) => cert.checkIssued(c.cert))?.cert;
      if (cert && sameCertificate(certificateHashData(cert, wanted.hashAlgorithm as HashAlgorithm, issuer ?? cert), wanted)) return { status: st.faults.has('station-certificate-deletable') ? 'Accepted' : 'Failed' };
      return innerDelete(req, ctx);
    });
  }

  ep.handle('CertificateSigned', (req, ctx): Payload => {
    const chain = String(req.certificateChain);
    const cert = parseCertificate(chain);
    const pending = PENDING.get(st);
    const ours = cert !== undefined && pending !== undefined && cert.publicKey.export({ type: 'spki', format: 'der' }).equals(createPublicKey(pending).export({ type: 'spki', format: 'der' }));
    const valid = (cert && ours && currentlyValid(cert) && (req.certificateType ?? 'ChargingStationCertificate') === 'ChargingStationCertificate') || (st.faults.has('invalid-station-certificate-accepted') && pending);
    if (cert && pending && valid) {
      PENDING.delete(st);
      RETRIES.get(st)?.cancel();
      acceptClientCertificate(st, chain, pending, (fn) => ctx.afterReply(fn));
      return { status: 'Accepted' };
    }
    // The certificate is discarded (A02.FR.07); the renewal is not asked for again.
    RETRIES.get(st)?.cancel();
    ctx.afterReply(() => st.send('SecurityEventNotification', { type: 'InvalidChargingStationCertificate', timestamp: new Date().toISOString(), techInfo: 'the certificate does not match the signing request or is not valid' }));
    return { status: 'Rejected' };
  });
}

const RETRIES = new WeakMap<Station, TimerHandle>();

/**
 * SignCertificate, sent again with the same CSR while no CertificateSigned came for its key (A02.FR.17/18, Part 5
 * AS-3): after CertSigningWaitMinimum, then twice that, and so on. Part 6 TC_A_23_CS counts the sends after the
 * first as CertSigningRepeatTimes + 1 (two resends with the value 1); the reference station follows that reading.
 */
function requestSigning(st: Station, csr: string, key: KeyObject, attempt = 0): void {
  if (PENDING.get(st) !== key) return;
  // A CSMS that rejects the request ends the renewal: nothing is sent again.
  st.call('SignCertificate', { csr, certificateType: 'ChargingStationCertificate' }).then(
    (answer) => {
      if (answer.status !== 'Accepted') RETRIES.get(st)?.cancel();
    },
    () => undefined,
  );
  const repeat = Number(st.deviceModel!.value('SecurityCtrlr', 'CertSigningRepeatTimes') ?? '0');
  const wait = Number(st.deviceModel!.value('SecurityCtrlr', 'CertSigningWaitMinimum') ?? '0');
  RETRIES.get(st)?.cancel();
  if (attempt > repeat || !(wait > 0) || st.faults.has('sign-certificate-not-resent')) return;
  RETRIES.set(st, st.timers.after(wait * 2 ** attempt, () => requestSigning(st, csr, key, attempt + 1)));
}
