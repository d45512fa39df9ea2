import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 conditional cases of J MeterValues, K SmartCharging, L FirmwareManagement, M CertificateManagement and N Diagnostics, both roles. */
export const CATALOG_201_DEVICE_CONDITIONAL_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
