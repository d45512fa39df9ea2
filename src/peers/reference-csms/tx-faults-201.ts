import type { Payload } from '../../ocpp/frame.js';
import { RpcError } from '../rpc-errors.js';
import type { StationSession } from './session.js';

/**
 * The deliberate mistakes of the reference CSMS in its 2.0.1 TransactionEvent and MeterValues answers (the fault
 * switches of catalog-201-csms-transactions.ts). Without those switches nothing here throws: a TransactionEvent
 * cannot be rejected (OCPP 2.0.1 Part 2 E01.FR.07 ff.), so the bugs show as a CALLERROR.
 */
interface TxMemo {
  lastChargingState?: string;
  lostEv?: boolean;
}
const memos = new WeakMap<StationSession, Map<string, TxMemo>>();
const lastSeqNo = new WeakMap<StationSession, number>();

const KNOWN_TRIGGERS = ['Authorized', 'CablePluggedIn', 'ChargingStateChanged', 'StopAuthorized', 'RemoteStart', 'RemoteStop', 'EVCommunicationLost', 'Deauthorized'];
const KNOWN_STOP_REASONS = ['Local', 'Remote', 'EVDisconnected'];

type SampledValue = { context?: string; signedMeterValue?: unknown };
function sampledValues(meterValue: unknown): SampledValue[] {
  if (!Array.isArray(meterValue)) return [];
  return meterValue.flatMap((mv) => ((mv as { sampledValue?: SampledValue[] }).sampledValue ?? []) as SampledValue[]);
}

function fail(description: string): never {
  throw new RpcError('PropertyConstraintViolation', description);
}

/** Called before the TransactionEvent is recorded. */
export function transactionEventFaults201(s: StationSession, req: Payload): void {
  const info = req.transactionInfo as { transactionId: string; chargingState?: string; stoppedReason?: string };
  let txs = memos.get(s);
  if (!txs) memos.set(s, (txs = new Map()));
  const memo = txs.get(info.transactionId) ?? {};
  txs.set(info.transactionId, memo);
  const has = (f: Parameters<StationSession['faults']['has']>[0]) => s.faults.has(f);
  const seqNo = req.seqNo as number;
  const previous = lastSeqNo.get(s);
  lastSeqNo.set(s, seqNo);
  const trigger = String(req.triggerReason);
  const values = sampledValues(req.meterValue);

  if (has('csms201-ev-communication-lost-ends-transaction') && memo.lostEv) fail(`transaction ${info.transactionId} has ended`);
  if (has('csms201-seqno-per-station') && previous !== undefined && seqNo <= previous) fail(`seqNo ${seqNo} does not follow ${previous}`);
  if (has('csms201-started-without-idtoken-error') && req.eventType === 'Started' && !req.idToken) fail('a transaction starts with an idToken');
  if (has('csms201-trigger-reason-error') && !KNOWN_TRIGGERS.includes(trigger)) fail(`unknown triggerReason ${trigger}`);
  if (has('csms201-stopped-reason-error') && req.eventType === 'Ended' && info.stoppedReason !== undefined && !KNOWN_STOP_REASONS.includes(info.stoppedReason)) fail(`unknown stoppedReason ${info.stoppedReason}`);
  if (has('csms201-suspended-ev-error') && info.chargingState === 'SuspendedEV') fail('unknown chargingState SuspendedEV');
  if (has('csms201-ended-while-charging-error') && req.eventType === 'Ended' && memo.lastChargingState === 'Charging') fail(`transaction ${info.transactionId} is still charging`);
  if (has('csms201-signed-meter-value-error') && values.some((v) => v.signedMeterValue !== undefined)) fail('signedMeterValue is not supported');
  if (has('csms201-tx-meter-context-error')) {
    const odd = values.find((v) => (v.context ?? 'Sample.Periodic') !== 'Sample.Periodic');
    if (odd) fail(`unexpected meter value context ${String(odd.context)}`);
  }

  if (info.chargingState !== undefined) memo.lastChargingState = info.chargingState;
  if (trigger === 'EVCommunicationLost') memo.lostEv = true;
}

/** Called before a MeterValues request is answered. */
export function meterValuesFaults201(s: StationSession, req: Payload): void {
  if (s.faults.has('csms201-meter-values-evse0-error') && req.evseId === 0) fail('no EVSE 0');
  if (s.faults.has('csms201-signed-meter-value-error') && sampledValues(req.meterValue).some((v) => v.signedMeterValue !== undefined)) fail('signedMeterValue is not supported');
}
