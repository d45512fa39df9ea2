import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6, CSMS under test, local authorization list, firmware, diagnostics, reservation, remote trigger, smart charging (OCTT §3.14-3.19). */
export const CATALOG_16_CSMS_PROFILES_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
