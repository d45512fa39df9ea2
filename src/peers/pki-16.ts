import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { tlv, type Tlv } from './certificates-16.js';

/**
 * The little PKI the 1.6 security whitepaper needs of the reference peers (use cases A02/A03): a station makes
 * a key pair and a PKCS#10 certificate signing request (RFC 2986) for SignCertificate; a CSMS acting as its own
 * certificate authority turns such a request into an X.509 certificate (RFC 5280) for CertificateSigned.
 * EC P-256 keys, ECDSA with SHA-256; DER built by hand (Node's crypto has no CSR or certificate builder).
 */
const enc = (tag: number, content: Buffer): Buffer => {
  const n = content.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, content]);
};
const seq = (...items: Buffer[]) => enc(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => enc(0x31, Buffer.concat(items));
const oid = (dotted: string): Buffer => {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [a * 40 + b];
  for (const v of rest) {
    const groups: number[] = [];
    let x = v;
    do groups.unshift(x & 0x7f);
    while ((x = Math.floor(x / 128)) > 0);
    bytes.push(...groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
  }
  return enc(0x06, Buffer.from(bytes));
};
const utf8 = (s: string) => enc(0x0c, Buffer.from(s, 'utf8'));
const int = (b: Buffer) => enc(0x02, b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
const bits = (b: Buffer) => enc(0x03, Buffer.concat([Buffer.from([0]), b]));
const utcTime = (d: Date) => enc(0x17, Buffer.from(d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'));

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const NAME_OIDS: Record<string, string> = { CN: '2.5.4.3', O: '2.5.4.10', C: '2.5.4.6' };

/** An X.501 Name from attributes in order, e.g. { O: 'CPO', CN: 'CP001' }. */
function name(attrs: Record<string, string>): Buffer {
  return seq(...Object.entries(attrs).map(([k, v]) => set(seq(oid(NAME_OIDS[k]), utf8(v)))));
}

function pem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}

function derOf(pemText: string): Buffer {
  return Buffer.from(pemText.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

function spki(key: KeyObject): Buffer {
  return createPublicKey(key).export({ type: 'spki', format: 'der' });
}

/** A fresh key pair and a CSR for it, subject O=<organization>, CN=<commonName>; P-256 unless another curve is named (a fault's weak key). */
export function makeCsr(commonName: string, organization: string, namedCurve = 'P-256'): { csr: string; privateKey: KeyObject; publicKeyDer: Buffer } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve });
  const info = seq(int(Buffer.from([0])), name({ O: organization || 'unknown', CN: commonName }), spki(privateKey), enc(0xa0, Buffer.alloc(0)));
  const csr = seq(info, ECDSA_SHA256, bits(sign('sha256', info, privateKey)));
  return { csr: pem('CERTIFICATE REQUEST', csr), privateKey, publicKeyDer: spki(privateKey) };
}

/** The subject name (DER) and public key (SPKI DER) of a CSR; throws on anything that is not one. */
export function readCsr(csrPem: string): { subject: Buffer; spki: Buffer } {
  const der = derOf(csrPem);
  const info = tlv(der, tlv(der, 0).content).content;
  const versionEnd = tlv(der, info).end;
  const subjectEnd = tlv(der, versionEnd).end;
  const spkiEnd = tlv(der, subjectEnd).end;
  const key = der.subarray(subjectEnd, spkiEnd);
  createPublicKey({ key, format: 'der', type: 'spki' });
  return { subject: der.subarray(versionEnd, subjectEnd), spki: key };
}

/** Issues a certificate for the CSR, signed by the CA (PEM certificate and key), valid from now for `days`. */
export function signCsr(csrPem: string, ca: { cert: string; key: string }, days = 365): string {
  const { subject, spki: key } = readCsr(csrPem);
  const caDer = derOf(ca.cert);
  let at = tlv(caDer, tlv(caDer, 0).content).content;
  const fields: Tlv[] = [];
  for (let i = 0; i < 6; i++) {
    const f = tlv(caDer, at);
    fields.push(f);
    at = f.end;
  }
  const first = fields[0].tag === 0xa0 ? 1 : 0;
  const caSubject = caDer.subarray(fields[first + 4].start, fields[first + 4].end);
  const now = Date.now();
  const tbs = seq(
    enc(0xa0, int(Buffer.from([2]))),
    int(Buffer.concat([Buffer.from([0x01]), randomBytes(8)])),
    ECDSA_SHA256,
    caSubject,
    seq(utcTime(new Date(now - 60_000)), utcTime(new Date(now + days * 86_400_000))),
    subject,
    key,
  );
  const cert = seq(tbs, ECDSA_SHA256, bits(sign('sha256', tbs, createPrivateKey(ca.key))));
  return pem('CERTIFICATE', cert);
}
