import { createHash } from 'node:crypto';

/**
 * The page of the live view: plain DOM built with textContent only (frame content is never markup), one inline
 * script allowed by its hash, no network but its own event stream. Rows are kept to the last MAX_ROWS; a filter
 * matches station, action, message id, rule or text; a click on a row shows the frame and its findings.
 */
const SCRIPT = `
'use strict';
const MAX_ROWS = 5000;
const rows = document.getElementById('rows');
const filter = document.getElementById('filter');
const pause = document.getElementById('pause');
const status = document.getElementById('status');
const counts = { frames: 0, invalid: 0, stations: new Set(), skipped: 0 };
let paused = false;
const held = [];

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}
const ARROWS = { 'cs->csms': '\\u2192', 'csms->cs': '\\u2190' };
function haystack(r) {
  return [r.station, r.action, r.id, r.event, r.type, r.raw, ...(r.errors || []).map((e) => e.rule + ' ' + e.message)].join(' ').toLowerCase();
}
function matches(tr) {
  const q = filter.value.trim().toLowerCase();
  return !q || tr.dataset.text.includes(q);
}
function detail(r) {
  const tr = document.createElement('tr');
  tr.className = 'detail';
  const td = document.createElement('td');
  td.colSpan = 8;
  const pre = document.createElement('pre');
  let text = r.raw;
  try { text = JSON.stringify(JSON.parse(r.raw), null, 2); } catch (e) { /* shown as it crossed */ }
  pre.textContent = r.binary ? 'binary (base64): ' + r.raw : text;
  td.appendChild(pre);
  const list = document.createElement('ul');
  for (const f of r.errors || []) {
    const li = document.createElement('li');
    li.className = f.severity === 'error' ? 'bad' : 'warn';
    li.textContent = f.rule + (f.path ? ' at ' + f.path : '') + ': ' + f.message;
    list.appendChild(li);
  }
  td.appendChild(list);
  tr.appendChild(td);
  return tr;
}
function add(kind, r) {
  const tr = document.createElement('tr');
  tr.className = kind === 'event' ? 'event' : r.valid ? 'frame' : 'frame invalid';
  cell(tr, (r.ts || '').slice(11, 23), 'ts');
  cell(tr, r.station || '-', 'station');
  if (kind === 'event') {
    cell(tr, '\\u25CF', 'dir');
    cell(tr, r.event, 'type');
    const rest = Object.entries(r).filter(([k]) => !['ts', 'station', 'event'].includes(k)).map(([k, v]) => k + '=' + (typeof v === 'string' ? v : JSON.stringify(v))).join(' ');
    const td = cell(tr, rest, 'summary');
    td.colSpan = 4;
    tr.dataset.text = haystack(r) + ' ' + rest.toLowerCase();
  } else {
    counts.frames++;
    if (!r.valid) counts.invalid++;
    counts.stations.add(r.station);
    cell(tr, ARROWS[r.dir] || r.dir, 'dir');
    cell(tr, r.type, 'type');
    cell(tr, r.action || '', 'action');
    cell(tr, r.id || '', 'id');
    cell(tr, r.latencyMs === undefined ? '' : r.latencyMs + ' ms', 'latency');
    cell(tr, (r.errors || []).map((e) => e.rule).join(', '), 'rules');
    tr.dataset.text = haystack(r);
    tr.tabIndex = 0;
    const toggle = () => {
      const next = tr.nextElementSibling;
      if (next && next.classList.contains('detail')) next.remove();
      else tr.after(detail(r));
    };
    tr.addEventListener('click', toggle);
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') toggle(); });
  }
  tr.hidden = !matches(tr);
  const atBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 40;
  rows.appendChild(tr);
  while (rows.children.length > MAX_ROWS) rows.firstElementChild.remove();
  if (atBottom) window.scrollTo(0, document.body.scrollHeight);
  showCounts();
}
function showCounts() {
  const skipped = counts.skipped ? ', ' + counts.skipped + ' records skipped (this browser fell behind)' : '';
  status.textContent = counts.stations.size + ' stations, ' + counts.frames + ' frames, ' + counts.invalid + ' invalid' + skipped + (paused ? ', paused (' + held.length + ' waiting)' : '');
}
function receive(kind, data) {
  let r;
  try { r = JSON.parse(data); } catch (e) { return; }
  if (paused) held.push([kind, r]);
  else add(kind, r);
  showCounts();
}
filter.addEventListener('input', () => {
  for (const tr of rows.children) tr.hidden = tr.classList.contains('detail') ? tr.previousElementSibling.hidden : !matches(tr);
});
pause.addEventListener('click', () => {
  paused = !paused;
  pause.textContent = paused ? 'Resume' : 'Pause';
  if (!paused) for (const [kind, r] of held.splice(0)) add(kind, r);
  showCounts();
});
const source = new EventSource('events');
source.addEventListener('frame', (e) => receive('frame', e.data));
source.addEventListener('event', (e) => receive('event', e.data));
source.addEventListener('skipped', (e) => { counts.skipped += Number(e.data) || 0; showCounts(); });
source.addEventListener('error', () => { status.textContent = 'disconnected from the proxy; retrying\\u2026'; });
source.addEventListener('open', showCounts);
`;

const STYLE = `
body { font: 13px/1.4 system-ui, sans-serif; margin: 0; color: #1d2330; background: #fafbfc; }
header { position: sticky; top: 0; background: #1d2330; color: #fff; padding: 8px 12px; display: flex; gap: 12px; align-items: center; }
header h1 { font-size: 15px; margin: 0; font-weight: 600; }
header input { flex: 0 1 320px; padding: 4px 6px; }
#status { margin-left: auto; color: #c9d1e0; }
table { border-collapse: collapse; width: 100%; font-family: ui-monospace, monospace; font-size: 12px; }
th { text-align: left; padding: 4px 8px; color: #5a6478; font-weight: 600; border-bottom: 2px solid #d5dae3; }
td { padding: 2px 8px; border-bottom: 1px solid #e6e9ef; white-space: nowrap; vertical-align: top; }
tr.frame { cursor: pointer; }
tr.frame:hover { background: #eef2f8; }
tr.invalid td { background: #fdecec; }
tr.invalid td.rules { color: #a01818; font-weight: 600; }
tr.event td { color: #5a6478; background: #f2f4f7; }
td.summary { white-space: normal; }
tr.detail pre { margin: 4px 0; white-space: pre-wrap; word-break: break-all; }
li.bad { color: #a01818; } li.warn { color: #8a5a00; }
`;

if (/<\/script|<!--/i.test(SCRIPT) || /<\/style/i.test(STYLE)) throw new Error('the live view page must not close its own script or style early');

const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}`;

export const LIVE_VIEW_CSP = [
  "default-src 'none'",
  `script-src '${SCRIPT_HASH}'`,
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const LIVE_VIEW_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ocpp-harness proxy · live</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>ocpp-harness proxy · live</h1><input id="filter" type="search" placeholder="filter: station, action, id, rule, text" aria-label="filter"><button id="pause" type="button">Pause</button><span id="status">connecting…</span></header>
<table><thead><tr><th>time</th><th>station</th><th></th><th>type</th><th>action</th><th>id</th><th>latency</th><th>findings</th></tr></thead><tbody id="rows"></tbody></table>
<script>${SCRIPT}</script>
</body>
</html>
`;
