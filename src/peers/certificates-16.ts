import { createHash, X509Certificate } from 'node:crypto';

/**
 * Certificates for the OCPP 1.6 security whitepaper: the certificateHashData of a certificate (whitepaper
 * §6.1 CertificateHashDataType, the OCSP CertID fields of RFC 6960) and a parser for the DER fields Node's
 * X509Certificate does not expose (the issuer name as DER, the public key's bit string).
 */
export type HashAlgorithm = 'SHA256' | 'SHA384' | 'SHA512';

export interface CertificateHashData {
  hashAlgorithm: HashAlgorithm;
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

/** One DER element: tag, where it starts, where its content starts and where it ends. */
export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the content. */
  content: number;
  /** Offset after the content. */
  end: number;
}

export function tlv(der: Buffer, at: number): Tlv {
  const tag = der[at];
  let len = der[at + 1];
  let content = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[at + 2 + i];
    content += n;
  }
  if (tag === undefined || content + len > der.length) throw new Error('truncated DER');
  return { tag, start: at, content, end: content + len };
}

/** The children of a constructed TLV. */
function children(der: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.content; at < parent.end; ) {
    const t = tlv(der, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

/** The DER encoding of a certificate's issuer name. */
function issuerDer(cert: X509Certificate): Buffer {
  const der = cert.raw;
  const tbs = children(der, tlv(der, 0))[0];
  const fields = children(der, tbs);
  const first = fields[0].tag === 0xa0 ? 1 : 0; // [0] version is optional
  const issuer = fields[first + 2];
  return der.subarray(issuer.start, issuer.end);
}

/** The value of the subjectPublicKey BIT STRING (without tag, length and the unused-bits byte). */
function publicKeyBits(cert: X509Certificate): Buffer {
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  const bits = children(spki, tlv(spki, 0))[1];
  return spki.subarray(bits.content + 1, bits.end);
}

const NODE_HASH: Record<HashAlgorithm, string> = { SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };

export function parseCertificate(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/** The hash data of `cert`; `issuer` is its issuer's certificate (the certificate itself when self-signed). */
export function certificateHashData(cert: X509Certificate, hashAlgorithm: HashAlgorithm = 'SHA256', issuer: X509Certificate = cert): CertificateHashData {
  const h = (b: Buffer) => createHash(NODE_HASH[hashAlgorithm]).update(b).digest('hex');
  return {
    hashAlgorithm,
    issuerNameHash: h(issuerDer(cert)),
    issuerKeyHash: h(publicKeyBits(issuer)),
    serialNumber: cert.serialNumber.replace(/^0+(?=.)/, '').toUpperCase(),
  };
}

/** Same certificate: the three identifying fields compared case-insensitively (hex). */
export function sameCertificate(a: CertificateHashData, b: CertificateHashData): boolean {
  const eq = (x: string, y: string) => x.toLowerCase() === y.toLowerCase();
  return a.hashAlgorithm === b.hashAlgorithm && eq(a.issuerNameHash, b.issuerNameHash) && eq(a.issuerKeyHash, b.issuerKeyHash) && eq(a.serialNumber.replace(/^0+(?=.)/, ''), b.serialNumber.replace(/^0+(?=.)/, ''));
}

/** Valid now, by its validity period. */
export function currentlyValid(cert: X509Certificate, now = Date.now()): boolean {
  return Date.parse(cert.validFrom) <= now && now <= Date.parse(cert.validTo);
}
