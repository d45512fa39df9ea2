import { expect } from 'chai';
import { closeSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonlWriter } from '../../../src/log/jsonl-writer.js';
import { BatchBuilder } from '../../../src/proxy/record-batch.js';
import { RecordSink, type EchoedRecord } from '../../../src/proxy/record-sink.js';

const openEvent = (conn: string) => ({ ts: new Date(0).toISOString(), station: `CP-${conn}`, conn, event: 'open' });

describe('RecordSink (the record thread\'s work for one proxy)', () => {
  let dir: string;
  let file: { path: string; fd: number };
  let echoed: EchoedRecord[];
  let sink: RecordSink;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'record-sink-'));
    file = JsonlWriter.createFile(dir);
    echoed = [];
    sink = new RecordSink(file, { echo: (r) => echoed.push(...r), logFailed: () => {} });
  });
  afterEach(() => {
    closeSync(file.fd);
    rmSync(dir, { recursive: true, force: true });
  });
  const logged = () => readFileSync(file.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

  it('inspects each connection with its own protocol state, and logs, counts and echoes in the order handed in', async () => {
    const b = new BatchBuilder();
    for (const [handle, conn] of [[1, 'c1'], [2, 'c2']] as const) {
      b.other({ kind: 'open', handle, station: `CP-${conn}`, conn, version: '1.6' });
      b.other({ kind: 'event', record: openEvent(conn), echo: true });
    }
    b.message(1, 'cs->csms', false, true, true, 1000, Buffer.from('[2,"7","Heartbeat",{}]'));
    b.message(2, 'cs->csms', false, true, true, 1001, Buffer.from('[2,"7","Heartbeat",{}]'));
    // Not echoed: nobody on the main thread listened for frames when it was relayed.
    b.message(2, 'csms->cs', false, true, false, 1030, Buffer.from('[3,"7",{"currentTime":"2024-01-01T00:00:00Z"}]'));
    b.message(1, 'csms->cs', false, false, true, 1050, Buffer.from('[3,"7",{}]'));
    sink.take(b.take(1, false).batch);

    expect(echoed.map(([kind, r]) => (kind === 'event' ? `${r.conn} ${r.event}` : `${r.conn} ${r.type} ${r.valid}`))).to.deep.equal([
      'c1 open',
      'c2 open',
      'c1 CALL true',
      'c2 CALL true',
      'c1 CALLRESULT false',
    ]);
    const answer = echoed[4][1];
    expect(answer).to.deep.include({ action: 'Heartbeat', latencyMs: 50, undelivered: true, station: 'CP-c1' });
    expect((answer as { errors: Array<{ rule: string }> }).errors.map((e) => e.rule)).to.deep.equal(['schema.required']);

    await sink.flush();
    expect(logged().map((r) => r.event ?? `${r.conn} ${r.dir}`)).to.deep.equal(['open', 'open', 'c1 cs->csms', 'c2 cs->csms', 'c2 csms->cs', 'c1 csms->cs']);
    const stats = sink.snapshot();
    expect(stats.stations).to.equal(2);
    expect(stats.frames).to.deep.include({ total: 4, toCsms: 2, toStation: 2, invalid: 1, undelivered: 1 });
    expect(stats.byRule).to.deep.equal({ 'schema.required': 1 });
  });

  it('turns a failure on one item into an error event in its place, and handles the items after it', async () => {
    const b = new BatchBuilder();
    b.other({ kind: 'open', handle: 1, station: 'CP1', conn: 'c1', version: '2.0.1' });
    b.other({ kind: 'close', handle: 1 });
    // The connection is closed, so its state is gone: a message on it can only come from a bug.
    b.message(1, 'cs->csms', false, true, true, 0, Buffer.from('[2,"1","Heartbeat",{}]'));
    b.other({ kind: 'event', record: openEvent('c2'), echo: false });
    sink.take(b.take(1, false).batch);
    expect(echoed).to.have.length(1);
    expect(echoed[0][1]).to.deep.include({ event: 'error', side: 'proxy', message: 'inspecting a frame failed: no connection 1' });
    await sink.flush();
    expect(logged().map((r) => r.event)).to.deep.equal(['error', 'open']);
  });

  it('redacts secrets in the log but echoes the record as it was (the console and live view redact on their own)', async () => {
    const b = new BatchBuilder();
    b.other({ kind: 'open', handle: 1, station: 'CP1', conn: 'c1', version: '1.6' });
    b.message(1, 'csms->cs', false, true, true, 0, Buffer.from('[2,"1","ChangeConfiguration",{"key":"AuthorizationKey","value":"s3cr3t-key-0123"}]'));
    sink.take(b.take(1, false).batch);
    await sink.flush();
    expect(readFileSync(file.path, 'utf8')).not.to.include('s3cr3t-key-0123');
    expect(logged()[0]).to.deep.include({ redacted: true });
    expect((echoed[0][1] as { raw: string }).raw).to.include('s3cr3t-key-0123');
  });
});
