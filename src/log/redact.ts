import type { FrameRecord } from '../types.js';

/**
 * Secret redaction for everything that leaves the process as text (frame logs, console, reports).
 * Pure functions. A frame with no secret comes back byte-identical; in a frame with one, only the secret
 * string literals are replaced, so the rest of the frame still reads exactly as it crossed.
 */

export const REDACTED = '***';

/** Configuration keys / variables whose value is a credential (1.6 ChangeConfiguration, 2.x SetVariables). */
const SECRET_NAMES = new Set(['authorizationkey', 'basicauthpassword']);

/** Cheap pre-check: a frame that matches none of these cannot hold a secret we know how to find. */
const MAYBE_SECRET = /authorizationkey|basicauthpassword|password|private key/i;

/** A PEM private key (any kind: RSA, EC, ENCRYPTED, ...). In JSON text its newlines are `\n` escapes. */
const PEM_BLOCK = /(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----)/g;
/** A private key cut off before its END line: redact up to the end of the JSON string (or the text). */
const PEM_TAIL = /(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)(?:[^"\\]|\\[\s\S])*/g;

/** A JSON string literal. */
const STRING_LITERAL = /"(?:[^"\\]|\\[\s\S])*"/g;
/** Fallback for text that is not JSON: values of fields whose name says they are secret. */
const SECRET_FIELD = /("(?:value|attributeValue|[A-Za-z]*password)"\s*:\s*)"(?:[^"\\]|\\[\s\S])*"/gi;

export function redactFrameText(raw: string): string {
  if (!MAYBE_SECRET.test(raw)) return raw;
  let text = redactPem(raw);
  if (!MAYBE_SECRET.test(text)) return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.replace(SECRET_FIELD, `$1"${REDACTED}"`);
  }
  const secrets = new Set<string>();
  collectSecrets(value, secrets);
  text = text.replace(STRING_LITERAL, (literal) => redactLiteral(literal, secrets));
  return text;
}

/** The secret values a frame carries (decoded strings), so that text derived from it can be scrubbed too. */
export function secretsIn(raw: string): string[] {
  if (!MAYBE_SECRET.test(raw)) return [];
  const found = new Set<string>();
  for (const m of raw.matchAll(PEM_BLOCK)) found.add(m[0]);
  try {
    collectSecrets(JSON.parse(raw), found);
  } catch {
    // Not JSON: only the PEM blocks can be named.
  }
  return [...found];
}

/** Replaces each secret (and the 57-character prefix the validator quotes for long values) in `text`. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s === '') continue;
    const quoted = JSON.stringify(s);
    out = out.split(quoted).join(`"${REDACTED}"`).split(s).join(REDACTED);
    if (quoted.length > 60) out = out.split(quoted.slice(0, 57)).join(REDACTED);
  }
  return out;
}

/**
 * A frame record as it may be written out: `raw` redacted (binary frames are base64, so they are decoded,
 * redacted and re-encoded), finding messages scrubbed of any secret they quote, and the exact-bytes copy of
 * an invalid UTF-8 frame (`rawBytes`) dropped when the frame held a secret.
 */
export function redactFrameRecord<R extends FrameRecord & { rawBytes?: string }>(record: R): R {
  const text = record.binary ? Buffer.from(record.raw, 'base64').toString('utf8') : record.raw;
  // The common case, checked once: nothing in the frame can be a secret.
  if (!MAYBE_SECRET.test(text)) return record;
  const secrets = secretsIn(text);
  const redacted = redactFrameText(text);
  if (redacted === text && secrets.length === 0) return record;
  const out = { ...record, raw: record.binary ? Buffer.from(redacted, 'utf8').toString('base64') : redacted, redacted: true } as R;
  if (out.rawBytes !== undefined) delete out.rawBytes;
  if (secrets.length > 0) out.errors = record.errors.map((f) => ({ ...f, message: scrubText(f.message, secrets) }));
  return out;
}

export type HeaderValue = string | string[] | number | undefined;

/**
 * Redacts credential headers: `Authorization: Basic` keeps the user (the station identity) and hides the
 * password; any other scheme keeps only its name. Cookies are hidden entirely.
 */
export function redactHeaders<T extends Record<string, HeaderValue>>(headers: T): T {
  const out: Record<string, HeaderValue> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined) out[name] = value;
    else if (lower === 'authorization' || lower === 'proxy-authorization') out[name] = mapValue(value, redactAuthorization);
    else if (lower === 'cookie' || lower === 'set-cookie') out[name] = mapValue(value, () => REDACTED);
    else out[name] = value;
  }
  return out as T;
}

export function redactAuthorization(value: string): string {
  const m = /^\s*(\S+)\s*(.*)$/s.exec(value);
  if (!m) return REDACTED;
  const [, scheme, credentials] = m;
  if (scheme.toLowerCase() !== 'basic') return `${scheme} ${REDACTED}`;
  const decoded = Buffer.from(credentials.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // Without a colon the whole token may be the secret: show nothing of it.
  return colon < 0 ? `${scheme} ${REDACTED}` : `${scheme} ${decoded.slice(0, colon)}:${REDACTED}`;
}

function mapValue(value: string | string[] | number, f: (v: string) => string): string | string[] {
  return Array.isArray(value) ? value.map(f) : f(String(value));
}

function redactPem(text: string): string {
  const whole = text.replace(PEM_BLOCK, `$1${REDACTED}$2`);
  // A BEGIN with no END left after the first pass is a truncated key.
  return whole.replace(PEM_TAIL, (m, begin: string) => (m.includes(`${begin}${REDACTED}-----END`) ? m : `${begin}${REDACTED}`));
}

function redactLiteral(literal: string, secrets: ReadonlySet<string>): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(literal);
  } catch {
    return literal;
  }
  if (typeof decoded !== 'string') return literal;
  if (decoded !== '' && secrets.has(decoded)) return `"${REDACTED}"`;
  // A frame embedded as a string (e.g. DataTransfer data) may carry secrets of its own.
  if (decoded.length > 2 && MAYBE_SECRET.test(decoded)) {
    const inner = redactFrameText(decoded);
    if (inner !== decoded) return JSON.stringify(inner);
  }
  return literal;
}

/**
 * Walks a parsed frame and collects secret values:
 * - `{key: "AuthorizationKey", value}` (1.6 ChangeConfiguration, GetConfiguration answers),
 * - `{variable: {name: "BasicAuthPassword"}, attributeValue | variableAttribute[].value}` (2.x SetVariables, reports),
 * - any string property whose name ends in "password" (2.x network profiles: apn/vpn/basicAuth passwords),
 *   and a VPN profile's shared `key`.
 */
function collectSecrets(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectSecrets(item, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if (isSecretName(o.key)) addString(o.value, out);
  const variable = o.variable as Record<string, unknown> | undefined;
  if (typeof variable === 'object' && variable !== null && isSecretName(variable.name)) {
    addString(o.attributeValue, out);
    if (Array.isArray(o.variableAttribute)) for (const a of o.variableAttribute) addString((a as Record<string, unknown>)?.value, out);
  }
  for (const [name, value] of Object.entries(o)) {
    if (/password$/i.test(name)) addString(value, out);
    if (name === 'vpn' && typeof value === 'object' && value !== null) addString((value as Record<string, unknown>).key, out);
    collectSecrets(value, out);
  }
}

function isSecretName(v: unknown): boolean {
  return typeof v === 'string' && SECRET_NAMES.has(v.toLowerCase());
}

function addString(v: unknown, out: Set<string>): void {
  if (typeof v === 'string' && v !== '') out.add(v);
}
