import type { Connector } from './connectors.js';
import { parseOcppBoolean } from './settings.js';
import type { Station } from './station.js';

/**
 * OCPP 2.0.1 cable disconnected at the EV side (E09, E10): a detachable cable stays in the station's socket, locked
 * unless OCPPCommCtrlr.UnlockOnEVSideDisconnect is true; the driver unlocks it by presenting the idToken of the
 * session. The 1.6 station keeps its own rules (tx-16.ts).
 */
export function evSideUnplugged201(st: Station, c: Connector): void {
  if (!st.deviceModel) return;
  c.evSideUnplugged = true;
  if (!c.cableAtStation) return;
  const unlock = parseOcppBoolean(st.deviceModel.value('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect') ?? 'true') ?? true;
  c.cableLockedFor = unlock ? undefined : (c.tx as { idToken?: { idToken: string } } | undefined)?.idToken?.idToken ?? '';
}

/** Presenting the session's idToken at a cable still locked in the socket unlocks it (and authorizes nothing). */
export function unlockWithIdToken201(c: Connector | undefined, idTag: string): boolean {
  if (!c?.cableAtStation || c.plugged || c.cableLockedFor === undefined || c.cableLockedFor !== idTag) return false;
  c.cableLockedFor = undefined;
  return true;
}

/** The cable left in the socket can be taken out only once unlocked. */
export function assertCableUnlocked201(c: Connector): void {
  if (c.cableLockedFor !== undefined) throw new Error(`the cable is locked in connector ${c.evseId} (UnlockOnEVSideDisconnect is false): present the idToken of the session first`);
}
