import type { FaultInfo } from './fault-info.js';

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 E Transactions conditional cases, both roles. */
export const CATALOG_201_TRANSACTIONS_CONDITIONAL_FAULTS = {
  'tx-start-point-ignored': { peer: 'cs', versions: ['2.0.1'], description: 'Starts every transaction when the power path closes, whatever TxStartPoint says.' },
  'tx-stop-point-ignored': { peer: 'cs', versions: ['2.0.1'], description: 'Ends transactions only when the EV is unplugged, whatever TxStopPoint says.' },
  'tx-stop-on-deauthorize': { peer: 'cs', versions: ['2.0.1'], description: 'Ends the transaction when the driver\'s authorization ends even when TxStopPoint does not contain Authorized.' },
  'ev-suspended-reported-charging': { peer: 'cs', versions: ['2.0.1'], description: 'Reports chargingState Charging while the EV takes no energy (not ready or suspended) instead of SuspendedEV.' },
  'ev-side-disconnect-never-stops': { peer: 'cs', versions: ['2.0.1'], description: 'Keeps the transaction when the EV is unplugged at its side although StopTxOnEVSideDisconnect is true.' },
  'remote-authorization-not-disabled': { peer: 'cs', versions: ['2.0.1'], description: 'Sends Authorize for an idToken it does not know although AuthCtrlr.DisableRemoteAuthorization is true.' },
  'csms201-tx-status-id-dropped': { peer: 'csms', versions: ['2.0.1'], description: 'Sends GetTransactionStatus without the transactionId it was asked to check.' },
  'csms201-tx-status-id-always': { peer: 'csms', versions: ['2.0.1'], description: 'Always puts a transactionId into GetTransactionStatus (the latest transaction, or an empty one), even when asked about the queue as a whole.' },
} as const satisfies Record<string, FaultInfo>;
