import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 K SmartCharging, CSMS under test. */
export const CATALOG_201_CSMS_SMART_CHARGING_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
