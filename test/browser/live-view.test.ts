import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startProxy, type ProxyHandle } from '../../src/proxy/proxy-server.js';
import { connectStation, startCsms, type Peer, type TestCsms } from '../integration/proxy-fixtures.js';

/**
 * `proxy --ui`: the live view in a real Chromium (Debian's). Frames sent through a real proxy appear as rows with
 * their station, direction, type, action and findings; hostile frame content stays text; secrets are redacted as in
 * the log; a browser that opens late sees what came before; the stream refuses requests addressed to another host.
 * LIVE_VIEW_SCREENSHOT=/some/file.png keeps a screenshot of the page.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SECRET = 'LIVE-SECRET-KEY-0123456789';
const HOSTILE = '<img src=x onerror=window.__pwned=1>';

describe('proxy live view in Chromium', function () {
  this.timeout(60_000);
  let dir: string;
  let context: BrowserContext | undefined;
  let csms: TestCsms;
  let proxy: ProxyHandle;
  let station: Peer;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`    (skipped: ${CHROMIUM} is not installed; CI installs Debian's chromium package for these tests)`);
      this.skip();
    }
    dir = await mkdtemp(join(tmpdir(), 'ocpp-harness-live-'));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
    csms = await startCsms();
    proxy = await startProxy({ port: 0, upstream: csms.url, ui: { port: 0 } });
  });

  after(async () => {
    await proxy?.close();
    await csms?.close();
    await context?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const page = await context!.newPage();
    page.setDefaultTimeout(8000);
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(proxy.uiUrl!, { waitUntil: 'load' });
    return { page, requests, problems };
  }
  const frameRows = (page: Page) => page.locator('#rows tr.frame').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));

  it('shows each frame as it crosses, with its findings, text only and redacted', async () => {
    const o = await open();
    station = await connectStation(`${proxy.url}/CP-LIVE`);
    const upstream = await csms.connection();
    station.ws.send('[2,"1","BootNotification",{"chargePointVendor":"v","chargePointModel":"m"}]');
    await upstream.message(1);
    upstream.ws.send(`[3,"1",{"status":"Accepted","currentTime":"2024-01-01T00:00:00Z","interval":300}]`);
    await station.message(1);
    station.ws.send(`[2,"2","DataTransfer",{"vendorId":${JSON.stringify(HOSTILE)}}]`);
    station.ws.send('[2,"3","Heartbeat",{"unexpected":true}]');
    await upstream.message(3);
    upstream.ws.send(`[2,"9","ChangeConfiguration",{"key":"AuthorizationKey","value":"${SECRET}"}]`);
    await o.page.waitForFunction(() => document.querySelectorAll('#rows tr.frame').length === 5);

    const rows = await frameRows(o.page);
    expect(rows.map((r) => [r[1], r[2], r[3], r[4], r[5]])).to.deep.equal([
      ['CP-LIVE', '→', 'CALL', 'BootNotification', '1'],
      ['CP-LIVE', '←', 'CALLRESULT', 'BootNotification', '1'],
      ['CP-LIVE', '→', 'CALL', 'DataTransfer', '2'],
      ['CP-LIVE', '→', 'CALL', 'Heartbeat', '3'],
      ['CP-LIVE', '←', 'CALL', 'ChangeConfiguration', '9'],
    ]);
    expect(rows[1][6]).to.match(/^\d+ ms$/);
    expect(rows[3][7]).to.include('schema');
    expect(await o.page.locator('#rows tr.frame.invalid').count()).to.equal(1);
    expect(await o.page.locator('#rows tr.event').evaluateAll((trs) => trs.map((tr) => tr.children[3].textContent))).to.deep.equal(['proxy-start', 'open']);

    // A click shows the frame and its findings; hostile content is text, never markup.
    await o.page.locator('#rows tr.frame').nth(2).click();
    expect(await o.page.locator('#rows tr.detail pre').textContent()).to.include(HOSTILE);
    await o.page.locator('#rows tr.frame').nth(3).click();
    expect(await o.page.locator('#rows tr.detail li.bad').first().textContent()).to.match(/^schema\./);
    expect(await o.page.locator('#rows img').count()).to.equal(0);
    expect(await o.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).to.equal(undefined);
    await o.page.locator('#rows tr.frame').nth(4).click();
    expect(await o.page.content()).not.to.include(SECRET);
    expect(await o.page.locator('#rows tr.detail pre').last().textContent()).to.include('***');

    // The filter narrows the rows to those that mention it.
    await o.page.locator('#filter').fill('heartbeat');
    expect((await o.page.locator('#rows tr.frame:visible').allTextContents()).length).to.equal(1);
    expect(await o.page.locator('#rows tr.detail:visible').count()).to.equal(1);

    if (process.env.LIVE_VIEW_SCREENSHOT) await o.page.screenshot({ path: process.env.LIVE_VIEW_SCREENSHOT });
    expect(o.problems).to.deep.equal([]);
    const origin = new URL(proxy.uiUrl!).origin;
    expect(o.requests.every((u) => u.startsWith(origin))).to.equal(true);
    await o.page.close();
  });

  it('gives a browser that opens late what came before', async () => {
    const o = await open();
    await o.page.waitForFunction(() => document.querySelectorAll('#rows tr.frame').length === 5);
    expect((await frameRows(o.page)).map((r) => r[4])).to.deep.equal(['BootNotification', 'BootNotification', 'DataTransfer', 'Heartbeat', 'ChangeConfiguration']);
    await o.page.close();
  });

  it('answers only requests addressed to its own host (no DNS rebinding)', async () => {
    const url = new URL(proxy.uiUrl!);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: url.port, path: '/events', headers: { host: `attacker.example:${url.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).to.equal(421);
  });
});
