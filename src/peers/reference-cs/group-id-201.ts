import { sameOwner, type IdTagInfo } from './auth.js';
import type { Station } from './station.js';

/**
 * Whether an idToken presented during an authorized transaction ends it (OCPP 2.0.1 Part 2 C01.FR.03, C09): the
 * same idToken, or an Accepted one with the same groupIdToken; an invalid one never does, whatever its group (C09.FR.11).
 * With the fault switches of the C Authorization catalog group.
 */
export function stopsRunning201(st: Station, info: IdTagInfo, idTag: string, running: { idToken?: { idToken: string }; groupIdToken?: string }): boolean {
  if (!running.idToken) return false;
  if (st.faults.has('auth-201-stop-with-any-idtoken') && info.status === 'Accepted') return true;
  const accepted = info.status === 'Accepted' || st.faults.has('group-id-201-invalid-stops');
  if (!accepted) return false;
  const presented = { idTag, parentIdTag: st.faults.has('group-id-201-ignored') ? undefined : info.parentIdTag };
  return sameOwner(presented, { idTag: running.idToken.idToken, parentIdTag: running.groupIdToken });
}

/** An Accepted idToken whose group is AuthCtrlr.MasterPassGroupId (C16); fault: the master pass group not recognised. */
export function isMasterPass201(st: Station, info: IdTagInfo): boolean {
  const group = st.deviceModel?.value('AuthCtrlr', 'MasterPassGroupId') ?? '';
  if (group === '' || info.status !== 'Accepted' || st.faults.has('master-pass-201-ignored')) return false;
  return info.parentIdTag === group;
}
