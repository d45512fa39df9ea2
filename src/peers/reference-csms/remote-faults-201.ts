import type { Payload } from '../../ocpp/frame.js';
import { RpcError } from '../rpc-errors.js';
import type { StationSession } from './session.js';

/**
 * The deliberate mistakes of the reference CSMS in answering the messages a TriggerMessage asks for (OCPP 2.0.1
 * Part 2 F06; the fault switches of catalog-201-remote-conditional.ts): without those switches nothing here throws.
 */
export function triggeredAnswerFaults201(s: StationSession, action: string, req: Payload): void {
  if (action === 'MeterValues' && s.faults.has('csms201-trigger-meter-values-error')) {
    const values = ((req.meterValue as Array<{ sampledValue?: Array<{ context?: string }> }>) ?? []).flatMap((mv) => mv.sampledValue ?? []);
    if (values.some((v) => v.context === 'Trigger')) throw new RpcError('PropertyConstraintViolation', 'meter values must come from a transaction or a clock-aligned sample');
  }
  if ((action === 'LogStatusNotification' || action === 'FirmwareStatusNotification') && req.status === 'Idle' && s.faults.has('csms201-idle-status-error')) {
    throw new RpcError('PropertyConstraintViolation', `no request for a ${action} is outstanding`);
  }
}
