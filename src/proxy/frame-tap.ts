import * as ws from 'ws';

/**
 * Reads the WebSocket frames of one direction of a relayed connection without taking part in it: the bytes are
 * forwarded by the relay as they came, and a copy is fed here to see the messages, pings and closes in them.
 * ws's own frame parser does the work; it only unmasks a copy, so the forwarded bytes stay exactly as sent.
 */
export interface TapEvents {
  message(data: Buffer, binary: boolean): void;
  close(code: number, reason: string): void;
  /** The bytes break RFC 6455 (or exceed the inspection limit); nothing more is read in this direction. */
  broken(message: string, code: string | undefined): void;
}

/** The part of ws's (untyped) Receiver the tap uses. */
interface Receiver {
  write(chunk: Buffer): boolean;
  on(event: 'message', listener: (data: Buffer, binary: boolean) => void): this;
  on(event: 'conclude', listener: (code: number, reason: Buffer) => void): this;
  on(event: 'error', listener: (err: Error & { code?: string }) => void): this;
  on(event: 'ping' | 'pong' | 'drain', listener: () => void): this;
}

interface WsParts {
  Receiver: new (options: object) => Receiver;
  Sender: { frame(data: Buffer, options: object): Buffer[] };
}
/** ws exports its frame parser and writer (untyped); ESM gets them as named exports, CommonJS on the default one. */
const parts = ((ws as unknown as Partial<WsParts>).Receiver ? ws : (ws as unknown as { default: WsParts }).default) as unknown as WsParts;

/** Messages larger than this are forwarded but not buffered for inspection. */
export const MAX_INSPECTED_MESSAGE = 16 * 1024 * 1024;

export class FrameTap {
  private readonly receiver: Receiver;
  private stopped = false;

  /** `fromClient`: frames from the station are masked, and are unmasked in place, so they are fed a copy. */
  constructor(
    private readonly fromClient: boolean,
    events: TapEvents,
  ) {
    this.receiver = new parts.Receiver({ isServer: fromClient, skipUTF8Validation: true, maxPayload: MAX_INSPECTED_MESSAGE });
    this.receiver.on('message', (data, binary) => events.message(data, binary));
    this.receiver.on('conclude', (code, reason) => {
      // The receiver ends after a close frame; nothing after it is a message.
      this.stopped = true;
      events.close(code, reason.toString('utf8'));
    });
    this.receiver.on('error', (err) => {
      this.stopped = true;
      events.broken(err.message, err.code);
    });
    // Pings and pongs travel in the forwarded bytes; the tap only has to consume them.
    this.receiver.on('ping', () => {});
    this.receiver.on('pong', () => {});
  }

  feed(chunk: Buffer): void {
    if (this.stopped) return;
    this.receiver.write(this.fromClient ? Buffer.from(chunk) : chunk);
  }
}

/** The close frame the proxy itself sends (a side vanished, or the proxy shuts down); masked towards the CSMS. */
export function closeFrame(code: number, reason: string, masked: boolean): Buffer {
  const text = Buffer.from(reason, 'utf8').subarray(0, 123);
  const payload = Buffer.alloc(2 + text.length);
  payload.writeUInt16BE(code, 0);
  text.copy(payload, 2);
  return Buffer.concat(parts.Sender.frame(payload, { fin: true, opcode: 0x08, mask: masked, readOnly: false, rsv1: false }));
}
