import type { TimerHandle } from '../timers.js';
import { nextAligned } from './aligned-timer.js';
import { meterValue } from './meter.js';
import type { Station } from './station.js';
import type { TxEngine16 } from './tx-16.js';

/**
 * OCPP 1.6 clock-aligned meter data (§3.16.2 ClockAlignedDataInterval, MeterValuesAlignedData): every
 * ClockAlignedDataInterval seconds, counted from midnight, one MeterValues per connector with context
 * Sample.Clock (with the transactionId while a transaction runs there). 0 switches it off. Intervals are
 * protocol seconds, so a fast clock aligns to multiples of the scaled interval.
 */
class ClockAligned16 {
  private timer: TimerHandle | undefined;

  constructor(
    private readonly st: Station,
    private readonly engine: TxEngine16,
  ) {}

  /** (Re)reads ClockAlignedDataInterval and schedules the next aligned sample. */
  restart(): void {
    this.timer?.cancel();
    this.timer = undefined;
    if (this.st.isClosed) return;
    this.timer = nextAligned(this.st.timers, this.st.config16?.get('ClockAlignedDataInterval'), () => {
      this.sample();
      this.restart();
    });
  }

  private sample(): void {
    const st = this.st;
    if (!st.ready) return;
    const measurands = (st.config16?.get('MeterValuesAlignedData') ?? '').split(',').map((m) => m.trim()).filter((m) => m);
    const context = st.faults.has('clock-aligned-wrong-context') ? 'Sample.Periodic' : 'Sample.Clock';
    for (const c of st.connectors) {
      const value = meterValue('1.6', c, measurands, context, st.opts.chargingPowerW);
      const tx = this.engine.transactions().find((t) => t.evseId === c.evseId);
      if (!tx) st.send('MeterValues', { connectorId: c.evseId, meterValue: [value] });
      else st.sendTx('MeterValues', () => ({ connectorId: c.evseId, transactionId: this.engine.transactions().find((t) => t.evseId === c.evseId)?.transactionId ?? tx.transactionId ?? 0, meterValue: [value] }));
    }
  }
}

const perStation = new WeakMap<Station, ClockAligned16>();

/** The station's clock-aligned sampler (one per station, whatever connection it is on). */
export function clockAligned16(st: Station, engine: TxEngine16): ClockAligned16 {
  let c = perStation.get(st);
  if (!c) perStation.set(st, (c = new ClockAligned16(st, engine)));
  return c;
}
