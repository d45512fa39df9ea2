import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, charging station under test, E Transactions, F RemoteControl, J MeterValues, P DataTransfer. */
export const CATALOG_201_CS_TRANSACTIONS_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
