import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, charging station under test, C Authorization conditional cases. */
export const CATALOG_201_CS_AUTHORIZATION_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
