import type { Payload } from '../../ocpp/frame.js';
import { certificateHashData, parseCertificate } from '../certificates-16.js';
import type { StationSession } from './session.js';

/**
 * The reference CSMS's 2.0.1 certificate management (OCPP 2.0.1 Part 2 M03-M05): the requests it is asked to send
 * (the control's `csmsSend` InstallCertificate / GetInstalledCertificateIds), with the mistakes its fault
 * switches make, and `deleteCertificate`: it lists the station's certificates of a type and deletes the first one
 * listed with exactly the hash data the station returned (M04.FR.07: whatever hash algorithm the station used).
 */
type Request = { action: string; payload: Payload };

/** The certificate the CSMS last installed on each station (its own record, which a faulty delete goes by). */
const LAST_INSTALLED = new WeakMap<StationSession, string>();

export function certificateRequestFaults201(s: StationSession, request: Request): Request {
  if (s.version !== '2.0.1') return request;
  const p = request.payload;
  if (request.action === 'InstallCertificate') LAST_INSTALLED.set(s, String(p.certificate));
  if (request.action === 'InstallCertificate' && s.faults.has('csms201-install-certificate-wrong-type')) {
    const other = p.certificateType === 'ManufacturerRootCertificate' ? 'CSMSRootCertificate' : 'ManufacturerRootCertificate';
    return { action: request.action, payload: { ...p, certificateType: other } };
  }
  if (request.action === 'GetInstalledCertificateIds' && s.faults.has('csms201-get-certificates-type-filter-wrong')) {
    // Omitted types become the CSMS root only; a requested type is dropped (all types asked).
    if (p.certificateType === undefined) return { action: request.action, payload: { ...p, certificateType: ['CSMSRootCertificate'] } };
    const { certificateType: _dropped, ...rest } = p;
    return { action: request.action, payload: rest };
  }
  return request;
}

/**
 * The first request of `deleteCertificate`: the list of installed certificates of the type. With the fault
 * csms201-delete-without-listing, straight away DeleteCertificate with SHA256 hash data of the certificate the CSMS
 * last installed there.
 */
export function listForDelete201(s: StationSession, p: Record<string, unknown>): Request {
  const own = LAST_INSTALLED.get(s);
  const cert = own === undefined ? undefined : parseCertificate(own);
  if (s.faults.has('csms201-delete-without-listing') && cert) return { action: 'DeleteCertificate', payload: { certificateHashData: { ...certificateHashData(cert, 'SHA256') } } };
  return { action: 'GetInstalledCertificateIds', payload: { certificateType: [String(p.certificateType ?? 'CSMSRootCertificate')] } };
}

/** After the list came: DeleteCertificate with the returned hash data of the first certificate of the type. */
export async function deleteListed201(s: StationSession, p: Record<string, unknown>, answer: Payload): Promise<void> {
  const type = String(p.certificateType ?? 'CSMSRootCertificate');
  const chain = (answer.certificateHashDataChain as Array<{ certificateType: string; certificateHashData: Payload }> | undefined) ?? [];
  const entry = chain.find((e) => e.certificateType === type);
  if (!entry) throw new Error(`the station lists no ${type} to delete`);
  let hash = entry.certificateHashData;
  if (s.faults.has('csms201-delete-certificate-sha256-only')) hash = { ...hash, hashAlgorithm: 'SHA256' };
  await s.call('DeleteCertificate', { certificateHashData: hash });
}
