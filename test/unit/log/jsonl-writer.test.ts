import { expect } from 'chai';
import { pbkdf2 } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonlWriter } from '../../../src/log/jsonl-writer.js';
import type { FrameRecord } from '../../../src/types.js';

function frame(i: number, raw = `[2,"${i}","Heartbeat",{}]`): FrameRecord {
  return { ts: new Date(0).toISOString(), station: 'CP1', conn: 'c1', dir: 'cs->csms', raw, type: 'CALL', id: String(i), action: 'Heartbeat', version: '1.6', valid: true, errors: [] };
}

function lines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

describe('JsonlWriter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jsonl-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every record in order across many batches, one JSON object per line', async () => {
    const w = JsonlWriter.create(join(dir, 'nested', 'logs'));
    for (let i = 0; i < 5000; i++) {
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
      if (i % 2) w.writeFrame(frame(i));
      else w.writeEvent({ ts: new Date(0).toISOString(), station: 'CP1', conn: 'c1', event: 'tick', i });
    }
    await w.close();
    const got = lines(w.path);
    expect(got).to.have.length(5000);
    got.forEach((r, i) => expect(r.id ?? String(r.i)).to.equal(String(i)));
    expect(w.records).to.equal(5000);
  });

  it('keeps every byte of multi-byte text, lines that fill several blocks and lines larger than a block', async () => {
    const w = JsonlWriter.create(dir);
    const expected: string[] = [];
    // Multi-byte characters (2, 3 and 4 bytes in UTF-8) so that block ends fall inside encoded characters' reach.
    const text = (i: number) => `é€😀${'x'.repeat(i % 997)}`;
    for (let i = 0; i < 3000; i++) {
      const raw = i === 1500 ? 'ü'.repeat(600_000) : JSON.stringify([2, String(i), 'DataTransfer', { vendorId: 'v', data: text(i) }]);
      w.writeFrame(frame(i, raw));
      expected.push(raw);
      if (i % 700 === 0) await new Promise((r) => setImmediate(r));
    }
    w.flushSync();
    await w.close();
    const got = lines(w.path).map((l) => l.raw);
    expect(got.length).to.equal(expected.length);
    expect(got.findIndex((raw, i) => raw !== expected[i])).to.equal(-1);
    expect(w.bytesWritten).to.equal(readFileSync(w.path).length);
  });

  it('flushSync while a write is still in flight keeps the lines in order (the exit path of a busy proxy)', async () => {
    const w = JsonlWriter.create(dir);
    // The thread pool is kept busy, so the batch write below waits in its queue while flushSync runs.
    const busy = Array.from({ length: 4 }, () => new Promise((r) => pbkdf2('p', 's', 300_000, 32, 'sha256', r)));
    // About 300 KB: past the batch size, so a write of these lines is in flight from here on.
    for (let i = 0; i < 3000; i++) w.writeFrame(frame(i));
    for (let i = 3000; i < 3100; i++) w.writeFrame(frame(i));
    w.flushSync();
    await Promise.all(busy);
    await w.close();
    const got = lines(w.path);
    expect(got.map((r) => Number(r.id))).to.deep.equal(Array.from({ length: 3100 }, (_, i) => i));
    expect(w.bytesWritten).to.equal(readFileSync(w.path).length);
  });

  it('flush() resolves once the records handed in are on disk', async () => {
    const w = JsonlWriter.create(dir);
    w.writeFrame(frame(1));
    await w.flush();
    expect(lines(w.path)).to.have.length(1);
    w.writeFrame(frame(2));
    w.flushSync();
    expect(lines(w.path)).to.have.length(2);
    await w.close();
  });

  it('redacts secrets in frame records', async () => {
    const w = JsonlWriter.create(dir);
    w.writeFrame(frame(1, '[2,"1","ChangeConfiguration",{"key":"AuthorizationKey","value":"topsecret-000111"}]'));
    await w.close();
    expect(readFileSync(w.path, 'utf8')).not.to.include('topsecret-000111');
  });

  it('opens a new file per writer, even within the same millisecond', async () => {
    const a = JsonlWriter.create(dir);
    const b = JsonlWriter.create(dir);
    expect(a.path).not.to.equal(b.path);
    await Promise.all([a.close(), b.close()]);
  });
});
