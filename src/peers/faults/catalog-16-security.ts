import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 1.6 security whitepaper, both roles (OCTT §2.24, 3.21). */
export const CATALOG_16_SECURITY_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
