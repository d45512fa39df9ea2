import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import type { StationSession } from './session.js';

/**
 * Faults of the 2.0.1 CSMS cases outside the Part 5 certification tables, on the station's own messages: a CSMS that
 * takes charging limits only from its own source (CSO), that cannot take a changed charging rate during a transaction,
 * that needs a value in every monitoring event, that cannot take a failed firmware publication, or that rejects reported profiles it did not set. Without faults the handlers answer as before.
 */
export function registerExtraAnswers201(ep: RpcEndpoint, s: StationSession): void {
  wrap(ep, 'NotifyChargingLimit', (req) => {
    const source = (req.chargingLimit as { chargingLimitSource?: string } | undefined)?.chargingLimitSource;
    if (s.faults.has('csms201-charging-limit-external-error') && source !== 'CSO') throw new RpcError('PropertyConstraintViolation', `chargingLimitSource ${source} not accepted`);
  });
  wrap(ep, 'ClearedChargingLimit', (req) => {
    if (s.faults.has('csms201-charging-limit-external-error') && req.chargingLimitSource !== 'CSO') throw new RpcError('PropertyConstraintViolation', `chargingLimitSource ${String(req.chargingLimitSource)} not accepted`);
  });
  wrap(ep, 'TransactionEvent', (req) => {
    if (s.faults.has('csms201-charging-rate-changed-error') && req.triggerReason === 'ChargingRateChanged') throw new RpcError('PropertyConstraintViolation', 'triggerReason ChargingRateChanged not expected');
  });
  wrap(ep, 'NotifyEvent', (req) => {
    const events = (req.eventData as Array<{ actualValue?: string }> | undefined) ?? [];
    if (s.faults.has('csms201-notify-event-empty-value-error') && events.some((e) => e.actualValue === '')) throw new RpcError('PropertyConstraintViolation', 'actualValue is empty');
  });
  wrap(ep, 'PublishFirmwareStatusNotification', (req) => {
    if (s.faults.has('csms201-publish-firmware-failure-status-error') && ['DownloadFailed', 'InvalidChecksum', 'PublishFailed'].includes(String(req.status))) throw new RpcError('PropertyConstraintViolation', `status ${String(req.status)} not expected`);
  });
  wrap(ep, 'ReportChargingProfiles', (req) => {
    const profiles = (req.chargingProfile as Array<{ chargingProfilePurpose?: string }> | undefined) ?? [];
    if (s.faults.has('csms201-report-external-constraints-error') && profiles.some((p) => p.chargingProfilePurpose === 'ChargingStationExternalConstraints')) throw new RpcError('PropertyConstraintViolation', 'unknown charging profile');
  });
}

/** Runs check before the handler already registered for action (which must exist). */
function wrap(ep: RpcEndpoint, action: string, check: (req: Record<string, unknown>) => void): void {
  const inner = ep.handlerOf(action);
  if (!inner) return;
  ep.handle(action, (req, ctx) => {
    check(req as Record<string, unknown>);
    return inner(req, ctx);
  });
}
