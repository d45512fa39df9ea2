import type { CaseResult, Summary, Verdict } from './report-model.js';

/** Every case verdict, in the order reports list them. */
export const VERDICTS: readonly Verdict[] = ['passed', 'failed', 'error', 'not-applicable', 'not-run'];

/** How each verdict is shown: a word for people, a symbol for the console, and its key in `Summary`. */
export const VERDICT_INFO: Readonly<Record<Verdict, { label: string; symbol: string; summaryKey: Exclude<keyof Summary, 'total'> }>> = {
  passed: { label: 'passed', symbol: '✔', summaryKey: 'passed' },
  failed: { label: 'failed', symbol: '✖', summaryKey: 'failed' },
  error: { label: 'error', symbol: '!', summaryKey: 'error' },
  'not-applicable': { label: 'not applicable', symbol: '–', summaryKey: 'notApplicable' },
  'not-run': { label: 'not run', symbol: '○', summaryKey: 'notRun' },
};

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

/** Counts the cases by verdict, as the report's `summary` holds them (a case with an unknown verdict counts in the total only). */
export function summarize(cases: readonly Pick<CaseResult, 'verdict'>[]): Summary {
  const summary: Summary = { total: cases.length, passed: 0, failed: 0, error: 0, notApplicable: 0, notRun: 0 };
  for (const c of cases) if (isVerdict(c.verdict)) summary[VERDICT_INFO[c.verdict].summaryKey] += 1;
  return summary;
}

/** A duration for people: `850 ms`, `1.24 s`, `2 min 05 s`; a dash for anything that is not a finite number. */
export function formatDuration(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  return `${minutes} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
}
