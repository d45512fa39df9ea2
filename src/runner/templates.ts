/**
 * `{{…}}` placeholders in case payloads, matchers and parameters. A string that is exactly one placeholder
 * becomes the value itself (a number stays a number); placeholders inside longer strings are interpolated.
 *
 * A placeholder is a dotted path into the context (`sut.idTags.valid`, `vars.transactionId`, `params.connectorId`,
 * `each`, and in replies `message`), optionally followed by one arithmetic operation with a number (`sut.heartbeatIntervalS * 1000`) and
 * a fallback for missing values (`vars.x ?? false`, the fallback being JSON). Built-ins: `now`, `now+30s` (s, m, h,
 * ms; or a configured amount: `now+sut.settings.offsetS s`), `uuid`, `seq` (an integer that grows over the run).
 * `{{expr as string}}` gives the value as text even when the placeholder is the whole string.
 */
export interface TemplateContext {
  sut: Record<string, unknown>;
  vars: Record<string, unknown>;
  params: Record<string, unknown>;
  each?: unknown;
  /** In reply templates: the payload of the CALL being answered. */
  message?: unknown;
  gen: Generators;
}

export interface Generators {
  now(): number;
  uuid(): string;
  seq(): number;
  /** Generators that show what would come next without using it up: for describing a step before it runs. */
  preview?(): Generators;
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

const WHOLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
const ANY = /\{\{\s*([^{}]+?)\s*\}\}/g;

export function resolveTemplate(value: unknown, ctx: TemplateContext): unknown {
  if (typeof value === 'string') return resolveString(value, ctx);
  if (Array.isArray(value)) return value.map((v) => resolveTemplate(v, ctx));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveTemplate(v, ctx);
    return out;
  }
  return value;
}

export function hasPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return /\{\{[^{}]+\}\}/.test(value);
  if (Array.isArray(value)) return value.some(hasPlaceholder);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasPlaceholder);
  return false;
}

/** `{{sut.heartbeatIntervalS as string}}`: the value as text, for fields OCPP types as strings (1.6 configuration values). */
const AS_STRING = /^(.+?)\s+as\s+string$/;

function resolveString(text: string, ctx: TemplateContext): unknown {
  const whole = WHOLE.exec(text);
  if (whole) {
    const asString = AS_STRING.exec(whole[1]);
    if (!asString) return evaluate(whole[1], ctx);
    const v = evaluate(asString[1], ctx);
    return typeof v === 'string' ? v : JSON.stringify(v);
  }
  return text.replace(ANY, (_, expr: string) => {
    const v = evaluate(expr, ctx);
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
}

const TIME = /^now\s*(?:([+-])\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h))?$/;
/** `now + sut.settings.offsetS s`: a configured amount of a unit from now. */
const TIME_FROM_PATH = /^now\s*([+-])\s*([A-Za-z_][\w.[\]]*)\s+(ms|s|m|h)$/;
const ARITH = /^(.+?)\s*([*/+-])\s*(-?\d+(?:\.\d+)?)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function evaluate(expression: string, ctx: TemplateContext): unknown {
  const [expr, fallbackText] = splitFallback(expression);
  const value = evaluateCore(expr.trim(), ctx, fallbackText !== undefined);
  if (value !== undefined) return value;
  if (fallbackText !== undefined) return parseFallback(fallbackText, ctx);
  throw new TemplateError(`{{${expression}}} has no value: ${describeMissing(expr.trim(), ctx)}`);
}

function evaluateCore(expr: string, ctx: TemplateContext, lenient: boolean): unknown {
  const time = TIME.exec(expr);
  if (time) {
    const offset = time[1] ? (time[1] === '-' ? -1 : 1) * Number(time[2]) * UNIT_MS[time[3]] : 0;
    return new Date(ctx.gen.now() + offset).toISOString();
  }
  const relative = TIME_FROM_PATH.exec(expr);
  if (relative) {
    const amount = lookupPath(ctx as unknown as Record<string, unknown>, relative[2]);
    if (amount === undefined) return undefined;
    if (!Number.isFinite(Number(amount))) {
      if (lenient) return undefined;
      throw new TemplateError(`{{${expr}}}: ${relative[2]} is ${JSON.stringify(amount)}, not a number`);
    }
    return new Date(ctx.gen.now() + (relative[1] === '-' ? -1 : 1) * Number(amount) * UNIT_MS[relative[3]]).toISOString();
  }
  if (expr === 'uuid') return ctx.gen.uuid();
  if (expr === 'seq') return ctx.gen.seq();
  const arith = ARITH.exec(expr);
  if (arith && !/^[\w.[\]]+$/.test(expr)) {
    const base = lookupPath(ctx as unknown as Record<string, unknown>, arith[1].trim());
    if (base === undefined) return undefined;
    const n = Number(base);
    if (!Number.isFinite(n)) {
      if (lenient) return undefined;
      throw new TemplateError(`{{${expr}}}: ${arith[1].trim()} is ${JSON.stringify(base)}, not a number`);
    }
    const k = Number(arith[3]);
    switch (arith[2]) {
      case '*':
        return n * k;
      case '/':
        return n / k;
      case '+':
        return n + k;
      default:
        return n - k;
    }
  }
  return lookupPath(ctx as unknown as Record<string, unknown>, expr);
}

function splitFallback(expression: string): [string, string | undefined] {
  const i = expression.indexOf('??');
  return i < 0 ? [expression, undefined] : [expression.slice(0, i), expression.slice(i + 2).trim()];
}

/** A fallback is JSON (`?? false`, `?? "x"`) or another expression (`?? sut.variables.TxCtrlr.TxStartPoint ?? ""`). */
function parseFallback(text: string, ctx: TemplateContext): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return evaluate(text, ctx);
  }
}

/** Reads `a.b.0.c` (dots; `[0]` also accepted) from an object; undefined when any part is missing. */
export function lookupPath(root: unknown, path: string): unknown {
  const parts = splitPath(path);
  let cur: unknown = root;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function splitPath(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p.length > 0);
}

function describeMissing(path: string, ctx: TemplateContext): string {
  const parts = splitPath(path);
  let cur: unknown = ctx;
  const seen: string[] = [];
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) {
      const where = seen.length ? seen.join('.') : 'the context';
      const hint = seen[0] === 'sut' ? ' (add it to the SUT configuration)' : seen[0] === 'vars' ? ' (no earlier step captured it)' : '';
      return `${where} has no "${part}"${hint}`;
    }
    seen.push(part);
    cur = (cur as Record<string, unknown>)[part];
  }
  return 'the value is undefined';
}

export function defaultGenerators(): Generators {
  let n = 0;
  return {
    now: () => Date.now(),
    uuid: () => crypto.randomUUID(),
    seq: () => ++n,
    preview: () => ({ now: () => Date.now(), uuid: () => '(a new uuid)', seq: () => n + 1 }),
  };
}
