import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RPCClient, RPCServer } from 'ocpp-rpc';
import { startProxy, type ProxyHandle } from '../../src/proxy/proxy-server.js';
import { events, frames, readLog, within } from './proxy-fixtures.js';

/**
 * Interoperability: ocpp-rpc, an independent OCPP-J implementation, on both ends (RPCClient as the station,
 * RPCServer as the CSMS), strict schema validation on both, talking through the proxy.
 */
type Handler = (o: { params: Record<string, unknown> }) => Record<string, unknown>;

interface Flavour {
  protocol: 'ocpp1.6' | 'ocpp2.0.1';
  csmsHandlers: Record<string, Handler>;
  stationCalls: Array<[string, Record<string, unknown>]>;
  csmsCall: [string, Record<string, unknown>];
  stationHandler: Handler;
}

const now = () => new Date().toISOString();

const FLAVOURS: Flavour[] = [
  {
    protocol: 'ocpp1.6',
    csmsHandlers: {
      BootNotification: () => ({ status: 'Accepted', interval: 300, currentTime: now() }),
      Heartbeat: () => ({ currentTime: now() }),
      Authorize: ({ params }) => ({ idTagInfo: { status: params.idTag === 'GOOD' ? 'Accepted' : 'Invalid' } }),
      StatusNotification: () => ({}),
    },
    stationCalls: [
      ['BootNotification', { chargePointVendor: 'ocpp-rpc', chargePointModel: 'interop' }],
      ['Heartbeat', {}],
      ['Authorize', { idTag: 'GOOD' }],
      ['StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }],
    ],
    csmsCall: ['Reset', { type: 'Soft' }],
    stationHandler: () => ({ status: 'Accepted' }),
  },
  {
    protocol: 'ocpp2.0.1',
    csmsHandlers: {
      BootNotification: () => ({ status: 'Accepted', interval: 300, currentTime: now() }),
      Heartbeat: () => ({ currentTime: now() }),
      Authorize: () => ({ idTokenInfo: { status: 'Accepted' } }),
      StatusNotification: () => ({}),
    },
    stationCalls: [
      ['BootNotification', { reason: 'PowerUp', chargingStation: { model: 'interop', vendorName: 'ocpp-rpc' } }],
      ['Heartbeat', {}],
      ['Authorize', { idToken: { idToken: 'GOOD', type: 'ISO14443' } }],
      ['StatusNotification', { timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 }],
    ],
    csmsCall: ['Reset', { type: 'Immediate' }],
    stationHandler: () => ({ status: 'Accepted' }),
  },
];

describe('proxy: interoperability with ocpp-rpc on both ends', () => {
  let dir: string;
  let server: InstanceType<typeof RPCServer>;
  let proxy: ProxyHandle;
  let client: InstanceType<typeof RPCClient> | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'proxy-interop-'));
  });
  afterEach(async () => {
    await client?.close({ force: true });
    await proxy?.close();
    await server?.close({ force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  for (const f of FLAVOURS) {
    it(`${f.protocol}: strict RPCClient and RPCServer complete every call through the proxy, logged valid`, async () => {
      server = new RPCServer({ protocols: [f.protocol], strictMode: true });
      const seenAuth: Array<{ identity: string; password?: string }> = [];
      server.auth((accept, _reject, handshake) => {
        seenAuth.push({ identity: handshake.identity, password: handshake.password?.toString() });
        accept({});
      });
      const csmsSide = new Promise<{ call: (m: string, p: unknown) => Promise<unknown> }>((resolve) =>
        server.on('client', (c: { handle: (m: string, h: Handler) => void; call: (m: string, p: unknown) => Promise<unknown> }) => {
          for (const [method, handler] of Object.entries(f.csmsHandlers)) c.handle(method, handler);
          resolve(c);
        }),
      );
      const http = await server.listen(0, '127.0.0.1');
      const port = (http.address() as AddressInfo).port;
      proxy = await startProxy({ port: 0, upstream: `ws://127.0.0.1:${port}`, log: { dir } });

      client = new RPCClient({
        endpoint: `${proxy.url}/ocpp`,
        identity: 'RPC-CS-1',
        protocols: [f.protocol],
        strictMode: true,
        password: 'interop-password',
        reconnect: false,
      } as ConstructorParameters<typeof RPCClient>[0]);
      client.handle(f.csmsCall[0], async (o) => f.stationHandler(o as { params: Record<string, unknown> }));
      await within(client.connect(), 5000, 'RPCClient connect');
      expect(client.protocol).to.equal(f.protocol);

      for (const [method, params] of f.stationCalls) {
        const result = (await within(client.call(method, params), 5000, method)) as Record<string, unknown>;
        expect(result, method).to.be.an('object');
      }
      const csms = await within(csmsSide, 5000, 'CSMS client');
      expect(await within(csms.call(f.csmsCall[0], f.csmsCall[1]), 5000, f.csmsCall[0])).to.deep.equal({ status: 'Accepted' });
      expect(seenAuth).to.deep.equal([{ identity: 'RPC-CS-1', password: 'interop-password' }]);
      await client.close({ code: 1000, reason: 'done' });
      client = undefined;
      await proxy.close();

      const log = readLog(proxy.logFile!);
      const logged = frames(log);
      expect(logged).to.have.length(2 * (f.stationCalls.length + 1));
      for (const frame of logged) expect(frame, String(frame.raw)).to.deep.include({ valid: true, version: f.protocol.slice(4) });
      expect(logged.map((x) => x.action)).to.deep.equal([...f.stationCalls.flatMap(([m]) => [m, m]), f.csmsCall[0], f.csmsCall[0]]);
      expect(events(log, 'close')[0]).to.deep.include({ by: 'cs', code: 1000, reason: 'done' });
    });
  }
});
