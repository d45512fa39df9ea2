import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { NO_REPLY, RpcEndpoint } from '../../../src/peers/rpc-endpoint.js';
import { RpcCallError, RpcClosedError, RpcError, RpcTimeoutError } from '../../../src/peers/rpc-errors.js';
import type { FrameRecord, Version } from '../../../src/types.js';
import { FrameLog, payloadOf } from './support/frame-log.js';

/**
 * The shared RPC endpoint over a real WebSocket pair on 127.0.0.1: a station-side RpcEndpoint talks to a
 * raw `ws` socket playing the CSMS, so tests control exactly which frames come back.
 */
interface Harness {
  endpoint: RpcEndpoint;
  /** The raw CSMS side: frames the endpoint sent, and a way to send any text. */
  received: string[];
  send(text: string): void;
  nextReceived(): Promise<string>;
  log: FrameLog;
  close(): Promise<void>;
}

async function harness(version: Version = '1.6', options: { responseTimeoutMs?: number; concurrentCalls?: boolean } = {}): Promise<Harness> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}/CS1`);
  await new Promise<void>((resolve, reject) => client.once('open', () => resolve()).once('error', reject));
  const server = await serverSide;
  const received: string[] = [];
  const waiters: Array<(t: string) => void> = [];
  server.on('message', (data) => {
    const text = data.toString();
    const w = waiters.shift();
    if (w) w(text);
    else received.push(text);
  });
  const endpoint = new RpcEndpoint({ socket: client, version, side: 'cs', station: 'CS1', ...options });
  const log = new FrameLog(endpoint);
  return {
    endpoint,
    received,
    log,
    send: (text) => server.send(text),
    nextReceived: () => (received.length > 0 ? Promise.resolve(received.shift()!) : new Promise((resolve) => waiters.push(resolve))),
    async close() {
      await endpoint.close();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

describe('RpcEndpoint', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('sends a CALL and resolves with the CALLRESULT payload; both frames are recorded with their findings', async () => {
    h = await harness();
    const answer = h.endpoint.call('Heartbeat', {});
    const [, id, action, payload] = JSON.parse(await h.nextReceived()) as [number, string, string, object];
    expect([action, payload]).to.deep.equal(['Heartbeat', {}]);
    h.send(JSON.stringify([3, id, { currentTime: '2024-01-01T00:00:00Z' }]));
    expect(await answer).to.deep.equal({ currentTime: '2024-01-01T00:00:00Z' });
    await h.log.waitFor({ type: 'CALLRESULT' });
    const [call, result] = h.log.records;
    expect(call).to.include({ dir: 'cs->csms', type: 'CALL', action: 'Heartbeat', station: 'CS1', version: '1.6', valid: true });
    expect(result).to.include({ dir: 'csms->cs', type: 'CALLRESULT', action: 'Heartbeat', id, valid: true });
    expect(result.latencyMs).to.be.a('number');
    expect(call.conn).to.equal(result.conn);
  });

  it('keeps one CALL outstanding at a time: the next goes out only after the answer', async () => {
    h = await harness();
    const first = h.endpoint.call('Heartbeat', {});
    const second = h.endpoint.call('StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available' });
    const [, id1] = JSON.parse(await h.nextReceived()) as [number, string];
    expect(h.endpoint.pendingCalls).to.equal(2);
    expect(h.received).to.deep.equal([]);
    h.send(JSON.stringify([3, id1, { currentTime: '2024-01-01T00:00:00Z' }]));
    await first;
    const [, id2, action2] = JSON.parse(await h.nextReceived()) as [number, string, string];
    expect(action2).to.equal('StatusNotification');
    h.send(JSON.stringify([3, id2, {}]));
    expect(await second).to.deep.equal({});
  });

  it('with the concurrent-calls fault, sends the next CALL without waiting (and the record says so in 2.0.1)', async () => {
    h = await harness('2.0.1', { concurrentCalls: true });
    void h.endpoint.call('Heartbeat', {}).catch(() => undefined);
    void h.endpoint.call('Heartbeat', {}).catch(() => undefined);
    await h.nextReceived();
    await h.nextReceived();
    const second = h.log.matching({ type: 'CALL' })[1];
    expect(second.valid).to.equal(false);
    expect(second.errors.map((e) => e.rule)).to.include('rpc.concurrent-call');
  });

  it('rejects with RpcCallError on a CALLERROR and with RpcTimeoutError when no answer comes', async () => {
    h = await harness('1.6', { responseTimeoutMs: 50 });
    const failing = h.endpoint.call('Heartbeat', {});
    const [, id] = JSON.parse(await h.nextReceived()) as [number, string];
    h.send(JSON.stringify([4, id, 'InternalError', 'boom', {}]));
    const e1 = await failing.catch((e: unknown) => e);
    expect(e1).to.be.instanceOf(RpcCallError);
    expect(e1).to.include({ errorCode: 'InternalError', errorDescription: 'boom', action: 'Heartbeat' });
    const silent = h.endpoint.call('Heartbeat', {});
    await h.nextReceived();
    const e2 = await silent.catch((e: unknown) => e);
    expect(e2).to.be.instanceOf(RpcTimeoutError);
    expect((e2 as Error).message).to.equal('Heartbeat got no answer within 50 ms');
  });

  it('rejects queued and outstanding CALLs with RpcClosedError when the connection closes, and refuses new ones', async () => {
    h = await harness();
    const a = h.endpoint.call('Heartbeat', {});
    const b = h.endpoint.call('Heartbeat', {});
    await h.nextReceived();
    await h.endpoint.close();
    for (const p of [a, b]) expect(await p.catch((e: unknown) => e)).to.be.instanceOf(RpcClosedError);
    expect(await h.endpoint.call('Heartbeat', {}).catch((e: unknown) => e)).to.be.instanceOf(RpcClosedError);
  });

  it('answers an incoming CALL through its handler, and runs afterReply work after the answer is sent', async () => {
    h = await harness();
    const order: string[] = [];
    h.endpoint.handle('Reset', (payload, ctx) => {
      order.push(`handler ${String(payload.type)}`);
      ctx.afterReply(() => {
        order.push(`after, answer already sent: ${h.log.matching({ type: 'CALLRESULT', action: 'Reset' }).length === 1}`);
      });
      return { status: 'Accepted' };
    });
    h.send(JSON.stringify([2, 'r1', 'Reset', { type: 'Soft' }]));
    expect(JSON.parse(await h.nextReceived())).to.deep.equal([3, 'r1', { status: 'Accepted' }]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).to.deep.equal(['handler Soft', 'after, answer already sent: true']);
  });

  it('answers a schema-invalid CALL with the CALLERROR code of the finding (1.6 and 2.0.1 spellings)', async () => {
    h = await harness('1.6');
    h.endpoint.handle('Reset', () => ({ status: 'Accepted' }));
    h.send(JSON.stringify([2, 'm1', 'Reset', {}]));
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, 'm1', 'OccurenceConstraintViolation']);
    h.send(JSON.stringify([2, 'm2', 'Reset', { type: 'Sideways' }]));
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, 'm2', 'PropertyConstraintViolation']);
    await h.close();
    h = await harness('2.0.1');
    h.endpoint.handle('Reset', () => ({ status: 'Accepted' }));
    h.send(JSON.stringify([2, 'm3', 'Reset', {}]));
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, 'm3', 'OccurrenceConstraintViolation']);
    h.send(JSON.stringify([2, 'm4', 'Reset', { type: 'Immediate', extra: 1 }]));
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, 'm4', 'FormatViolation']);
  });

  it('answers an unknown action NotImplemented, a known one without handler NotSupported, and a handler RpcError with its code', async () => {
    h = await harness('1.6');
    h.endpoint.handle('ClearCache', () => {
      throw new RpcError('GenericError', 'cache on fire', { why: 'test' });
    });
    h.send(JSON.stringify([2, 'u1', 'Teleport', {}]));
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, 'u1', 'NotImplemented']);
    h.send(JSON.stringify([2, 'u2', 'GetLocalListVersion', {}]));
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, 'u2', 'NotSupported']);
    h.send(JSON.stringify([2, 'u3', 'ClearCache', {}]));
    expect(JSON.parse(await h.nextReceived())).to.deep.equal([4, 'u3', 'GenericError', 'cache on fire', { why: 'test' }]);
    // A CALL only the other side may send (BootNotification to a station) is refused too.
    h.send(JSON.stringify([2, 'u4', 'BootNotification', { chargePointVendor: 'x', chargePointModel: 'y' }]));
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, 'u4', 'NotImplemented']);
  });

  it('answers InternalError when a handler throws, and reports the problem', async () => {
    h = await harness('2.0.1');
    const problems: Error[] = [];
    h.endpoint.on('problem', (e) => problems.push(e));
    h.endpoint.handle('ClearCache', () => {
      throw new Error('bug');
    });
    h.send(JSON.stringify([2, 'x1', 'ClearCache', {}]));
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, 'x1', 'InternalError']);
    expect(problems.map((e) => e.message)).to.deep.equal(['bug']);
  });

  it('leaves a CALL unanswered when the handler returns NO_REPLY', async () => {
    h = await harness('1.6');
    h.endpoint.handle('ClearCache', () => NO_REPLY);
    h.endpoint.handle('Reset', () => ({ status: 'Accepted' }));
    h.send(JSON.stringify([2, 'n1', 'ClearCache', {}]));
    h.send(JSON.stringify([2, 'n2', 'Reset', { type: 'Hard' }]));
    expect(JSON.parse(await h.nextReceived())[1]).to.equal('n2');
  });

  it('answers unreadable frames where it can: a malformed CALL with its id, 2.0.1 garbage with id "-1"; never crashes', async () => {
    h = await harness('2.0.1');
    h.send(JSON.stringify([2, 'bad', 'Reset']));
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, 'bad', 'FormatViolation']);
    h.send('this is not json');
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, '-1', 'FormatViolation']);
    h.send(JSON.stringify([9, 'typ', {}]));
    expect(JSON.parse(await h.nextReceived()).slice(0, 3)).to.deep.equal([4, 'typ', 'MessageTypeNotSupported']);
    // Responses nobody asked for are only recorded, with their finding.
    h.send(JSON.stringify([3, 'nobody-asked', {}]));
    const stray = await h.log.waitFor({ type: 'CALLRESULT' });
    expect(stray.errors.map((e) => e.rule)).to.deep.equal(['rpc.unknown-id']);
    expect(h.endpoint.isOpen).to.equal(true);
  });

  it('sends raw text as given and records it, invalid or not', async () => {
    h = await harness('1.6');
    h.endpoint.sendRaw('[2,"raw-1","Heartbeat",{"unexpected":true}]');
    expect(await h.nextReceived()).to.equal('[2,"raw-1","Heartbeat",{"unexpected":true}]');
    const rec: FrameRecord = h.log.records[0];
    expect(rec).to.include({ type: 'CALL', action: 'Heartbeat', valid: false });
    expect(payloadOf(rec)).to.deep.equal({ unexpected: true });
  });
});
