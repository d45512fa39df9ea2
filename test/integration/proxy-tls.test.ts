import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';
import { WebSocketServer } from 'ws';
import { startProxy, type ProxyHandle } from '../../src/proxy/proxy-server.js';
import { selfSigned } from '../../src/proxy/tls-options.js';
import { connectStation, events, readLog, within, Peer } from './proxy-fixtures.js';

/** A throwaway CA and a client certificate it signed (security profile 3). */
async function clientPki(cn: string) {
  const ca = await generate([{ name: 'commonName', value: 'Test Station CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }],
  });
  const client = await generate([{ name: 'commonName', value: cn }, { name: 'organizationName', value: 'ACME Charging' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true }, { name: 'extKeyUsage', clientAuth: true }],
  });
  return { caCert: ca.cert, cert: client.cert, key: client.private };
}

/** A wss:// CSMS on loopback, optionally requiring client certificates from `clientCa`. */
async function startTlsCsms(server: { cert: string; key: string }, clientCa?: string) {
  const https: Server = createServer({ cert: server.cert, key: server.key, ...(clientCa ? { ca: clientCa, requestCert: true, rejectUnauthorized: true } : {}) });
  const wss = new WebSocketServer({ server: https, autoPong: false, perMessageDeflate: false, handleProtocols: (p) => [...p][0] ?? false });
  const peers: Array<{ peer: Peer; subject?: string }> = [];
  const connected = new Promise<{ peer: Peer; subject?: string }>((resolve) =>
    wss.on('connection', (ws, req) => {
      const cert = (req.socket as TLSSocket).getPeerCertificate?.();
      const entry = { peer: new Peer(ws, req), subject: cert?.subject?.CN as string | undefined };
      peers.push(entry);
      resolve(entry);
    }),
  );
  await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
  return {
    url: `wss://127.0.0.1:${(https.address() as AddressInfo).port}/ocpp`,
    connected,
    close: () => {
      for (const p of peers) p.peer.ws.terminate();
      return new Promise<void>((r) => https.close(() => r()));
    },
  };
}

describe('proxy: TLS', () => {
  let dir: string;
  let proxy: ProxyHandle | undefined;
  let csms: Awaited<ReturnType<typeof startTlsCsms>> | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'proxy-tls-'));
  });
  afterEach(async () => {
    await proxy?.close();
    await csms?.close();
    proxy = csms = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves wss:// with a self-signed certificate and dials a wss:// CSMS trusting its CA (profile 2)', async () => {
    const csmsCert = await selfSigned('test csms');
    csms = await startTlsCsms(csmsCert);
    proxy = await startProxy({ port: 0, upstream: csms.url, tls: { selfSigned: true }, upstreamTls: { ca: csmsCert.cert }, log: { dir } });
    expect(proxy.url).to.match(/^wss:\/\//);
    const authorization = `Basic ${Buffer.from('CP1:pw-profile-2').toString('base64')}`;
    const station = await connectStation(`${proxy.url}/CP1`, 'ocpp1.6', { ca: proxy.certificate, headers: { authorization } });
    const { peer } = await within(csms.connected, 5000, 'CSMS connection');
    expect(peer.request?.headers.authorization).to.equal(authorization);
    station.ws.send('[2,"1","Heartbeat",{}]');
    expect(await peer.text()).to.equal('[2,"1","Heartbeat",{}]');
    // A station that does not trust the certificate cannot connect.
    const refused = await connectStation(`${proxy.url}/CP2`).catch((e: Error) => e);
    expect(String(refused)).to.match(/self.signed|certificate/i);
  });

  it('verifies the CSMS certificate against --upstream-ca and presents a client certificate (profile 3 upstream)', async () => {
    const serverCert = await selfSigned('csms.local');
    const pki = await clientPki('ocpp-harness-proxy');
    csms = await startTlsCsms(serverCert, pki.caCert);
    proxy = await startProxy({ port: 0, upstream: csms.url, upstreamTls: { ca: serverCert.cert, cert: pki.cert, key: pki.key }, log: { dir } });
    const station = await connectStation(`${proxy.url}/CP1`, 'ocpp2.0.1');
    const { peer, subject } = await within(csms.connected, 5000, 'CSMS connection');
    expect(subject).to.equal('ocpp-harness-proxy');
    peer.ws.send('[2,"r","Reset",{"type":"Immediate"}]');
    expect(await station.text()).to.equal('[2,"r","Reset",{"type":"Immediate"}]');
  });

  it('answers 502 when the CSMS certificate is not trusted', async () => {
    csms = await startTlsCsms(await selfSigned('untrusted'));
    proxy = await startProxy({ port: 0, upstream: csms.url, log: { dir } });
    const err = await connectStation(`${proxy.url}/CP1`).catch((e) => e);
    expect(err).to.have.property('status', 502);
    await proxy.close();
    expect(String(events(readLog(proxy.logFile!), 'upstream-failed')[0].reason)).to.match(/certificate/i);
  });

  it('with --client-ca, requires station certificates and logs their subject', async () => {
    const pki = await clientPki('CP-mtls-1');
    csms = await startTlsCsms(await selfSigned('csms'));
    proxy = await startProxy({ port: 0, upstream: csms.url, upstreamTls: { rejectUnauthorized: false }, tls: { selfSigned: true }, clientCa: pki.caCert, log: { dir } });
    const station = await connectStation(`${proxy.url}/CP-mtls-1`, 'ocpp2.0.1', { ca: proxy.certificate, cert: pki.cert, key: pki.key });
    await within(csms.connected, 5000, 'CSMS connection');
    const anonymous = await connectStation(`${proxy.url}/CP-anon`, 'ocpp2.0.1', { ca: proxy.certificate }).catch((e: Error) => e);
    expect(anonymous).to.be.instanceOf(Error);
    station.ws.close(1000);
    await station.closeEvent();
    await proxy.close();
    const log = readLog(proxy.logFile!);
    const open = events(log, 'open')[0];
    expect(open.clientCert).to.deep.include({ authorized: true });
    expect((open.clientCert as { subject: string }).subject).to.include('CN=CP-mtls-1').and.include('O=ACME Charging');
    expect(events(log, 'open')).to.have.length(1);
  });

  it('refuses a client CA without TLS towards the stations', async () => {
    const err = await startProxy({ port: 0, upstream: 'ws://127.0.0.1:1', clientCa: 'x' }).catch((e: Error) => e);
    expect(String(err)).to.match(/client CA/);
  });
});
