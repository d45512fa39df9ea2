/** WebSocket masking (RFC 6455 §5.3): a station's payload is XORed with a 4-byte key, given here as one number (big-endian). */

/** The payload of a masked frame, unmasked into a new buffer (`data` is left as it is). */
export function unmask(data: Uint8Array, mask: number): Buffer {
  const out = Buffer.from(data);
  unmaskInPlace(out, mask);
  return out;
}

/** XORs `data` with the key, in place: four bytes at a time (the key is big-endian, as DataView reads by default), then the rest. */
export function unmaskInPlace(data: Uint8Array, mask: number): void {
  const view = new DataView(data.buffer, data.byteOffset, data.length);
  const whole = data.length & ~3;
  let i = 0;
  for (; i < whole; i += 4) view.setInt32(i, view.getInt32(i) ^ mask);
  for (; i < data.length; i++) data[i] ^= mask >>> (24 - 8 * (i & 3));
}
