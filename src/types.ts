/**
 * The records that flow through ocpp-harness. The proxy, the runner and a replayed log all
 * produce these; the validator annotates them; loggers, consoles and reporters consume them.
 */

/** An OCPP version this tool speaks, as written in the frame log and reports. */
export type Version = '1.6' | '2.0.1' | '2.1';

/** Which way a frame travelled: from the charging station to the CSMS, or back. */
export type Direction = 'cs->csms' | 'csms->cs';

/** The side of an OCPP connection. The charging station is always the WebSocket client. */
export type Side = 'cs' | 'csms';

/** How bad a finding is: `error` for what the specification forbids, `warning` for what is suspicious but can be legal. */
export type Severity = 'error' | 'warning';

/** The OCPP-J message type of a frame, or INVALID when it could not be read as one. */
export type MessageTypeName = 'CALL' | 'CALLRESULT' | 'CALLERROR' | 'CALLRESULTERROR' | 'SEND' | 'INVALID';

/** One thing wrong (or suspicious) with a frame, a handshake or a log line. Findings are data, never exceptions. */
export interface Finding {
  /** Stable code from docs/findings.md, e.g. `schema.required` or `rpc.unknown-id`. */
  rule: string;
  /** `error` makes the frame invalid; `warning` does not. */
  severity: Severity;
  /** JSON pointer into the payload for schema findings (`/chargingStation/model`), '' otherwise. */
  path: string;
  /** One sentence a person understands. */
  message: string;
  /** The CALLERROR code a receiver should answer with, spelled for the negotiated version (schema and frame findings). */
  errorCode?: string;
}

/** One WebSocket message as it crossed a connection, with what the protocol core found. */
export interface FrameRecord {
  /** ISO 8601 UTC timestamp with milliseconds. */
  ts: string;
  /** The charging station identity (last URL path segment). */
  station: string;
  /** Connection id, unique per WebSocket connection within a run. */
  conn: string;
  /** Which way the frame travelled. */
  dir: Direction;
  /** The frame text exactly as it crossed (secrets redacted in logs); binary frames as base64 with `binary: true`. */
  raw: string;
  /** True when the WebSocket message was binary (OCPP-J only uses text). */
  binary?: boolean;
  /** The message type, or INVALID when the frame could not be read. */
  type: MessageTypeName;
  /** The messageId, when it could be read. */
  id?: string;
  /** The action: of the CALL/SEND itself, or for responses of the CALL they answer. */
  action?: string;
  /** The OCPP version the connection negotiated. */
  version: Version;
  /** False when any finding has severity `error`. */
  valid: boolean;
  /** Every finding about this frame, errors and warnings. */
  errors: Finding[];
  /** For responses: milliseconds since the CALL they answer. */
  latencyMs?: number;
}

/** Something that happened to a connection rather than a frame (open, close, refusal, ...). */
export interface ConnectionEventRecord {
  ts: string;
  station: string;
  conn: string;
  /** `open`, `close`, `error`, `upstream-failed`, `handshake`, ... */
  event: string;
  [detail: string]: unknown;
}
