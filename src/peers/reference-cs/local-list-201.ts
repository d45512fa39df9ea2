import type { Payload } from '../../ocpp/frame.js';
import { parseOcppBoolean } from './settings.js';
import type { IdTagInfo } from './auth.js';
import type { Station } from './station.js';

/**
 * The 2.0.1 station's Local Authorization List (OCPP 2.0.1 Part 2 D01 SendLocalList, D02 GetLocalListVersion, C13/C14
 * authorization through the list), with the fault switches of the Local Authorization List Management catalog group.
 */

type IdToken = { idToken: string; type: string };
type Entry = { idToken: IdToken; idTokenInfo?: { status: string; cacheExpiryDateTime?: string; groupIdToken?: IdToken } };

/** GetLocalListVersion: the version of the list, 0 when the list is disabled (D02.FR.03). */
export function getLocalListVersion201(st: Station): Payload {
  const enabled = st.settings.localAuthListEnabled() || st.faults.has('local-list-201-version-while-disabled');
  return { versionNumber: enabled ? st.auth.listVersion : 0 };
}

/** SendLocalList: Full replaces the list, Differential edits it (an entry without idTokenInfo is removed) and needs a newer version. */
export function sendLocalList201(st: Station, req: Payload): Payload {
  if (!st.settings.localAuthListEnabled()) return { status: 'Failed' };
  const list = (req.localAuthorizationList as Entry[] | undefined) ?? [];
  const full = req.updateType === 'Full';
  if (list.length === 0 && st.faults.has('local-list-201-empty-update-failed')) return { status: 'Failed' };
  if (!full && list.some((e) => !e.idTokenInfo) && st.faults.has('local-list-201-remove-failed')) return { status: 'Failed' };
  const entries = list.map((e) => ({
    idTag: e.idToken.idToken,
    info: e.idTokenInfo && { status: e.idTokenInfo.status, expiryDate: e.idTokenInfo.cacheExpiryDateTime, parentIdTag: e.idTokenInfo.groupIdToken?.idToken },
  }));
  const max = Number(st.deviceModel?.value('LocalAuthListCtrlr', 'ItemsPerMessage') ?? '100');
  const before = st.auth.listVersion;
  // Fault local-list-201-version-not-checked: a Differential update with an older version is applied anyway.
  const version = req.versionNumber as number;
  const status = st.auth.update(!full && st.faults.has('local-list-201-version-not-checked') ? Math.max(version, before + 1) : version, full, entries, max);
  if (status === 'Accepted' && st.faults.has('local-list-201-version-not-checked')) st.auth.listVersion = version;
  if (status === 'Accepted' && st.faults.has('local-list-201-version-not-stored')) st.auth.listVersion = before;
  return { status };
}

/** Power loss: the list lives in non-volatile memory (D01.FR.10); fault local-list-201-lost-on-reboot forgets it. */
export function localListAfterReboot201(st: Station): void {
  if (st.faults.has('local-list-201-lost-on-reboot')) st.auth.update(0, true, [], Number.POSITIVE_INFINITY);
}

/**
 * A token the local list holds with a status other than Accepted, online: refused without asking the CSMS when
 * LocalAuthListCtrlr.DisablePostAuthorize is true (C14.FR.03 switched off), otherwise the CSMS is asked (Authorize).
 * Fault local-list-201-not-accepted-refused-locally: refused locally whatever the setting.
 */
export function refusedFromList201(st: Station, idTag: string, local: IdTagInfo): boolean {
  if (local.status === 'Accepted' || !st.auth.listed(idTag)) return false;
  if (st.faults.has('local-list-201-not-accepted-refused-locally')) return true;
  const disabled = parseOcppBoolean(st.deviceModel?.value('LocalAuthListCtrlr', 'DisablePostAuthorize') ?? 'false') ?? false;
  return disabled && !st.faults.has('local-list-201-post-authorize-not-disabled');
}

/** Fault local-list-201-not-used-online: the online station asks the CSMS even for a token the list Accepts. */
export function listIgnoredOnline201(st: Station, idTag: string): boolean {
  return st.ready && st.auth.listed(idTag) && st.faults.has('local-list-201-not-used-online');
}

/** Fault local-list-201-below-cache: the authorization cache is consulted before the list (C13.FR.01, C14.FR.01: the list wins). */
export function listBelowCache201<T extends IdTagInfo | undefined>(st: Station, idTag: string, local: T): T | IdTagInfo {
  if (!st.faults.has('local-list-201-below-cache') || !st.auth.listed(idTag)) return local;
  return st.auth.lookup(idTag, false, st.settings.authCacheEnabled()) ?? local;
}

/** Offline, the list's status decides (C13.FR.02); fault local-list-201-offline-status-ignored: any listed idToken is accepted. */
export function offlineListVerdict201(st: Station, idTag: string, local: IdTagInfo): IdTagInfo {
  if (st.faults.has('local-list-201-offline-status-ignored') && st.auth.listed(idTag)) return { ...local, status: 'Accepted' };
  return local;
}
