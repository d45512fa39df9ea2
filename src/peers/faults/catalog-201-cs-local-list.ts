import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 Local Authorization List Management, charging station under test (D cases and the C cases of the local list). */
export const CATALOG_201_CS_LOCAL_LIST_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
