import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, both roles, L FirmwareManagement, M ISO15118CertificateManagement. */
export const CATALOG_201_FIRMWARE_CERTIFICATES_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
