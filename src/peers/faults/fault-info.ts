import type { Side, Version } from '../../types.js';

/** One fault switch of a reference peer: a deliberate bug that a conformance case exists to catch. */
export interface FaultInfo {
  /** Which reference peer honours it: the charging station (`cs`) or the CSMS (`csms`). */
  peer: Side;
  /** The OCPP versions where the switch has an effect. */
  versions: readonly Version[];
  /** One line: what the peer does wrong when the switch is on. */
  description: string;
}

export const BOTH_VERSIONS: readonly Version[] = ['1.6', '2.0.1'];
export const V16: readonly Version[] = ['1.6'];
