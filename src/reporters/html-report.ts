import { createHash } from 'node:crypto';
import type { Report } from './report-model.js';
import { CLIENT_SCRIPT } from './html/client-script.js';
import { html, jsonForScript, SafeHtml } from './html/escape.js';
import { renderCases, renderFilters, renderHeader, renderProxyFindings, renderSummary } from './html/sections.js';
import { REPORT_CSS } from './html/style.js';

/**
 * report.html: one self-contained page rendered from the report alone. Inline CSS and one inline script, no
 * network. The header, summary and case list (with steps) are server-side rendered and escaped, so they read
 * without JavaScript; the report itself is embedded as JSON, from which the script builds the filters and the
 * message sequence view with textContent only. A Content-Security-Policy allows nothing but the inline style
 * and that one script (by hash), so even markup that slipped through could neither run nor load anything.
 */

if (/<\/script|<!--/i.test(CLIENT_SCRIPT)) throw new Error('the report client script must not contain </script or <!--');
if (/<\/style/i.test(REPORT_CSS)) throw new Error('the report stylesheet must not contain </style');

/** The CSP source expression of the client script: its sha256, base64. */
export const CLIENT_SCRIPT_HASH = `sha256-${createHash('sha256').update(CLIENT_SCRIPT, 'utf8').digest('base64')}`;

export const REPORT_CSP = [
  "default-src 'none'",
  `script-src '${CLIENT_SCRIPT_HASH}'`,
  "style-src 'unsafe-inline'",
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The whole report page as a string (UTF-8 when written). Pure: the same report gives the same page. */
export function renderHtmlReport(report: Report): string {
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${report.run.tool?.name ?? 'ocpp-harness'} ${report.run.tool?.version ?? ''}">
<title>OCPP report · ${report.sut.name} · ${report.run.id}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<div class="page">
${renderHeader(report)}
${renderSummary(report.summary)}
${renderProxyFindings(report)}
<main>
<h2>Cases</h2>
${renderFilters(report.summary)}
${renderCases(report)}
</main>
<footer>Rendered by ocpp-harness from report.json (report format ${report.reportFormat}). This file is self-contained and needs no network.</footer>
</div>
<script type="application/json" id="report-data">${new SafeHtml(jsonForScript(report))}</script>
<script>${new SafeHtml(CLIENT_SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}
