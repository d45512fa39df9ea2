import { RpcCallError, RpcTimeoutError } from '../rpc-errors.js';
import type { Station } from './station.js';

/**
 * OCPP 2.0.1 E13 (Part 2 E13.FR.01-04): a TransactionEvent the CSMS answered with a CALLERROR or did not answer is
 * sent again, up to OCPPCommCtrlr.MessageAttempts[TransactionEvent] transmissions in all, waiting
 * MessageAttemptInterval[TransactionEvent] seconds times the number of transmissions so far before each retry; then
 * it is given up. Returns the wait in protocol seconds before the next transmission, or undefined to give up.
 * `transmissions` counts the ones already made.
 */
export function retryDelay201(st: Station, action: string, error: unknown, transmissions: number): number | undefined {
  if (st.version !== '2.0.1' || action !== 'TransactionEvent') return undefined;
  if (!(error instanceof RpcCallError) && !(error instanceof RpcTimeoutError)) return undefined;
  if (st.faults.has('tx-message-not-retried')) return undefined;
  if (error instanceof RpcTimeoutError && st.faults.has('tx-timeout-not-retried')) return undefined;
  const dm = st.deviceModel;
  const attempts = Number(dm?.value('OCPPCommCtrlr', 'MessageAttempts', 'TransactionEvent') ?? '0');
  const interval = Number(dm?.value('OCPPCommCtrlr', 'MessageAttemptInterval', 'TransactionEvent') ?? '0');
  if (!(transmissions < attempts) && !st.faults.has('tx-retry-limit-ignored')) return undefined;
  return Math.max(0, interval) * transmissions;
}

/**
 * How long a 2.0.1 transaction message waits for its answer: OCPPCommCtrlr.MessageTimeout[Default] protocol seconds
 * (Part 2 E13: the retry interval starts when it runs out). Undefined: the connection's response timeout.
 */
export function txMessageTimeoutMs(st: Station): number | undefined {
  if (st.version !== '2.0.1') return undefined;
  const s = Number(st.deviceModel?.value('OCPPCommCtrlr', 'MessageTimeout', 'Default'));
  return Number.isFinite(s) && s > 0 ? s * st.opts.msPerSecond : undefined;
}
