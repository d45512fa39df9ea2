import type { KeyObject } from 'node:crypto';
import { currentlyValid } from '../certificates-16.js';
import { certificateStore201 } from './certificates-201.js';
import { rolloverTrust } from './root-rollover-201.js';
import type { CsTlsOptions } from './options.js';
import type { Station } from './station.js';

/**
 * How the station connects now: its options at start, until the CSMS raises the security profile (1.6 security
 * whitepaper A05 SecurityProfile, OCPP 2.0.1 A05 via a new network connection profile) or gives it a new client
 * certificate (A02 CertificateSigned). Kept outside the options, which describe the station as it was started.
 */
export interface StationConnection {
  url: string;
  password?: string;
  tls?: CsTlsOptions;
}

const CURRENT = new WeakMap<Station, StationConnection>();

export function currentConnection(st: Station): StationConnection {
  return CURRENT.get(st) ?? { url: st.opts.url, password: st.opts.password, tls: st.opts.tls };
}

/** The security profile of the current connection settings (A00: one profile at a time). */
export function currentProfile(st: Station): number {
  const c = currentConnection(st);
  return c.tls?.cert ? 3 : c.tls ? 2 : c.password !== undefined ? 1 : 0;
}

/**
 * From the next connection on: TLS to the same CSMS (wss://), trusting `trusted` (the CSMS root certificates the
 * station has installed), with Basic auth at profile 2 and the station's client certificate at profile 3.
 */
export function raiseProfile(st: Station, profile: 2 | 3, trusted: string[], client?: { cert: string | Buffer; key: string | Buffer }): void {
  const c = currentConnection(st);
  CURRENT.set(st, {
    url: c.url.replace(/^ws:/, 'wss:'),
    password: profile === 2 ? c.password : undefined,
    tls: { ca: trusted, ...(profile === 3 && client ? client : {}) },
  });
}

/** The Charge Point / Charging Station certificate the CSMS signed last, with its key (for a later upgrade to profile 3). */
const CLIENT = new WeakMap<Station, { cert: string; key: string }>();

export function stationCertificate(st: Station): { cert: string; key: string } | undefined {
  return CLIENT.get(st);
}

/**
 * A signed certificate the station accepted (1.6 whitepaper A02, 2.0.1 A02/A03): it becomes the station's client
 * certificate; a 1.6 station connected with profile 3 disconnects and comes back with it.
 */
export function acceptClientCertificate(st: Station, cert: string, key: KeyObject, afterReply: (fn: () => void) => void): void {
  const pem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  CLIENT.set(st, { cert, key: pem });
  if (currentProfile(st) !== 3) return;
  const c = currentConnection(st);
  if (!st.faults.has('new-client-certificate-not-used')) CURRENT.set(st, { ...c, tls: { ...c.tls, cert, key: pem } });
  // 1.6 (OCTT TC_074_CS): the station reconnects with it at once; 2.0.1 takes it at its next connection (A02.FR.08).
  if (st.version === '1.6') afterReply(() => void st.link.disconnect().then(() => st.link.connect()));
}

/** The station's TLS client settings with the connection-security faults of this catalog group applied. */
export function tlsWithFaults(st: Station, configured: CsTlsOptions | undefined): CsTlsOptions | undefined {
  if (!configured) return configured;
  const tls = withInstalledRoots(st, configured);
  // Accepts any server certificate: what TC_A_05_CS exists to catch.
  if (st.faults.has('tls-server-certificate-not-verified')) return { ...tls, rejectUnauthorized: false };
  // Offers TLS 1.0 and 1.1 too: what TC_A_06_CS exists to catch.
  if (st.faults.has('tls-old-version-accepted')) return { ...tls, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' } as CsTlsOptions;
  return tls;
}

/**
 * 2.0.1 M05: the CSMS root certificates installed with InstallCertificate are the ones the station checks the server
 * certificate against (a new CSMS with a new root, TC_B_50_CS), besides the root it was set up with.
 */
function withInstalledRoots(st: Station, tls: CsTlsOptions): CsTlsOptions {
  if (st.version !== '2.0.1' || st.faults.has('installed-csms-root-not-trusted')) return tls;
  const configured = tls.ca === undefined ? [] : Array.isArray(tls.ca) ? tls.ca : [tls.ca];
  const installed = certificateStore201(st)
    .filter((c) => c.type === 'CSMSRootCertificate' && currentlyValid(c.cert))
    .map((c) => c.cert.toString());
  // An installed CSMS root is a trust anchor even where another root issued it (TC_M_30_CS): partial chains count.
  return { ...tls, ca: rolloverTrust(st, [...configured, ...installed]), allowPartialTrustChain: true } as CsTlsOptions;
}
