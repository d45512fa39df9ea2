import { finding } from '../ocpp/findings.js';
import { isUtf8 } from 'node:buffer';
import type { Conversation, Inspection } from '../ocpp/conversation.js';
import { errorCodeFor } from '../ocpp/error-codes.js';
import type { Direction, Finding } from '../types.js';
import type { ProxyFrameRecord } from './types.js';

/**
 * Turns one WebSocket message, exactly as it crossed, into a frame record: the connection's Conversation
 * parses and checks it; the proxy adds what only it can see (binary messages, bytes that are not UTF-8).
 * Never throws: a validator failure becomes a finding on the record.
 */
export function inspectMessage(conversation: Conversation, who: { station: string; conn: string }, dir: Direction, data: Buffer, binary: boolean, now: number): ProxyFrameRecord {
  const raw = binary ? data.toString('base64') : data.toString('utf8');
  let inspection: Inspection;
  try {
    inspection = conversation.inspect(dir, binary ? '' : raw, { binary, now });
  } catch (e) {
    inspection = { type: 'INVALID', valid: false, findings: [validatorFailed(e)] };
  }
  const record: ProxyFrameRecord = {
    ts: isoTime(now),
    station: who.station,
    conn: who.conn,
    dir,
    raw,
    type: inspection.type,
    version: conversation.version,
    valid: inspection.valid,
    errors: inspection.findings,
  };
  if (binary) record.binary = true;
  if (inspection.id !== undefined) record.id = inspection.id;
  if (inspection.action !== undefined) record.action = inspection.action;
  if (inspection.latencyMs !== undefined) record.latencyMs = inspection.latencyMs;
  // Decoding replaced any bad sequence with U+FFFD, so only a frame holding one needs the full check.
  if (!binary && raw.includes('\uFFFD') && !isUtf8(data)) {
    // `raw` can only hold a lossy decoding; keep the exact bytes next to it.
    record.rawBytes = data.toString('base64');
    record.errors = [invalidUtf8(conversation), ...record.errors];
    record.valid = false;
  }
  return record;
}

let lastMs = NaN;
let lastIso = '';
/** Many frames share a millisecond under load; format each millisecond once. */
function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** WebSocket text frames must be UTF-8 (RFC 6455 §5.6); OCPP-J frames are text frames. */
function invalidUtf8(conversation: Conversation): Finding {
  return finding('frame.invalid-utf8', 'error', 'The text frame is not valid UTF-8 (RFC 6455 §5.6); forwarded unchanged, the exact bytes are in rawBytes.', {
    errorCode: errorCodeFor(conversation.version, 'format'),
  });
}

function validatorFailed(e: unknown): Finding {
  const why = e instanceof Error ? e.message : String(e);
  return finding('proxy.validator-failed', 'error', `The validator could not check this frame (${why}); it was forwarded unchanged.`);
}
