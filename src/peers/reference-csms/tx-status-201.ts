import type { Payload } from '../../ocpp/frame.js';
import type { StationSession } from './session.js';

/**
 * GetTransactionStatus (2.0.1 E14), as the operator asks the reference CSMS for it: about one transaction
 * (`transactionId`) or, without one, about the station's queue as a whole; with the mistakes of its fault switches.
 */
export function getTransactionStatus201(s: StationSession, transactionId: unknown): { action: string; payload: Payload } {
  if (s.version !== '2.0.1') throw new Error(`getTransactionStatus is an OCPP 2.0.1 operation; station ${s.id} speaks ${s.version}`);
  let id = transactionId === undefined || transactionId === null || transactionId === '' ? undefined : String(transactionId);
  // A CSMS that loses the transaction it was asked about and asks about the queue as a whole.
  if (s.faults.has('csms201-tx-status-id-dropped')) id = undefined;
  // A CSMS that always fills in a transactionId: the station's latest transaction, or an empty one.
  if (id === undefined && s.faults.has('csms201-tx-status-id-always')) id = [...s.transactions.keys()].pop() ?? '';
  return { action: 'GetTransactionStatus', payload: id === undefined ? {} : { transactionId: id } };
}
