import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6, charging station under test, local authorization list, reservation, smart charging (OCTT §2.17, 2.20, 2.22). */
export const CATALOG_16_CS_PROFILES_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
