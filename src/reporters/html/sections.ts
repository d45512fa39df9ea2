import type { Finding } from '../../types.js';
import type { CaseResult, Report, StepResult, Summary } from '../report-model.js';
import { formatDuration, isVerdict, VERDICT_INFO, VERDICTS } from '../verdicts.js';
import { html, type SafeHtml } from './escape.js';

/**
 * The server-side rendered parts of the HTML report: header, summary, filters, and the case list with steps.
 * They work without JavaScript; the client script adds filtering and the message sequence view.
 * Class names that depend on data go through whitelists, never straight from the report.
 */

export function verdictClass(verdict: unknown): string {
  return isVerdict(verdict) ? `v-${verdict}` : 'v-unknown';
}

function verdictLabel(verdict: unknown): string {
  return isVerdict(verdict) ? VERDICT_INFO[verdict].label : String(verdict);
}

const STEP_VERDICTS = new Set(['passed', 'failed', 'error', 'skipped']);

const ROLE_NAME = { cs: 'charging station', csms: 'CSMS', both: 'charging station and CSMS (each case names its role)' } as const;

function roleName(role: unknown): string {
  return role === 'cs' || role === 'csms' || role === 'both' ? ROLE_NAME[role] : String(role);
}

function count(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : 0;
}

function statusLine(s: Summary): SafeHtml {
  const total = count(s.total);
  const failed = count(s.failed);
  const error = count(s.error);
  const passed = count(s.passed);
  let text: string;
  let cls: string;
  if (total === 0) {
    [text, cls] = ['No cases in this run', 'v-not-run'];
  } else if (failed + error > 0) {
    const parts = [failed > 0 ? `${failed} failed` : '', error > 0 ? `${error} with errors` : ''].filter(Boolean);
    [text, cls] = [`${parts.join(', ')}; ${passed} of ${total} passed`, failed > 0 ? 'v-failed' : 'v-error'];
  } else if (passed === total) {
    [text, cls] = [`All ${total} cases passed`, 'v-passed'];
  } else {
    [text, cls] = [`${passed} of ${total} cases passed, none failed`, passed > 0 ? 'v-passed' : 'v-not-run'];
  }
  return html`<p class="status ${cls}" id="status">${text}</p>`;
}

function kv(rows: Array<[string, unknown]>): SafeHtml {
  return html`<dl class="kv">${rows
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

export function renderHeader(report: Report): SafeHtml {
  const { run, sut } = report;
  const identity = Object.entries(sut.identity ?? {}).map(([k, v]): [string, unknown] => [k, v]);
  const schemas = (run.schemas ?? []).map((s) => `${s.ocppVersion}: ${s.package} ${s.packageVersion}`).join('; ');
  return html`<header>
<h1>OCPP conformance report</h1>
${statusLine(report.summary)}
<div class="meta">
<section aria-labelledby="h-sut"><h2 id="h-sut">System under test</h2>${kv([
    ['Role', roleName(sut.role)],
    ['Name', sut.name],
    ['OCPP version', sut.version],
    ['Endpoint', sut.endpoint],
    ...identity,
  ])}</section>
<section aria-labelledby="h-run"><h2 id="h-run">Run</h2>${kv([
    ['Run id', run.id],
    ['Started', run.startedAt],
    ['Finished', run.finishedAt],
    ['Duration', formatDuration(run.durationMs)],
    ['Command', html`<code>${run.command}</code>`],
    ['Via proxy', run.viaProxy ? 'yes' : 'no'],
    ['Tool', `${run.tool?.name ?? ''} ${run.tool?.version ?? ''}`],
    ['Schemas', schemas],
    ['Host', run.host ? `Node ${run.host.node} on ${run.host.platform}` : undefined],
  ])}</section>
</div>
</header>`;
}

export function renderSummary(summary: Summary): SafeHtml {
  const total = count(summary.total);
  const tiles = VERDICTS.map((v) => {
    const n = count(summary[VERDICT_INFO[v].summaryKey]);
    return html`<div class="tile ${verdictClass(v)}" data-verdict="${v}"><span class="n">${n}</span><span class="l">${VERDICT_INFO[v].label}</span></div>`;
  });
  const bar = VERDICTS.map((v) => {
    const n = count(summary[VERDICT_INFO[v].summaryKey]);
    return n > 0 && total > 0 ? html`<span class="${verdictClass(v)}" style="width:${((100 * n) / total).toFixed(3)}%" title="${n} ${VERDICT_INFO[v].label}"></span>` : '';
  });
  return html`<section class="summary" aria-label="Summary">
<div class="tiles"><div class="tile total" data-verdict="total"><span class="n">${total}</span><span class="l">cases</span></div>${tiles}</div>
<div class="bar" aria-hidden="true">${bar}</div>
</section>`;
}

export function renderFilters(summary: Summary): SafeHtml {
  const buttons = VERDICTS.map(
    (v) => html`<button type="button" data-verdict="${v}" aria-pressed="false">${VERDICT_INFO[v].label} (${count(summary[VERDICT_INFO[v].summaryKey])})</button>`,
  );
  return html`<nav class="filters js-only" id="filters" aria-label="Filter cases" hidden>
<button type="button" id="filter-all">all</button>${buttons}
<input type="search" id="filter-text" placeholder="search id, title, reason" aria-label="Search cases">
<button type="button" id="expand-all">expand all</button><button type="button" id="collapse-all">collapse all</button>
<span class="shown" id="filter-shown"></span>
</nav>`;
}

export function renderFindings(findings: readonly Finding[]): SafeHtml {
  return html`<ul class="findings">${findings.map(
    (f) =>
      html`<li class="${f.severity === 'warning' ? 'sev-warning' : 'sev-error'}"><span class="rule">${f.rule}</span> ${f.severity === 'warning' ? 'warning' : 'error'}${
        f.path ? html` at <code>${f.path}</code>` : ''
      }: ${f.message}${f.errorCode ? html`<span class="muted"> (answer with ${f.errorCode})</span>` : ''}</li>`,
  )}</ul>`;
}

function frameRefs(step: StepResult, caseIndex: number, frameCount: number): SafeHtml[] {
  return (step.frameRefs ?? []).map((ref) =>
    Number.isInteger(ref) && ref >= 0 && ref < frameCount
      ? html`<a class="fref" href="#f-${caseIndex}-${ref}" data-case="${caseIndex}" data-frame="${ref}">#${ref}</a>`
      : html`<span class="muted">#${ref} (missing)</span> `,
  );
}

function renderStep(step: StepResult, caseIndex: number, frameCount: number): SafeHtml {
  const vcls = STEP_VERDICTS.has(step.verdict) ? `v-${step.verdict}` : 'v-unknown';
  const hasDetail = step.expected !== undefined || step.actual !== undefined || (step.findings?.length ?? 0) > 0;
  const detail = hasDetail
    ? html`<tr class="step-detail"><td></td><td colspan="4">${
        step.expected !== undefined || step.actual !== undefined
          ? html`<div class="ea">${step.expected !== undefined ? html`<span>Expected</span><pre class="expected">${step.expected}</pre>` : ''}${
              step.actual !== undefined ? html`<span>Actual</span><pre class="actual">${step.actual}</pre>` : ''
            }</div>`
          : ''
      }${step.findings?.length ? renderFindings(step.findings) : ''}</td></tr>`
    : '';
  return html`<tr class="step"><td class="idx">${step.index}</td><td class="desc">${step.description}</td><td class="vtext ${vcls}">${step.verdict}</td><td class="time">${formatDuration(
    step.durationMs,
  )}</td><td>${frameRefs(step, caseIndex, frameCount)}</td></tr>${detail}`;
}

function renderSteps(c: CaseResult, caseIndex: number): SafeHtml {
  const steps = c.steps ?? [];
  if (steps.length === 0) return html`<p class="note">No steps ran.</p>`;
  const frameCount = (c.frames ?? []).length;
  return html`<table class="steps"><thead><tr><th>#</th><th>Step</th><th>Verdict</th><th>Time</th><th>Frames</th></tr></thead><tbody>${steps.map((s) =>
    renderStep(s, caseIndex, frameCount),
  )}</tbody></table>`;
}

export function renderCase(c: CaseResult, index: number): SafeHtml {
  const frames = c.frames ?? [];
  const findingCount = frames.reduce((n, f) => n + (f.errors?.length ?? 0), 0);
  const onlyWarnings = frames.every((f) => (f.errors ?? []).every((e) => e.severity === 'warning'));
  const meta = [c.version, c.sut === 'cs' ? 'CS' : c.sut === 'csms' ? 'CSMS' : String(c.sut), c.profile].filter(Boolean).join(' · ');
  return html`<li class="case ${verdictClass(c.verdict)}" data-verdict="${isVerdict(c.verdict) ? c.verdict : 'unknown'}" data-index="${index}">
<details><summary><span class="badge ${verdictClass(c.verdict)}">${verdictLabel(c.verdict)}</span><span class="cid">${c.id}</span><span class="ctitle">${c.title}${
    findingCount > 0 ? html`<span class="${onlyWarnings ? 'flag warn' : 'flag'}" title="findings on this case's frames">⚠ ${findingCount} ${findingCount === 1 ? 'finding' : 'findings'}</span>` : ''
  }</span><span class="cmeta">${meta}</span><span class="ctime">${formatDuration(c.durationMs)}</span>${
    c.reason ? html`<span class="creason">${c.reason}</span>` : ''
  }</summary>
<div class="case-body">
<h3>Steps</h3>
${renderSteps(c, index)}
<h3>Message sequence (${frames.length} ${frames.length === 1 ? 'frame' : 'frames'})</h3>
<div class="seq-slot"><noscript><p class="note">The message sequence view needs JavaScript; every frame is in report.json and in this page's embedded data.</p></noscript></div>
</div></details></li>`;
}

export function renderCases(report: Report): SafeHtml {
  if (report.cases.length === 0) return html`<p class="note">This run has no cases.</p>`;
  return html`<ol class="cases" id="cases">${report.cases.map((c, i) => renderCase(c, i))}</ol>`;
}

export function renderProxyFindings(report: Report): SafeHtml | '' {
  if (!report.proxyFindings?.length) return '';
  return html`<section class="proxy-findings" aria-labelledby="h-proxy"><h2 id="h-proxy">Findings of the proxy</h2>${renderFindings(report.proxyFindings)}</section>`;
}
