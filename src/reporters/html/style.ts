/** The HTML report's stylesheet (inline; system fonts only, nothing loaded). */
export const REPORT_CSS = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa;
  --passed: #1a7f37; --failed: #cf222e; --error: #bc4c00; --not-applicable: #6e7781; --not-run: #8a6100;
  --passed-bg: #dafbe1; --failed-bg: #ffebe9; --error-bg: #fff1e5; --not-applicable-bg: #eff2f5; --not-run-bg: #fff8c5;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
.page { max-width: 1280px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 0 0 8px; }
h3 { font-size: 13px; margin: 14px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
code, pre, .mono { font-family: var(--mono); font-size: 12.5px; }
.muted { color: var(--muted); }
.status { font-size: 16px; font-weight: 600; margin: 0 0 16px; }
.status.v-passed { color: var(--passed); } .status.v-failed { color: var(--failed); } .status.v-error { color: var(--error); }
.status.v-not-applicable, .status.v-not-run { color: var(--muted); }
.meta { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 12px; margin-bottom: 16px; }
.meta section { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; overflow-wrap: anywhere; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin-bottom: 8px; }
.tile { min-width: 120px; padding: 8px 14px; border-radius: 6px; border: 1px solid var(--line); border-left-width: 6px; background: var(--panel); }
.tile .n { display: block; font-size: 24px; font-weight: 700; line-height: 1.1; }
.tile .l { color: var(--muted); }
.tile.v-passed { border-left-color: var(--passed); } .tile.v-passed .n { color: var(--passed); }
.tile.v-failed { border-left-color: var(--failed); } .tile.v-failed .n { color: var(--failed); }
.tile.v-error { border-left-color: var(--error); } .tile.v-error .n { color: var(--error); }
.tile.v-not-applicable { border-left-color: var(--not-applicable); } .tile.v-not-applicable .n { color: var(--not-applicable); }
.tile.v-not-run { border-left-color: var(--not-run); } .tile.v-not-run .n { color: var(--not-run); }
.tile.total { border-left-color: var(--fg); }
.bar { display: flex; height: 8px; border-radius: 4px; overflow: hidden; background: var(--line); margin-bottom: 18px; }
.bar span { display: block; height: 100%; }
.bar .v-passed { background: var(--passed); } .bar .v-failed { background: var(--failed); } .bar .v-error { background: var(--error); }
.bar .v-not-applicable { background: var(--not-applicable); } .bar .v-not-run { background: var(--not-run); }
.proxy-findings { margin-bottom: 16px; }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 0 0 10px; padding: 8px 0; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: var(--bg); z-index: 2; }
.filters button, .btn { font: inherit; padding: 3px 10px; border: 1px solid var(--line); border-radius: 14px; background: var(--bg); color: var(--fg); cursor: pointer; }
.filters button[aria-pressed="true"] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
.filters input { font: inherit; padding: 3px 8px; border: 1px solid var(--line); border-radius: 6px; min-width: 220px; }
.filters .shown { margin-left: auto; color: var(--muted); }
.badge { display: inline-block; min-width: 104px; text-align: center; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.v-passed, .vtext.v-passed { color: var(--passed); } .badge.v-passed { background: var(--passed-bg); }
.badge.v-failed, .vtext.v-failed { color: var(--failed); } .badge.v-failed { background: var(--failed-bg); }
.badge.v-error, .vtext.v-error { color: var(--error); } .badge.v-error { background: var(--error-bg); }
.badge.v-not-applicable, .vtext.v-not-applicable { color: var(--not-applicable); } .badge.v-not-applicable { background: var(--not-applicable-bg); }
.badge.v-not-run, .vtext.v-not-run { color: var(--not-run); } .badge.v-not-run { background: var(--not-run-bg); }
.vtext.v-skipped { color: var(--muted); }
ol.cases { list-style: none; margin: 0; padding: 0; }
li.case { border: 1px solid var(--line); border-radius: 6px; margin-bottom: 6px; border-left: 5px solid var(--line); }
li.case.v-passed { border-left-color: var(--passed); } li.case.v-failed { border-left-color: var(--failed); } li.case.v-error { border-left-color: var(--error); }
li.case.v-not-applicable { border-left-color: var(--not-applicable); } li.case.v-not-run { border-left-color: var(--not-run); }
li.case > details > summary { cursor: pointer; padding: 7px 10px; display: grid; grid-template-columns: 112px minmax(110px, 190px) 1fr auto 72px; gap: 2px 12px; align-items: baseline; list-style: none; }
li.case > details > summary::-webkit-details-marker { display: none; }
li.case > details > summary:hover { background: var(--panel); }
li.case > details[open] > summary { border-bottom: 1px solid var(--line); background: var(--panel); }
.cid { font-family: var(--mono); font-weight: 600; overflow-wrap: anywhere; }
.ctitle { overflow-wrap: anywhere; }
.cmeta { color: var(--muted); white-space: nowrap; font-size: 12px; }
.ctime { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.creason { grid-column: 2 / -1; color: var(--muted); overflow-wrap: anywhere; white-space: pre-wrap; }
li.case.v-failed .creason { color: var(--failed); } li.case.v-error .creason { color: var(--error); }
.flag { color: var(--failed); font-weight: 600; font-size: 12px; margin-left: 6px; white-space: nowrap; }
.flag.warn { color: var(--error); }
.case-body { padding: 4px 14px 14px; }
table.steps { border-collapse: collapse; width: 100%; }
table.steps th, table.steps td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
table.steps th { color: var(--muted); font-weight: 600; font-size: 12px; }
table.steps td.idx { font-family: var(--mono); white-space: nowrap; }
table.steps td.desc { overflow-wrap: anywhere; width: 60%; }
table.steps td.time { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.steps tr.step-detail td { background: var(--panel); }
.ea { display: grid; grid-template-columns: max-content 1fr; gap: 4px 10px; }
.ea > span { color: var(--muted); font-weight: 600; }
.ea pre, pre.raw { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 24em; overflow: auto; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 4px 8px; }
ul.findings { margin: 4px 0; padding-left: 18px; }
ul.findings li { overflow-wrap: anywhere; }
ul.findings .rule { font-family: var(--mono); font-weight: 600; }
ul.findings .sev-error .rule { color: var(--failed); } ul.findings .sev-warning .rule { color: var(--error); }
ul.findings code { background: var(--panel); padding: 0 3px; border-radius: 3px; }
a.fref { font-family: var(--mono); margin-right: 4px; }
.seq { margin-top: 4px; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.seq-head, .seq-row { display: grid; grid-template-columns: 78px 1fr; }
.seq-head { background: var(--panel); border-bottom: 1px solid var(--line); font-weight: 600; }
.seq-head > div { padding: 6px 8px; }
.seq-lanes { display: flex; justify-content: space-between; gap: 12px; }
.seq-lanes .lane { overflow-wrap: anywhere; max-width: 45%; }
.seq-lanes .lane-csms { text-align: right; }
.seq-row { width: 100%; font: inherit; color: inherit; text-align: left; background: none; border: 0; padding: 0; cursor: pointer; }
.seq-row:hover, .seq-row[aria-expanded="true"] { background: var(--panel); }
.seq-row:focus-visible { outline: 2px solid #0969da; outline-offset: -2px; }
.seq-row.flash { background: #fff8c5; }
.seq-time { padding: 13px 8px 0; color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.seq-track { display: block; position: relative; margin: 0 18px; padding: 4px 14px 6px; border-left: 3px solid #8c959f; border-right: 3px solid #8c959f; min-width: 0; }
.seq-label, .seq-sub { display: block; text-align: center; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.seq-label { font-weight: 600; }
.seq-label .act { font-family: var(--mono); }
.seq-sub { font-size: 12px; color: var(--muted); }
.arrow { display: block; position: relative; height: 0; border-top: 2px solid var(--fg); margin: 3px 0; }
.arrow::after { content: ""; position: absolute; top: -7px; border: 6px solid transparent; }
.to-csms .arrow { margin-right: -14px; margin-left: -14px; } .to-csms .arrow::after { right: -2px; border-left: 10px solid var(--fg); border-right: 0; }
.to-cs .arrow { margin-left: -14px; margin-right: -14px; } .to-cs .arrow::after { left: -2px; border-right: 10px solid var(--fg); border-left: 0; }
.t-result .arrow, .t-error .arrow { border-top-style: dashed; }
.t-error .arrow { border-top-color: var(--error); } .t-error.to-csms .arrow::after { border-left-color: var(--error); } .t-error.to-cs .arrow::after { border-right-color: var(--error); }
.t-invalid .arrow { border-top-style: dotted; border-top-color: var(--failed); } .t-invalid.to-csms .arrow::after { border-left-color: var(--failed); } .t-invalid.to-cs .arrow::after { border-right-color: var(--failed); }
.seq-row.bad .seq-label { color: var(--failed); } .seq-row.warn .seq-label { color: var(--error); }
.seq-row.bad { background: #fff5f5; }
.stepref { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 8px; background: #ddf4ff; color: #0550ae; margin-left: 4px; }
.seq-conn { text-align: center; font-size: 12px; color: var(--muted); padding: 4px; border-top: 1px dashed var(--line); border-bottom: 1px dashed var(--line); background: var(--panel); overflow-wrap: anywhere; }
.seq-detail { padding: 8px 14px 12px 96px; border-bottom: 1px solid var(--line); background: var(--panel); }
.seq-detail .fmeta { color: var(--muted); font-size: 12px; margin-bottom: 4px; overflow-wrap: anywhere; }
.seq-detail .btn { font-size: 12px; margin: 4px 0; }
.note { color: var(--muted); font-style: italic; }
footer { margin-top: 28px; color: var(--muted); font-size: 12px; }
html:not(.js) .js-only { display: none !important; }
@media print { .filters { display: none; } li.case > details > summary { break-inside: avoid; } }
`;
