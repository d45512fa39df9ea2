import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 charging station cases outside the Part 5 certification tables, and the last Reservation and Advanced User Interface ones. */
export const CATALOG_201_CS_EXTRA_FAULTS = {
  'reservation-201-lost-on-reboot': { peer: 'cs', versions: V201, description: 'Forgets its reservations when it reboots: after a Reset the reserved connector comes back Available.' },
} as const satisfies Record<string, FaultInfo>;
