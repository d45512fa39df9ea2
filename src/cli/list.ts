import type { Command } from 'commander';
import { relative } from 'node:path';
import type { Side, Version } from '../types.js';
import { CaseLoadError, loadCatalog } from '../runner/case-loader.js';
import { computeCoverage, DEFAULT_CATALOG, formatCoverage, readCatalog } from '../runner/coverage.js';
import { PROJECT_ROOT } from '../runner/json-schema-errors.js';
import { selectCases, SelectionError } from '../runner/selection.js';
import { EXIT, type SetExit } from './main.js';
import { parseSide, parseVersionOption } from './run.js';

/** `ocpp-harness list`: the case catalog, or with --coverage how much of the OCTT catalog testcases/ implements. */
export function registerList(program: Command, setExit: SetExit): void {
  program
    .command('list')
    .description('list the conformance cases (id, version, role under test, profile, title), or their coverage of the OCTT catalog')
    .argument('[cases...]', 'case ids or globs')
    .option('--version <version>', 'only this OCPP version', parseVersionOption)
    .option('--sut <role>', 'only cases with this role under test: cs or csms', parseSide)
    .option('--profile <profile>', 'only cases of this profile')
    .option('--json', 'print JSON instead of a table')
    .option('--coverage', 'compare testcases/ with the OCTT catalog: implemented/total per version, role and profile (2.x: M and C apart)')
    .option('--catalog <file>', 'the catalog TSV for --coverage (default: ../shared/catalog/octt-testcases.tsv next to the project)')
    .action((patterns: string[], opts: ListOptions) => {
      setExit(listCases(patterns, opts, process.stdout, process.stderr));
    });
}

export interface ListOptions {
  version?: Version;
  sut?: Side;
  profile?: string;
  json?: boolean;
  coverage?: boolean;
  catalog?: string;
  /** Default: the project's testcases/. */
  casesRoot?: string;
}

export function listCases(patterns: string[], opts: ListOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  let cases;
  try {
    cases = selectCases(loadCatalog(opts.casesRoot).cases, { patterns, version: opts.version, sut: opts.sut, profile: opts.profile });
  } catch (e) {
    if (e instanceof CaseLoadError || e instanceof SelectionError) {
      err.write(`ocpp-harness list: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  if (opts.coverage) {
    let rows;
    try {
      rows = readCatalog(opts.catalog ?? DEFAULT_CATALOG).filter((r) => (!opts.version || r.version === opts.version) && (!opts.sut || r.role === opts.sut));
    } catch (e) {
      err.write(`ocpp-harness list: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.usage;
    }
    const coverage = computeCoverage(rows, cases);
    out.write(opts.json ? `${JSON.stringify(coverage, null, 2)}\n` : formatCoverage(coverage));
    return EXIT.ok;
  }
  if (opts.json) {
    const list = cases.map(({ file, testCase: tc }) => ({
      id: tc.id,
      version: tc.version,
      sut: tc.sut,
      profile: tc.profile,
      functionalBlock: tc.functionalBlock,
      title: tc.title,
      requirements: tc.requirements ?? [],
      prerequisites: tc.prerequisites ?? {},
      file: relative(PROJECT_ROOT, file),
    }));
    out.write(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = cases.map(({ testCase: tc }) => [tc.id, tc.version, tc.sut === 'cs' ? 'CS' : 'CSMS', tc.profile, tc.title]);
  const header = ['ID', 'VERSION', 'SUT', 'PROFILE', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  out.write(`${[line(header), ...rows.map(line)].join('\n')}\n${cases.length} case(s)\n`);
  return EXIT.ok;
}
