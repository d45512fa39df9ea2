import type { Payload } from '../../ocpp/frame.js';
import type { StationSession } from './session.js';

/**
 * The reference CSMS keeps what a station told it about its message limits (OCPP 2.0.1 Part 2 B06.FR.05: a CSMS must not
 * put more getVariableData elements in one GetVariablesRequest than DeviceDataCtrlr.ItemsPerMessage[GetVariables]).
 * The value is learnt from a GetVariables answer (the operator read it); before that the CSMS sends requests whole.
 * Fault csms201-get-variables-limit-ignored: the CSMS learns the limit but sends every request whole.
 */
const itemsPerGetVariables = new WeakMap<StationSession, number>();

type Request = { action: string; payload: Payload };
type Result = { attributeStatus?: string; attributeValue?: string; component?: { name?: string }; variable?: { name?: string; instance?: string } };

/** Remembers an Accepted DeviceDataCtrlr.ItemsPerMessage[GetVariables] of a GetVariables answer. */
export function afterGetVariables201(s: StationSession, request: Request, answer: Payload): void {
  if (request.action !== 'GetVariables') return;
  for (const r of (answer.getVariableResult as Result[] | undefined) ?? []) {
    if (r.component?.name !== 'DeviceDataCtrlr' || r.variable?.name !== 'ItemsPerMessage' || r.variable.instance !== 'GetVariables' || r.attributeStatus !== 'Accepted') continue;
    const n = Number(r.attributeValue);
    if (Number.isInteger(n) && n > 0) itemsPerGetVariables.set(s, n);
  }
}

/** Sends a GetVariables with more elements than the station takes in parts of at most that many; false when it fits in one. */
export async function getVariablesInParts201(s: StationSession, request: Request): Promise<boolean> {
  const max = itemsPerGetVariables.get(s);
  const data = (request.payload.getVariableData as Payload[] | undefined) ?? [];
  if (request.action !== 'GetVariables' || max === undefined || data.length <= max || s.faults.has('csms201-get-variables-limit-ignored')) return false;
  for (let i = 0; i < data.length; i += max) {
    const part = { action: 'GetVariables', payload: { ...request.payload, getVariableData: data.slice(i, i + max) } };
    afterGetVariables201(s, part, await s.call(part.action, part.payload));
  }
  return true;
}
