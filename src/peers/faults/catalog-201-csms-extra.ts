import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 CSMS cases outside the Part 5 certification tables. */
export const CATALOG_201_CSMS_EXTRA_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
