import { parseOcppBoolean } from './settings.js';
import type { Station } from './station.js';

/**
 * AuthCtrlr.DisableRemoteAuthorization (2.0.1 C01, C-58): the station decides from its local list and cache only and
 * never sends Authorize; an idToken it does not know is refused.
 */
export function remoteAuthorizationDisabled201(st: Station): boolean {
  if (!st.deviceModel || st.faults.has('remote-authorization-not-disabled')) return false;
  return parseOcppBoolean(st.deviceModel.value('AuthCtrlr', 'DisableRemoteAuthorization') ?? 'false') ?? false;
}
