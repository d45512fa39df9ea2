import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { locateJsonError } from './json-syntax.js';

/**
 * Validation of the runner's own JSON files (case files, SUT configuration) against the schemas shipped in
 * schemas/, with one clear problem per file: the JSON path and what is wrong there, in words.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function projectPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/** A problem in one of the runner's input files: which file, where in it (JSON pointer), what is wrong. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${displayPath(file)}: ${path ? `at ${path}: ` : ''}${problem}`);
  }
}

/** A path relative to the working directory when it is inside it, for messages. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}

const ajvCache = new Map<string, Ajv>();
/** Every sub-schema of a schema file with the name of the definition it sits in, to word errors by place. */
const placeOf = new Map<object, string>();

/** Compiles `#/definitions/<name>` (or the whole schema) of a schema file in schemas/. */
export function compileSchema(schemaFile: string, definition?: string): ValidateFunction {
  let ajv = ajvCache.get(schemaFile);
  if (!ajv) {
    // strictRequired off: the step schema selects the step kind with `required` alone (anyOf, if/then).
    // verbose: errors carry their parent schema, which names the place (a step, a condition …).
    ajv = new Ajv({ allErrors: false, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
    const schema = JSON.parse(readFileSync(projectPath(`schemas/${schemaFile}`), 'utf8')) as { definitions?: Record<string, object> };
    for (const [name, def] of Object.entries(schema.definitions ?? {})) indexPlaces(def, name);
    ajv.addSchema(schema, schemaFile);
    ajvCache.set(schemaFile, ajv);
  }
  const ref = definition ? `${schemaFile}#/definitions/${definition}` : schemaFile;
  const fn = ajv.getSchema(ref);
  if (!fn) throw new Error(`schemas/${schemaFile} has no ${definition ?? 'root'} schema`);
  return fn;
}

function indexPlaces(node: unknown, name: string): void {
  if (node === null || typeof node !== 'object') return;
  if (!placeOf.has(node)) placeOf.set(node, name);
  for (const child of Object.values(node)) indexPlaces(child, name);
}

/** Special wording for places where the schema offers alternatives, by definition (and property) name. */
const ALTERNATIVES: Record<string, string> = {
  step: 'a step needs exactly one of the keys send, expect, expectAll, expectOneOf, expectNone, wait, connection, action, use, set',
  condition: 'a condition is one of {all: [...]}, {any: [...]}, {not: ...}, {feature}, {profile} or {path, match}',
  sendStep: 'a response expectation is {result: matcher} or {error: {code, description}}, or a list of them',
  idTag: 'an idTag is a string, or {idToken, type}',
};

/** The one error worth showing: the deepest concrete problem, or the alternatives that did not fit. */
export function firstProblem(errors: readonly ErrorObject[], data: unknown): { path: string; problem: string } {
  const relevant = errors.filter((e) => e.keyword !== 'if');
  const last = relevant[relevant.length - 1];
  if (last && (last.keyword === 'oneOf' || last.keyword === 'anyOf')) {
    const inside = relevant.filter((e) => e !== last && e.instancePath.startsWith(last.instancePath));
    const telling = inside.filter((e) => !(e.instancePath === last.instancePath && (e.keyword === 'type' || e.keyword === 'required')));
    const place = last.parentSchema ? placeOf.get(last.parentSchema) : undefined;
    const special = place ? ALTERNATIVES[place] : undefined;
    if (telling.length > 0 && !(special && last.keyword === 'anyOf')) return { path: telling[0].instancePath, problem: describe(telling[0], data) };
    const keys = valueAt(data, last.instancePath);
    const got = keys && typeof keys === 'object' && !Array.isArray(keys) ? ` (found keys: ${Object.keys(keys).join(', ') || 'none'})` : '';
    return { path: last.instancePath, problem: (special ?? 'matches none of the allowed forms') + got };
  }
  const e = relevant[0];
  return e ? { path: e.instancePath, problem: describe(e, data) } : { path: '', problem: 'invalid' };
}

function describe(e: ErrorObject, data: unknown): string {
  const actual = valueAt(data, e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `missing required property "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown property "${String(p.additionalProperty)}"`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; got ${JSON.stringify(actual)}`;
    case 'type':
      return `must be ${String(p.type).replace(',', ' or ')}; got ${typeName(actual)}`;
    case 'pattern':
      return `must match ${String(p.pattern)}; got ${JSON.stringify(actual)}`;
    case 'propertyNames':
      return `property name ${JSON.stringify(p.propertyName)} is not allowed (letters, digits and _ only)`;
    default:
      return `${e.message ?? 'invalid'}${actual !== undefined && typeof actual !== 'object' ? `; got ${JSON.stringify(actual)}` : ''}`;
  }
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

/** Reads the value at a JSON pointer. */
export function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Reads and parses a JSON file; a syntax error becomes an InputFileError with the line and column. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputFileError(file, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const where = locateJsonError(text);
    const why = where ? `(line ${where.line}, column ${where.column}): ${where.message}` : `: ${e instanceof Error ? e.message : String(e)}`;
    throw new InputFileError(file, '', `is not valid JSON ${why}`.replace('JSON :', 'JSON:'));
  }
}
