import type { TimerHandle } from '../timers.js';
import type { Connector } from './connectors.js';
import { meterValue } from './meter.js';
import { splitList } from './settings.js';
import { signReadings201 } from './signed-meter-201.js';
import type { Station } from './station.js';

/**
 * The meter values a 2.0.1 transaction collects for its Ended event (Part 2 J01 and J02: TxEndedInterval and
 * TxEndedMeasurands of SampledDataCtrlr and AlignedDataCtrlr): every SampledDataCtrlr.TxEndedInterval seconds from
 * the start a Sample.Periodic value, every AlignedDataCtrlr.TxEndedInterval seconds counted from midnight a
 * Sample.Clock value, each with its controller's TxEndedMeasurands (nothing when that list is empty).
 */
export interface EndedSampling {
  readonly samples: object[];
  stop(): void;
}

export function startEndedSampling(st: Station, c: Connector): EndedSampling {
  const samples: object[] = [];
  const timers: TimerHandle[] = [];
  const dm = st.deviceModel;
  const record = (controller: 'SampledDataCtrlr' | 'AlignedDataCtrlr') => {
    const measurands = splitList(dm?.value(controller, 'TxEndedMeasurands') ?? '');
    if (measurands.length === 0) return;
    samples.push(signReadings201(st, meterValue('2.0.1', c, measurands, controller === 'SampledDataCtrlr' ? 'Sample.Periodic' : 'Sample.Clock', st.opts.chargingPowerW)));
  };
  const stopped = st.faults.has('tx-ended-samples-dropped');
  const sampled = Number(dm?.value('SampledDataCtrlr', 'TxEndedInterval') ?? '0');
  if (!stopped && sampled > 0) timers.push(st.timers.every(sampled, () => record('SampledDataCtrlr')));
  const aligned = Number(dm?.value('AlignedDataCtrlr', 'TxEndedInterval') ?? '0');
  if (!stopped && aligned > 0) {
    const period = aligned * st.timers.msPerSecond;
    timers.push(
      st.timers.afterMs(period - (Date.now() % period), () => {
        record('AlignedDataCtrlr');
        timers.push(st.timers.every(aligned, () => record('AlignedDataCtrlr')));
      }),
    );
  }
  return { samples, stop: () => timers.forEach((t) => t.cancel()) };
}
