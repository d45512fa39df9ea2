import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6, charging station under test, Core happy flows (OCTT §2.1-2.9, 2.23). */
export const CATALOG_16_CS_CORE_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
