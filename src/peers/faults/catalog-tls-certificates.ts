import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: certificates and TLS changed in the middle of a case (OCPP 1.6 security TC_074/TC_083, 2.0.1 A and B security cases), both roles. */
export const CATALOG_TLS_CERTIFICATES_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
