import type { TimerHandle } from '../timers.js';
import { nextAligned } from './aligned-timer.js';
import type { Station } from './station.js';
import type { TxEngine201 } from './tx-201.js';

/**
 * OCPP 2.0.1 clock-aligned meter data (Part 2 J01, AlignedDataCtrlr): every AlignedDataCtrlr.Interval seconds,
 * counted from midnight, one sample per EVSE with context Sample.Clock and the AlignedDataCtrlr.Measurands: in a
 * TransactionEvent (triggerReason MeterValueClock) while a transaction runs there, otherwise in a MeterValues.
 * Interval 0 or Enabled false switches it off; SendDuringIdle true holds it back while any transaction runs. Intervals are protocol seconds, so a fast clock aligns to
 * multiples of the scaled interval.
 */
class ClockAligned201 {
  private timer: TimerHandle | undefined;

  constructor(
    private readonly st: Station,
    private readonly engine: TxEngine201,
  ) {}

  /** (Re)reads the interval and schedules the next aligned sample. */
  restart(): void {
    this.timer?.cancel();
    this.timer = undefined;
    if (this.st.isClosed) return;
    this.timer = nextAligned(this.st.timers, this.st.deviceModel?.value('AlignedDataCtrlr', 'Interval'), () => {
      this.sample();
      this.restart();
    });
  }

  private sample(): void {
    const st = this.st;
    if (!st.ready || st.deviceModel?.value('AlignedDataCtrlr', 'Enabled') === 'false') return;
    // AlignedDataCtrlr.SendDuringIdle (Part 5 C-28): no clock-aligned data at all while a transaction runs.
    const idleOnly = st.deviceModel?.value('AlignedDataCtrlr', 'SendDuringIdle') === 'true' && !st.faults.has('aligned-data-sent-during-transaction');
    if (idleOnly && st.connectors.some((c) => c.tx !== undefined)) return;
    for (const c of st.connectors) this.engine.clockSample(c);
  }
}

const perStation = new WeakMap<Station, ClockAligned201>();

/** The station's clock-aligned sampler (one per station, whatever connection it is on). */
export function clockAligned201(st: Station, engine: TxEngine201): ClockAligned201 {
  let c = perStation.get(st);
  if (!c) perStation.set(st, (c = new ClockAligned201(st, engine)));
  return c;
}
