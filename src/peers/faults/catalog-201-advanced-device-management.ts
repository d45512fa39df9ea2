import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 Advanced Device Management (B and N cases of the profile: monitoring, reports, customization), both roles. */
export const CATALOG_201_ADVANCED_DEVICE_MANAGEMENT_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
