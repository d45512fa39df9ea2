import type { Socket } from 'node:net';
import type { Direction, Side } from '../types.js';
import { closeFrame, FrameTap } from './frame-tap.js';
import type { RecordChannel } from './record-pipeline.js';
import { CLOSE_GRACE_MS, closeEventDetail, forwardedClose, otherSide, type CloseInitiator, type SessionBase } from './session-common.js';

/**
 * Observe mode: one station <-> CSMS connection relayed as raw bytes after the handshakes. Each chunk is
 * written to the other side as it arrives, so frames, masks, fragmentation, pings, pongs and close frames
 * cross exactly as sent; a FrameTap per direction reads the same chunks, and every message goes, after it was
 * forwarded, to the record thread, which inspects and logs it (RecordPipeline). The proxy writes frames of its
 * own only when a side vanishes without a close frame (1001, or 1011 after a socket error) and when it shuts down.
 */
export interface RelayOptions extends SessionBase {
  /** Where this connection's messages go to be inspected and logged. */
  records: RecordChannel;
  cs: Socket;
  csms: Socket;
}

interface End {
  socket: Socket;
  tap: FrameTap;
  /** The close frame this side sent (code 1005: it carried none). */
  closeFrame?: { code: number; reason: string };
  error?: Error & { code?: string };
  /** This side's socket is fully closed. */
  gone: boolean;
  /** Not read while the other side's queue is over the high-water mark, or while the record thread catches up. */
  paused: boolean;
  heldForRecords: boolean;
}

export class RelaySession {
  readonly ended: Promise<void>;
  private end!: () => void;
  private readonly ends: Record<Side, End>;
  private initiator: CloseInitiator | undefined;
  /** Once the proxy has spoken a close frame of its own, the sides' replies are not relayed (each already got one). */
  private relaying = true;
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly openedAt = Date.now();
  private frames = 0;
  /** Whether the chunk being tapped reached the other side; stamped on the messages it completes. */
  private delivered = true;

  constructor(private readonly o: RelayOptions) {
    this.ends = { cs: this.endFor('cs', o.cs), csms: this.endFor('csms', o.csms) };
    this.ended = new Promise((resolve) => (this.end = resolve));
  }

  start(): void {
    for (const side of ['cs', 'csms'] as const) this.wire(side);
    for (const side of ['cs', 'csms'] as const) {
      // A side that failed while the handshakes completed: its close was not observed.
      if (this.ends[side].socket.destroyed) this.onSocketClosed(side);
      else this.ends[side].socket.resume();
    }
  }

  /** Closes both sides with `code` (the proxy is shutting down) and resolves when both are closed. */
  shutdown(code = 1001, reason = 'proxy shutting down'): Promise<void> {
    if (!this.initiator) {
      this.initiator = { by: 'proxy', code, reason, forwardedCode: code };
      this.relaying = false;
      for (const side of ['cs', 'csms'] as const) this.sendOwnClose(side, code, reason);
      this.armGraceTimer();
    }
    return this.ended;
  }

  private endFor(side: Side, socket: Socket): End {
    const dir: Direction = side === 'cs' ? 'cs->csms' : 'csms->cs';
    const tap = new FrameTap(side === 'cs', {
      message: (data, binary, mask) => this.onMessage(dir, data, binary, mask),
      close: (code, reason) => this.onCloseFrame(side, code, reason),
      broken: (message, code) => this.o.publishEvent('protocol-error', { side, message, code, note: 'forwarded unchanged; no further frames from this side are inspected' }),
    });
    return { socket, tap, gone: false, paused: false, heldForRecords: false };
  }

  private wire(side: Side): void {
    const from = this.ends[side];
    const to = this.ends[otherSide(side)];
    from.socket.on('data', (chunk: Buffer) => {
      this.delivered = this.relaying && !to.gone && to.socket.writable;
      if (this.delivered) this.forward(from, to, side, chunk);
      try {
        from.tap.feed(chunk);
      } catch (e) {
        // A bug in reading frames must not take the connection down: the bytes have gone on already.
        this.o.publishEvent('error', { side: 'proxy', message: `reading a frame failed: ${e instanceof Error ? e.message : String(e)}` });
      }
      if (this.o.records.congested()) this.holdForRecords(from);
    });
    from.socket.on('error', (err: Error & { code?: string }) => {
      from.error = err;
      this.o.publishEvent('error', { side, message: err.message, code: err.code });
    });
    from.socket.on('end', () => this.onEnd(side));
    from.socket.on('close', () => this.onSocketClosed(side));
  }

  /** Writes to the other side; stops reading from `side` while the other side's queue is over the high-water mark. */
  private forward(from: End, to: End, side: Side, chunk: Buffer): void {
    to.socket.write(chunk);
    if (from.paused || to.socket.writableLength <= this.o.highWaterMark) return;
    from.paused = true;
    from.socket.pause();
    this.o.onBackpressure();
    // Rare by construction (only past the high-water mark), and the first thing to look at when a side is slow.
    this.o.publishEvent('backpressure', { paused: side, queuedBytes: to.socket.writableLength });
    to.socket.once('drain', () => {
      from.paused = false;
      if (!from.heldForRecords) from.socket.resume();
    });
  }

  /** The record thread is behind by more than it may be: stop reading from this side until it catches up. */
  private holdForRecords(from: End): void {
    if (from.heldForRecords) return;
    from.heldForRecords = true;
    from.socket.pause();
    this.o.onBackpressure();
    this.o.publishEvent('backpressure', { paused: from === this.ends.cs ? 'cs' : 'csms', recordBacklogBytes: this.o.records.backlog() });
    this.o.records.whenUncongested(() => {
      from.heldForRecords = false;
      if (!from.paused) from.socket.resume();
    });
  }

  private onMessage(dir: Direction, data: Buffer, binary: boolean, mask: number | undefined): void {
    this.frames++;
    this.o.records.message(dir, binary, this.delivered, Date.now(), data, mask);
  }

  private onCloseFrame(side: Side, code: number, reason: string): void {
    this.ends[side].closeFrame = { code, reason };
    if (!this.initiator) {
      // Relayed as bytes; 1005 (no code in the frame) goes on as the same empty close frame.
      this.initiator = { by: side, code, reason, forwardedCode: code === 1005 ? null : code };
      this.armGraceTimer();
    } else if (!this.relaying) {
      // The reply to a close frame the proxy sent: this side is done.
      this.ends[side].socket.end();
    }
  }

  /** The side's TCP stream ended: pass the end on, after a close frame of the proxy's own if it sent none. */
  private onEnd(side: Side): void {
    const from = this.ends[side];
    const to = this.ends[otherSide(side)];
    if (!from.closeFrame && !this.initiator) this.vanished(side);
    else if (this.relaying && !to.gone) to.socket.end();
    from.socket.end();
  }

  private onSocketClosed(side: Side): void {
    const from = this.ends[side];
    if (from.gone) return;
    from.gone = true;
    if (!from.closeFrame && !this.initiator) this.vanished(side);
    const to = this.ends[otherSide(side)];
    if (!to.gone && this.relaying) to.socket.end();
    if (this.ends.cs.gone && this.ends.csms.gone) this.finish();
  }

  /** A side went away without a close frame: the other side gets 1001 (1011 after a socket error). */
  private vanished(side: Side): void {
    const forwarded = forwardedClose(side, 1006, '', this.ends[side].error !== undefined);
    this.initiator = { by: side, code: 1006, reason: '', forwardedCode: forwarded.code ?? null };
    this.relaying = false;
    this.sendOwnClose(otherSide(side), forwarded.code!, forwarded.reason!);
    this.armGraceTimer();
  }

  private sendOwnClose(to: Side, code: number, reason: string): void {
    const end = this.ends[to];
    if (end.gone || !end.socket.writable) return;
    end.socket.write(closeFrame(code, reason, to === 'csms'));
  }

  private armGraceTimer(): void {
    this.graceTimer ??= setTimeout(() => {
      for (const side of ['cs', 'csms'] as const) if (!this.ends[side].gone) this.ends[side].socket.destroy();
    }, CLOSE_GRACE_MS);
  }

  private finish(): void {
    clearTimeout(this.graceTimer);
    const i = this.initiator!;
    const peer = i.by === 'proxy' ? undefined : this.ends[otherSide(i.by)].closeFrame;
    this.o.publishEvent('close', closeEventDetail(i, peer?.code, this.frames, this.openedAt));
    this.o.records.close();
    this.end();
  }
}
