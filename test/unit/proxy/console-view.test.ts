import { expect } from 'chai';
import { PassThrough } from 'node:stream';
import { ConsoleView, wantsColor } from '../../../src/proxy/console-view.js';
import type { ProxyFrameRecord } from '../../../src/proxy/types.js';

function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  return { out, text: () => text };
}

const answer: ProxyFrameRecord = {
  ts: '2024-05-01T12:34:56.789Z', station: 'CP-9', conn: 'c3', dir: 'csms->cs', raw: '[3,"42",{}]', type: 'CALLRESULT', id: '42', action: 'Heartbeat',
  version: '1.6', valid: false, latencyMs: 12, errors: [{ rule: 'schema.required', severity: 'error', path: '/currentTime', message: 'currentTime is required' }],
};

describe('ConsoleView', () => {
  it('prints time, station, arrow, type, action, id and latency, with findings under the line', () => {
    const c = capture();
    new ConsoleView(c.out, { color: false }).onFrame(answer);
    const [line, finding] = c.text().split('\n');
    expect(line).to.match(/^12:34:56\.789 CP-9\s+← CALLRESULT\s+Heartbeat\s+42 12 ms$/);
    expect(finding).to.equal('    ✗ schema.required /currentTime: currentTime is required');
  });

  it('uses colour only when asked, prints nothing per frame when quiet, and always prints events', () => {
    const coloured = capture();
    new ConsoleView(coloured.out, { color: true }).onFrame(answer);
    expect(coloured.text()).to.include('\x1b[31m');
    const quiet = capture();
    const view = new ConsoleView(quiet.out, { color: false, quiet: true });
    view.onFrame(answer);
    view.onEvent({ ts: answer.ts, station: 'CP-9', conn: 'c3', event: 'close', code: 1000, reason: 'bye now' });
    expect(quiet.text()).to.equal('12:34:56.789 CP-9         ● close c3 code=1000 reason="bye now"\n');
  });

  it('never prints secrets quoted in findings', () => {
    const c = capture();
    const raw = '[2,"1","ChangeConfiguration",{"key":"AuthorizationKey","value":"leak-me-not"}]';
    new ConsoleView(c.out, { color: false }).onFrame({ ...answer, raw, errors: [{ rule: 'x', severity: 'error', path: '', message: 'got "leak-me-not"' }] });
    expect(c.text()).not.to.include('leak-me-not');
  });

  it('summarises stations, frames and findings per rule', () => {
    const c = capture();
    new ConsoleView(c.out, { color: false }).summary({
      stations: 2, connections: { total: 3, open: 0, refused: 1 }, frames: { total: 10, toCsms: 6, toStation: 4, invalid: 2, binary: 0, dropped: 0, undelivered: 0 },
      byRule: { 'schema.required': 2 }, backpressurePauses: 0, httpRequests: 0, observerErrors: 0,
    });
    expect(c.text()).to.include('stations: 2, connections: 3 (1 refused)').and.include('invalid: 2').and.include('schema.required: 2');
  });

  it('wants colour on a TTY unless NO_COLOR is set', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    expect(wantsColor(tty, {})).to.equal(true);
    expect(wantsColor(tty, { NO_COLOR: '1' })).to.equal(false);
    expect(wantsColor(new PassThrough(), {})).to.equal(false);
  });
});
