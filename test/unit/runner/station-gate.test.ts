import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { CSMS_ROOT_2_CERT, CSMS_ROOT_CERT, CSMS_ROOT_KEY } from '../../../src/peers/security-fixtures-16.js';
import { signCsr, makeCsr } from '../../../src/peers/pki-16.js';
import { referenceGateMaterial } from '../../../src/runner/reference-gate.js';
import { StationGate } from '../../../src/runner/station-gate.js';

/** The station gate: plain and TLS on one port, what it presents changing between connections. */
describe('station gate', function () {
  this.timeout(10_000);
  let upstream: WebSocketServer;
  let gate: StationGate;

  beforeEach(async () => {
    upstream = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => upstream.once('listening', r));
    upstream.on('connection', (ws) => ws.send('hello'));
    gate = await StationGate.listen({ upstream: { host: '127.0.0.1', port: (upstream.address() as AddressInfo).port }, material: await referenceGateMaterial(), securityProfile: 1 });
  });
  afterEach(async () => {
    await gate.close();
    await new Promise((r) => upstream.close(r));
  });

  const dial = (scheme: 'ws' | 'wss', options: WebSocket.ClientOptions = {}) =>
    new Promise<string>((resolve) => {
      const ws = new WebSocket(`${scheme}://127.0.0.1:${gate.port}/CS1`, { ca: CSMS_ROOT_CERT, ...options });
      ws.once('message', (d) => {
        resolve(`ok ${String(d)}`);
        ws.close();
      });
      ws.once('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code ?? e.message}`));
    });

  it('profile 1: passes plain connections on, refuses TLS; profile 2: the other way round', async () => {
    expect(await dial('ws')).to.equal('ok hello');
    expect(await dial('wss')).to.match(/^error/);
    gate.present({ securityProfile: 2 });
    expect(await dial('ws')).to.match(/^error/);
    expect(await dial('wss')).to.equal('ok hello');
    expect(gate.attempts.map((a) => a.outcome)).to.deep.equal(['forwarded', 'refused: TLS while the harness accepts plain connections (security profile 1)', 'refused: a plain connection while the harness requires TLS (security profile 2)', 'forwarded']);
  });

  it('presents invalid certificates and old TLS versions that a checking client refuses; endCase keeps a raised profile only', async () => {
    gate.present({ securityProfile: 2, certificate: 'expired' });
    expect(await dial('wss')).to.equal('error CERT_HAS_EXPIRED');
    gate.present({ certificate: 'untrusted' });
    expect(await dial('wss')).to.equal('error DEPTH_ZERO_SELF_SIGNED_CERT');
    gate.present({ certificate: 'configured', maxTlsVersion: 'TLSv1.1' });
    expect(await dial('wss')).to.match(/^error (EPROTO|ERR_SSL)/);
    gate.endCase();
    expect(gate.current).to.deep.equal({ securityProfile: 2, certificate: undefined, maxTlsVersion: undefined });
    expect(await dial('wss')).to.equal('ok hello');
    expect(() => gate.present({ certificate: 'nonsense' })).to.throw(/no server certificate "nonsense"/);
  });

  it('profile 3: needs a client certificate issued by its CA, and remembers the one presented', async () => {
    gate.present({ securityProfile: 3 });
    expect(await dial('wss')).to.match(/^error/);
    const { csr, privateKey } = makeCsr('CS1', 'ACME');
    const cert = signCsr(csr, { cert: CSMS_ROOT_CERT, key: CSMS_ROOT_KEY });
    expect(await dial('wss', { cert, key: privateKey.export({ type: 'pkcs8', format: 'pem' }) })).to.equal('ok hello');
    expect(gate.lastClientCertificate()!.equals(new X509Certificate(cert).raw)).to.equal(true);
  });

  it('an alternative endpoint presents its own certificate and passes on to the same place; it closes with the case', async () => {
    gate.present({ securityProfile: 2 });
    const address = await gate.openAlternative({ certificate: 'newRoot' });
    const viaAlternative = (ca: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`wss://${address}/CS1`, { ca });
        ws.once('message', (d) => {
          resolve(`ok ${String(d)}`);
          ws.close();
        });
        ws.once('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code ?? e.message}`));
      });
    expect(await viaAlternative(CSMS_ROOT_CERT)).to.match(/^error/);
    expect(await viaAlternative(CSMS_ROOT_2_CERT)).to.equal('ok hello');
    expect(await dial('wss')).to.equal('ok hello');
    gate.endCase();
    expect(await viaAlternative(CSMS_ROOT_2_CERT)).to.equal('error ECONNREFUSED');
  });
});
