import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renderHtmlReport } from './html-report.js';
import { DEFAULT_REPORTS_ROOT, writeJsonReport } from './json-report.js';
import { renderJunit } from './junit-report.js';
import type { Report } from './report-model.js';
import { redactReport } from './redact-report.js';

export interface ReportPaths {
  /** `<root>/<run id>` */
  dir: string;
  json: string;
  html: string;
  junit: string;
}

/**
 * Writes report.json, report.html and junit.xml into `<root>/<run id>/` (creating it) and returns their paths.
 * All three are rendered from the same report, after redactReport (secrets in frames, and texts quoting them).
 */
export async function writeReports(input: Report, root: string = DEFAULT_REPORTS_ROOT): Promise<ReportPaths> {
  const report = redactReport(input);
  const json = await writeJsonReport(report, root);
  const dir = dirname(json);
  const html = join(dir, 'report.html');
  const junit = join(dir, 'junit.xml');
  await Promise.all([writeFile(html, renderHtmlReport(report), 'utf8'), writeFile(junit, renderJunit(report), 'utf8')]);
  return { dir, json, html, junit };
}
