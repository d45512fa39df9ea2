import type { Station } from './station.js';

/**
 * OCPP 2.0.1 B10 (Part 2 B10.FR.03/04): the station connects with the network connection profiles in the order of
 * OCPPCommCtrlr.NetworkConfigurationPriority, starting from the first at every (re)start; after
 * NetworkProfileConnectionAttempts failed attempts with one profile it moves to the next. The last one it does not
 * leave again (C-47, B10.FR.07): it keeps reconnecting with it, using the reconnection back-off (Part 4 §5.3).
 * ActiveNetworkProfile names the slot it connected with. The profiles are the slots SetNetworkProfile stored; a slot
 * without one is the connection the station was set up with (its configured URL).
 */
interface Selection {
  /** Position in the priority list. */
  index: number;
  /** Failed attempts with the profile at `index`. */
  failures: number;
  /** Stored profiles: slot → CSMS URL. */
  urls: Map<number, string>;
}

const selections = new WeakMap<Station, Selection>();

function selection(st: Station): Selection {
  let s = selections.get(st);
  if (!s) selections.set(st, (s = { index: 0, failures: 0, urls: new Map() }));
  return s;
}

function priority(st: Station): number[] {
  const raw = st.deviceModel?.value('OCPPCommCtrlr', 'NetworkConfigurationPriority') ?? '';
  const slots = raw
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => Number.isInteger(n));
  return slots.length > 0 ? slots : [0];
}

function currentSlot(st: Station): number {
  const list = priority(st);
  return list[selection(st).index % list.length];
}

/** SetNetworkProfile accepted: the slot's CSMS URL from now on. */
export function storeNetworkProfile201(st: Station, slot: number, ocppCsmsUrl: string | undefined): void {
  if (ocppCsmsUrl) selection(st).urls.set(slot, ocppCsmsUrl);
  else selection(st).urls.delete(slot);
}

/** The CSMS URL of the profile the station tries now, or undefined for the one it was set up with. */
export function networkUrl201(st: Station): string | undefined {
  if (st.version !== '2.0.1') return undefined;
  return selection(st).urls.get(currentSlot(st));
}

/** The station (re)starts connecting: from the first profile of the priority list. */
export function onConnecting201(st: Station): void {
  const s = selection(st);
  s.index = 0;
  s.failures = 0;
}

/** An attempt failed: after NetworkProfileConnectionAttempts with this profile, the next one (none after the last). */
export function onDialFailed201(st: Station): void {
  if (st.version !== '2.0.1' || st.faults.has('network-profile-no-fallback')) return;
  const s = selection(st);
  const attempts = Number(st.deviceModel?.value('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts') ?? '3');
  s.failures++;
  if (s.index >= priority(st).length - 1) return;
  if (s.failures >= Math.max(1, attempts)) {
    s.failures = 0;
    s.index = (s.index + 1) % priority(st).length;
  }
}

/** Connected: ActiveNetworkProfile names the slot. */
export function onConnected201(st: Station): void {
  if (st.version !== '2.0.1') return;
  selection(st).failures = 0;
  st.deviceModel?.setInternal('OCPPCommCtrlr', 'ActiveNetworkProfile', String(currentSlot(st)));
}
