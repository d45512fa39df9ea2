import type { FrameRecord } from '../types.js';
import type { CaseResult, Report, StepResult, Summary } from './report-model.js';
import { summarize } from './verdicts.js';
import { xmlAttr, xmlText } from './xml-escape.js';

/**
 * junit.xml for CI systems: one <testsuite> per OCPP version and role under test (classname `ocpp1.6.cs`),
 * one <testcase> per case named `<id>: <title>`, time in seconds. Failed cases get <failure message=reason>,
 * error cases <error message=reason>, both with the failed step, what was expected, what came, its findings and
 * its evidence frames in the body; not-applicable and not-run cases get <skipped message=reason>.
 */

/** Evidence frames in a failure body are cut to this many characters each; report.json has them whole. */
export const MAX_EVIDENCE_CHARS = 4000;

export function junitClassname(c: Pick<CaseResult, 'version' | 'sut'>): string {
  return `ocpp${c.version}.${c.sut}`;
}

const seconds = (ms: number): string => (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);

function attrs(pairs: Array<[string, string | number | undefined]>): string {
  return pairs
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

function counts(s: Summary): Array<[string, number]> {
  return [
    ['tests', s.total],
    ['failures', s.failed],
    ['errors', s.error],
    ['skipped', s.notApplicable + s.notRun],
  ];
}

function frameLine(index: number, f: FrameRecord | undefined): string {
  if (!f) return `  #${index}: (no such frame in this case)`;
  const raw = f.raw.length > MAX_EVIDENCE_CHARS ? `${f.raw.slice(0, MAX_EVIDENCE_CHARS)}… (${f.raw.length - MAX_EVIDENCE_CHARS} more characters in report.json)` : f.raw;
  return `  #${index} ${f.ts} ${f.dir} ${f.type}${f.action ? ` ${f.action}` : ''}${f.binary ? ' (binary, base64)' : ''}: ${raw}`;
}

/** The body of <failure>/<error>: the reason, then the first step with that verdict, in lines a person reads. */
export function failureDetails(c: CaseResult): string {
  const lines: string[] = [c.reason ?? `verdict ${c.verdict}`];
  const step: StepResult | undefined = c.steps.find((s) => s.verdict === c.verdict) ?? c.steps.find((s) => s.verdict === 'failed' || s.verdict === 'error');
  if (step) {
    lines.push('', `Step ${step.index} (${step.verdict}): ${step.description}`);
    if (step.expected !== undefined) lines.push(`Expected: ${step.expected}`);
    if (step.actual !== undefined) lines.push(`Actual: ${step.actual}`);
    for (const f of step.findings ?? []) lines.push(`Finding ${f.rule} (${f.severity})${f.path ? ` at ${f.path}` : ''}: ${f.message}`);
    if (step.frameRefs?.length) lines.push('Evidence frames:', ...step.frameRefs.map((i) => frameLine(i, c.frames[i])));
  }
  return lines.join('\n');
}

function renderTestcase(c: CaseResult): string {
  const open = `    <testcase${attrs([
    ['classname', junitClassname(c)],
    ['name', `${c.id}: ${c.title}`],
    ['time', seconds(c.durationMs)],
  ])}`;
  const reason = c.reason ?? '';
  switch (c.verdict) {
    case 'passed':
      return `${open}/>`;
    case 'failed':
      return `${open}>\n      <failure${attrs([['message', reason], ['type', 'failed']])}>${xmlText(failureDetails(c))}</failure>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error${attrs([['message', reason], ['type', 'error']])}>${xmlText(failureDetails(c))}</error>\n    </testcase>`;
    case 'not-applicable':
    case 'not-run':
      return `${open}>\n      <skipped${attrs([['message', reason]])}>${xmlText(c.verdict === 'not-run' ? 'not run' : 'not applicable')}</skipped>\n    </testcase>`;
  }
}

function renderSuite(name: string, cases: CaseResult[], report: Report): string {
  const first = cases[0]!;
  const time = cases.reduce((t, c) => t + (Number.isFinite(c.durationMs) ? c.durationMs : 0), 0);
  const props: Array<[string, string | undefined]> = [
    ['ocpp.version', first.version],
    ['sut.role', first.sut],
    ['sut.name', report.sut.name],
    ['sut.endpoint', report.sut.endpoint],
    ['run.id', report.run.id],
    ['tool.version', report.run.tool?.version],
  ];
  const properties = props
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `      <property${attrs([['name', k], ['value', v]])}/>`)
    .join('\n');
  return [
    `  <testsuite${attrs([['name', name], ...counts(summarize(cases)), ['time', seconds(time)], ['timestamp', first.startedAt]])}>`,
    `    <properties>\n${properties}\n    </properties>`,
    ...cases.map(renderTestcase),
    '  </testsuite>',
  ].join('\n');
}

/** junit.xml for the report, as a string (UTF-8 when written). Pure. */
export function renderJunit(report: Report): string {
  const suites = new Map<string, CaseResult[]>();
  for (const c of report.cases) {
    const key = junitClassname(c);
    const list = suites.get(key);
    if (list) list.push(c);
    else suites.set(key, [c]);
  }
  const total = summarize(report.cases);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs([['name', `ocpp-harness run ${report.run.id}`], ...counts(total), ['time', seconds(report.run.durationMs)], ['timestamp', report.run.startedAt]])}>`,
    ...[...suites].map(([name, cases]) => renderSuite(name, cases, report)),
    '</testsuites>',
    '',
  ].join('\n');
}
