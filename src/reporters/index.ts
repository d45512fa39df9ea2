/** What the runner and the CLI use from the reporters. */
export type { CaseResult, Report, RunInfo, StepResult, Summary, SutInfo, Verdict } from './report-model.js';
export { ConsoleReporter, type ConsoleReporterOptions, type RunReporter, type RunStartInfo } from './console-reporter.js';
export { renderHtmlReport } from './html-report.js';
export { DEFAULT_REPORTS_ROOT, makeRunId, runDir, serializeReport, writeJsonReport } from './json-report.js';
export { renderJunit } from './junit-report.js';
export { redactReport } from './redact-report.js';
export { validateReport, REPORT_SCHEMA_PATH } from './report-schema.js';
export { formatDuration, summarize, VERDICTS, VERDICT_INFO } from './verdicts.js';
export { writeReports, type ReportPaths } from './write-reports.js';
