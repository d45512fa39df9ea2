import type { X509Certificate } from 'node:crypto';
import type { Payload } from '../../ocpp/frame.js';
import { certificateHashData, currentlyValid, parseCertificate, sameCertificate, type CertificateHashData, type HashAlgorithm } from '../certificates-16.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { CSMS_ROOT_CERT, MANUFACTURER_ROOT_CERT } from '../security-fixtures-16.js';
import { startRootRollover } from './root-rollover-201.js';
import type { Station } from './station.js';

/**
 * The 2.0.1 station's certificate store (OCPP 2.0.1 Part 2 M03 GetInstalledCertificateIds, M04 DeleteCertificate,
 * M05 InstallCertificate). It ships with the test data's CSMS root (the root its TLS connection trusts) and
 * manufacturer root (firmware signing certificates chain to it). Root certificates only: a V2G certificate
 * chain is not installed by InstallCertificate.
 */
export type RootType201 = 'CSMSRootCertificate' | 'ManufacturerRootCertificate' | 'V2GRootCertificate' | 'MORootCertificate';

interface Installed {
  type: RootType201;
  cert: X509Certificate;
}

const STORES = new WeakMap<Station, Installed[]>();

/** The store outlives the station's connections (handlers are registered per connection). */
export function certificateStore201(st: Station): Installed[] {
  let store = STORES.get(st);
  if (!store) {
    store = [
      { type: 'CSMSRootCertificate', cert: parseCertificate(CSMS_ROOT_CERT)! },
      { type: 'ManufacturerRootCertificate', cert: parseCertificate(MANUFACTURER_ROOT_CERT)! },
    ];
    STORES.set(st, store);
  }
  return store;
}

const MAX_CERTIFICATES = 10;

export function registerCertificates201(ep: RpcEndpoint, st: Station): void {
  const event = (type: string, techInfo: string) => st.send('SecurityEventNotification', { type, timestamp: new Date().toISOString(), techInfo });

  ep.handle('InstallCertificate', (req, ctx) => {
    const store = certificateStore201(st);
    const type = req.certificateType as RootType201;
    const cert = parseCertificate(String(req.certificate));
    const valid = cert !== undefined && currentlyValid(cert) && cert.ca;
    if (!valid && !st.faults.has('certificate-201-invalid-accepted')) {
      // M05.FR.07 (Rejected); A04 security event for an invalid CSMS root.
      if (type === 'CSMSRootCertificate') ctx.afterReply(() => event('InvalidCsmsCertificate', cert ? 'expired or not a CA certificate' : 'not an X.509 certificate'));
      return { status: 'Rejected' };
    }
    if (!cert) return { status: 'Failed' };
    // M05.FR.10 (AdditionalRootCertificateCheck, Part 5 AS-2): a new CSMS root must be signed by an installed one.
    const checked = type === 'CSMSRootCertificate' && st.deviceModel?.value('SecurityCtrlr', 'AdditionalRootCertificateCheck') === 'true' && !st.faults.has('additional-root-check-ignored');
    const issuer = checked ? store.find((c) => c.type === type && c.cert.fingerprint256 !== cert.fingerprint256 && signedBy(cert, c.cert)) : undefined;
    // A station left without any CSMS root has nothing to check a new one against (the cleanup of TC_M_30_CS).
    const none = !store.some((c) => c.type === type);
    if (checked && !issuer && !none && !store.some((c) => c.type === type && c.cert.fingerprint256 === cert.fingerprint256)) return { status: 'Rejected' };
    // M05.FR.13/14: the next connections try the new root first (root-rollover-201.ts).
    if (issuer) ctx.afterReply(() => startRootRollover(st, cert, issuer.cert));
    const known = store.some((c) => c.type === type && c.cert.fingerprint256 === cert.fingerprint256);
    if (known) return { status: 'Accepted' };
    if (store.length >= MAX_CERTIFICATES) return { status: 'Rejected' };
    if (!st.faults.has('certificate-201-not-stored')) store.push({ type, cert });
    return { status: 'Accepted' };
  });

  ep.handle('GetInstalledCertificateIds', (req) => {
    let types = req.certificateType as string[] | undefined;
    if (types === undefined && st.faults.has('certificate-201-omitted-type-as-csms-root')) types = ['CSMSRootCertificate'];
    const chain = certificateStore201(st)
      .filter((c) => !types || types.includes(c.type))
      .map((c) => ({ certificateType: listedType(st, c.type), certificateHashData: certificateHashData(c.cert, 'SHA256') }));
    if (chain.length === 0) return { status: st.faults.has('certificate-201-none-found-accepted') ? 'Accepted' : 'NotFound' };
    return { status: 'Accepted', certificateHashDataChain: chain } as Payload;
  });

  ep.handle('DeleteCertificate', (req) => {
    const store = certificateStore201(st);
    const wanted = req.certificateHashData as unknown as CertificateHashData;
    const matching = store.filter((c) => sameCertificate(certificateHashData(c.cert, wanted.hashAlgorithm as HashAlgorithm), wanted));
    if (matching.length === 0) return { status: st.faults.has('certificate-201-delete-unknown-accepted') ? 'Accepted' : 'NotFound' };
    if (!st.faults.has('certificate-201-delete-ignored')) STORES.set(st, store.filter((c) => !matching.includes(c)));
    return { status: 'Accepted' };
  });
}

function signedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

function listedType(st: Station, type: RootType201): RootType201 {
  return type === 'ManufacturerRootCertificate' && st.faults.has('certificate-201-manufacturer-root-as-csms-root') ? 'CSMSRootCertificate' : type;
}
