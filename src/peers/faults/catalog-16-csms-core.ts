import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6, CSMS under test, Core (OCTT §3.1-3.13, 3.20). */
export const CATALOG_16_CSMS_CORE_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
