import type { TimerHandle } from '../timers.js';
import type { Connector } from './connectors.js';
import type { Station } from './station.js';

/**
 * A 2.0.1 firmware update asked for while transactions run (Part 2 L01.FR.06/07, Part 5 C-20, C-43 and AQ-7): a
 * station that cannot download and install during a transaction (option firmwareDuringTransaction 'wait') schedules
 * the download (DownloadScheduled), one that can download but not install ('download') schedules the installation
 * (InstallScheduled); either goes on once no transaction runs and no EV is plugged in. Meanwhile, with
 * ChargingStation.AllowNewSessionsPendingFirmwareUpdate false, its idle connectors are set Unavailable (and the
 * others as their transactions end) until the station reboots into the new firmware or the update fails. A station
 * with C-43 ('install') updates at once.
 */
export type FirmwareDuringTransaction = 'wait' | 'download' | 'install';

const POLL_S = 0.5;

interface Hold {
  timer?: TimerHandle;
  held: Set<Connector>;
}
const HOLDS = new WeakMap<Station, Hold>();

function busy(st: Station): boolean {
  return st.connectors.some((c) => c.tx !== undefined || c.plugged);
}

/** Runs `then` now when the station may go on with `phase` of the update, otherwise reports `scheduled` and waits. */
export function afterTransactions(st: Station, phase: 'download' | 'install', report: (status: string) => void, then: () => void): void {
  const mode = st.faults.has('firmware-201-installs-during-transaction') ? 'install' : st.faults.has('firmware-201-waits-for-transactions') ? 'wait' : st.opts.firmwareDuringTransaction;
  const waits = mode === 'wait' || (mode === 'download' && phase === 'install');
  if (!waits || !busy(st)) return then();
  report(phase === 'download' ? 'DownloadScheduled' : 'InstallScheduled');
  const hold = HOLDS.get(st) ?? { held: new Set<Connector>() };
  HOLDS.set(st, hold);
  const blockNew = st.deviceModel?.value('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate') === 'false' && !st.faults.has('firmware-201-new-sessions-allowed');
  const blockIdle = () => {
    if (!blockNew) return;
    for (const c of st.connectors) {
      if (c.tx || c.plugged || !c.operative || hold.held.has(c)) continue;
      c.operative = false;
      hold.held.add(c);
    }
    st.reportStatuses();
  };
  blockIdle();
  hold.timer?.cancel();
  const poll = () => {
    blockIdle();
    if (busy(st)) hold.timer = st.timers.after(POLL_S, poll);
    else {
      hold.timer = undefined;
      then();
    }
  };
  hold.timer = st.timers.after(POLL_S, poll);
}

/** Gives back the connectors held for the update (before its reboot, or when it fails). */
export function releaseConnectors(st: Station): void {
  const hold = HOLDS.get(st);
  if (!hold) return;
  hold.timer?.cancel();
  for (const c of hold.held) c.operative = true;
  hold.held.clear();
  st.reportStatuses();
}
