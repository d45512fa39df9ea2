import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { Station } from './station.js';

/**
 * CustomerInformation (OCPP 2.0.1 Part 2 N09 get, N10 clear): the customer is named by idToken, certificate or
 * identifier (none of them: Invalid). The station's customer data is the authorization cache entry of an idToken
 * (the local list is not customer data to clear) and the records of the customer identifiers it was given
 * (option customerIdentifiers: what a tester stores by hand, Part 6 TC_N_62_CS; Part 5 C-14). The answer follows in
 * one NotifyCustomerInformation (seqNo 0, tbc false) with the request's requestId: what is known when asked to
 * report (nothing found: empty data), and that the data is cleared.
 */
/** The customer records of each station (handlers are registered again on every connection; the records stay). */
const recordsOf = new WeakMap<Station, Set<string>>();

export function registerCustomerInformation201(ep: RpcEndpoint, st: Station): void {
  let records = recordsOf.get(st);
  if (!records) recordsOf.set(st, (records = new Set(st.opts.customerIdentifiers)));
  const known = records;
  ep.handle('CustomerInformation', (req, ctx) => {
    const idToken = req.idToken as { idToken: string; type: string } | undefined;
    const customerId = typeof req.customerIdentifier === 'string' ? req.customerIdentifier : undefined;
    if (!idToken && req.customerCertificate === undefined && customerId === undefined && !st.faults.has('customer-information-no-reference-accepted')) return { status: 'Invalid' };
    const who = idToken ? `idToken ${idToken.idToken} (${idToken.type})` : customerId !== undefined ? `customer ${customerId}` : 'the customer certificate';
    const lines: string[] = [];
    if (req.report === true) {
      const cached = idToken && !st.faults.has('customer-information-cache-not-reported') ? st.auth.lookup(idToken.idToken, false, true) : undefined;
      if (cached) lines.push(`${who}: authorization cache entry, status ${cached.status}`);
      if (customerId !== undefined && known.has(customerId)) lines.push(`${who}: customer record stored at the station`);
    }
    if (req.clear === true) {
      if (!st.faults.has('customer-information-not-cleared')) {
        if (idToken) st.auth.forget(idToken.idToken);
        if (customerId !== undefined) known.delete(customerId);
      }
      lines.push(`${who}: customer information cleared`);
    }
    if (st.faults.has('customer-information-no-notify')) return { status: 'Accepted' };
    const data = req.report === true || req.clear === true ? lines.join('; ').slice(0, 512) : `${who}: nothing requested`;
    const payload: Payload = { data, tbc: false, seqNo: 0, generatedAt: new Date().toISOString(), requestId: req.requestId as number };
    ctx.afterReply(() => st.send('NotifyCustomerInformation', payload));
    return { status: 'Accepted' };
  });
}
