import { expect } from 'chai';
import { unmask, unmaskInPlace } from '../../../src/proxy/mask.js';

/** RFC 6455 §5.3, byte by byte: octet i is XORed with octet i mod 4 of the key. */
function xorByByte(data: Uint8Array, key: Buffer): Buffer {
  return Buffer.from(data.map((b, i) => b ^ key[i % 4]));
}

describe('WebSocket masking', () => {
  const key = Buffer.from([0x9a, 0x01, 0xff, 0x5c]);

  it('unmasks any length at any byte offset exactly as the byte-by-byte definition does', () => {
    for (let length = 0; length <= 21; length++) {
      for (let offset = 0; offset < 4; offset++) {
        const backing = Buffer.from(Array.from({ length: offset + length + 3 }, (_, i) => (i * 53 + 7) & 0xff));
        const data = backing.subarray(offset, offset + length);
        const expected = xorByByte(data, key);
        const after = Buffer.from(backing.subarray(offset + length));
        unmaskInPlace(data, key.readUInt32BE(0));
        expect(data.equals(expected), `length ${length}, offset ${offset}`).to.equal(true);
        expect(backing.subarray(offset + length).equals(after), 'bytes past the payload are untouched').to.equal(true);
      }
    }
  });

  it('unmask leaves its input as it was', () => {
    const data = Buffer.from('[2,"1","Heartbeat",{}]');
    const masked = xorByByte(data, key);
    const copy = Buffer.from(masked);
    expect(unmask(masked, key.readUInt32BE(0)).toString()).to.equal('[2,"1","Heartbeat",{}]');
    expect(masked.equals(copy)).to.equal(true);
  });
});
