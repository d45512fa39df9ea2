import { redactFrameRecord, scrubText, secretsIn } from '../log/redact.js';
import type { Finding } from '../types.js';
import type { Report } from './report-model.js';

/**
 * A last line of defence before a report leaves the process: every frame goes through the frame-log redaction
 * (src/log/redact.ts), and any secret those frames carried is scrubbed from the texts derived from them (reasons,
 * step expectations and actual values, finding messages). A report without secrets comes back unchanged.
 */
export function redactReport(report: Report): Report {
  const secrets = new Set<string>();
  for (const c of report.cases) {
    for (const f of c.frames) {
      for (const s of secretsIn(f.binary ? Buffer.from(f.raw, 'base64').toString('utf8') : f.raw)) secrets.add(s);
    }
  }
  const list = [...secrets];
  const scrub = (text: string): string => (list.length === 0 ? text : scrubText(text, list));
  const scrubFindings = (findings: Finding[]): Finding[] => findings.map((f) => ({ ...f, message: scrub(f.message) }));
  const cases = report.cases.map((c) => {
    const frames = c.frames.map((f) => redactFrameRecord(f));
    const changed = list.length > 0 || frames.some((f, i) => f !== c.frames[i]);
    if (!changed) return c;
    const out = {
      ...c,
      frames,
      steps: c.steps.map((s) => {
        const step = { ...s };
        if (s.expected !== undefined) step.expected = scrub(s.expected);
        if (s.actual !== undefined) step.actual = scrub(s.actual);
        if (s.findings) step.findings = scrubFindings(s.findings);
        return step;
      }),
    };
    if (c.reason !== undefined) out.reason = scrub(c.reason);
    return out;
  });
  const out: Report = { ...report, cases };
  if (report.proxyFindings) out.proxyFindings = scrubFindings(report.proxyFindings);
  return out;
}
