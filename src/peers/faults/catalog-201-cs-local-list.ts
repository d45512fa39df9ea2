import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1 Local Authorization List Management, charging station under test (D cases and the C cases of the local list). */
export const CATALOG_201_CS_LOCAL_LIST_FAULTS = {
  'local-list-201-version-not-stored': { peer: 'cs', versions: V201, description: 'Answers SendLocalList Accepted and applies the entries, but keeps the old list version: GetLocalListVersion reports the version before the update.' },
  'local-list-201-empty-update-failed': { peer: 'cs', versions: V201, description: 'Answers a SendLocalList without entries (Full: empty the list; Differential: only a new version) with Failed.' },
  'local-list-201-remove-failed': { peer: 'cs', versions: V201, description: 'Answers a Differential SendLocalList with an entry without idTokenInfo (remove it) Failed instead of removing the entry.' },
  'local-list-201-version-not-checked': { peer: 'cs', versions: V201, description: 'Applies a Differential SendLocalList whose version is not newer than the list\'s, instead of answering VersionMismatch.' },
  'local-list-201-lost-on-reboot': { peer: 'cs', versions: V201, description: 'Keeps the Local Authorization List in volatile memory: after a reboot the list is empty and its version 0.' },
  'local-list-201-version-while-disabled': { peer: 'cs', versions: V201, description: 'Reports the list\'s version in GetLocalListVersion while LocalAuthListCtrlr.Enabled is false (instead of 0).' },
  'local-list-201-not-used-online': { peer: 'cs', versions: V201, description: 'Online, asks the CSMS (Authorize) even for an idToken the Local Authorization List holds as Accepted, with LocalPreAuthorize true.' },
  'local-list-201-not-accepted-refused-locally': { peer: 'cs', versions: V201, description: 'Online, refuses an idToken the Local Authorization List holds with a status other than Accepted without asking the CSMS, although LocalAuthListCtrlr.DisablePostAuthorize is false.' },
  'local-list-201-post-authorize-not-disabled': { peer: 'cs', versions: V201, description: 'Ignores LocalAuthListCtrlr.DisablePostAuthorize true: still sends Authorize for an idToken the list holds with a status other than Accepted.' },
  'local-list-201-below-cache': { peer: 'cs', versions: V201, description: 'Consults the authorization cache before the Local Authorization List: an idToken the cache holds as Accepted is accepted although the list holds it as Invalid.' },
  'local-list-201-offline-status-ignored': { peer: 'cs', versions: V201, description: 'Offline, accepts every idToken the Local Authorization List holds, whatever its status there (Invalid, Blocked, Expired).' },
} as const satisfies Record<string, FaultInfo>;
