import type { Station } from './station.js';

/**
 * OCPP 2.0.1 Part 4 §5.3: after losing the connection the station waits RetryBackOffWaitMinimum seconds plus a random
 * part of up to RetryBackOffRandomRange before its first attempt, doubles the wait after every failed attempt at most
 * RetryBackOffRepeatTimes times, then keeps the last wait. `failures` counts the attempts that failed since the
 * connection was lost. Returns protocol seconds; undefined for 1.6 (the fixed reconnectDelay).
 */
export function reconnectBackOff201(st: Station, failures: number): number | undefined {
  const dm = st.deviceModel;
  if (st.version !== '2.0.1' || !dm) return undefined;
  if (st.faults.has('reconnect-backoff-ignored')) return st.opts.reconnectDelay;
  const read = (name: string) => {
    const n = Number(dm.value('OCPPCommCtrlr', name));
    return Number.isFinite(n) && n >= 0 ? n : 0;
  };
  const doublings = st.faults.has('reconnect-backoff-not-increased') ? 0 : Math.min(failures, read('RetryBackOffRepeatTimes'));
  return read('RetryBackOffWaitMinimum') * 2 ** doublings + Math.random() * read('RetryBackOffRandomRange');
}
