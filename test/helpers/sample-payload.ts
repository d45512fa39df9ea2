/**
 * A small schema-driven payload generator for tests. It walks an official OCPP JSON schema (draft-06/07 style:
 * type, properties, required, enum, const, format, items, min/maxItems, min/maxLength, minimum/maximum,
 * multipleOf, local `#/definitions/...` $refs) and produces
 * - a valid sample: required fields only (`optional: false`) or every declared property (`optional: true`);
 * - mutants of a valid sample, each breaking exactly one thing, with the JSON pointer and rule a validator
 *   is expected to report.
 * It is deliberately limited to what the OCPP schemas use; anything else makes it throw, so that a schema
 * feature it does not understand shows up as a failing test instead of a silently wrong sample.
 */

export type JsonSchema = { [keyword: string]: unknown };

export interface SampleOptions {
  /** Include optional properties as well (default false: required fields only, arrays at minItems). */
  optional?: boolean;
}

/** The kinds of mutation, named after the finding rule they should produce (`schema.<kind>`). */
export type MutationKind = 'required' | 'enum' | 'type' | 'additional-property' | 'format';

export interface Mutation {
  kind: MutationKind;
  /** The finding rule the mutant must produce. */
  rule: `schema.${MutationKind}`;
  /** JSON pointer of the finding the mutant must produce (for `required`, the missing field's pointer). */
  path: string;
  /** What was done, for test titles and failure messages. */
  description: string;
  /** The mutated payload (a fresh copy; the sample is left alone). */
  payload: unknown;
}

/** A fixed, valid RFC 3339 timestamp used for every `date-time` field. */
export const SAMPLE_DATE_TIME = '2025-03-14T09:26:53.000Z';
/** Used for `uri` fields (1.6 firmware/diagnostics locations). */
export const SAMPLE_URI = 'ftp://files.example.com/firmware/v2.bin';
/** The name of the property added to closed objects. */
export const EXTRA_PROPERTY = 'unexpectedProperty';
/** A value that no OCPP string enumeration contains. */
export const NOT_AN_ENUM_VALUE = 'NotAnEnumValue';

const SUPPORTED_KEYWORDS = new Set([
  '$schema', '$id', 'id', '$comment', 'comment', 'title', 'description', 'javaType', 'definitions', 'default',
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'enum', 'const', 'format',
  'items', 'additionalItems', 'minItems', 'maxItems', 'minLength', 'maxLength', 'minimum', 'maximum', 'multipleOf',
]);

class Walker {
  constructor(private readonly root: JsonSchema) {}

  /** Follows local `$ref`s (`#/definitions/Name`, `#/properties/...`) to the schema they name. */
  resolve(node: JsonSchema, seen: string[] = []): { schema: JsonSchema; refs: string[] } {
    let current = node;
    const refs = [...seen];
    while (typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (!ref.startsWith('#')) throw new Error(`sample-payload: only local $ref are supported, got ${ref}`);
      if (refs.includes(ref) && refs.filter((r) => r === ref).length > 8) throw new Error(`sample-payload: $ref loop at ${ref}`);
      refs.push(ref);
      current = pointer(this.root, ref.slice(1)) as JsonSchema;
      if (!current || typeof current !== 'object') throw new Error(`sample-payload: $ref ${ref} names nothing`);
    }
    for (const k of Object.keys(current)) {
      if (!SUPPORTED_KEYWORDS.has(k)) throw new Error(`sample-payload: unsupported keyword "${k}"`);
    }
    return { schema: current, refs };
  }

  sample(node: JsonSchema, options: SampleOptions, refs: string[] = []): unknown {
    const { schema, refs: chain } = this.resolve(node, refs);
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum)) return schema.enum[0];
    switch (typeOf(schema)) {
      case 'object':
        return this.sampleObject(schema, options, chain);
      case 'array':
        return this.sampleArray(schema, options, chain);
      case 'string':
        return sampleString(schema);
      case 'integer':
        return sampleNumber(schema, true);
      case 'number':
        return sampleNumber(schema, false);
      case 'boolean':
        return true;
      case 'any':
        return 'any value';
    }
  }

  private sampleObject(schema: JsonSchema, options: SampleOptions, chain: string[]): Record<string, unknown> {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = (schema.required ?? []) as string[];
    const out: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(properties)) {
      const isRequired = required.includes(name);
      if (!isRequired && !options.optional) continue;
      // An optional property that would re-enter a definition already being built is left out (recursive types).
      if (!isRequired && typeof sub.$ref === 'string' && chain.includes(sub.$ref)) continue;
      out[name] = this.sample(sub, options, chain);
    }
    for (const name of required) {
      if (!(name in out)) out[name] = 'required but undeclared';
    }
    return out;
  }

  private sampleArray(schema: JsonSchema, options: SampleOptions, chain: string[]): unknown[] {
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
    const count = Math.min(max, options.optional ? Math.max(1, min) : min);
    if (Array.isArray(schema.items)) throw new Error('sample-payload: tuple "items" is not supported');
    const items = (schema.items ?? {}) as JsonSchema;
    return Array.from({ length: count }, () => this.sample(items, options, chain));
  }

  /** Every single-fault mutant of `value` (a valid sample of `node` at pointer `path`). */
  mutations(node: JsonSchema, value: unknown, path: string, out: Array<Omit<Mutation, 'payload'> & { apply: (root: unknown) => void }>): void {
    const { schema } = this.resolve(node);
    const type = typeOf(schema);
    if (path !== '' && type !== 'any') {
      const wrong = wrongTypeValue(type);
      out.push({ kind: 'type', rule: 'schema.type', path, description: `${path} set to ${JSON.stringify(wrong)} (schema type ${type})`, apply: (root) => setAt(root, path, wrong) });
    }
    if (Array.isArray(schema.enum)) {
      const bad = typeof schema.enum[0] === 'string' ? NOT_AN_ENUM_VALUE : 987654321;
      if (schema.enum.includes(bad)) throw new Error(`sample-payload: ${bad} is a real enum value at ${path}`);
      out.push({ kind: 'enum', rule: 'schema.enum', path, description: `${path} set to ${JSON.stringify(bad)} (not in its enum)`, apply: (root) => setAt(root, path, bad) });
    }
    if (schema.format === 'date-time' || schema.format === 'uri') {
      const bad = schema.format === 'date-time' ? '14/03/2025 09:26' : 'not a uri at all';
      out.push({ kind: 'format', rule: 'schema.format', path, description: `${path} set to ${JSON.stringify(bad)} (not a ${schema.format})`, apply: (root) => setAt(root, path, bad) });
    }
    if (type === 'object' && isObject(value)) {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const name of (schema.required ?? []) as string[]) {
        const at = `${path}/${escape(name)}`;
        out.push({ kind: 'required', rule: 'schema.required', path: at, description: `required ${at} removed`, apply: (root) => deleteAt(root, at) });
      }
      if (schema.additionalProperties === false) {
        const at = `${path}/${EXTRA_PROPERTY}`;
        out.push({ kind: 'additional-property', rule: 'schema.additional-property', path: at, description: `${at} added to a closed object`, apply: (root) => setAt(root, at, 1) });
      }
      for (const [name, child] of Object.entries(value)) {
        if (properties[name]) this.mutations(properties[name], child, `${path}/${escape(name)}`, out);
      }
    }
    if (type === 'array' && Array.isArray(value) && value.length > 0) {
      this.mutations((schema.items ?? {}) as JsonSchema, value[0], `${path}/0`, out);
    }
  }
}

type SimpleType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'any';

function typeOf(schema: JsonSchema): SimpleType {
  const t = schema.type;
  if (Array.isArray(t)) throw new Error('sample-payload: type arrays are not supported');
  if (t === undefined) {
    if (schema.properties || schema.required) return 'object';
    if (schema.items) return 'array';
    return 'any';
  }
  if (t === 'null') throw new Error('sample-payload: type null is not supported');
  return t as SimpleType;
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'date-time') return SAMPLE_DATE_TIME;
  if (schema.format === 'uri') return SAMPLE_URI;
  if (schema.format !== undefined) throw new Error(`sample-payload: unsupported format ${String(schema.format)}`);
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 12;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  return 'sample-text!'.padEnd(min, '.').slice(0, Math.max(min, Math.min(max, 12)));
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const lo = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
  const hi = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
  let n = Math.min(Math.max(integer ? 1 : 1.5, lo), hi);
  if (integer) n = Math.ceil(n);
  // With a multipleOf (1.6 uses 0.1), stay on whole numbers so that no floating-point residue is involved.
  if (typeof schema.multipleOf === 'number') {
    n = Math.ceil(n);
    if (schema.multipleOf > 1) n = Math.ceil(n / schema.multipleOf) * schema.multipleOf;
  }
  if (n < lo || n > hi) throw new Error(`sample-payload: cannot pick a number in [${lo}, ${hi}]`);
  return n;
}

function wrongTypeValue(type: SimpleType): unknown {
  switch (type) {
    case 'string':
      return 12345;
    case 'integer':
      return '42';
    case 'number':
      return '42.5';
    case 'boolean':
      return 'true';
    case 'object':
      return 'an object was expected';
    case 'array':
      return { notAn: 'array' };
    case 'any':
      return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function segments(ptr: string): string[] {
  return ptr.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function pointer(root: unknown, ptr: string): unknown {
  return segments(ptr).reduce<unknown>((acc, seg) => (acc as Record<string, unknown> | undefined)?.[seg], root);
}

function parentOf(root: unknown, ptr: string): { parent: Record<string, unknown>; key: string } {
  const segs = segments(ptr);
  const key = segs.pop() as string;
  const parent = segs.reduce<unknown>((acc, seg) => (acc as Record<string, unknown>)[seg], root) as Record<string, unknown>;
  return { parent, key };
}

function setAt(root: unknown, ptr: string, value: unknown): void {
  const { parent, key } = parentOf(root, ptr);
  parent[key] = value;
}

function deleteAt(root: unknown, ptr: string): void {
  const { parent, key } = parentOf(root, ptr);
  delete parent[key];
}

/** A valid payload for `schema`: required fields only, or (`optional: true`) every declared property too. */
export function samplePayload(schema: object, options: SampleOptions = {}): unknown {
  const root = schema as JsonSchema;
  return new Walker(root).sample(root, options);
}

/**
 * Every single-fault mutant of the full sample of `schema` (all optional properties present, so that enums and
 * date-times in optional fields are reached): one per required field, enum, typed field, closed object and
 * date-time/uri field.
 */
export function mutationsOf(schema: object): Mutation[] {
  const root = schema as JsonSchema;
  const walker = new Walker(root);
  const base = walker.sample(root, { optional: true });
  const found: Array<Omit<Mutation, 'payload'> & { apply: (root: unknown) => void }> = [];
  walker.mutations(root, base, '', found);
  return found.map(({ apply, ...m }) => {
    const payload = structuredClone(base);
    apply(payload);
    return { ...m, payload };
  });
}

/** Reads the value at a JSON pointer (for assertions). */
export function valueAt(root: unknown, ptr: string): unknown {
  return pointer(root, ptr);
}
