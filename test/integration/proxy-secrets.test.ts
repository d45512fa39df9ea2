import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startProxy, type ProxyHandle } from '../../src/proxy/proxy-server.js';
import { connectStation, frames, readLog, startCsms, type TestCsms } from './proxy-fixtures.js';

const BASIC_PASSWORD = 'Basic-Pw-4f9a2c';
const AUTH_KEY = 'AuthKey-77e1d0c3b2';
const BASIC_AUTH_PASSWORD = 'SetVar-Pw-0c1d2e3f';
const PEM_BODY = 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg';
const PEM = `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\n-----END PRIVATE KEY-----\n`;

describe('proxy: secrets never reach the log or the console', () => {
  let dir: string;
  let csms: TestCsms;
  let proxy: ProxyHandle;
  let consoleText = '';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'proxy-secrets-'));
    csms = await startCsms();
    const out = new PassThrough();
    consoleText = '';
    out.on('data', (c: Buffer) => (consoleText += c.toString()));
    proxy = await startProxy({ port: 0, upstream: csms.url, log: { dir }, console: out, color: false });
  });
  afterEach(async () => {
    await proxy.close();
    await csms.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redacts Basic-auth passwords, AuthorizationKey, BasicAuthPassword and private keys, yet forwards them intact', async () => {
    const authorization = `Basic ${Buffer.from(`CP1:${BASIC_PASSWORD}`).toString('base64')}`;
    const s16 = await connectStation(`${proxy.url}/CP1`, 'ocpp1.6', { headers: { authorization } });
    const u16 = await csms.connection(1);
    const s201 = await connectStation(`${proxy.url}/CP2`, 'ocpp2.0.1');
    const u201 = await csms.connection(2);
    const sent = {
      changeConfiguration: `[2,"a","ChangeConfiguration",{"key":"AuthorizationKey","value":"${AUTH_KEY}"}]`,
      // An invalid one too: findings about it must not quote the value either.
      badChangeConfiguration: `[2,"b","ChangeConfiguration",{"key":"AuthorizationKey","value":"${AUTH_KEY}","x":1}]`,
      setVariables: JSON.stringify([2, 'c', 'SetVariables', { setVariableData: [{ attributeValue: BASIC_AUTH_PASSWORD, component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }] }]),
      pem: JSON.stringify([2, 'd', 'DataTransfer', { vendorId: 'acme', data: PEM }]),
    };
    u16.ws.send(sent.changeConfiguration);
    expect(await s16.text(1)).to.equal(sent.changeConfiguration);
    u16.ws.send(sent.badChangeConfiguration);
    expect(await s16.text(2)).to.equal(sent.badChangeConfiguration);
    u201.ws.send(sent.setVariables);
    expect(await s201.text(1)).to.equal(sent.setVariables);
    s201.ws.send(sent.pem);
    expect(await u201.text(1)).to.equal(sent.pem);
    // The credentials reached the CSMS unchanged.
    expect(u16.request?.headers.authorization).to.equal(authorization);
    await proxy.close();

    const logText = readFileSync(proxy.logFile!, 'utf8');
    for (const secret of [BASIC_PASSWORD, authorization.slice(6), AUTH_KEY, BASIC_AUTH_PASSWORD, PEM_BODY]) {
      expect(logText, 'log').not.to.include(secret);
      expect(consoleText, 'console').not.to.include(secret);
    }
    const logged = frames(readLog(proxy.logFile!));
    expect(logged).to.have.length(4);
    expect(logged.every((f) => f.redacted === true)).to.equal(true);
    expect(logged[1].valid).to.equal(false);
    expect(consoleText).to.include('ChangeConfiguration');
    expect(consoleText).to.include('Basic CP1:***');
  });
});
