/**
 * The HTML report's only script (inline; allowed by its sha256 hash in the page's Content-Security-Policy).
 * It reads the report from the `application/json` block and builds DOM with createElement/textContent only:
 * no innerHTML, no eval, no URLs. It adds the verdict filter and search, and builds each case's message
 * sequence view the first time the case is opened. Plain ES2017 so it runs in any current browser.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var report;
  try {
    report = JSON.parse(document.getElementById('report-data').textContent);
  } catch (e) {
    var p = document.createElement('p');
    p.className = 'note';
    p.textContent = 'The embedded report data could not be read; the sequence view is unavailable.';
    document.body.insertBefore(p, document.body.firstChild);
    return;
  }
  var cases = report.cases || [];
  var VERDICT_CLASS = { passed: 'v-passed', failed: 'v-failed', error: 'v-error', 'not-applicable': 'v-not-applicable', 'not-run': 'v-not-run', skipped: 'v-skipped' };
  var TYPE_CLASS = { CALL: 't-call', SEND: 't-call', CALLRESULT: 't-result', CALLERROR: 't-error', CALLRESULTERROR: 't-error', INVALID: 't-invalid' };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function str(v) { return v === undefined || v === null ? '' : String(v); }
  function seconds(ms) { return (ms / 1000).toFixed(3) + ' s'; }

  /* ---- filter by verdict and text ---- */
  var items = Array.prototype.slice.call(document.querySelectorAll('#cases > li.case'));
  var nav = document.getElementById('filters');
  var search = document.getElementById('filter-text');
  var shownEl = document.getElementById('filter-shown');
  var verdictButtons = Array.prototype.slice.call(nav.querySelectorAll('button[data-verdict]'));
  var haystack = items.map(function (li) {
    var c = cases[Number(li.getAttribute('data-index'))] || {};
    return (str(c.id) + ' ' + str(c.title) + ' ' + str(c.reason) + ' ' + str(c.profile)).toLowerCase();
  });
  function applyFilter() {
    var wanted = verdictButtons.filter(function (b) { return b.getAttribute('aria-pressed') === 'true'; })
      .map(function (b) { return b.getAttribute('data-verdict'); });
    var q = search.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (li, i) {
      var ok = (wanted.length === 0 || wanted.indexOf(li.getAttribute('data-verdict')) >= 0) && (q === '' || haystack[i].indexOf(q) >= 0);
      li.hidden = !ok;
      if (ok) shown++;
    });
    shownEl.textContent = shown === items.length ? 'showing all ' + items.length + ' cases' : 'showing ' + shown + ' of ' + items.length + ' cases';
  }
  verdictButtons.forEach(function (b) {
    b.addEventListener('click', function () {
      b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
      applyFilter();
    });
  });
  document.getElementById('filter-all').addEventListener('click', function () {
    verdictButtons.forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
    search.value = '';
    applyFilter();
  });
  search.addEventListener('input', applyFilter);
  document.getElementById('expand-all').addEventListener('click', function () {
    items.forEach(function (li) { if (!li.hidden) openCase(li); });
  });
  document.getElementById('collapse-all').addEventListener('click', function () {
    items.forEach(function (li) { li.querySelector('details').open = false; });
  });
  nav.hidden = false;
  applyFilter();

  /* ---- message sequence view ---- */
  function findingsList(findings) {
    var ul = el('ul', 'findings');
    findings.forEach(function (f) {
      var li = el('li', f.severity === 'warning' ? 'sev-warning' : 'sev-error');
      li.appendChild(el('span', 'rule', f.rule));
      li.appendChild(document.createTextNode(' ' + (f.severity === 'warning' ? 'warning' : 'error')));
      if (f.path) {
        li.appendChild(document.createTextNode(' at '));
        li.appendChild(el('code', '', f.path));
      }
      li.appendChild(document.createTextNode(': ' + str(f.message)));
      if (f.errorCode) li.appendChild(el('span', 'muted', ' (answer with ' + f.errorCode + ')'));
      ul.appendChild(li);
    });
    return ul;
  }

  function prettyRaw(f) {
    if (f.binary) return { text: str(f.raw), note: 'binary WebSocket message, shown as base64' };
    try {
      var value = JSON.parse(f.raw);
      var pretty;
      if (Array.isArray(value) && value.length > 0) {
        /* the OCPP-J envelope on one line, its last element (payload or error details) indented */
        var head = value.slice(0, -1).map(function (v) { return JSON.stringify(v); });
        head.push(JSON.stringify(value[value.length - 1], null, 2));
        pretty = '[' + head.join(', ') + ']';
      } else {
        pretty = JSON.stringify(value, null, 2);
      }
      return { text: pretty, changed: pretty !== f.raw };
    } catch (e) {
      return { text: str(f.raw), note: 'not valid JSON, shown exactly as it crossed' };
    }
  }

  function frameDetail(f) {
    var d = el('div', 'seq-detail');
    d.appendChild(el('div', 'fmeta', str(f.ts) + ' \u00b7 ' + str(f.dir) + ' \u00b7 station ' + str(f.station) + ' \u00b7 connection ' + str(f.conn) +
      ' \u00b7 OCPP ' + str(f.version) + ' \u00b7 ' + (f.valid ? 'valid' : 'invalid')));
    if (f.errors && f.errors.length) d.appendChild(findingsList(f.errors));
    var shown = prettyRaw(f);
    var pre = el('pre', 'raw', shown.text);
    if (shown.note) d.appendChild(el('div', 'note', shown.note));
    if (f.redacted) d.appendChild(el('div', 'note', 'secrets in this frame were replaced by ***'));
    if (f.rawBytes) d.appendChild(el('div', 'note', 'not valid UTF-8: the exact bytes (base64) are in rawBytes in report.json'));
    if (shown.changed) {
      var exact = false;
      var btn = el('button', 'btn', 'show exact text');
      btn.type = 'button';
      btn.addEventListener('click', function () {
        exact = !exact;
        pre.textContent = exact ? f.raw : shown.text;
        btn.textContent = exact ? 'show pretty-printed' : 'show exact text';
      });
      d.appendChild(btn);
    }
    d.appendChild(pre);
    return d;
  }

  function toggleFrame(row, f, force) {
    var open = force !== undefined ? force : row.getAttribute('aria-expanded') !== 'true';
    var next = row.nextElementSibling;
    var detail = next && next.classList.contains('seq-detail') ? next : null;
    if (open && !detail) {
      detail = frameDetail(f);
      row.parentNode.insertBefore(detail, row.nextSibling);
    }
    if (detail) detail.hidden = !open;
    row.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  function buildSequence(ci, slot) {
    var c = cases[ci] || {};
    var frames = c.frames || [];
    slot.textContent = '';
    slot.setAttribute('data-built', 'true');
    if (frames.length === 0) {
      slot.appendChild(el('p', 'note', 'No frames were exchanged in this case.'));
      return;
    }
    var stations = [];
    frames.forEach(function (f) { if (stations.indexOf(f.station) < 0) stations.push(f.station); });
    var refs = {};
    (c.steps || []).forEach(function (s) {
      (s.frameRefs || []).forEach(function (r) { (refs[r] = refs[r] || []).push(s.index); });
    });
    var seq = el('div', 'seq');
    var head = el('div', 'seq-head');
    head.appendChild(el('div', '', 'time'));
    var lanes = el('div', 'seq-lanes');
    lanes.appendChild(el('span', 'lane lane-cs', 'Charging station' + (stations.length === 1 ? ' ' + str(stations[0]) : '') + (c.sut === 'cs' ? ' (SUT)' : ' (harness)')));
    lanes.appendChild(el('span', 'lane lane-csms', 'CSMS' + (c.sut === 'csms' ? ' (SUT)' : ' (harness)')));
    head.appendChild(lanes);
    seq.appendChild(head);
    var start = Date.parse(c.startedAt);
    var conn = frames[0].conn;
    frames.forEach(function (f, fi) {
      if (f.conn !== conn) {
        conn = f.conn;
        seq.appendChild(el('div', 'seq-conn', 'new connection ' + str(f.conn) + ' (station ' + str(f.station) + ')'));
      }
      var errors = f.errors || [];
      var bad = errors.some(function (x) { return x.severity !== 'warning'; });
      var row = el('button', 'seq-row ' + (f.dir === 'csms->cs' ? 'to-cs' : 'to-csms') + ' ' + (TYPE_CLASS[f.type] || 't-invalid') +
        (bad ? ' bad' : errors.length ? ' warn' : ''));
      row.type = 'button';
      row.id = 'f-' + ci + '-' + fi;
      row.setAttribute('aria-expanded', 'false');
      var t = Date.parse(f.ts) - start;
      row.appendChild(el('span', 'seq-time', isFinite(t) ? '+' + seconds(t) : ''));
      var track = el('span', 'seq-track');
      var label = el('span', 'seq-label');
      label.appendChild(el('span', 'muted', '#' + fi + ' '));
      label.appendChild(document.createTextNode(str(f.type) + ' '));
      if (f.action) label.appendChild(el('span', 'act', f.action));
      if (stations.length > 1) label.appendChild(el('span', 'muted', ' \u00b7 ' + str(f.station)));
      track.appendChild(label);
      track.appendChild(el('span', 'arrow'));
      var sub = el('span', 'seq-sub');
      var parts = [];
      if (f.id !== undefined) parts.push('id ' + f.id);
      if (typeof f.latencyMs === 'number') parts.push(f.latencyMs + ' ms');
      sub.appendChild(document.createTextNode(parts.join(' \u00b7 ')));
      if (errors.length) sub.appendChild(el('span', bad ? 'flag' : 'flag warn', '\u26a0 ' + errors.length + (errors.length === 1 ? ' finding' : ' findings')));
      if (f.dropped) sub.appendChild(el('span', 'flag', ' dropped by the proxy'));
      if (f.injected) sub.appendChild(el('span', 'flag warn', ' sent by the proxy'));
      if (f.undelivered) sub.appendChild(el('span', 'flag warn', ' not delivered'));
      (refs[fi] || []).forEach(function (idx) { sub.appendChild(el('span', 'stepref', 'step ' + idx)); });
      track.appendChild(sub);
      row.appendChild(track);
      row.addEventListener('click', function () { toggleFrame(row, f); });
      seq.appendChild(row);
    });
    slot.appendChild(seq);
  }

  function ensureBuilt(li) {
    var slot = li.querySelector('.seq-slot');
    if (slot && slot.getAttribute('data-built') !== 'true') buildSequence(Number(li.getAttribute('data-index')), slot);
  }
  function openCase(li) {
    ensureBuilt(li);
    li.querySelector('details').open = true;
  }
  document.addEventListener('toggle', function (e) {
    var d = e.target;
    if (d && d.tagName === 'DETAILS' && d.open && d.parentNode && d.parentNode.classList.contains('case')) ensureBuilt(d.parentNode);
  }, true);

  /* ---- frame references in the steps table jump to the frame ---- */
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a.fref') : null;
    if (!a) return;
    e.preventDefault();
    var ci = Number(a.getAttribute('data-case'));
    var fi = Number(a.getAttribute('data-frame'));
    var li = items.filter(function (x) { return Number(x.getAttribute('data-index')) === ci; })[0];
    if (!li) return;
    openCase(li);
    var row = document.getElementById('f-' + ci + '-' + fi);
    if (!row) return;
    toggleFrame(row, cases[ci].frames[fi], true);
    row.scrollIntoView({ block: 'center' });
    row.classList.add('flash');
    setTimeout(function () { row.classList.remove('flash'); }, 1200);
  });
})();
`;
