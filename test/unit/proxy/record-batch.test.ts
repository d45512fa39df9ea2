import { expect } from 'chai';
import { MessageChannel } from 'node:worker_threads';
import { BatchBuilder, readBatch, type Batch, type Other, type RelayedMessage } from '../../../src/proxy/record-batch.js';

const event = (name: string) => ({ ts: new Date(0).toISOString(), station: 'CP1', conn: 'c1', event: name });

function walk(batch: Batch): Array<RelayedMessage | Other> {
  const seen: Array<RelayedMessage | Other> = [];
  readBatch(batch, { message: (m) => seen.push(m), other: (o) => seen.push(o) });
  return seen;
}

/** Through a real MessageChannel with the transfer list, as between the proxy's threads. */
function crossThreads(batch: Batch, transfer: ArrayBuffer[]): Promise<Batch> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.once('message', (m: Batch) => {
      port1.close();
      resolve(m);
    });
    port1.postMessage(batch, transfer);
  });
}

describe('record batches (main thread to record thread)', () => {
  it('keeps relayed messages and other items in the order they were added, with every flag and byte', async () => {
    const b = new BatchBuilder();
    b.other({ kind: 'open', handle: 1, station: 'CP1', conn: 'c1', version: '2.0.1' });
    b.message(1, 'cs->csms', false, true, true, 1000, Buffer.from('[2,"1","Heartbeat",{}]'));
    b.other({ kind: 'event', record: event('between'), echo: false });
    b.message(1, 'csms->cs', true, false, false, 1001, Buffer.from([0, 1, 2, 255]));
    b.message(1, 'csms->cs', false, true, false, 1002, Buffer.alloc(0));
    b.other({ kind: 'close', handle: 1 });
    expect(b.size).to.equal(26);
    const { batch, transfer } = b.take(7, true);
    expect(b.empty, 'the builder starts again').to.equal(true);
    const got = walk(await crossThreads(batch, transfer));
    expect(got.map((x) => ('kind' in x ? x.kind : `message ${x.now}`))).to.deep.equal(['open', 'message 1000', 'event', 'message 1001', 'message 1002', 'close']);
    const [m1, m2, m3] = got.filter((x): x is RelayedMessage => !('kind' in x));
    expect(m1).to.deep.include({ handle: 1, dir: 'cs->csms', binary: false, delivered: true, echo: true });
    expect(m1.data.toString()).to.equal('[2,"1","Heartbeat",{}]');
    expect(m2).to.deep.include({ dir: 'csms->cs', binary: true, delivered: false, echo: false });
    expect([...m2.data]).to.deep.equal([0, 1, 2, 255]);
    expect(m3.data.length).to.equal(0);
  });

  it('holds batches of any size, and a builder reused after a large batch starts clean', async () => {
    const b = new BatchBuilder();
    for (let n = 0; n < 1000; n++) b.message(n, n % 2 ? 'csms->cs' : 'cs->csms', false, true, false, n, Buffer.from(`[3,"${n}",{}]`));
    const first = b.take(1, false);
    const got = walk(await crossThreads(first.batch, first.transfer)) as RelayedMessage[];
    expect(got.map((m) => [m.handle, m.dir, m.data.toString()])).to.deep.equal(
      Array.from({ length: 1000 }, (_, n) => [n, n % 2 ? 'csms->cs' : 'cs->csms', `[3,"${n}",{}]`]),
    );
    b.message(5, 'cs->csms', false, true, false, 5, Buffer.from('next'));
    const second = walk(b.take(1, false).batch) as RelayedMessage[];
    expect(second.map((m) => [m.handle, m.data.toString()])).to.deep.equal([[5, 'next']]);
  });

  it('copies the bytes when the batch is taken, so the chunks they came from may be reused afterwards', () => {
    const chunk = Buffer.from('[3,"1",{}]');
    const b = new BatchBuilder();
    b.message(1, 'csms->cs', false, true, false, 0, chunk.subarray(0, 5));
    const { batch } = b.take(1, false);
    chunk.fill(0);
    expect((walk(batch)[0] as RelayedMessage).data.toString()).to.equal('[3,"1');
  });

  it('unmasks a station\'s message in its copy, leaving the chunk it came from masked', async () => {
    const text = '[2,"1","Heartbeat",{}]';
    const key = Buffer.from([0x12, 0x34, 0xab, 0xcd]);
    const chunk = Buffer.from(text).map((b, i) => b ^ key[i & 3]);
    const before = Buffer.from(chunk);
    const b = new BatchBuilder();
    b.message(1, 'cs->csms', false, true, false, 0, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length), key.readUInt32BE(0));
    b.message(1, 'csms->cs', false, true, false, 0, Buffer.from('[3,"1",{}]'));
    const { batch, transfer } = b.take(1, false);
    const [m1, m2] = walk(await crossThreads(batch, transfer)) as RelayedMessage[];
    expect(m1.data.toString()).to.equal(text);
    expect(m2.data.toString(), 'an unmasked message is left alone').to.equal('[3,"1",{}]');
    expect(Buffer.from(chunk).equals(before)).to.equal(true);
  });

  it('transfers its buffers rather than copying them (they are detached on the sending side)', async () => {
    const b = new BatchBuilder();
    b.message(1, 'cs->csms', false, true, false, 0, Buffer.from('x'.repeat(10_000)));
    const { batch, transfer } = b.take(1, false);
    const received = await crossThreads(batch, transfer);
    expect(batch.bytes.byteLength, 'detached after the transfer').to.equal(0);
    expect(received.bytes.byteLength).to.equal(10_000);
  });
});
