import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 connection, reconnection and unanswered messages (B Provisioning conditional cases, TC_B_46/B_57, TC_E_41/E_42), both roles. */
export const CATALOG_201_CONNECTION_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
