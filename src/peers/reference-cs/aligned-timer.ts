import type { TimerHandle, Timers } from '../timers.js';

/**
 * Clock-aligned sampling (1.6 ClockAlignedDataInterval, 2.0.1 AlignedDataCtrlr.Interval): the next sample falls on
 * the next multiple of the interval since midnight, on the station's clock. Undefined when the interval is off.
 */
export function nextAligned(timers: Timers, intervalText: string | undefined, sample: () => void): TimerHandle | undefined {
  const interval = Number(intervalText ?? '0');
  if (!Number.isFinite(interval) || interval <= 0) return undefined;
  const period = interval * timers.msPerSecond;
  return timers.afterMs(period - (Date.now() % period), sample);
}
