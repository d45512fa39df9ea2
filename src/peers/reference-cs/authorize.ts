import type { Payload } from '../../ocpp/frame.js';
import { RpcClosedError } from '../rpc-errors.js';
import type { IdTagInfo } from './auth.js';
import { cachesAnswer201, expireCached201, preAuthorize201, refusedFromCache201, verdict201 } from './auth-cache-201.js';
import { remoteAuthorizationDisabled201 } from './remote-authorization-201.js';
import { listBelowCache201, listIgnoredOnline201, offlineListVerdict201, refusedFromList201 } from './local-list-201.js';
import type { Station } from './station.js';

/**
 * Decides whether a presented idTag may charge: the local list / cache first when LocalPreAuthorize
 * is on, otherwise the CSMS (Authorize), and when offline the local knowledge under
 * LocalAuthorizeOffline / the unknown-tag rule. The same order for 1.6 (§3.5) and 2.0.1 (C-blocks).
 */
export async function authorizeIdTag(st: Station, idTag: string, tokenType: string): Promise<IdTagInfo> {
  const s = st.settings;
  if (st.version !== '1.6') expireCached201(st, idTag);
  const local = listBelowCache201(st, idTag, st.auth.lookup(idTag, s.localAuthListEnabled() && !st.faults.has('local-list-not-used'), s.authCacheEnabled()));
  const v2 = st.version !== '1.6';
  const preAuthorize = v2 ? preAuthorize201(st) : s.localPreAuthorize() && !st.faults.has('local-pre-authorize-ignored');
  // LocalPreAuthorize governs the online station (2.0.1 C12); offline, LocalAuthorizeOffline decides below.
  if (local?.status === 'Accepted' && preAuthorize && (st.ready || !v2) && !(v2 && listIgnoredOnline201(st, idTag))) return v2 && st.faults.has('auth-cache-201-group-not-cached') ? { ...local, parentIdTag: undefined } : local;
  if (v2 && local && preAuthorize && st.ready && refusedFromCache201(st, idTag, local)) return local;
  if (v2 && local && preAuthorize && st.ready && refusedFromList201(st, idTag, local)) return local;
  if (v2 && remoteAuthorizationDisabled201(st)) return local ?? { status: 'Invalid' };
  if (st.ready) {
    try {
      const request = st.version === '1.6' ? { idTag } : { idToken: { idToken: idTag, type: tokenType } };
      const info = idTagInfoOf(await st.call('Authorize', request));
      if (info) {
        if (!v2 || cachesAnswer201(st, 'Authorize')) st.auth.remember(idTag, info, s.authCacheEnabled());
        return v2 ? verdict201(st, info) : info;
      }
      return { status: 'Invalid' };
    } catch (e) {
      // Lost the connection while asking: decide as an offline station would.
      if (!(e instanceof RpcClosedError)) {
        st.problem(e);
        return { status: 'Invalid' };
      }
    }
  }
  if (local && s.localAuthorizeOffline() && !(v2 && st.faults.has('offline-cache-201-not-used'))) return offlineListVerdict201(st, idTag, local);
  if (!local && s.offlineTxForUnknownId() && !(v2 && st.faults.has('offline-unknown-id-201-refused'))) return { status: 'Accepted' };
  return { status: 'Invalid' };
}

/** The IdTagInfo of a 1.6 answer (idTagInfo) or a 2.0.1 answer (idTokenInfo), in 1.6 terms. */
export function idTagInfoOf(answer: Payload): IdTagInfo | undefined {
  const v16 = answer.idTagInfo as { status?: unknown; expiryDate?: unknown; parentIdTag?: unknown } | undefined;
  if (v16 && typeof v16.status === 'string') {
    const info: IdTagInfo = { status: v16.status };
    if (typeof v16.expiryDate === 'string') info.expiryDate = v16.expiryDate;
    if (typeof v16.parentIdTag === 'string') info.parentIdTag = v16.parentIdTag;
    return info;
  }
  const v2 = answer.idTokenInfo as { status?: unknown; cacheExpiryDateTime?: unknown; groupIdToken?: { idToken?: unknown } } | undefined;
  if (v2 && typeof v2.status === 'string') {
    const info: IdTagInfo = { status: v2.status };
    if (typeof v2.cacheExpiryDateTime === 'string') info.expiryDate = v2.cacheExpiryDateTime;
    if (typeof v2.groupIdToken?.idToken === 'string') info.parentIdTag = v2.groupIdToken.idToken;
    return info;
  }
  return undefined;
}
