import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, CSMS under test, E Transactions, J MeterValues, N Diagnostics. */
export const CATALOG_201_CSMS_TRANSACTIONS_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
