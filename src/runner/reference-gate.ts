import { generate } from 'selfsigned';
import { CSMS_ROOT_2_CERT, CSMS_ROOT_2_KEY, CSMS_ROOT_CERT, CSMS_ROOT_KEY } from '../peers/security-fixtures-16.js';
import { CSMS_ROOT_3_CERT, CSMS_ROOT_3_KEY } from '../peers/security-fixtures-201.js';
import type { GateMaterial } from './station-gate.js';

/**
 * The certificates the embedded default's station gate presents (station-gate.ts): the server certificate issued by
 * the test data's Central System root (which the reference station trusts, see reference-security-16.ts) and the
 * invalid ones of TC_A_05_CS (OCPP 2.0.1 Part 6 lists an unknown certificate, an expired one and one whose name is
 * not the CSMS's host). Generated once per process: EC keys take milliseconds.
 */
let material: Promise<GateMaterial> | undefined;

export function referenceGateMaterial(): Promise<GateMaterial> {
  material ??= build();
  return material;
}

const SERVER_EXTENSIONS = (names: string[]) =>
  [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: names.map((n) => (/^\d/.test(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
  ] as const;

async function build(): Promise<GateMaterial> {
  const ca = { cert: CSMS_ROOT_CERT, key: CSMS_ROOT_KEY };
  const issue = async (commonName: string, names: string[], extra: { ca?: typeof ca; notBeforeDate?: Date; notAfterDate?: Date }) => {
    const pems = await generate([{ name: 'commonName', value: commonName }], { keyType: 'ec', algorithm: 'sha256', extensions: [...SERVER_EXTENSIONS(names)], ...extra });
    return { cert: pems.cert, key: pems.private };
  };
  const local = ['localhost', '127.0.0.1'];
  const [server, untrusted, expired, wrongName, newRoot, signedRoot] = await Promise.all([
    issue('localhost', local, { ca }),
    // Self-signed: no root the station has issued it.
    issue('localhost', local, {}),
    issue('localhost', local, { ca, notBeforeDate: new Date(Date.now() - 2 * 365 * 86_400_000), notAfterDate: new Date(Date.now() - 365 * 86_400_000) }),
    issue('csms.invalid.example', ['csms.invalid.example'], { ca }),
    // Issued by the test data's second CSMS root (TC_B_50_CS: a new CSMS whose root the station was given first).
    issue('localhost', local, { ca: { cert: CSMS_ROOT_2_CERT, key: CSMS_ROOT_2_KEY } }),
    // Issued by the third CSMS root, which the first one signed (TC_M_30_CS: a new root that passes AdditionalRootCertificateCheck).
    issue('localhost', local, { ca: { cert: CSMS_ROOT_3_CERT, key: CSMS_ROOT_3_KEY } }),
  ]);
  return { server, ca, others: { untrusted, expired, wrongName, newRoot, signedRoot } };
}
