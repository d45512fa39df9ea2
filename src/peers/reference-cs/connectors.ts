import type { CsVersion } from './options.js';

/**
 * The physical and logical state of each connector, and the status each version derives from it.
 * The station keeps one Connector per EVSE (one connector each): in 1.6 its connectorId is the EVSE
 * number, in 2.0.1 it is EVSE `evseId`, connector 1. Status is never set directly: it is derived from
 * the facts below, so a change anywhere cannot leave a stale status behind.
 */
export interface Reservation {
  id: number;
  /** 0 for a reservation of the station as a whole (1.6 connector 0 / 2.0.1 no evseId). */
  evseId: number;
  idTag: string;
  parentIdTag?: string;
  expiresAt: number;
}

export interface ConnectorFault {
  /** 1.6 ChargePointErrorCode, e.g. GroundFailure; also the 2.0.1 NotifyEvent text. */
  errorCode: string;
  info?: string;
}

/** What a transaction looks like to the status logic; the version's engine keeps its own details. */
export interface ActiveTx {
  /** Energy is flowing (or would, were the EV not pausing). */
  energizing: boolean;
  /** The idTag was refused: the station holds the energy back (SuspendedEVSE). */
  suspendedByStation: boolean;
}

export class Connector {
  readonly evseId: number;
  plugged = false;
  fault: ConnectorFault | undefined;
  /** Availability set by ChangeAvailability (persisted across reboots in a real station). */
  operative = true;
  /** An Inoperative change waiting for the running transaction to end. */
  inoperativeScheduled = false;
  /** A tag was authorized and the station waits for the EV to plug in (1.6 Preparing). */
  awaitingPlug: { idTag: string } | undefined;
  /** A transaction ended and the cable is still in (1.6 Finishing). */
  finishing = false;
  /** The EV was unplugged at its side: the (detachable) cable still hangs in the station's socket. */
  cableAtStation = false;
  /** 2.0.1: the EV was unplugged at its side and not plugged in again (ev-side-201.ts). */
  evSideUnplugged = false;
  /** 2.0.1: the EV was unplugged (either side) and its transaction goes on without it. */
  evAway = false;
  /** 2.0.1: the cable left in the socket stays locked until this idToken is presented (ev-side-201.ts). */
  cableLockedFor: string | undefined;
  /** 2.0.1: an EV stands in the parking bay (bay occupancy sensor, TxStartPoint / TxStopPoint ParkingBayOccupancy). */
  bayOccupied = false;
  /** The EV pauses charging. */
  evSuspended = false;
  tx: ActiveTx | undefined;
  /** Energy register in Wh. */
  meterWh = 0;
  /** The status last sent to the CSMS, to send only changes. */
  reportedStatus: string | undefined;

  constructor(evseId: number) {
    this.evseId = evseId;
  }

  /** 1.6 connectorId / 2.0.1 connectorId within the EVSE. */
  connectorIdFor(version: CsVersion): number {
    return version === '1.6' ? this.evseId : 1;
  }
}

/** The 1.6 ChargePointStatus of a connector (OCPP 1.6 §7.7 and the state table of §4.9). */
export function status16(c: Connector, stationOperative: boolean, reservation: Reservation | undefined): string {
  if (c.fault) return 'Faulted';
  if (c.tx) {
    if (c.tx.suspendedByStation) return 'SuspendedEVSE';
    if (c.tx.energizing) return c.evSuspended ? 'SuspendedEV' : 'Charging';
    // Transaction running without energy: EV unplugged (kept when StopTransactionOnEVSideDisconnect is false) or not ready.
    return c.plugged ? 'SuspendedEVSE' : 'SuspendedEV';
  }
  if (!c.operative || !stationOperative) return 'Unavailable';
  if (c.finishing && (c.plugged || c.cableAtStation)) return 'Finishing';
  if (c.plugged || c.awaitingPlug) return 'Preparing';
  if (reservation) return 'Reserved';
  return 'Available';
}

/** The 1.6 status of connector 0, the charge point as a whole. */
export function status16Station(stationOperative: boolean, stationFault: ConnectorFault | undefined): string {
  if (stationFault) return 'Faulted';
  return stationOperative ? 'Available' : 'Unavailable';
}

/** The 2.0.1 ConnectorStatusEnumType of a connector. */
export function status201(c: Connector, stationOperative: boolean, reservation: Reservation | undefined): string {
  if (c.fault) return 'Faulted';
  // An EV unplugged while its transaction goes on (EV-side disconnect, TxStopPoint without EVConnected) frees the connector.
  if (c.tx && !c.evAway) return 'Occupied';
  // Inoperative wins over a cable still plugged in once no transaction runs (OCTT TC_G_11/14/17_CS: Unavailable when the transaction ends).
  if (!c.operative || !stationOperative) return 'Unavailable';
  // A detachable cable left in the socket after an EV-side unplug still occupies the connector.
  if (c.plugged || c.cableAtStation) return 'Occupied';
  if (reservation) return 'Reserved';
  return 'Available';
}

export function createConnectors(count: number): Connector[] {
  return Array.from({ length: count }, (_, i) => new Connector(i + 1));
}
