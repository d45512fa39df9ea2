/**
 * Payload matchers. A matcher is JSON: objects match partially (only the listed keys are checked), arrays element
 * by element (same length), an object whose keys are all indices ({"0": m}) the listed elements of an array only,
 * other values by equality. An object whose only key starts with `$` is an operator:
 *
 *   $anyOf [m…]   $allOf [m…]   $not m   $in [values]   $eq value (deep equality, no partial match)
 *   $regex "re"   $type "string"|"number"|"integer"|"boolean"|"object"|"array"|"null" (or a list)
 *   $range {min?, max?}   $length m   $contains m (an array element matches)
 *   $time {near?: "now" | ISO time, afterMs?, toleranceMs?}   $absent true   $present true
 *
 * Matching answers with mismatches (path, expected, actual), and every matcher explains itself in words.
 */
export interface Mismatch {
  /** Dotted path into the payload ('' for the whole payload). */
  path: string;
  expected: string;
  actual: string;
}

export interface MatchEnv {
  /** The time `$time` compares with when `near` is "now" or absent (ms since epoch). */
  now: number;
  /** Default tolerance for `$time`. */
  toleranceMs: number;
}

const TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;
export const OPERATORS = ['$anyOf', '$allOf', '$not', '$in', '$eq', '$regex', '$type', '$range', '$length', '$contains', '$time', '$absent', '$present'] as const;
type Operator = (typeof OPERATORS)[number];

function operatorOf(m: unknown): Operator | undefined {
  if (m === null || typeof m !== 'object' || Array.isArray(m)) return undefined;
  const keys = Object.keys(m);
  if (keys.length !== 1 || !keys[0].startsWith('$')) return undefined;
  if (!(OPERATORS as readonly string[]).includes(keys[0])) throw new Error(`unknown matcher operator ${keys[0]} (known: ${OPERATORS.join(', ')})`);
  return keys[0] as Operator;
}

export function match(matcher: unknown, actual: unknown, env: MatchEnv, path = ''): Mismatch[] {
  const op = operatorOf(matcher);
  if (op) return matchOperator(op, (matcher as Record<string, unknown>)[op], actual, env, path);
  if (actual === undefined) return [{ path, expected: describeExpectation(matcher), actual: 'absent' }];
  if (Array.isArray(matcher)) {
    if (!Array.isArray(actual)) return [{ path, expected: describeExpectation(matcher), actual: show(actual) }];
    if (actual.length !== matcher.length) return [{ path, expected: `an array of ${matcher.length} element(s)`, actual: `${actual.length} element(s): ${show(actual)}` }];
    return matcher.flatMap((m, i) => match(m, actual[i], env, join(path, String(i))));
  }
  if (matcher !== null && typeof matcher === 'object') {
    // An object whose keys are all indices picks elements of an array; the other elements and the length are free.
    if (Array.isArray(actual) && isIndexMatcher(matcher)) return Object.entries(matcher).flatMap(([k, m]) => match(m, actual[Number(k)], env, join(path, k)));
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [{ path, expected: 'an object', actual: show(actual) }];
    return Object.entries(matcher).flatMap(([k, m]) => match(m, Object.hasOwn(actual, k) ? (actual as Record<string, unknown>)[k] : undefined, env, join(path, k)));
  }
  return Object.is(matcher, actual) || matcher === actual ? [] : [{ path, expected: show(matcher), actual: show(actual) }];
}

function matchOperator(op: Operator, arg: unknown, actual: unknown, env: MatchEnv, path: string): Mismatch[] {
  const fail = (expected: string): Mismatch[] => [{ path, expected, actual: actual === undefined ? 'absent' : show(actual) }];
  switch (op) {
    case '$absent':
      return (actual === undefined) === (arg !== false) ? [] : fail(arg !== false ? 'absent' : 'present');
    case '$present':
      return (actual !== undefined) === (arg !== false) ? [] : fail(arg !== false ? 'present' : 'absent');
    case '$anyOf': {
      const alternatives = arg as unknown[];
      return alternatives.some((m) => match(m, actual, env, path).length === 0) ? [] : fail(alternatives.map(describeExpectation).join(' or '));
    }
    case '$allOf':
      return (arg as unknown[]).flatMap((m) => match(m, actual, env, path));
    case '$not':
      return match(arg, actual, env, path).length === 0 ? fail(`not ${describeExpectation(arg)}`) : [];
    case '$in':
      return (arg as unknown[]).some((v) => deepEqual(v, actual)) ? [] : fail(`one of ${(arg as unknown[]).map(show).join(', ')}`);
    case '$eq':
      return deepEqual(arg, actual) ? [] : fail(show(arg));
    case '$regex': {
      const re = toRegExp(arg);
      return typeof actual === 'string' && re.test(actual) ? [] : fail(`a string matching ${re}`);
    }
    case '$type': {
      const wanted = Array.isArray(arg) ? (arg as string[]) : [arg as string];
      return wanted.some((t) => isType(actual, t)) ? [] : fail(wanted.map(article).join(' or '));
    }
    case '$range': {
      const { min, max } = arg as { min?: number; max?: number };
      const ok = typeof actual === 'number' && (min === undefined || actual >= min) && (max === undefined || actual <= max);
      return ok ? [] : fail(rangeWords(min, max));
    }
    case '$length': {
      const len = typeof actual === 'string' || Array.isArray(actual) ? actual.length : undefined;
      if (len === undefined) return fail(`something with a length ${explainPredicate(arg)}`);
      return match(arg, len, env, path).length === 0 ? [] : [{ path, expected: `length ${explainPredicate(arg)}`, actual: `length ${len}` }];
    }
    case '$contains':
      if (!Array.isArray(actual)) return fail(`an array containing an element that ${explainPredicate(arg)}`);
      return actual.some((el) => match(arg, el, env, path).length === 0) ? [] : fail(`an array containing an element that ${explainPredicate(arg)}`);
    case '$time': {
      const { near, toleranceMs, afterMs } = (arg ?? {}) as { near?: string; toleranceMs?: number; afterMs?: number };
      const tolerance = toleranceMs ?? env.toleranceMs;
      // afterMs: the expected time is that long after `near` (e.g. the previous sample plus the sample interval).
      const offset = Number(afterMs ?? 0);
      const reference = (near === undefined || near === 'now' ? env.now : Date.parse(near)) + offset;
      const of = `${offset ? `${offset} ms after ` : ''}${near ?? 'now'}`;
      const t = typeof actual === 'string' ? Date.parse(actual) : NaN;
      if (Number.isNaN(t)) return fail(`a date-time within ${seconds(tolerance)} of ${of}`);
      return Math.abs(t - reference) <= tolerance ? [] : fail(`a date-time within ${seconds(tolerance)} of ${near === undefined || near === 'now' ? `${offset ? `${offset} ms after ` : ''}now (${new Date(reference).toISOString()})` : of}`);
    }
  }
}

/** The matcher as a list of checks in words, one per leaf: `status is "Charging"`, `idTagInfo.status is "Accepted"`. */
export function explainMatcher(matcher: unknown, path = ''): string[] {
  const op = operatorOf(matcher);
  if (!op && matcher !== null && typeof matcher === 'object' && !Array.isArray(matcher)) {
    return Object.entries(matcher).flatMap(([k, m]) => explainMatcher(m, join(path, k)));
  }
  const subject = path === '' ? 'the payload' : path;
  return [`${subject} ${explainPredicate(matcher)}`];
}

/** A predicate phrase: `is "Charging"`, `is one of "A", "B"`, `is a number between 1 and 5`. */
export function explainPredicate(matcher: unknown): string {
  const op = operatorOf(matcher);
  if (!op) return `is ${describeExpectation(matcher)}`;
  const arg = (matcher as Record<string, unknown>)[op];
  switch (op) {
    case '$absent':
      return arg !== false ? 'is absent' : 'is present';
    case '$present':
      return arg !== false ? 'is present' : 'is absent';
    case '$anyOf': {
      const parts = (arg as unknown[]).map(explainPredicate);
      return parts.every((p) => p.startsWith('is ')) ? `is ${parts.map((p) => p.slice(3)).join(' or ')}` : parts.join(' or ');
    }
    case '$allOf':
      return (arg as unknown[]).map(explainPredicate).join(' and ');
    case '$not':
      return `is not ${describeExpectation(arg)}`;
    case '$in':
      return `is one of ${(arg as unknown[]).map(show).join(', ')}`;
    case '$eq':
      return `equals ${show(arg)}`;
    case '$regex':
      return `matches ${toRegExp(arg)}`;
    case '$type':
      return `is ${(Array.isArray(arg) ? (arg as string[]) : [arg as string]).map(article).join(' or ')}`;
    case '$range':
      return `is ${rangeWords((arg as { min?: number }).min, (arg as { max?: number }).max)}`;
    case '$length':
      return `has a length that ${explainPredicate(arg)}`;
    case '$contains':
      return `contains an element that ${explainPredicate(arg)}`;
    case '$time': {
      const { near, toleranceMs, afterMs } = (arg ?? {}) as { near?: string; toleranceMs?: number; afterMs?: number };
      return `is a date-time within ${toleranceMs === undefined ? 'the time tolerance' : seconds(toleranceMs)} of ${afterMs ? `${afterMs} ms after ` : ''}${near ?? 'now'}`;
    }
  }
}

/** The expected value in words, for objects and arrays a compact summary of their checks. */
function describeExpectation(m: unknown): string {
  if (operatorOf(m)) return explainPredicate(m).replace(/^is /, '');
  if (m !== null && typeof m === 'object' && !Array.isArray(m)) {
    if (isIndexMatcher(m)) return `an array where ${explainMatcher(m).map((p) => `element ${p}`).join(', ')}`;
    const parts = explainMatcher(m);
    return parts.length ? `an object where ${parts.join(', ')}` : 'an object';
  }
  return show(m);
}

function toRegExp(arg: unknown): RegExp {
  if (typeof arg === 'string') return new RegExp(arg);
  const { pattern, flags } = arg as { pattern: string; flags?: string };
  return new RegExp(pattern, flags);
}

function isType(v: unknown, t: string): boolean {
  switch (t) {
    case 'integer':
      return Number.isInteger(v);
    case 'array':
      return Array.isArray(v);
    case 'null':
      return v === null;
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    default:
      return typeof v === t;
  }
}

function article(t: string): string {
  if (!(TYPES as readonly string[]).includes(t)) return t;
  return t === 'null' ? 'null' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function rangeWords(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `a number from ${min} to ${max}`;
  if (min !== undefined) return `a number of at least ${min}`;
  if (max !== undefined) return `a number of at most ${max}`;
  return 'a number';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** `{"0": …, "2": …}`: every key an array index (no sign, no leading zero). */
function isIndexMatcher(m: object): boolean {
  const keys = Object.keys(m);
  return keys.length > 0 && keys.every((k) => /^(?:0|[1-9]\d*)$/.test(k));
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

const MAX_SHOWN = 120;

/** A value as JSON, shortened for messages. */
export function show(v: unknown): string {
  if (v === undefined) return 'absent';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** Mismatches in words: `status: expected "Charging", got "Available"`. */
export function describeMismatches(mismatches: readonly Mismatch[]): string {
  return mismatches.map((m) => `${m.path || 'payload'}: expected ${m.expected}, got ${m.actual}`).join('; ');
}
