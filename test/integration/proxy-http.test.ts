import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy, type ProxyHandle } from '../../src/proxy/proxy-server.js';
import { events, readLog } from './proxy-fixtures.js';

const SOAP = `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:cs="urn://Ocpp/Cs/2012/06/">
<soap:Header><cs:chargeBoxIdentity>CB-0042</cs:chargeBoxIdentity></soap:Header>
<soap:Body><cs:heartbeatRequest/></soap:Body></soap:Envelope>`;

describe('proxy: plain HTTP pass-through (SOAP, health checks)', () => {
  let dir: string;
  let origin: Server;
  let proxy: ProxyHandle;
  const seen: Array<{ method?: string; url?: string; host?: string; body: string }> = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'proxy-http-'));
    seen.length = 0;
    origin = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, host: req.headers.host, body });
        res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'text/plain' });
        res.end(req.url === '/health' ? 'ok' : 'answer-body');
      });
    });
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
    proxy = await startProxy({ port: 0, upstream: `ws://127.0.0.1:${(origin.address() as AddressInfo).port}/ocpp`, log: { dir } });
  });
  afterEach(async () => {
    await proxy.close();
    await new Promise<void>((r) => origin.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('forwards requests to the CSMS origin unchanged and logs an http record for each', async () => {
    const base = proxy.url.replace('ws:', 'http:');
    const health = await fetch(`${base}/health`);
    expect(await health.text()).to.equal('ok');
    const soap = await fetch(`${base}/soap/cs`, { method: 'POST', body: SOAP, headers: { 'content-type': 'application/soap+xml; charset=utf-8; action="/Heartbeat"' } });
    expect(soap.status).to.equal(200);
    expect(await soap.text()).to.equal('answer-body');
    const missing = await fetch(`${base}/missing`, { headers: { SOAPAction: '"urn://Ocpp/Cs/2012/06/Authorize"' } });
    expect(missing.status).to.equal(404);
    await missing.text();
    expect(seen.map((s) => s.url)).to.deep.equal(['/health', '/soap/cs', '/missing']);
    expect(seen[1].body).to.equal(SOAP);
    await proxy.close();
    const http = events(readLog(proxy.logFile!), 'http');
    expect(http).to.have.length(3);
    expect(http[0]).to.deep.include({ method: 'GET', path: '/health', status: 200, responseBytes: 2 });
    expect(http[1]).to.deep.include({ method: 'POST', path: '/soap/cs', status: 200, station: 'CB-0042', soapAction: '/Heartbeat', requestBytes: Buffer.byteLength(SOAP) });
    expect(http[2]).to.deep.include({ status: 404, soapAction: 'urn://Ocpp/Cs/2012/06/Authorize' });
    expect((await proxy.stats()).httpRequests).to.equal(3);
  });

  it('answers 502 and logs the error when the origin is down', async () => {
    await new Promise<void>((r) => origin.close(() => r()));
    origin = createServer();
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
    const res = await fetch(`${proxy.url.replace('ws:', 'http:')}/health`);
    expect(res.status).to.equal(502);
    await res.text();
    await proxy.close();
    const [record] = events(readLog(proxy.logFile!), 'http');
    expect(record).to.deep.include({ status: 502 });
    expect(record.error).to.be.a('string');
  });
});
