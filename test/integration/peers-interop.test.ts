import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import { RPCClient, RPCServer } from 'ocpp-rpc';
import { startReferenceCs, type ReferenceCs } from '../../src/peers/reference-cs/index.js';
import { startReferenceCsms, type ReferenceCsms } from '../../src/peers/reference-csms/index.js';
import { FrameLog, nextEvent } from '../unit/peers/support/frame-log.js';
import { meterIntervalConfig } from '../unit/peers/support/pair.js';

/**
 * Interoperability with an independent OCPP-J implementation (ocpp-rpc) in strict mode, where it checks
 * every request and response against its own copy of the OCA schemas: its RPCServer as CSMS accepts the
 * reference station; its RPCClient as station boots and charges against the reference CSMS.
 */
type Params = Record<string, unknown>;
interface RpcClientLike {
  identity: string;
  protocol: string;
  handle(method: string, handler: (call: { params: Params }) => unknown): void;
  call(method: string, params?: unknown): Promise<unknown>;
  on(event: string, fn: (...args: unknown[]) => void): void;
}

/** ocpp-rpc's typings ask for every option; the constructor takes any subset. */
function rpcClient(options: Record<string, unknown>): InstanceType<typeof RPCClient> {
  return new RPCClient(options as unknown as ConstructorParameters<typeof RPCClient>[0]);
}

for (const version of ['1.6', '2.0.1'] as const) {
  const v16 = version === '1.6';

  describe(`interop, OCPP ${version}: ocpp-rpc RPCServer (strict) as CSMS, reference CS as station`, () => {
    let server: InstanceType<typeof RPCServer>;
    let cs: ReferenceCs | undefined;
    const failures: string[] = [];
    let client: Promise<RpcClientLike>;

    beforeEach(async () => {
      failures.length = 0;
      server = new RPCServer({ protocols: ['ocpp1.6', 'ocpp2.0.1'], strictMode: true });
      client = new Promise((resolve) => {
        server.on('client', (c: RpcClientLike) => {
          c.on('strictValidationFailure', (e) => failures.push(String((e as Error).message)));
          c.handle('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 3600 }));
          c.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
          for (const m of ['StatusNotification', 'MeterValues', 'SecurityEventNotification', 'FirmwareStatusNotification', 'NotifyReport']) c.handle(m, () => ({}));
          c.handle('Authorize', () => (v16 ? { idTagInfo: { status: 'Accepted' } } : { idTokenInfo: { status: 'Accepted' } }));
          c.handle('StartTransaction', () => ({ transactionId: 4711, idTagInfo: { status: 'Accepted' } }));
          c.handle('StopTransaction', () => ({}));
          c.handle('TransactionEvent', ({ params }) => (params.idToken ? { idTokenInfo: { status: 'Accepted' } } : {}));
          resolve(c);
        });
      });
    });

    afterEach(async () => {
      await cs?.close();
      await server.close({ force: true });
    });

    it('boots, charges and answers CSMS requests with nothing ocpp-rpc finds wrong', async () => {
      const http = await server.listen(0, '127.0.0.1');
      cs = startReferenceCs({ url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`, identity: 'RPC-INTEROP', version, msPerSecond: 10, config: meterIntervalConfig(version, 1) });
      const log = new FrameLog(cs.events);
      await cs.waitForBoot();
      const c = await client;
      expect(c.identity).to.equal('RPC-INTEROP');
      expect(c.protocol).to.equal(v16 ? 'ocpp1.6' : 'ocpp2.0.1');
      await cs.control.perform('plugIn');
      await cs.control.perform('presentIdTag');
      const meter = v16 ? { action: 'MeterValues', type: 'CALLRESULT' as const } : { action: 'TransactionEvent', type: 'CALLRESULT' as const };
      await log.waitFor(meter, { count: v16 ? 2 : 4 });
      // CSMS-initiated requests, answers checked by ocpp-rpc's strict mode.
      if (v16) {
        expect(await c.call('GetConfiguration', { key: ['HeartbeatInterval'] })).to.deep.equal({ configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '3600' }] });
        expect(await c.call('ChangeAvailability', { connectorId: 0, type: 'Operative' })).to.deep.equal({ status: 'Accepted' });
        expect(await c.call('TriggerMessage', { requestedMessage: 'StatusNotification', connectorId: 1 })).to.deep.equal({ status: 'Accepted' });
        expect(await c.call('GetCompositeSchedule', { connectorId: 1, duration: 60 })).to.have.property('status', 'Accepted');
        expect(await c.call('RemoteStopTransaction', { transactionId: 4711 })).to.deep.equal({ status: 'Accepted' });
        await log.waitFor({ action: 'StopTransaction', type: 'CALLRESULT' });
      } else {
        const got = (await c.call('GetVariables', { getVariableData: [{ component: { name: 'TxCtrlr' }, variable: { name: 'TxStartPoint' } }, { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } }] })) as { getVariableResult: Array<{ attributeValue?: string }> };
        expect(got.getVariableResult.map((r) => r.attributeValue)).to.deep.equal(['PowerPathClosed', '22000']);
        expect(await c.call('GetBaseReport', { requestId: 1, reportBase: 'ConfigurationInventory' })).to.deep.equal({ status: 'Accepted' });
        expect(await c.call('GetTransactionStatus', {})).to.have.property('messagesInQueue');
        const txId = cs.state.transactions[0].transactionId;
        expect(await c.call('RequestStopTransaction', { transactionId: txId })).to.deep.equal({ status: 'Accepted' });
        await log.waitFor({ action: 'TransactionEvent', type: 'CALL', where: (p) => p.eventType === 'Ended' });
        await log.waitFor({ action: 'NotifyReport', type: 'CALLRESULT' });
      }
      expect(failures).to.deep.equal([]);
      expect(log.invalid()).to.deep.equal([]);
      expect(log.matching({ type: 'CALLERROR' })).to.deep.equal([]);
    });
  });

  describe(`interop, OCPP ${version}: ocpp-rpc RPCClient (strict) as station, reference CSMS`, () => {
    let csms: ReferenceCsms;
    let station: InstanceType<typeof RPCClient> | undefined;
    afterEach(async () => {
      await station?.close({ force: true });
      await csms.close();
    });

    it('boots, authorizes, runs a transaction and answers the CSMS, with every frame valid on both sides', async () => {
      csms = await startReferenceCsms({ versions: [version], heartbeatInterval: 60 });
      const log = new FrameLog(csms.events);
      const failures: string[] = [];
      station = rpcClient({ endpoint: csms.url, identity: 'RPC-STATION', protocols: [v16 ? 'ocpp1.6' : 'ocpp2.0.1'], strictMode: true, reconnect: false });
      const st = station as unknown as RpcClientLike & { connect(): Promise<unknown> };
      st.on('strictValidationFailure', (e) => failures.push(String((e as Error).message)));
      st.handle(v16 ? 'RemoteStartTransaction' : 'RequestStartTransaction', () => ({ status: 'Accepted' }));
      st.handle(v16 ? 'GetConfiguration' : 'GetVariables', () => (v16 ? { configurationKey: [] } : { getVariableResult: [{ attributeStatus: 'UnknownComponent', component: { name: 'X' }, variable: { name: 'Y' } }] }));
      await st.connect();
      const now = () => new Date().toISOString();
      const boot = (await st.call('BootNotification', v16 ? { chargePointVendor: 'rpc', chargePointModel: 'client' } : { reason: 'PowerUp', chargingStation: { model: 'client', vendorName: 'rpc' } })) as Params;
      expect(boot).to.include({ status: 'Accepted', interval: 60 });
      expect(await st.call('Heartbeat', {})).to.have.property('currentTime');
      const session = await csms.waitForStation('RPC-STATION', { booted: true });
      expect(session.version).to.equal(version);
      if (v16) {
        expect(await st.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' })).to.deep.equal({});
        expect(await st.call('Authorize', { idTag: 'VALID-TAG-1' })).to.deep.equal({ idTagInfo: { status: 'Accepted' } });
        const start = (await st.call('StartTransaction', { connectorId: 1, idTag: 'VALID-TAG-1', meterStart: 0, timestamp: now() })) as { transactionId: number };
        expect(start.transactionId).to.be.a('number');
        await st.call('MeterValues', { connectorId: 1, transactionId: start.transactionId, meterValue: [{ timestamp: now(), sampledValue: [{ value: '120' }] }] });
        expect(await st.call('StopTransaction', { transactionId: start.transactionId, meterStop: 240, timestamp: now(), reason: 'Local' })).to.deep.equal({});
      } else {
        expect(await st.call('Authorize', { idToken: { idToken: 'NOT-KNOWN', type: 'ISO14443' } })).to.deep.equal({ idTokenInfo: { status: 'Invalid' } });
        const tx = { transactionId: 'rpc-tx-1' };
        const started = await st.call('TransactionEvent', { eventType: 'Started', timestamp: now(), triggerReason: 'Authorized', seqNo: 0, transactionInfo: tx, idToken: { idToken: 'VALID-TAG-1', type: 'ISO14443' }, evse: { id: 1, connectorId: 1 } });
        expect(started).to.deep.equal({ idTokenInfo: { status: 'Accepted' } });
        await st.call('TransactionEvent', { eventType: 'Ended', timestamp: now(), triggerReason: 'StopAuthorized', seqNo: 1, transactionInfo: { ...tx, stoppedReason: 'Local' } });
      }
      expect(session.activeTransactions).to.deep.equal([]);
      await csms.control.perform('remoteStart', { stationId: 'RPC-STATION', connectorId: 1 });
      await csms.control.perform('getConfiguration', { stationId: 'RPC-STATION', component: 'X', variable: 'Y' });
      expect(failures).to.deep.equal([]);
      expect(log.invalid()).to.deep.equal([]);
      expect(log.matching({ type: 'CALLERROR' })).to.deep.equal([]);
    });

    it('is refused by the reference CSMS when it offers only a version the CSMS does not accept', async () => {
      csms = await startReferenceCsms({ versions: [v16 ? '2.0.1' : '1.6'] });
      station = rpcClient({ endpoint: csms.url, identity: 'RPC-STATION', protocols: [v16 ? 'ocpp1.6' : 'ocpp2.0.1'], reconnect: false });
      const refused = nextEvent(csms.events, 'connection', (e: { event: string }) => e.event === 'refused');
      const outcome = await (station as unknown as { connect(): Promise<unknown> }).connect().then(
        () => 'connected',
        (e: Error) => e.message,
      );
      await refused;
      expect(outcome).to.not.equal('connected');
    });
  });
}
