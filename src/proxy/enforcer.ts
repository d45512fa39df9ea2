import { errorCodeFor } from '../ocpp/error-codes.js';
import { scrubText, secretsIn } from '../log/redact.js';
import type { Version } from '../types.js';
import type { ProxyFrameRecord } from './types.js';

/** OCPP-J caps errorDescription at 255 characters in 2.x; keep to that for every version. */
const MAX_DESCRIPTION = 255;

/**
 * Enforce mode: the CALLERROR the receiver should have sent for an invalid request, or undefined when the frame
 * is to be forwarded (valid, an answer, a 2.1 SEND, binary, or with no readable messageId to answer to).
 */
export function enforcementReply(record: ProxyFrameRecord, text: string, version: Version): string | undefined {
  if (record.valid || record.binary || record.id === undefined) return undefined;
  if (record.type !== 'CALL' && !(record.type === 'INVALID' && isRequestLike(text))) return undefined;
  // The finding that names an error code decides the answer; rule findings without one answer ProtocolError.
  const first = record.errors.find((f) => f.severity === 'error' && f.errorCode) ?? record.errors.find((f) => f.severity === 'error');
  const code = first?.errorCode ?? errorCodeFor(version, 'protocol');
  // The sender knows its own secrets, but the reply is logged too: it must not quote them.
  const secrets = secretsIn(text);
  const description = truncate(scrubText(first ? first.message : 'invalid request', secrets), MAX_DESCRIPTION);
  const details: Record<string, string> = first ? { rule: first.rule } : {};
  if (first?.path) details.path = first.path;
  return JSON.stringify([4, record.id, code, description, details]);
}

/** A CALL that failed to parse, or an unknown message type id: something the receiver would answer. */
function isRequestLike(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    if (!Array.isArray(v) || typeof v[1] !== 'string') return false;
    return v[0] === 2 || ![3, 4, 5, 6].includes(v[0] as number);
  } catch {
    return false;
  }
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}
