import type { PeerControl } from '../peer-control.js';
import type { Connector } from './connectors.js';
import { assertCableUnlocked201, evSideUnplugged201, unlockWithIdToken201 } from './ev-side-201.js';
import type { Lifecycle } from './lifecycle.js';
import { dropUnusableReservations201 } from './reservation-201.js';
import type { Station } from './station.js';

/**
 * The manual actions of the reference charging station ("plug in the EV", "present an idTag",
 * "power-cycle" ...), as the runner's action adapter performs them. Each resolves once the physical
 * action happened; the OCPP traffic it causes follows on its own.
 */
export const CS_ACTIONS = [
  'plugIn',
  'unplug',
  'unplugEvSide',
  'presentIdTag',
  'suspendEV',
  'resumeEV',
  'reboot',
  'fault',
  'clearFault',
  'disconnect',
  'reconnect',
  'configure',
  'disableFeatureProfile',
  'driveIn',
  'driveOut',
  'masterPassChoose',
] as const;

export type CsAction = (typeof CS_ACTIONS)[number];

/**
 * A card presented while the station's BootNotification is still unanswered is read once the answer is in (up to
 * 2 s): the harness answers the boot in the background while the case begins, and the card reader of a booting
 * station is not ready before it knows whether it was accepted.
 */
function bootAnswered(st: Station, ms = 2000): Promise<void> {
  if (!st.link.online || st.bootStatus !== 'None') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      st.events.off('boot', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    st.events.once('boot', done);
  });
}

interface BaySensor {
  driveIn(c: Connector): void;
  driveOut(c: Connector): void;
}

export function createCsControl(st: Station, lifecycle: Lifecycle): PeerControl {
  const connectorParam = (params: Record<string, unknown>, allowStation = false): Connector | undefined => {
    const raw = params.connectorId ?? params.evseId ?? 1;
    const id = Number(raw);
    if (!Number.isInteger(id)) throw new Error(`connectorId must be a whole number, got ${JSON.stringify(raw)}`);
    if (id === 0 && allowStation) return undefined;
    const c = st.connector(id);
    if (!c) throw new Error(`no connector ${id}: the station has ${st.connectors.length}`);
    return c;
  };
  // Background work (an Authorize round trip ...) must not reject the action that started it.
  const background = (work: Promise<void>) => void work.catch((e) => st.problem(e));

  const actions: Record<CsAction, (params: Record<string, unknown>) => Promise<void> | void> = {
    plugIn: (params) => {
      const c = connectorParam(params)!;
      if (c.plugged) throw new Error(`connector ${c.evseId} is already plugged in`);
      // lockFailure: the cable is in only halfway, the connector lock cannot close.
      if (params.lockFailure === true || params.lockFailure === 'true') c.fault = { errorCode: 'ConnectorLockFailure' };
      // AQ-2: the cable lock keeps the EV out until a driver is authorized at the EVSE.
      if (st.opts.cableLock && st.engine.authorizedAt?.(c) === false) throw new Error(`connector ${c.evseId} is locked until a driver is authorized`);
      c.evSideUnplugged = false;
      c.evAway = false;
      c.cableLockedFor = undefined;
      st.engine.plugIn(c);
    },
    unplug: (params) => {
      const c = connectorParam(params)!;
      if (c.cableAtStation && !c.plugged) {
        // Only the cable left in the socket after an EV-side unplug: taking it out ends Finishing.
        assertCableUnlocked201(c);
        c.cableAtStation = false;
        c.evSideUnplugged = false;
        c.finishing = false;
        return st.reportStatuses();
      }
      if (!c.plugged) throw new Error(`connector ${c.evseId} is not plugged in`);
      c.cableAtStation = false;
      c.evAway = true;
      st.engine.unplug(c);
    },
    // The station senses the EV leaving either way; which side was unplugged only matters for the cable lock.
    unplugEvSide: (params) => {
      const c = connectorParam(params)!;
      if (!c.plugged) throw new Error(`connector ${c.evseId} is not plugged in`);
      c.cableAtStation = !st.opts.fixedCable;
      evSideUnplugged201(st, c);
      c.evAway = true;
      st.engine.unplug(c);
    },
    presentIdTag: (params) => {
      const idTag = params.idTag === undefined ? st.opts.defaultIdTag : String(params.idTag);
      const c = params.connectorId !== undefined || params.evseId !== undefined ? connectorParam(params) : undefined;
      if (unlockWithIdToken201(c, idTag)) return;
      background(bootAnswered(st).then(() => st.engine.presentIdTag(idTag, c, params.type === undefined ? undefined : String(params.type))));
    },
    // No parking bay sensor: driving in or out is not noticed (Part 6 treats ParkingBayOccupied as optional).
    // The 2.0.1 station has a bay sensor (TxStartPoint / TxStopPoint ParkingBayOccupancy, tx-201.ts); the 1.6 one none.
    driveIn: (params) => (st.engine as Partial<BaySensor>).driveIn?.(connectorParam(params)!),
    driveOut: (params) => (st.engine as Partial<BaySensor>).driveOut?.(connectorParam(params)!),
    masterPassChoose: (params) => {
      if (!st.engine.masterPassChoose) throw new Error('only the 2.0.1 station has a master pass');
      st.engine.masterPassChoose(params.all === true || params.all === 'true' ? undefined : connectorParam(params)!.evseId);
    },
    suspendEV: (params) => st.engine.setEvSuspended(connectorParam(params)!, true),
    resumeEV: (params) => st.engine.setEvSuspended(connectorParam(params)!, false),
    // backupPower: the station has a back-up power source and ends its transactions before going down.
    reboot: (params) => background(lifecycle.reboot('PowerLoss', undefined, params.backupPower === true || params.backupPower === 'true')),
    fault: (params) => {
      const errorCode = params.errorCode === undefined ? 'OtherError' : String(params.errorCode);
      const fault = { errorCode, info: params.info === undefined ? undefined : String(params.info) };
      const c = connectorParam(params, true);
      if (c) c.fault = fault;
      else st.stationFault = fault;
      st.reportStatuses();
      dropUnusableReservations201(st);
    },
    clearFault: (params) => {
      const c = connectorParam(params, true);
      if (c) c.fault = undefined;
      else st.stationFault = undefined;
      st.reportStatuses();
    },
    disconnect: () => st.link.disconnect(),
    reconnect: () => st.link.connect(),
    // A station built without a feature profile (1.6 SupportedFeatureProfiles), for the "not supported" cases.
    disableFeatureProfile: (params) => {
      const left = (st.config16?.get('SupportedFeatureProfiles') ?? '').split(',').filter((p) => p !== '' && p !== String(params.profile));
      st.config16?.setInternal('SupportedFeatureProfiles', left.join(','));
    },
    configure: (params) => {
      const key = String(params.key ?? '');
      const value = String(params.value ?? '');
      if (st.config16) {
        if (!st.config16.has(key)) throw new Error(`unknown 1.6 configuration key "${key}"`);
        st.config16.setInternal(key, value);
      } else {
        const [component, variable] = key.split('.');
        if (!component || !variable || st.deviceModel!.value(component, variable) === undefined) throw new Error(`unknown device model variable "${key}" (write Component.Variable)`);
        st.deviceModel!.setInternal(component, variable, value);
      }
      if (/HeartbeatInterval$/.test(key)) lifecycle.restartHeartbeat();
    },
  };

  return {
    actions: CS_ACTIONS,
    async perform(action, params = {}) {
      if (st.isClosed) throw new Error('the reference charging station is closed');
      const run = (actions as Record<string, (p: Record<string, unknown>) => Promise<void> | void>)[action];
      if (!run) throw new Error(`unknown action "${action}"; the reference charging station can: ${CS_ACTIONS.join(', ')}`);
      await run(params);
    },
  };
}
