import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { Maintenance } from './maintenance.js';
import type { Station } from './station.js';

/**
 * GetLog in 2.0.1 (OCPP 2.0.1 Part 2 N01) with its retries: an upload that fails (a location containing "fail") is
 * tried again `retries` times, `retryInterval` seconds apart; each attempt reports Uploading and then UploadFailure,
 * all with the request's requestId (OCTT TC_N_26_CS: the last failure comes retries × retryInterval after the first
 * Uploading). A successful upload is Maintenance.upload's (Uploading, Uploaded); a new request cancels an upload going
 * on (AcceptedCanceled, reported with the new requestId).
 */
export function registerLog201(ep: RpcEndpoint, st: Station, maintenance: Maintenance): void {
  ep.handle('GetLog', (req, ctx) => {
    const location = (req.log as { remoteLocation: string }).remoteLocation;
    const requestId = req.requestId as number;
    if (st.opts.logTypesWithoutInformation.includes(req.logType as string) && !st.faults.has('log-without-information-accepted')) return { status: 'Rejected' };
    if (!/fail/i.test(location) || st.faults.has('diagnostics-upload-failure-hidden')) {
      // N01.FR.12 (Part 5 C-57): a request during an upload cancels it, says so, and starts the new one.
      const canceled = !st.faults.has('log-upload-not-canceled') && maintenance.cancelUpload();
      if (canceled) ctx.afterReply(() => maintenance.reportUpload('AcceptedCanceled', 'log'));
      return { status: canceled ? 'AcceptedCanceled' : 'Accepted', filename: maintenance.upload(location, 'log', requestId) };
    }
    maintenance.logRequestId = requestId;
    const retries = st.faults.has('log-upload-no-retries') ? 0 : Math.max(0, (req.retries as number | undefined) ?? 0);
    const intervalS = Math.max(0, (req.retryInterval as number | undefined) ?? 0);
    const attempt = (n: number) => {
      maintenance.reportUpload('Uploading', 'log');
      maintenance.reportUpload('UploadFailure', 'log', n >= retries);
      if (n < retries) st.timers.after(intervalS, () => attempt(n + 1));
    };
    st.timers.after(st.opts.transferStepSeconds, () => attempt(0));
    return { status: 'Accepted', filename: `${st.identity}-log-${Date.now()}.log` };
  });
}
