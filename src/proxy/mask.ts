/** WebSocket masking (RFC 6455 §5.3): a station's payload is XORed with a 4-byte key, given here as one number (big-endian). */

/** The payload of a masked frame, unmasked into a new buffer (`data` is left as it is). */
export function unmask(data: Uint8Array, mask: number): Buffer {
  const out = Buffer.from(data);
  unmaskInPlace(out, mask);
  return out;
}

/** XORs `data` with the key, in place. Indexing a plain Uint8Array view is faster than a Buffer's in this loop. */
export function unmaskInPlace(data: Uint8Array, mask: number): void {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.length);
  const key = [mask >>> 24, (mask >>> 16) & 0xff, (mask >>> 8) & 0xff, mask & 0xff];
  for (let i = 0; i < bytes.length; i++) bytes[i] ^= key[i & 3];
}
