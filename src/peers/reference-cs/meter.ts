import type { Connector } from './connectors.js';
import type { CsVersion } from './options.js';

/**
 * The simulated meter: the energy register grows at the charging power while energy flows, and samples
 * are written the way each version wants them (1.6 SampledValue with string values and units; 2.0.1
 * SampledValueType with numeric values and unitOfMeasure).
 */
export type ReadingContext = 'Transaction.Begin' | 'Transaction.End' | 'Sample.Periodic' | 'Trigger' | 'Sample.Clock';

const VOLTAGE = 230;

interface Reading {
  measurand: string;
  value: number;
  unit: string;
}

/** Adds the energy of `seconds` at `powerW` to the register when the connector is delivering. */
export function advanceMeter(c: Connector, seconds: number, powerW: number): void {
  if (c.tx?.energizing && !c.evSuspended && c.plugged) c.meterWh += Math.round((powerW * seconds) / 3600);
}

function readings(c: Connector, measurands: readonly string[], powerW: number): Reading[] {
  const delivering = !!c.tx?.energizing && !c.evSuspended && c.plugged;
  const power = delivering ? powerW : 0;
  const all: Record<string, Reading> = {
    'Energy.Active.Import.Register': { measurand: 'Energy.Active.Import.Register', value: c.meterWh, unit: 'Wh' },
    'Power.Active.Import': { measurand: 'Power.Active.Import', value: power, unit: 'W' },
    'Current.Import': { measurand: 'Current.Import', value: Math.round((power / VOLTAGE / 3) * 10) / 10, unit: 'A' },
    Voltage: { measurand: 'Voltage', value: VOLTAGE, unit: 'V' },
    SoC: { measurand: 'SoC', value: Math.min(100, 20 + Math.floor(c.meterWh / 1000)), unit: 'Percent' },
  };
  const picked = measurands.map((m) => all[m]).filter((r): r is Reading => r !== undefined);
  return picked.length > 0 ? picked : [all['Energy.Active.Import.Register']];
}

/** One MeterValue element in the version's shape. `brokenSchema` is the meter-values-schema-violation fault. */
export function meterValue(version: CsVersion, c: Connector, measurands: readonly string[], context: ReadingContext, powerW: number, brokenSchema = false): Record<string, unknown> {
  const timestamp = new Date().toISOString();
  const rs = readings(c, measurands, powerW);
  if (version === '1.6') {
    const sampledValue = rs.map((r) => ({ value: brokenSchema ? r.value : String(r.value), context, format: 'Raw', measurand: r.measurand, location: r.measurand === 'SoC' ? 'EV' : 'Outlet', unit: r.unit }));
    return { timestamp, sampledValue };
  }
  const sampledValue = rs.map((r) => ({ value: r.value, context, measurand: r.measurand, location: r.measurand === 'SoC' ? 'EV' : 'Outlet', unitOfMeasure: { unit: r.unit } }));
  return brokenSchema ? { sampledValue } : { timestamp, sampledValue };
}
