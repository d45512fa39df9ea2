import { expect } from 'chai';
import { request, type IncomingMessage } from 'node:http';
import { LiveView } from '../../../src/proxy/live-view.js';
import type { ProxyFrameRecord } from '../../../src/proxy/types.js';

/** The live view's event stream over real HTTP: backlog for late browsers, redaction, and a bound per browser. */
function frame(i: number, raw = `[2,"${i}","Heartbeat",{}]`): ProxyFrameRecord {
  return { ts: '2024-01-01T00:00:00.000Z', station: 'CP1', conn: 'c1', dir: 'cs->csms', raw, type: 'CALL', version: '1.6', valid: true, errors: [], id: String(i), action: 'Heartbeat' };
}

function openStream(view: LiveView): Promise<IncomingMessage> {
  const url = new URL(view.url);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path: '/events' }, resolve).on('error', reject).end();
  });
}

/** Reads the stream until `pattern` matches what came so far (only the last 1 MiB is kept to search). */
function readUntil(res: IncomingMessage, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in ${text.slice(-300)}`)), 10_000);
    res.on('data', (c: Buffer) => {
      text = (text + c.toString('utf8')).slice(-1024 * 1024);
      if (pattern.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}

describe('LiveView', () => {
  let view: LiveView;
  beforeEach(async () => (view = await LiveView.start({ port: 0, backlog: 3 })));
  afterEach(() => view.close());

  it('gives a late browser the last records of the backlog, redacted, then live ones', async () => {
    for (let i = 1; i <= 5; i++) view.frame(frame(i));
    view.frame(frame(6, '[2,"6","ChangeConfiguration",{"key":"AuthorizationKey","value":"TOP-SECRET-0001"}]'));
    const res = await openStream(view);
    const got = readUntil(res, /"id":"7"/);
    view.frame(frame(7));
    const text = await got;
    const ids = [...text.matchAll(/"id":"(\d+)"/g)].map((m) => m[1]);
    expect(ids).to.deep.equal(['4', '5', '6', '7']);
    expect(text).not.to.include('TOP-SECRET-0001');
    res.destroy();
  });

  it('skips records for a browser that does not read, and tells it how many once it reads again', async () => {
    const res = await openStream(view);
    res.pause();
    const big = `[2,"x","DataTransfer",{"vendorId":"v","data":"${'d'.repeat(64 * 1024)}"}]`;
    // Far more than the per-browser bound (1 MiB) plus what the sockets can hold.
    for (let i = 0; i < 400; i++) view.frame(frame(i, big));
    const text = readUntil(res, /event: skipped\ndata: (\d+)\n\nevent: frame\ndata: [^\n]*\\"last\\"/);
    res.resume();
    // Once the browser has read its queue, the next record goes out behind the count of those it missed.
    res.once('data', () => setTimeout(() => view.frame(frame(0, '[2,"last","Heartbeat",{}]')), 300).unref());
    const skipped = Number(/event: skipped\ndata: (\d+)/.exec(await text)![1]);
    expect(skipped).to.be.greaterThan(0).and.below(400);
    res.destroy();
  });
});
