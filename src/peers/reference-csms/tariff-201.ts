import type { Payload } from '../../ocpp/frame.js';
import type { StationSession } from './session.js';

/**
 * The reference CSMS's tariff (OCPP 2.0.1 Part 2 I03): the answer to a TransactionEvent Ended carries the total cost
 * of the transaction (I03.FR.02), here a flat price per kWh of the highest Energy.Active.Import.Register the
 * transaction's events reported (Wh), rounded to cents. Fault csms201-total-cost-missing leaves it out.
 */

const PRICE_PER_KWH = 0.25;
const energy = new WeakMap<StationSession, Map<string, number>>();

function energyOf(s: StationSession): Map<string, number> {
  let m = energy.get(s);
  if (!m) energy.set(s, (m = new Map()));
  return m;
}

type MeterValue = { sampledValue?: Array<{ value: number; measurand?: string; unitOfMeasure?: { unit?: string; multiplier?: number } }> };

export function withTotalCost201(s: StationSession, req: Payload, answer: Payload): Payload {
  const txId = (req.transactionInfo as { transactionId: string }).transactionId;
  const seen = energyOf(s);
  for (const mv of (req.meterValue as MeterValue[] | undefined) ?? []) {
    for (const v of mv.sampledValue ?? []) {
      if ((v.measurand ?? 'Energy.Active.Import.Register') !== 'Energy.Active.Import.Register') continue;
      const wh = v.value * 10 ** (v.unitOfMeasure?.multiplier ?? 0) * (v.unitOfMeasure?.unit === 'kWh' ? 1000 : 1);
      seen.set(txId, Math.max(seen.get(txId) ?? 0, wh));
    }
  }
  if (req.eventType !== 'Ended') return answer;
  const wh = seen.get(txId) ?? 0;
  seen.delete(txId);
  if (s.faults.has('csms201-total-cost-missing')) return answer;
  return { ...answer, totalCost: Math.round((wh / 1000) * PRICE_PER_KWH * 100) / 100 };
}
