import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6, charging station under test, Core non-happy flows, firmware, diagnostics, remote trigger (OCTT §2.10-2.16, 2.18, 2.19, 2.21). */
export const CATALOG_16_CS_NON_HAPPY_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
