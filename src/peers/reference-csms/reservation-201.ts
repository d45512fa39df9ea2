import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { RpcError } from '../rpc-errors.js';
import type { StationSession } from './session.js';

/**
 * 2.0.1 reservations of the reference CSMS (OCPP 2.0.1 Part 2 H01 ReserveNow, H02 CancelReservation, H04
 * ReservationStatusUpdate): ReserveNow for an EVSE (`evseId`), for any EVSE (none) or for a connector type
 * (`connectorType`), with the idToken's group as groupIdToken when it has one; the CSMS remembers the reservations the
 * station accepted until the station reports them Expired or Removed. The fault switches of
 * catalog-201-csms-local-list-reservation.ts bend the requests and the answer.
 */
const reservations = new WeakMap<StationSession, Map<number, Payload>>();

function reservationsOf(s: StationSession): Map<number, Payload> {
  let known = reservations.get(s);
  if (!known) reservations.set(s, (known = new Map()));
  return known;
}

/** The ReserveNowRequest: `id`, `expiryDateTime`, the idToken (type `idTokenType`, default ISO14443), evseId / connectorType. */
export function reserveNow201(s: StationSession, p: Record<string, unknown>, id: number, expiryDateTime: string, idTag: string, evseId: number | undefined): Payload {
  const type = String(p.idTokenType ?? 'ISO14443');
  const payload: Payload = { id, expiryDateTime, idToken: { idToken: idTag, type } };
  if (s.faults.has('csms201-reserve-now-reservation-id-field')) {
    // The 1.6 field name: not allowed by the 2.0.1 schema (id is required, no other properties).
    delete payload.id;
    payload.reservationId = id;
  }
  const evse = evseId ?? (s.faults.has('csms201-reserve-now-evse-always') ? 1 : undefined);
  if (evse !== undefined) payload.evseId = evse;
  const connectorType = p.connectorType === undefined || p.connectorType === '' ? (s.faults.has('csms201-reserve-now-connector-type-always') ? 'cType2' : undefined) : String(p.connectorType);
  if (connectorType !== undefined && !s.faults.has('csms201-reserve-now-connector-type-dropped')) payload.connectorType = connectorType;
  // The reservation holds for the idToken's group too (H01.FR.x: groupIdToken).
  const parent = s.opts.idTags.parents[idTag];
  if (parent !== undefined && !s.faults.has('csms201-reserve-now-without-group')) payload.groupIdToken = { idToken: parent, type: 'Central' };
  return payload;
}

/** Called with the station's answer to a ReserveNow the control sent. */
export function afterReserveNow201(s: StationSession, request: { action: string; payload: Payload }, answer: Payload): void {
  if (request.action !== 'ReserveNow' || answer.status !== 'Accepted') return;
  const id = Number(request.payload.id ?? request.payload.reservationId);
  reservationsOf(s).set(id, request.payload);
}

/** The CancelReservationRequest for `reservationId`. */
export function cancelReservation201(s: StationSession, reservationId: number): Payload {
  return { reservationId: s.faults.has('csms201-cancel-reservation-wrong-id') ? reservationId + 1 : reservationId };
}

/** The reservations the CSMS knows the station holds (reservationId -> ReserveNowRequest). */
export function knownReservations201(s: StationSession): ReadonlyMap<number, Payload> {
  return reservationsOf(s);
}

export function registerReservationAnswers201(ep: RpcEndpoint, s: StationSession): void {
  ep.handle('ReservationStatusUpdate', (req) => {
    if (req.reservationUpdateStatus === 'Removed' && s.faults.has('csms201-reservation-removed-error')) throw new RpcError('PropertyConstraintViolation', 'reservation status Removed not supported');
    reservationsOf(s).delete(Number(req.reservationId));
    return {};
  });
}
