import { readdirSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import type { Condition, LoadedCase, LoadedState, ReusableState, Step, TestCase } from './case-types.js';
import { stepKind } from './case-types.js';
import { compileSchema, firstProblem, InputFileError, projectPath, readJsonFile } from './json-schema-errors.js';
import { OPERATORS } from './matchers.js';

/**
 * Loads testcases/: every case file and every reusable state, each validated against schemas/testcase.schema.json
 * and then checked for what a schema cannot say (file named after the id, role suffix, known states and matcher
 * operators, no cycles between states). Problems are collected over all files and thrown together.
 */
export const DEFAULT_CASES_ROOT = projectPath('testcases');

export interface CaseCatalog {
  root: string;
  cases: LoadedCase[];
  /** Keyed by stateKey(version, sut, name). */
  states: Map<string, LoadedState>;
}

export class CaseLoadError extends Error {
  override readonly name = 'CaseLoadError';
  constructor(readonly problems: InputFileError[]) {
    super(`${problems.length} invalid case file(s):\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
  }
}

export function stateKey(version: string, sut: string, name: string): string {
  return `${version}/${sut}/${name}`;
}

export function loadCatalog(root: string = DEFAULT_CASES_ROOT): CaseCatalog {
  const problems: InputFileError[] = [];
  const files = listJsonFiles(root);
  const statesDir = join(root, 'states') + sep;
  const states = new Map<string, LoadedState>();
  const cases: LoadedCase[] = [];
  for (const file of files) {
    try {
      if (file.startsWith(statesDir)) {
        const state = readState(file);
        const key = stateKey(state.version, state.sut, state.state);
        const clash = states.get(key);
        if (clash) throw new InputFileError(file, '/state', `reusable state ${state.state} (${state.version}, ${state.sut} under test) is also defined in ${clash.file}`);
        states.set(key, { file, state });
      } else {
        cases.push({ file, testCase: readCase(file) });
      }
    } catch (e) {
      if (e instanceof InputFileError) problems.push(e);
      else throw e;
    }
  }
  problems.push(...crossCheck(cases, states));
  if (problems.length > 0) throw new CaseLoadError(problems);
  cases.sort((a, b) => compareIds(a.testCase, b.testCase));
  return { root, cases, states };
}

export function readCase(file: string): TestCase {
  const data = readJsonFile(file);
  const validate = compileSchema('testcase.schema.json', 'testCase');
  if (!validate(data)) {
    const { path, problem } = firstProblem(validate.errors ?? [], data);
    throw new InputFileError(file, path, problem);
  }
  const tc = data as TestCase;
  const name = basename(file, '.json');
  if (name !== tc.id) throw new InputFileError(file, '/id', `the id "${tc.id}" must be the file name (${name}.json)`);
  const suffixRole = tc.id.endsWith('_CSMS') ? 'csms' : 'cs';
  if (suffixRole !== tc.sut) throw new InputFileError(file, '/sut', `"${tc.sut}" contradicts the id ${tc.id}, whose suffix says the ${suffixRole} is under test`);
  const folder = /ocpp([0-9.]+)[\\/](cs|csms)[\\/][^\\/]+$/.exec(file);
  if (folder && (folder[1] !== tc.version || folder[2] !== tc.sut)) {
    throw new InputFileError(file, '/version', `the case says version ${tc.version}, ${tc.sut} under test, but sits in ocpp${folder[1]}/${folder[2]}/`);
  }
  checkSteps(file, tc.before ?? [], '/before');
  checkSteps(file, tc.steps, '/steps');
  checkSteps(file, tc.cleanup ?? [], '/cleanup');
  if (tc.prerequisites?.condition) checkCondition(file, tc.prerequisites.condition, '/prerequisites/condition');
  return tc;
}

export function readState(file: string): ReusableState {
  const data = readJsonFile(file);
  const validate = compileSchema('testcase.schema.json', 'reusableState');
  if (!validate(data)) {
    const { path, problem } = firstProblem(validate.errors ?? [], data);
    throw new InputFileError(file, path, problem);
  }
  const state = data as ReusableState;
  if (basename(file, '.json') !== state.state) throw new InputFileError(file, '/state', `the state name "${state.state}" must be the file name (${basename(file)})`);
  checkSteps(file, state.steps, '/steps');
  return state;
}

/** Checks matchers (operators, regular expressions) and conditions inside steps. */
function checkSteps(file: string, steps: readonly Step[], at: string): void {
  steps.forEach((step, i) => {
    const here = `${at}/${i}`;
    if (step.when) checkCondition(file, step.when, `${here}/when`);
    switch (stepKind(step)) {
      case 'send': {
        const s = step as { response?: unknown };
        const list = Array.isArray(s.response) ? s.response : s.response ? [s.response] : [];
        list.forEach((r, j) => checkMatcher(file, r, Array.isArray(s.response) ? `${here}/response/${j}` : `${here}/response`));
        break;
      }
      case 'expect':
        checkMatcher(file, (step as { payload?: unknown }).payload, `${here}/payload`);
        break;
      case 'expectAll':
      case 'expectOneOf': {
        const key = 'expectAll' in step ? 'expectAll' : 'expectOneOf';
        ((step as unknown as Record<string, Array<{ payload?: unknown; oneOf?: Array<{ payload?: unknown }> }>>)[key]).forEach((spec, j) => {
          if (spec.oneOf) spec.oneOf.forEach((form, k) => checkMatcher(file, form.payload, `${here}/${key}/${j}/oneOf/${k}/payload`));
          else checkMatcher(file, spec.payload, `${here}/${key}/${j}/payload`);
        });
        break;
      }
      case 'expectNone':
        checkMatcher(file, (step as { expectNone: { payload?: unknown } }).expectNone.payload, `${here}/expectNone/payload`);
        break;
      default:
        break;
    }
  });
}

function checkCondition(file: string, cond: Condition, at: string): void {
  if ('all' in cond) cond.all.forEach((c, i) => checkCondition(file, c, `${at}/all/${i}`));
  else if ('any' in cond) cond.any.forEach((c, i) => checkCondition(file, c, `${at}/any/${i}`));
  else if ('not' in cond) checkCondition(file, cond.not, `${at}/not`);
  else if ('path' in cond) {
    if (!/^(sut|vars|params)(\.|$)/.test(cond.path)) throw new InputFileError(file, `${at}/path`, `"${cond.path}" must start with sut., vars. or params.`);
    checkMatcher(file, cond.match, `${at}/match`);
  }
}

function checkMatcher(file: string, m: unknown, at: string): void {
  if (m === null || typeof m !== 'object') return;
  if (Array.isArray(m)) {
    m.forEach((v, i) => checkMatcher(file, v, `${at}/${i}`));
    return;
  }
  const keys = Object.keys(m);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length > 0) {
    if (keys.length !== 1) throw new InputFileError(file, at, `a matcher operator (${ops.join(', ')}) must be the only key of its object`);
    const op = ops[0];
    if (!(OPERATORS as readonly string[]).includes(op)) throw new InputFileError(file, `${at}/${op}`, `unknown matcher operator ${op} (known: ${OPERATORS.join(', ')})`);
    const arg = (m as Record<string, unknown>)[op];
    if (op === '$regex') {
      try {
        new RegExp(typeof arg === 'string' ? arg : (arg as { pattern: string }).pattern, typeof arg === 'string' ? undefined : (arg as { flags?: string }).flags);
      } catch (e) {
        throw new InputFileError(file, `${at}/${op}`, `not a valid regular expression: ${(e as Error).message}`);
      }
    }
    if ((op === '$anyOf' || op === '$allOf' || op === '$in') && !Array.isArray(arg)) throw new InputFileError(file, `${at}/${op}`, `${op} takes a list`);
    if (op === '$anyOf' || op === '$allOf') (arg as unknown[]).forEach((v, i) => checkMatcher(file, v, `${at}/${op}/${i}`));
    if (op === '$not' || op === '$contains' || op === '$length') checkMatcher(file, arg, `${at}/${op}`);
    return;
  }
  for (const k of keys) checkMatcher(file, (m as Record<string, unknown>)[k], `${at}/${k}`);
}

/** Every `use` names a state of the same version and role; states do not include each other in a cycle; ids are unique. */
function crossCheck(cases: readonly LoadedCase[], states: ReadonlyMap<string, LoadedState>): InputFileError[] {
  const problems: InputFileError[] = [];
  const seen = new Map<string, string>();
  for (const { file, testCase: tc } of cases) {
    const other = seen.get(tc.id);
    if (other) problems.push(new InputFileError(file, '/id', `case ${tc.id} is also defined in ${other}`));
    seen.set(tc.id, file);
    for (const [section, steps] of [['before', tc.before ?? []], ['steps', tc.steps], ['cleanup', tc.cleanup ?? []]] as const) {
      const p = checkUses(file, steps, `/${section}`, tc.version, tc.sut, states, []);
      if (p) problems.push(p);
    }
  }
  for (const { file, state } of states.values()) {
    const p = checkUses(file, state.steps, '/steps', state.version, state.sut, states, [state.state]);
    if (p) problems.push(p);
  }
  return problems;
}

function checkUses(file: string, steps: readonly Step[], at: string, version: string, sut: string, states: ReadonlyMap<string, LoadedState>, chain: string[]): InputFileError | undefined {
  for (const [i, step] of steps.entries()) {
    if (!('use' in step)) continue;
    const target = states.get(stateKey(version, sut, step.use));
    if (!target) {
      const known = [...states.values()].filter((s) => s.state.version === version && s.state.sut === sut).map((s) => s.state.state);
      return new InputFileError(file, `${at}/${i}/use`, `unknown reusable state "${step.use}" for OCPP ${version} with the ${sut} under test (known: ${known.join(', ') || 'none'})`);
    }
    if (chain.includes(step.use)) return new InputFileError(file, `${at}/${i}/use`, `reusable states include each other in a cycle: ${[...chain, step.use].join(' -> ')}`);
    const deeper = checkUses(target.file, target.state.steps, '/steps', version, sut, states, [...chain, step.use]);
    if (deeper) return deeper;
  }
  return undefined;
}

function listJsonFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listJsonFiles(full));
    else if (name.endsWith('.json')) out.push(full);
  }
  return out;
}

/** Orders ids naturally: TC_002 before TC_010, TC_B_02 before TC_B_10. */
export function compareIds(a: Pick<TestCase, 'id' | 'version'>, b: Pick<TestCase, 'id' | 'version'>): number {
  if (a.version !== b.version) return a.version.localeCompare(b.version, undefined, { numeric: true });
  return a.id.localeCompare(b.id, undefined, { numeric: true });
}
