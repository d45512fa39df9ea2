import { groupByReferenceBuild } from './reference-variants.js';
import type { Side, Version } from '../types.js';
import { FAULTS, type FaultName } from '../peers/faults.js';
import { ConsoleReporter } from '../reporters/console-reporter.js';
import { makeRunId } from '../reporters/json-report.js';
import type { CaseResult, Report, SutInfo } from '../reporters/report-model.js';
import { writeReports, type ReportPaths } from '../reporters/write-reports.js';
import { PromptAdapter } from './hook-adapters.js';
import { CaseLoadError, loadCatalog, type CaseCatalog } from './case-loader.js';
import type { LoadedCase } from './case-types.js';
import { InputFileError } from './json-schema-errors.js';
import { LinkOpenError } from './link.js';
import { isReferenceVersion, openReferenceTarget } from './reference-targets.js';
import { buildReport, ProxyFindingCollector } from './report-builder.js';
import { selectCases, SelectionError } from './selection.js';
import { runSuite } from './suite-runner.js';
import { loadSutConfigFile, resolveSut, type ResolvedSut, type SutConfigFile } from './sut-config.js';
import { openExternalTarget, type OpenTarget } from './targets.js';

/**
 * `ocpp-harness run` as a function: selects cases, opens the system under test (given on the command line, or
 * the built-in reference peers for both roles), runs, reports, and answers with the exit code of the contract:
 * 0 all passed (not-applicable and not-run do not fail a run), 1 a case failed, 2 bad usage or configuration or
 * the SUT unreachable (an error verdict), with a one-line reason on stderr.
 */
export interface RunRequest {
  patterns: string[];
  sut?: Side;
  url?: string;
  port?: number;
  host?: string;
  sutConfigFile?: string;
  version?: Version;
  profile?: string;
  viaProxy: boolean;
  reportsDir: string;
  command: string;
  toolVersion: string;
  casesRoot?: string;
  /** Offer the interactive prompt for manual actions when stdin is a terminal. */
  interactive?: boolean;
  /** Embedded runs only: fault switches for the reference peers and configuration overrides (tests). */
  referenceFaults?: FaultName[];
  referenceConfig?: Partial<SutConfigFile>;
}

export interface RunIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export interface RunOutcome {
  exitCode: 0 | 1 | 2;
  report?: Report;
  paths?: ReportPaths;
}

interface Group {
  version: Version;
  role: Side;
  cases: LoadedCase[];
  open: () => Promise<OpenTarget>;
}

export async function executeRun(req: RunRequest, io: RunIo): Promise<RunOutcome> {
  const usage = (why: string): RunOutcome => {
    io.stderr.write(`ocpp-harness run: ${why}\n`);
    return { exitCode: 2 };
  };
  let catalog: CaseCatalog;
  try {
    catalog = loadCatalog(req.casesRoot);
  } catch (e) {
    if (e instanceof CaseLoadError) return usage(e.message);
    throw e;
  }
  const findings = new ProxyFindingCollector();
  let groups: Group[];
  let sutInfo: SutInfo;
  let external: ResolvedSut | undefined;
  try {
    external = await externalSut(req);
    if (external) {
      const sut = external;
      const cases = selectCases(catalog.cases, { patterns: req.patterns, version: external.version, sut: external.role, profile: req.profile });
      const prompt = req.interactive ? [new PromptAdapter(io.stdin, io.stdout)] : [];
      groups = [{ version: external.version, role: external.role, cases, open: () => openExternalTarget(sut, { viaProxy: req.viaProxy, findings, extraAdapters: prompt }) }];
      sutInfo = { role: external.role, name: external.name, version: external.version, endpoint: external.role === 'csms' ? external.url : `port ${external.port}`, identity: identityFacts(external) };
    } else {
      groups = embeddedGroups(catalog, req, findings);
      const roles = [...new Set(groups.map((g) => g.role))];
      const versions = [...new Set(groups.map((g) => g.version))];
      sutInfo = {
        role: roles.length === 1 ? roles[0] : 'both',
        name: roles.length === 1 ? `built-in reference ${roles[0] === 'cs' ? 'charging station' : 'CSMS'}` : 'built-in reference charging station and reference CSMS',
        endpoint: 'in process, through the proxy',
      };
      if (versions.length === 1) sutInfo.version = versions[0];
    }
  } catch (e) {
    if (e instanceof InputFileError || e instanceof SelectionError || e instanceof LinkOpenError) return usage(e.message);
    throw e;
  }
  if (groups.every((g) => g.cases.length === 0)) return usage('no case is selected (check the ids, --version, --sut and --profile)');

  const runId = makeRunId();
  const started = Date.now();
  const consoleReporter = new ConsoleReporter({ stream: io.stdout });
  consoleReporter.onRunStart({ runId, sut: sutInfo, caseCount: groups.reduce((n, g) => n + g.cases.length, 0) });
  let unreachable: string | undefined;
  const runGroup = async (group: Group): Promise<CaseResult[]> => {
    let opened: OpenTarget;
    try {
      opened = await group.open();
    } catch (e) {
      if (!(e instanceof LinkOpenError || e instanceof InputFileError)) throw e;
      unreachable ??= e.message;
      return group.cases.map((c) => {
        const r = errorResult(c, e.message);
        consoleReporter.onCaseEnd(r);
        return r;
      });
    }
    try {
      return await runSuite(group.cases, opened.target, catalog.states, { onCaseEnd: (r) => consoleReporter.onCaseEnd(r) });
    } finally {
      await opened.close();
    }
  };
  // The embedded default's groups each have their own reference peers and proxy, so several run at once; they mostly
  // wait on protocol timers. The report keeps the groups' order.
  const perGroup = await mapConcurrently(
    groups.filter((g) => g.cases.length > 0),
    external ? 1 : EMBEDDED_CONCURRENCY,
    runGroup,
  );
  const results = perGroup.flat();
  const report = buildReport({ id: runId, startedAt: started, finishedAt: Date.now(), command: req.command, viaProxy: req.viaProxy, toolVersion: req.toolVersion }, sutInfo, results, findings.findings);
  consoleReporter.onRunEnd(report);
  const paths = await writeReports(report, req.reportsDir);
  consoleReporter.reportsWritten(paths);
  const firstError = results.find((r) => r.verdict === 'error');
  if (firstError) {
    io.stderr.write(`ocpp-harness run: ${unreachable ?? `${firstError.id}: ${firstError.reason ?? 'error'}`}\n`);
    return { exitCode: 2, report, paths };
  }
  return { exitCode: results.some((r) => r.verdict === 'failed') ? 1 : 0, report, paths };
}

/** The SUT given on the command line (or by a SUT configuration with a URL or port); undefined for the embedded default. */
async function externalSut(req: RunRequest): Promise<ResolvedSut | undefined> {
  if (req.url !== undefined && req.port !== undefined) throw new SelectionError('give either --url (a CSMS under test) or --port (a charging station under test), not both');
  const file = req.sutConfigFile ? loadSutConfigFile(req.sutConfigFile) : undefined;
  const url = req.url ?? file?.url;
  const port = req.port ?? file?.port;
  if (url === undefined && port === undefined) {
    if (file) throw new InputFileError(req.sutConfigFile!, '', 'gives neither "url" (a CSMS under test) nor "port" (a charging station under test), and neither does the command line');
    return undefined;
  }
  const inferred: Side = req.port !== undefined ? 'cs' : req.url !== undefined ? 'csms' : (file?.role ?? (url !== undefined ? 'csms' : 'cs'));
  const role = req.sut ?? inferred;
  if (role === 'csms' && url === undefined) throw new SelectionError('--sut csms needs --url (the CSMS endpoint)');
  if (role === 'cs' && port === undefined) throw new SelectionError('--sut cs needs --port (where the station connects)');
  return resolveSut(file ?? {}, { role, version: req.version, url, port, host: req.host }, req.sutConfigFile ?? 'command line');
}

function embeddedGroups(catalog: CaseCatalog, req: RunRequest, findings: ProxyFindingCollector): Group[] {
  if (req.version && !isReferenceVersion(req.version)) throw new SelectionError(`the built-in reference peers speak OCPP 1.6 and 2.0.1, not ${req.version}; give --url or --port to test your own system`);
  const versions: Array<'1.6' | '2.0.1'> = req.version ? [req.version as '1.6' | '2.0.1'] : ['1.6', '2.0.1'];
  const roles: Side[] = req.sut ? [req.sut] : ['cs', 'csms'];
  const all = selectCases(catalog.cases, { patterns: req.patterns, version: req.version, sut: req.sut, profile: req.profile });
  const groups: Group[] = [];
  for (const version of versions) {
    for (const role of roles) {
      const cases = all.filter((c) => c.testCase.version === version && c.testCase.sut === role);
      const faults = (req.referenceFaults ?? []).filter((f) => FAULTS[f].peer === role);
      for (const build of groupByReferenceBuild(version, role, cases)) {
        const config = build.features ? { features: build.features, ...build.config, ...req.referenceConfig } : req.referenceConfig;
        const open = () => openReferenceTarget(version, role, { viaProxy: req.viaProxy, findings, faults, config });
        for (const shard of shardsOf(build.cases)) groups.push({ version, role, cases: shard, open });
      }
    }
  }
  return groups;
}

/** How many reference builds the embedded default runs at once. */
const EMBEDDED_CONCURRENCY = 4;
/** A reference build with more cases than this is split over several instances of it, run side by side. */
const EMBEDDED_SHARD_SIZE = 60;

/** Consecutive slices of at most about EMBEDDED_SHARD_SIZE cases, of even length; one (maybe empty) slice at least. */
function shardsOf(cases: LoadedCase[]): LoadedCase[][] {
  const count = Math.max(1, Math.ceil(cases.length / EMBEDDED_SHARD_SIZE));
  const size = Math.ceil(cases.length / count);
  return Array.from({ length: count }, (_, i) => cases.slice(i * size, (i + 1) * size));
}

/** `fn` over `items`, at most `limit` at a time; the results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function errorResult(c: LoadedCase, reason: string): CaseResult {
  const tc = c.testCase;
  return { id: tc.id, title: tc.title, version: tc.version, sut: tc.sut, profile: tc.profile, verdict: 'error', reason, startedAt: new Date().toISOString(), durationMs: 0, steps: [], frames: [] };
}

function identityFacts(sut: ResolvedSut): Record<string, string> {
  const facts: Record<string, string> = { identity: sut.identity };
  if (sut.role === 'csms') {
    facts.vendor = sut.vendor;
    facts.model = sut.model;
  }
  return facts;
}
