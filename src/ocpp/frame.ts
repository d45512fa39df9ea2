import type { Finding, MessageTypeName, Version } from '../types.js';
import { errorCodeFor } from './error-codes.js';
import { finding } from './findings.js';

/**
 * OCPP-J frames: the five message types and their wire shapes (OCPP-J 1.6 §4.2, 2.0.1 Part 4 §4.2, 2.1 Part 4 §4.2).
 * Parsing never throws: anything that is not a well-formed frame yields findings instead.
 */
export type Payload = Record<string, unknown>;

export interface CallFrame { type: 'CALL'; id: string; action: string; payload: Payload }
export interface CallResultFrame { type: 'CALLRESULT'; id: string; payload: Payload }
export interface CallErrorFrame { type: 'CALLERROR'; id: string; errorCode: string; errorDescription: string; errorDetails: Payload }
export interface CallResultErrorFrame { type: 'CALLRESULTERROR'; id: string; errorCode: string; errorDescription: string; errorDetails: Payload }
export interface SendFrame { type: 'SEND'; id: string; action: string; payload: Payload }
export type Frame = CallFrame | CallResultFrame | CallErrorFrame | CallResultErrorFrame | SendFrame;

export const MESSAGE_TYPE_ID: Record<Exclude<MessageTypeName, 'INVALID'>, number> = {
  CALL: 2,
  CALLRESULT: 3,
  CALLERROR: 4,
  CALLRESULTERROR: 5,
  SEND: 6,
};
const TYPE_BY_ID = new Map(Object.entries(MESSAGE_TYPE_ID).map(([name, id]) => [id, name as Exclude<MessageTypeName, 'INVALID'>]));

/** Element count per type: CALL/SEND [t,id,action,payload], CALLRESULT [t,id,payload], errors [t,id,code,desc,details]. */
const ARITY: Record<Exclude<MessageTypeName, 'INVALID'>, number> = { CALL: 4, SEND: 4, CALLRESULT: 3, CALLERROR: 5, CALLRESULTERROR: 5 };

export const MAX_MESSAGE_ID_LENGTH = 36;

export type ParseResult =
  | { ok: true; frame: Frame; findings: Finding[] }
  /** `id` and `type` are filled in when they could still be read, so a receiver can answer with a CALLERROR. */
  | { ok: false; findings: Finding[]; id?: string; type?: MessageTypeName };

/** Parses a frame's text; CALLERROR codes in findings are spelled for `version`. */
export function parseFrame(text: string, version: Version): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, findings: [finding('frame.not-json', 'error', `The frame is not valid JSON (${why}).`, { errorCode: errorCodeFor(version, 'format') })] };
  }
  return parseFrameValue(value, version);
}

function describeJsonType(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

function isPlainObject(v: unknown): v is Payload {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Adds a frame.element-type finding when element `index` (if present) is not of the `want`ed JSON type. Module-level: this runs for every frame. */
function expectElement(value: unknown[], index: number, name: string, want: 'string' | 'object', type: MessageTypeName, version: Version, findings: Finding[]): void {
  if (index >= value.length) return;
  const element = value[index];
  if (want === 'string' ? typeof element === 'string' : isPlainObject(element)) return;
  const what = want === 'string' ? 'a string' : 'a JSON object';
  findings.push(finding('frame.element-type', 'error', `The ${name} of a ${type} must be ${what}; it is ${describeJsonType(element)}.`, { errorCode: errorCodeFor(version, 'format') }));
}

/** Parses an already-decoded JSON value as a frame. */
export function parseFrameValue(value: unknown, version: Version): ParseResult {
  if (!Array.isArray(value)) {
    return { ok: false, findings: [finding('frame.not-array', 'error', `The frame is ${describeJsonType(value)}, not a JSON array.`, { errorCode: errorCodeFor(version, 'format') })] };
  }
  const typeId = value[0];
  const rawId = value[1];
  const id = typeof rawId === 'string' ? rawId : undefined;
  const type = typeof typeId === 'number' ? TYPE_BY_ID.get(typeId) : undefined;
  if (!type) {
    const known = '2 (CALL), 3 (CALLRESULT), 4 (CALLERROR), 5 (CALLRESULTERROR), 6 (SEND)';
    // Objects and arrays are named, not printed: printing could be huge or, deeply nested, overflow the stack.
    const scalar = typeof typeId === 'object' && typeId !== null ? describeJsonType(typeId) : String(JSON.stringify(typeId));
    const shown = scalar.length > 40 ? `${scalar.slice(0, 37)}...` : scalar;
    const message = value.length === 0 ? `The frame is an empty array; its first element must be a message type id: ${known}.` : `The message type id ${shown} is not one of ${known}.`;
    return { ok: false, id, findings: [finding('frame.unknown-type', 'error', message, { errorCode: errorCodeFor(version, 'messageType') })] };
  }
  const findings: Finding[] = [];
  if (value.length !== ARITY[type]) {
    findings.push(finding('frame.arity', 'error', `A ${type} has ${ARITY[type]} elements; this one has ${value.length}.`, { errorCode: errorCodeFor(version, 'format') }));
  }
  if (id === undefined) {
    findings.push(finding('frame.element-type', 'error', `The messageId must be a string; it is ${describeJsonType(rawId)}.`, { errorCode: errorCodeFor(version, 'rpcFramework') }));
  } else if (id.length > MAX_MESSAGE_ID_LENGTH) {
    findings.push(finding('frame.message-id-too-long', 'error', `The messageId is ${id.length} characters long; at most ${MAX_MESSAGE_ID_LENGTH} are allowed.`, { errorCode: errorCodeFor(version, 'format') }));
  }
  switch (type) {
    case 'CALL':
    case 'SEND':
      expectElement(value, 2, 'action', 'string', type, version, findings);
      expectElement(value, 3, 'payload', 'object', type, version, findings);
      break;
    case 'CALLRESULT':
      expectElement(value, 2, 'payload', 'object', type, version, findings);
      break;
    case 'CALLERROR':
    case 'CALLRESULTERROR':
      expectElement(value, 2, 'errorCode', 'string', type, version, findings);
      expectElement(value, 3, 'errorDescription', 'string', type, version, findings);
      expectElement(value, 4, 'errorDetails', 'object', type, version, findings);
      break;
  }
  if (findings.length > 0 || id === undefined) return { ok: false, id, type, findings };
  switch (type) {
    case 'CALL':
    case 'SEND':
      return { ok: true, findings, frame: { type, id, action: value[2], payload: value[3] } };
    case 'CALLRESULT':
      return { ok: true, findings, frame: { type, id, payload: value[2] } };
    case 'CALLERROR':
    case 'CALLRESULTERROR':
      return { ok: true, findings, frame: { type, id, errorCode: value[2], errorDescription: value[3], errorDetails: value[4] } };
  }
}

export function serializeFrame(frame: Frame): string {
  const t = MESSAGE_TYPE_ID[frame.type];
  switch (frame.type) {
    case 'CALL':
    case 'SEND':
      return JSON.stringify([t, frame.id, frame.action, frame.payload]);
    case 'CALLRESULT':
      return JSON.stringify([t, frame.id, frame.payload]);
    case 'CALLERROR':
    case 'CALLRESULTERROR':
      return JSON.stringify([t, frame.id, frame.errorCode, frame.errorDescription, frame.errorDetails]);
  }
}
