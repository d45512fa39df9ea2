import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 E Transactions conditional cases, both roles. */
export const CATALOG_201_TRANSACTIONS_CONDITIONAL_FAULTS = {
  'tx-start-point-ignored': { peer: 'cs', versions: ['2.0.1'], description: 'the 2.0.1 station starts every transaction when the power path closes, whatever TxStartPoint says' },
  'tx-stop-point-ignored': { peer: 'cs', versions: ['2.0.1'], description: 'the 2.0.1 station ends transactions only when the EV is unplugged, whatever TxStopPoint says' },
  'tx-stop-on-deauthorize': { peer: 'cs', versions: ['2.0.1'], description: 'the 2.0.1 station ends the transaction when the driver\'s authorization ends even when TxStopPoint does not contain Authorized' },
} as const satisfies Record<string, FaultInfo>;
