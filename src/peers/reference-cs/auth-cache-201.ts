import { parseOcppBoolean, parseWholeNumber } from './settings.js';
import type { IdTagInfo } from './auth.js';
import type { Station } from './station.js';

/**
 * The 2.0.1 station's authorization cache rules beyond the 1.6 ones (OCPP 2.0.1 Part 2 C10-C12), with the fault
 * switches of the C Authorization catalog group: whether LocalPreAuthorize lets the cache decide, whether a cached
 * token that is not Accepted is checked with the CSMS again (AuthCacheCtrlr.DisablePostAuthorize), and whether
 * answers of the CSMS are cached.
 */

function flag(st: Station, component: string, variable: string): boolean {
  return parseOcppBoolean(st.deviceModel?.value(component, variable) ?? 'false') ?? false;
}

/** LocalPreAuthorize as the 2.0.1 station applies it (faults: ignoring it either way). */
export function preAuthorize201(st: Station): boolean {
  if (st.faults.has('auth-cache-201-pre-authorize-ignored')) return false;
  return st.settings.localPreAuthorize() || st.faults.has('auth-cache-201-used-without-pre-authorize');
}

/**
 * A token the cache knows with a status other than Accepted: refused without asking the CSMS when
 * DisablePostAuthorize is true (C12.FR.05 is then switched off), otherwise the CSMS is asked again.
 */
export function refusedFromCache201(st: Station, idTag: string, local: IdTagInfo): boolean {
  if (local.status === 'Accepted' || st.auth.listed(idTag)) return false;
  if (st.faults.has('auth-cache-201-not-accepted-refused-locally')) return true;
  return flag(st, 'AuthCacheCtrlr', 'DisablePostAuthorize') && !st.faults.has('auth-cache-201-post-authorize-not-disabled');
}

/** What the 2.0.1 station makes of the CSMS's verdict on a presented token (fault: only Invalid refuses). */
export function verdict201(st: Station, info: IdTagInfo): IdTagInfo {
  if (st.faults.has('auth-201-only-invalid-refused') && info.status !== 'Invalid') return { ...info, status: 'Accepted' };
  return info;
}

/** Whether an answer of the CSMS (Authorize or TransactionEvent) goes into the cache. */
export function cachesAnswer201(st: Station, source: 'Authorize' | 'TransactionEvent'): boolean {
  return source === 'Authorize' || !st.faults.has('auth-cache-201-tx-answer-ignored');
}

/**
 * AuthCacheCtrlr.LifeTime (C10.FR.08, Part 5 C-53): a cache entry not used for LifeTime seconds is dropped; an entry the
 * station decides from counts as used.
 */
export function expireCached201(st: Station, idTag: string): void {
  const lifetime = parseWholeNumber(st.deviceModel?.value('AuthCacheCtrlr', 'LifeTime') ?? '0') ?? 0;
  const usedAt = st.auth.cacheLastUsed(idTag);
  if (lifetime <= 0 || usedAt === undefined || st.faults.has('auth-cache-201-lifetime-ignored')) return;
  if (st.timers.secondsSince(usedAt) > lifetime) st.auth.forget(idTag);
  else st.auth.touchCached(idTag);
}
