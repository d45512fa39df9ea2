import * as ws from 'ws';
import { unmask } from './mask.js';

/**
 * Reads the WebSocket frames (RFC 6455 §5) of one direction of a relayed connection without taking part in it: the
 * relay forwards the bytes as they came, and the same chunks are read here to see the messages and close frames in
 * them. The chunks are never modified (a masked payload is unmasked into a copy), and nothing is kept between
 * messages but the bytes of an unfinished frame: ws's own Receiver, tried first, kept views of old chunks (its mask)
 * alive from one message to the next, and with a thousand connections that was a megabyte promoted by every
 * young-generation collection, and a third of the proxy's CPU.
 */
export interface TapEvents {
  /**
   * A whole message. `mask`: a station's message that came in one frame is handed on as it is in the chunk, still
   * masked with this key (RFC 6455 §5.3, its 4 bytes big-endian); whoever reads it unmasks it into its own copy
   * (see mask.ts), so its bytes are copied once rather than twice on the proxy's busiest path.
   */
  message(data: Buffer, binary: boolean, mask?: number): void;
  close(code: number, reason: string): void;
  /** The bytes break RFC 6455 (or exceed the inspection limit); nothing more is read in this direction. */
  broken(message: string, code: string): void;
}

/** Messages larger than this are forwarded but not buffered for inspection. */
export const MAX_INSPECTED_MESSAGE = 16 * 1024 * 1024;

const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;

class Broken extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export class FrameTap {
  /** The chunks (or their tail) holding a frame not complete yet, and how many bytes that frame needs in all. */
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private needed = 0;
  /** The fragments of a message whose final frame has not come yet. */
  private fragments: Buffer[] | undefined;
  private fragmentsLength = 0;
  private fragmentedBinary = false;
  private stopped = false;

  /** `fromClient`: frames from the station, which must be masked (§5.1); the CSMS's must not be. */
  constructor(
    private readonly fromClient: boolean,
    private readonly events: TapEvents,
  ) {}

  /** One chunk as read from the socket; it is never modified (the relay forwards the same bytes). */
  feed(chunk: Buffer): void {
    if (this.stopped) return;
    let data = chunk;
    if (this.pendingLength > 0) {
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      // A large frame comes in many chunks: join them once it is all here, not at every chunk.
      if (this.pendingLength < this.needed) return;
      data = Buffer.concat(this.pending, this.pendingLength);
      this.pending = [];
      this.pendingLength = 0;
    }
    try {
      let offset = 0;
      while (!this.stopped && offset < data.length) {
        const used = this.frameAt(data, offset);
        if (used <= 0) {
          this.pending = [data.subarray(offset)];
          this.pendingLength = data.length - offset;
          this.needed = -used;
          return;
        }
        offset += used;
      }
    } catch (e) {
      if (!(e instanceof Broken)) throw e;
      this.stop();
      this.events.broken(e.message, e.code);
    }
  }

  private stop(): void {
    this.stopped = true;
    this.pending = [];
    this.pendingLength = 0;
    this.fragments = undefined;
  }

  /**
   * Reads the frame at `offset` and returns the bytes it took; when the frame is not complete yet, minus the bytes it
   * needs in all (0: its header is not complete either).
   */
  private frameAt(data: Buffer, offset: number): number {
    if (data.length - offset < 2) return 0;
    const b0 = data[offset];
    const b1 = data[offset + 1];
    const fin = (b0 & 0x80) !== 0;
    const opcode = b0 & 0x0f;
    const masked = (b1 & 0x80) !== 0;
    if ((b0 & 0x70) !== 0) throw new Broken(`reserved bits RSV1-3 set (${(b0 & 0x70) >> 4}) without a negotiated extension`, 'rsv-bits');
    if (masked !== this.fromClient) throw new Broken(this.fromClient ? 'a frame from the station is not masked' : 'a frame from the CSMS is masked', 'masking');
    const control = (opcode & 0x08) !== 0;
    if (control ? opcode > 0xa : opcode > OP_BINARY) throw new Broken(`unknown opcode 0x${opcode.toString(16)}`, 'opcode');
    let length = b1 & 0x7f;
    let head = 2;
    if (length === 126) {
      if (data.length - offset < 4) return 0;
      length = data.readUInt16BE(offset + 2);
      head = 4;
    } else if (length === 127) {
      if (data.length - offset < 10) return 0;
      const high = data.readUInt32BE(offset + 2);
      if (high > 0x1fffff) throw new Broken('a 64-bit payload length beyond 2^53 - 1', 'length');
      length = high * 2 ** 32 + data.readUInt32BE(offset + 6);
      head = 10;
    }
    if (control && (!fin || length > 125)) throw new Broken('a control frame that is fragmented or longer than 125 bytes', 'control-frame');
    if (!control && this.fragmentsLength + length > MAX_INSPECTED_MESSAGE) throw new Broken(`a message over ${MAX_INSPECTED_MESSAGE} bytes, too large to inspect`, 'message-too-large');
    const maskAt = offset + head;
    if (masked) head += 4;
    if (data.length - offset < head + length) return -(head + length);
    const start = offset + head;
    if (masked && fin && (opcode === OP_TEXT || opcode === OP_BINARY) && !this.fragments) {
      this.events.message(data.subarray(start, start + length), opcode === OP_BINARY, data.readUInt32BE(maskAt));
      return head + length;
    }
    // Unmasked into a copy (the relay may still be sending the chunk); an unmasked payload is only looked at.
    const payload = masked ? unmask(data.subarray(start, start + length), data.readUInt32BE(maskAt)) : data.subarray(start, start + length);
    if (control) this.controlFrame(opcode, payload);
    else this.dataFrame(opcode, fin, payload);
    return head + length;
  }

  private dataFrame(opcode: number, fin: boolean, payload: Buffer): void {
    if (opcode === OP_CONTINUATION) {
      if (!this.fragments) throw new Broken('a continuation frame with no message to continue', 'continuation');
      this.fragments.push(payload);
      this.fragmentsLength += payload.length;
    } else {
      if (this.fragments) throw new Broken('a new message before the fragmented one was finished', 'continuation');
      if (fin) return this.events.message(payload, opcode === OP_BINARY);
      this.fragments = [payload];
      this.fragmentsLength = payload.length;
      this.fragmentedBinary = opcode === OP_BINARY;
      return;
    }
    if (!fin) return;
    const whole = Buffer.concat(this.fragments, this.fragmentsLength);
    this.fragments = undefined;
    this.fragmentsLength = 0;
    this.events.message(whole, this.fragmentedBinary);
  }

  private controlFrame(opcode: number, payload: Buffer): void {
    // Pings and pongs travel in the forwarded bytes; only the close frame means something here.
    if (opcode !== OP_CLOSE) return;
    if (payload.length === 1) throw new Broken('a close frame with a 1-byte payload', 'close-frame');
    const code = payload.length === 0 ? 1005 : payload.readUInt16BE(0);
    if (payload.length > 0 && !validCloseCode(code)) throw new Broken(`a close frame with the invalid status code ${code}`, 'close-frame');
    // Nothing after a close frame is a message (§5.5.1).
    this.stop();
    this.events.close(code, payload.subarray(2).toString('utf8'));
  }
}

/** §7.4: codes a peer may send (1005, 1006 and 1015 are never sent; 1016-2999 are reserved). */
function validCloseCode(code: number): boolean {
  return (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999);
}

/** The close frame the proxy itself sends (a side vanished, or the proxy shuts down); masked towards the CSMS. */
export function closeFrame(code: number, reason: string, masked: boolean): Buffer {
  const text = Buffer.from(reason, 'utf8').subarray(0, 123);
  const payload = Buffer.alloc(2 + text.length);
  payload.writeUInt16BE(code, 0);
  text.copy(payload, 2);
  const Sender = ((ws as unknown as { Sender?: unknown }).Sender ?? (ws as unknown as { default: { Sender: unknown } }).default.Sender) as { frame(data: Buffer, o: object): Buffer[] };
  return Buffer.concat(Sender.frame(payload, { fin: true, opcode: 0x08, mask: masked, readOnly: false, rsv1: false }));
}
