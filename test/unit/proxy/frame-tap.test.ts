import { expect } from 'chai';
import * as ws from 'ws';
import { FrameTap, MAX_INSPECTED_MESSAGE } from '../../../src/proxy/frame-tap.js';
import { unmask } from '../../../src/proxy/mask.js';

/** The relay's frame reader against frames written by ws's own Sender, split at every possible place. */
const Sender = ((ws as unknown as { Sender?: unknown }).Sender ?? (ws as unknown as { default: { Sender: unknown } }).default.Sender) as { frame(data: Buffer, o: object): Buffer[] };

function frame(opcode: number, payload: string | Buffer, o: { fin?: boolean; mask?: boolean; rsv1?: boolean } = {}): Buffer {
  const data = typeof payload === 'string' ? Buffer.from(payload) : payload;
  return Buffer.concat(Sender.frame(Buffer.from(data), { fin: o.fin ?? true, opcode, mask: o.mask ?? false, readOnly: false, rsv1: o.rsv1 ?? false }));
}

function reader(fromClient: boolean) {
  const seen: string[] = [];
  const tap = new FrameTap(fromClient, {
    // A station's single-frame message comes still masked, with its key.
    message: (masked, binary, mask) => {
      const data = mask === undefined ? masked : unmask(masked, mask);
      seen.push(`${binary ? 'binary' : 'text'}:${binary ? data.toString('hex') : data.toString('utf8')}`);
    },
    close: (code, reason) => seen.push(`close:${code}:${reason}`),
    broken: (message, code) => seen.push(`broken:${code}:${message}`),
  });
  return { tap, seen };
}

describe('FrameTap', () => {
  const closing = (mask: boolean) => frame(0x8, Buffer.concat([Buffer.from([0x03, 0xe8]), Buffer.from('bye')]), { mask });
  const stream = (mask: boolean) =>
    Buffer.concat([
      frame(0x1, '[2,"1","Heartbeat",{}]', { mask }),
      frame(0x1, '[2,"2","Heart', { fin: false, mask }),
      frame(0x9, 'ping', { mask }),
      frame(0x0, 'beat",{}]', { mask }),
      frame(0x2, Buffer.from([0, 255]), { mask }),
      frame(0x1, 'x'.repeat(300), { mask }),
      closing(mask),
    ]);
  const expected = ['text:[2,"1","Heartbeat",{}]', 'text:[2,"2","Heartbeat",{}]', 'binary:00ff', `text:${'x'.repeat(300)}`, 'close:1000:bye'];

  for (const fromClient of [true, false]) {
    it(`${fromClient ? 'masked (station)' : 'unmasked (CSMS)'} frames: the same messages however the bytes are split, and the chunks are left as they were`, () => {
      const bytes = stream(fromClient);
      for (let cut = 0; cut <= bytes.length; cut++) {
        const { tap, seen } = reader(fromClient);
        const a = Buffer.from(bytes.subarray(0, cut));
        const b = Buffer.from(bytes.subarray(cut));
        tap.feed(a);
        tap.feed(b);
        expect(seen, `split at ${cut}`).to.deep.equal(expected);
        expect(Buffer.concat([a, b]).equals(bytes), 'chunks unchanged').to.equal(true);
      }
      const { tap, seen } = reader(fromClient);
      for (const byte of bytes) tap.feed(Buffer.from([byte]));
      expect(seen, 'byte by byte').to.deep.equal(expected);
    });
  }

  it('reads a large frame that comes in many chunks', () => {
    const big = frame(0x1, 'y'.repeat(1024 * 1024), { mask: true });
    const { tap, seen } = reader(true);
    for (let i = 0; i < big.length; i += 65536) tap.feed(big.subarray(i, i + 65536));
    expect(seen).to.deep.equal([`text:${'y'.repeat(1024 * 1024)}`]);
  });

  it('reports what breaks RFC 6455 once, by name, and reads no further', () => {
    const cases: Array<[boolean, Buffer, RegExp]> = [
      [true, frame(0x1, 'x', { mask: true, rsv1: true }), /^broken:rsv-bits:reserved bits RSV1/],
      [true, frame(0x1, 'x'), /^broken:masking:a frame from the station is not masked/],
      [false, frame(0x1, 'x', { mask: true }), /^broken:masking:a frame from the CSMS is masked/],
      [false, Buffer.from([0x83, 0x00]), /^broken:opcode:unknown opcode 0x3/],
      [false, Buffer.concat([Buffer.from([0x89, 126, 0, 200]), Buffer.alloc(200)]), /^broken:control-frame:/],
      [false, frame(0x0, 'orphan'), /^broken:continuation:a continuation frame with no message/],
      [false, Buffer.concat([frame(0x1, 'a', { fin: false }), frame(0x1, 'b')]), /^broken:continuation:a new message before/],
      [false, frame(0x8, Buffer.from([0x03, 0xed])), /^broken:close-frame:a close frame with the invalid status code 1005/],
      [false, Buffer.from([0x82, 127, 0, 0, 0, 0, 0x01, 0, 0, 1]), new RegExp(`^broken:message-too-large:a message over ${MAX_INSPECTED_MESSAGE} bytes`)],
    ];
    for (const [fromClient, bytes, pattern] of cases) {
      const { tap, seen } = reader(fromClient);
      tap.feed(bytes);
      tap.feed(frame(0x1, 'after', { mask: fromClient }));
      expect(seen, bytes.toString('hex')).to.have.length(1);
      expect(seen[0]).to.match(pattern);
    }
  });

  it('takes a close frame without a code as 1005, and nothing after a close frame as a message', () => {
    const { tap, seen } = reader(false);
    tap.feed(Buffer.concat([frame(0x8, Buffer.alloc(0)), frame(0x1, 'late')]));
    expect(seen).to.deep.equal(['close:1005:']);
  });
});
