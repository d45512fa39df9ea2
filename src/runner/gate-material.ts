import { generate } from 'selfsigned';
import type { GateMaterial } from './station-gate.js';

/**
 * What a station gate presents (station-gate.ts): the server certificate stations trust and its CA (whose key signs
 * stations' CSRs and the invalid certificates of TC_A_05_CS: one that no root of the station issued, an expired one,
 * one issued for another host name), and optionally a certificate issued by a second CSMS root (`newRoot`, TC_B_50_CS).
 */
type Pair = { cert: string; key: string };

const SERVER_EXTENSIONS = (names: string[]) =>
  [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: names.map((n) => (/^[\d.]+$|:/.test(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
  ] as const;

export async function issueServerCertificate(commonName: string, names: string[], extra: { ca?: Pair; notBeforeDate?: Date; notAfterDate?: Date }): Promise<Pair> {
  const pems = await generate([{ name: 'commonName', value: commonName }], { keyType: 'ec', algorithm: 'sha256', extensions: [...SERVER_EXTENSIONS(names)], ...extra });
  return { cert: pems.cert, key: pems.private };
}

/**
 * `names`: the host names / addresses the gate is reached at (the valid certificates name them). `issuers`: further
 * server certificates by name, each issued by the CA given (e.g. `newRoot`).
 */
export async function buildGateMaterial(options: { server?: Pair; ca: Pair; names: string[]; issuers?: Record<string, Pair> }): Promise<GateMaterial> {
  const { ca, names } = options;
  const day = 86_400_000;
  const issuers = Object.entries(options.issuers ?? {});
  const [server, untrusted, expired, wrongName, ...issued] = await Promise.all([
    options.server ?? issueServerCertificate(names[0], names, { ca }),
    // Self-signed: no root the station has issued it.
    issueServerCertificate(names[0], names, {}),
    issueServerCertificate(names[0], names, { ca, notBeforeDate: new Date(Date.now() - 730 * day), notAfterDate: new Date(Date.now() - 365 * day) }),
    issueServerCertificate('csms.invalid.example', ['csms.invalid.example'], { ca }),
    ...issuers.map(([, issuer]) => issueServerCertificate(names[0], names, { ca: issuer })),
  ]);
  return { server, ca, others: { untrusted, expired, wrongName, ...Object.fromEntries(issuers.map(([name], i) => [name, issued[i]])) } };
}

/**
 * Invalid client certificates for the harness-as-station (TC_A_08_CSMS): one no root of the CSMS issued, an expired one
 * from `ca`, and one from `ca` whose commonName is not the station's.
 */
export async function buildInvalidClientCertificates(ca: Pair, commonName: string): Promise<Record<string, Pair>> {
  const day = 86_400_000;
  const client = async (cn: string, extra: { ca?: Pair; notBeforeDate?: Date; notAfterDate?: Date }): Promise<Pair> => {
    const pems = await generate([{ name: 'commonName', value: cn }], { keyType: 'ec', algorithm: 'sha256', extensions: [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true }, { name: 'extKeyUsage', clientAuth: true }], ...extra });
    return { cert: pems.cert, key: pems.private };
  };
  const [untrusted, expired, wrongName] = await Promise.all([
    client(commonName, {}),
    client(commonName, { ca, notBeforeDate: new Date(Date.now() - 730 * day), notAfterDate: new Date(Date.now() - 365 * day) }),
    client(`NOT-${commonName}`, { ca }),
  ]);
  return { untrusted, expired, wrongName };
}
