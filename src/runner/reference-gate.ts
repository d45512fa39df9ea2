import { CSMS_ROOT_2_CERT, CSMS_ROOT_2_KEY, CSMS_ROOT_CERT, CSMS_ROOT_KEY } from '../peers/security-fixtures-16.js';
import { CSMS_ROOT_3_CERT, CSMS_ROOT_3_KEY } from '../peers/security-fixtures-201.js';
import { buildGateMaterial } from './gate-material.js';
import type { GateMaterial } from './station-gate.js';

/**
 * The certificates the embedded default's station gate presents (station-gate.ts): the server certificate issued by
 * the test data's Central System root (which the reference station trusts, see reference-security-16.ts), the invalid
 * ones of TC_A_05_CS and ones issued by the test data's Root 2 (TC_B_50_CS) and Root 3 (TC_M_30_CS). Generated once per process: EC keys take
 * milliseconds.
 */
let material: Promise<GateMaterial> | undefined;

export function referenceGateMaterial(): Promise<GateMaterial> {
  material ??= buildGateMaterial({
    ca: { cert: CSMS_ROOT_CERT, key: CSMS_ROOT_KEY },
    names: ['localhost', '127.0.0.1'],
    issuers: {
      // Issued by the test data's second CSMS root (TC_B_50_CS: a new CSMS whose root the station was given first).
      newRoot: { cert: CSMS_ROOT_2_CERT, key: CSMS_ROOT_2_KEY },
      // Issued by the third CSMS root, which the first one signed (TC_M_30_CS: a new root that passes AdditionalRootCertificateCheck).
      signedRoot: { cert: CSMS_ROOT_3_CERT, key: CSMS_ROOT_3_KEY },
    },
  });
  return material;
}
