import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:https';
import WebSocket, { WebSocketServer } from 'ws';
import { CSMS_ROOT_CERT } from '../../../src/peers/security-fixtures-16.js';
import { CsmsGate } from '../../../src/runner/csms-gate.js';
import { referenceGateMaterial } from '../../../src/runner/reference-gate.js';

/** The harness-as-station's gate: plain TCP or TLS towards the CSMS, switched between connections. */
describe('csms gate', function () {
  this.timeout(10_000);

  it('passes connections on plain at profile 1 and over TLS (trusting the CA) at profile 2', async () => {
    const material = await referenceGateMaterial();
    const plain = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => plain.once('listening', r));
    plain.on('connection', (ws) => ws.send('plain'));
    const https = createServer({ cert: material.server.cert, key: material.server.key });
    const secure = new WebSocketServer({ server: https });
    secure.on('connection', (ws) => ws.send('tls'));
    await new Promise<void>((r) => https.listen(0, '127.0.0.1', () => r()));
    const hello = (url: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${url}/CS1`);
        ws.once('message', (d) => {
          resolve(String(d));
          ws.close();
        });
        ws.once('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code ?? e.message}`));
      });
    const toPlain = await CsmsGate.listen({ target: { host: '127.0.0.1', port: (plain.address() as AddressInfo).port }, securityProfile: 1, tls: { ca: CSMS_ROOT_CERT } });
    const toTls = await CsmsGate.listen({ target: { host: '127.0.0.1', port: (https.address() as AddressInfo).port }, securityProfile: 1, tls: { ca: CSMS_ROOT_CERT } });
    try {
      expect(await hello(toPlain.url)).to.equal('plain');
      expect(await hello(toTls.url)).to.match(/^error/);
      toTls.securityProfile = 2;
      expect(await hello(toTls.url)).to.equal('tls');
    } finally {
      await toPlain.close();
      await toTls.close();
      await new Promise((r) => plain.close(r));
      secure.close();
      await new Promise((r) => https.close(r));
    }
  });
});
