import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Finding, Version } from '../types.js';
import { errorCodeFor, type ErrorKind } from './error-codes.js';
import { finding } from './findings.js';
import type { RuleCode } from './rules.js';
import { schemaSource } from './schema-sources.js';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/**
 * The OCA's files use two keywords that are not JSON Schema: `javaType` (code generation hint) and, in 2.1,
 * `comment` (a licence note). They are registered as annotation-only keywords so that strict mode stays on
 * and any other unknown keyword still fails the build of the validator.
 */
const OCA_ANNOTATION_KEYWORDS = ['javaType', 'comment'];

/**
 * Strict-mode notices that the official 2.1 files trigger and that change nothing about validation:
 * `additionalProperties: false` on string enums, and `additionalItems` next to a single-schema `items`.
 * Only these are tolerated; any other strict-mode notice is an error.
 */
const KNOWN_NO_OP_NOTICES = [/missing type "object" for keyword "additionalProperties"/, /"additionalItems" is ignored when "items" is not an array of schemas/];

export type MessageKind = 'request' | 'response';

function createAjv(version: Version): Ajv {
  const notices: string[] = [];
  const tolerate = version === '2.1';
  const ajv = new Ajv({
    allErrors: true,
    // verbose puts the offending value on each error, for messages that show it.
    verbose: true,
    strict: true,
    // 1.6 decimals are `multipleOf: 0.1`; without a tolerance 0.3 / 0.1 = 2.9999999999999996 fails as "not a multiple".
    multipleOfPrecision: 6,
    // 2.1: report strict notices to us instead of throwing, so we can tolerate exactly the known no-ops.
    ...(tolerate ? { strictSchema: 'log', strictTypes: 'log', strictTuples: 'log' } : {}),
    logger: {
      log: () => undefined,
      warn: (...args: unknown[]) => notices.push(args.map(String).join(' ')),
      error: (...args: unknown[]) => notices.push(args.map(String).join(' ')),
    },
  });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  addFormats(ajv);
  for (const keyword of OCA_ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'string' });
  const compile = ajv.compile.bind(ajv);
  // Wrap compile so that an unexpected strict notice fails loudly, at compile time, for every version.
  ajv.compile = ((schema: object) => {
    notices.length = 0;
    const fn = compile(schema);
    const unexpected = notices.filter((n) => !KNOWN_NO_OP_NOTICES.some((re) => re.test(n)));
    if (unexpected.length > 0) throw new Error(`strict mode: ${unexpected.join('; ')}`);
    return fn;
  }) as typeof ajv.compile;
  return ajv;
}

interface CompiledVersion {
  ajv: Ajv;
  /** Per action, the request's and the response's validator (looked up per frame: no key strings built). */
  validators: Map<string, { request?: ValidateFunction; response?: ValidateFunction }>;
  count: number;
}

const compiled = new Map<Version, CompiledVersion>();

function forVersion(version: Version): CompiledVersion {
  let c = compiled.get(version);
  if (!c) {
    c = { ajv: createAjv(version), validators: new Map(), count: 0 };
    compiled.set(version, c);
  }
  return c;
}

/**
 * The compiled validator of one message, compiled on first use and kept. Each schema is compiled on its own,
 * without its `$id`: the ids are only names (all references are local `#/definitions/...`), and ajv's URI
 * parser rejects the 2.1 files' `urn:<Name>` form.
 */
export function validatorFor(version: Version, action: string, kind: MessageKind): ValidateFunction | undefined {
  const c = forVersion(version);
  const hit = c.validators.get(action)?.[kind];
  if (hit) return hit;
  const pair = schemaSource(version).byAction.get(action);
  const schema = pair && (kind === 'request' ? pair.request : pair.response);
  if (!schema) return undefined;
  const { $id: _id, id: _legacyId, ...body } = schema as Record<string, unknown>;
  const fn = c.ajv.compile(body);
  let entry = c.validators.get(action);
  if (!entry) c.validators.set(action, (entry = {}));
  entry[kind] = fn;
  c.count++;
  return fn;
}

/** How many message schemas of `version` are compiled so far, and how many there are. */
export function compiledCount(version: Version): { compiled: number; total: number } {
  const pairs = [...schemaSource(version).byAction.values()];
  return { compiled: compiled.get(version)?.count ?? 0, total: pairs.filter((p) => p.request).length + pairs.filter((p) => p.response).length };
}

const warming = new Set<Version>();

/**
 * Compiles every message schema of `version` ahead of use, one per turn of the event loop, so that live traffic
 * never waits for a compile (the first use of a message otherwise stalls everything for up to ~100 ms). Idempotent.
 */
export function precompile(version: Version): void {
  if (warming.has(version)) return;
  warming.add(version);
  const pending = [...schemaSource(version).byAction.keys()].flatMap((action) => [`${action}:request`, `${action}:response`]);
  const next = () => {
    const key = pending.shift();
    if (key === undefined) return;
    const [action, kind] = key.split(':') as [string, MessageKind];
    validatorFor(version, action, kind);
    setImmediate(next).unref();
  };
  setImmediate(next).unref();
}

/** `BootNotification.req` in 1.6 terms, `BootNotificationRequest` in 2.x terms. */
export function messageLabel(version: Version, action: string, kind: MessageKind): string {
  if (version === '1.6') return `${action}.${kind === 'request' ? 'req' : 'conf'}`;
  return `${action}${kind === 'request' ? 'Request' : 'Response'}`;
}

/** Validates a payload against the official schema; every violation becomes a finding. */
export function validatePayload(version: Version, action: string, kind: MessageKind, payload: unknown): Finding[] {
  const validate = validatorFor(version, action, kind);
  if (!validate) return [];
  if (validate(payload)) return [];
  const label = messageLabel(version, action, kind);
  return (validate.errors ?? []).map((e) => schemaFinding(version, label, e));
}

const RULE_AND_KIND: Record<string, [RuleCode, ErrorKind]> = {
  required: ['schema.required', 'occurrence'],
  additionalProperties: ['schema.additional-property', 'format'],
  type: ['schema.type', 'type'],
  enum: ['schema.enum', 'property'],
  const: ['schema.enum', 'property'],
  format: ['schema.format', 'property'],
  maxLength: ['schema.length', 'property'],
  minLength: ['schema.length', 'property'],
  minimum: ['schema.range', 'property'],
  maximum: ['schema.range', 'property'],
  exclusiveMinimum: ['schema.range', 'property'],
  exclusiveMaximum: ['schema.range', 'property'],
  multipleOf: ['schema.range', 'property'],
  minItems: ['schema.items', 'occurrence'],
  maxItems: ['schema.items', 'occurrence'],
  pattern: ['schema.other', 'property'],
};

/** `/sampledValue/0/value` → `sampledValue[0].value`. */
export function fieldName(pointer: string): string {
  if (pointer === '') return 'the payload';
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

function withArticle(type: string): string {
  return type
    .split(',')
    .map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`))
    .join(' or ');
}

function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Too deeply nested to print (JSON.stringify recurses): name its kind instead of failing the whole validation.
    text = Array.isArray(value) ? '[...]' : typeof value === 'object' && value !== null ? '{...}' : String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function schemaFinding(version: Version, label: string, e: ErrorObject): Finding {
  const [rule, kind] = RULE_AND_KIND[e.keyword] ?? (['schema.other', 'format'] as [RuleCode, ErrorKind]);
  const p = e.params as Record<string, unknown>;
  let path = e.instancePath;
  let text: string;
  const field = fieldName(e.instancePath);
  const value = e.data;
  switch (e.keyword) {
    case 'required':
      path = `${e.instancePath}/${String(p.missingProperty)}`;
      text = `${fieldName(path)} is required`;
      break;
    case 'additionalProperties':
      path = `${e.instancePath}/${String(p.additionalProperty)}`;
      text = `${field === 'the payload' ? 'the payload' : field} has a property "${String(p.additionalProperty)}" that the schema does not allow`;
      break;
    case 'type':
      text = `${field} must be ${withArticle(String(p.type))}, got ${shown(value)}`;
      break;
    case 'enum':
      text = `${field} must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}; got ${shown(value)}`;
      break;
    case 'format':
      text = `${field} is not a valid ${String(p.format)}: ${shown(value)}`;
      break;
    case 'maxLength':
    case 'minLength':
      text = `${field} is ${typeof value === 'string' ? value.length : '?'} characters long; ${e.keyword === 'maxLength' ? 'at most' : 'at least'} ${String(p.limit)} allowed`;
      break;
    case 'maxItems':
    case 'minItems':
      text = `${field} has ${Array.isArray(value) ? value.length : '?'} items; ${e.keyword === 'maxItems' ? 'at most' : 'at least'} ${String(p.limit)} allowed`;
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      text = `${field} must be ${String(p.comparison)} ${String(p.limit)}, got ${shown(value)}`;
      break;
    case 'multipleOf':
      text = `${field} must be a multiple of ${String(p.multipleOf)}, got ${shown(value)}`;
      break;
    default:
      text = `${field} ${e.message ?? 'is invalid'}`;
  }
  return finding(rule, 'error', `${label}: ${text}`, { path, errorCode: errorCodeFor(version, kind) });
}
