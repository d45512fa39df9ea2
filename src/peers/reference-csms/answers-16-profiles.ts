import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import type { StationSession } from './session.js';

/**
 * The reference CSMS's answers to the 1.6 firmware and diagnostics notifications (OCPP 1.6 §4.4, §4.5): an empty
 * confirmation whatever the status, the status remembered per action. Registered after registerAnswers16, so these
 * handlers are the ones in use; the catalog faults of faults/catalog-16-csms-profiles.ts break them.
 */
export function registerProfileAnswers16(ep: RpcEndpoint, s: StationSession): void {
  ep.handle('FirmwareStatusNotification', (req) => {
    if (s.faults.has('firmware-status-failure-rejected') && (req.status === 'DownloadFailed' || req.status === 'InstallationFailed')) throw new RpcError('PropertyConstraintViolation', `unexpected firmware status ${String(req.status)}`);
    s.lastNotified.set('FirmwareStatusNotification', req.status as string);
    return {};
  });
  ep.handle('DiagnosticsStatusNotification', (req) => {
    if (s.faults.has('diagnostics-status-not-implemented')) throw new RpcError('NotImplemented', 'DiagnosticsStatusNotification is not implemented');
    s.lastNotified.set('DiagnosticsStatusNotification', req.status as string);
    return {};
  });
}
