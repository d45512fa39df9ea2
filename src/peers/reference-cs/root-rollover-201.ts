import type { X509Certificate } from 'node:crypto';
import { parseCertificate } from '../certificates-16.js';
import { certificateStore201 } from './certificates-201.js';
import type { Station } from './station.js';

/**
 * A new CSMS root installed under AdditionalRootCertificateCheck (OCPP 2.0.1 Part 2 M05, Part 5 AS-2): from the next
 * connection on the station checks the CSMS certificate against the new root only; once a connection succeeds with
 * it the old root is removed (M05.FR.13), and when the handshake fails it falls back to the old root and keeps it
 * (M05.FR.14, Part 6 TC_M_31_CS).
 */
interface Rollover {
  newRoot: X509Certificate;
  oldRoot: X509Certificate;
  fallback: boolean;
}

const ROLLOVERS = new WeakMap<Station, Rollover>();
const WATCHED = new WeakSet<Station>();

export function startRootRollover(st: Station, newRoot: X509Certificate, oldRoot: X509Certificate): void {
  ROLLOVERS.set(st, { newRoot, oldRoot, fallback: false });
  if (WATCHED.has(st)) return;
  WATCHED.add(st);
  st.link.on('tlsRefused', () => {
    const r = ROLLOVERS.get(st);
    if (r && !r.fallback && !st.faults.has('additional-root-no-fallback')) r.fallback = true;
  });
  st.link.on('open', () => {
    const r = ROLLOVERS.get(st);
    if (!r) return;
    ROLLOVERS.delete(st);
    if (r.fallback || st.faults.has('additional-root-old-kept')) return;
    const store = certificateStore201(st);
    const old = store.findIndex((c) => c.type === 'CSMSRootCertificate' && c.cert.fingerprint256 === r.oldRoot.fingerprint256);
    if (old >= 0) store.splice(old, 1);
  });
}

/** The CSMS roots (PEM) to check the next server certificate against, while a rollover is going on. */
export function rolloverTrust(st: Station, roots: Array<string | Buffer>): Array<string | Buffer> {
  const r = ROLLOVERS.get(st);
  if (!r) return roots;
  const leftOut = r.fallback ? r.newRoot : r.oldRoot;
  return roots.filter((pem) => parseCertificate(pem.toString())?.fingerprint256 !== leftOut.fingerprint256);
}
