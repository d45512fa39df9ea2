import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { Station } from './station.js';

/**
 * CustomerInformation (OCPP 2.0.1 Part 2 N09 get, N10 clear): the customer is named by idToken, certificate or
 * identifier (none of them: Invalid); the station's only customer data is the authorization cache entry of an
 * idToken (the local list is not customer data to clear). The answer follows in one NotifyCustomerInformation
 * (seqNo 0, tbc false) with the request's requestId: what is known when asked to report, and that the data is cleared.
 */
export function registerCustomerInformation201(ep: RpcEndpoint, st: Station): void {
  ep.handle('CustomerInformation', (req, ctx) => {
    const idToken = req.idToken as { idToken: string; type: string } | undefined;
    if (!idToken && req.customerCertificate === undefined && typeof req.customerIdentifier !== 'string') return { status: 'Invalid' };
    const who = idToken ? `idToken ${idToken.idToken} (${idToken.type})` : typeof req.customerIdentifier === 'string' ? `customer ${req.customerIdentifier}` : 'the customer certificate';
    const lines: string[] = [];
    if (req.report === true) {
      const cached = idToken ? st.auth.lookup(idToken.idToken, false, true) : undefined;
      lines.push(cached ? `${who}: authorization cache entry, status ${cached.status}` : `${who}: no customer information`);
    }
    if (req.clear === true) {
      if (idToken) st.auth.forget(idToken.idToken);
      lines.push(`${who}: customer information cleared`);
    }
    if (st.faults.has('customer-information-no-notify')) return { status: 'Accepted' };
    const payload: Payload = { data: lines.join('; ').slice(0, 512) || `${who}: nothing requested`, tbc: false, seqNo: 0, generatedAt: new Date().toISOString(), requestId: req.requestId as number };
    ctx.afterReply(() => st.send('NotifyCustomerInformation', payload));
    return { status: 'Accepted' };
  });
}
