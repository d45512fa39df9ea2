import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, CSMS under test, A Security, B Provisioning, C Authorization, F RemoteControl, G Availability, P DataTransfer. */
export const CATALOG_201_CSMS_PROVISIONING_FAULTS = {
} as const satisfies Record<string, FaultInfo>;
