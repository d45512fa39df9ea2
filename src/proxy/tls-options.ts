import type { ServerOptions } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';
import type { Pem, ServerTlsOptions } from './types.js';

/**
 * TLS towards the stations: a given certificate or a generated self-signed one (quick debugging), and with
 * a client CA, mutual TLS (security profile 3): stations must present a certificate that CA signed.
 */
export async function serverTlsOptions(tls: ServerTlsOptions, clientCa?: Pem): Promise<{ options: ServerOptions; certificate: string }> {
  const { cert, key } = 'selfSigned' in tls ? await selfSigned() : { cert: tls.cert, key: tls.key };
  const options: ServerOptions = { cert, key };
  if (clientCa) Object.assign(options, { ca: clientCa, requestCert: true, rejectUnauthorized: true });
  return { options, certificate: cert.toString() };
}

/** A certificate for localhost / 127.0.0.1 / ::1, valid for a year. EC keys: generated in milliseconds. */
export async function selfSigned(commonName = 'ocpp-harness proxy'): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** The station's client certificate, for the open event (mTLS); undefined on plain connections or without one. */
export function clientCertificate(socket: unknown): { subject: string; issuer: string; fingerprint256: string; authorized: boolean } | undefined {
  const tls = socket as Partial<TLSSocket>;
  if (typeof tls.getPeerCertificate !== 'function') return undefined;
  const cert = tls.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return undefined;
  return { subject: dn(cert.subject), issuer: dn(cert.issuer), fingerprint256: cert.fingerprint256, authorized: tls.authorized === true };
}

function dn(names: object | undefined): string {
  if (!names) return '';
  return Object.entries(names)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}
