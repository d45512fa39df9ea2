import type { Side, Version } from '../types.js';
import type { ProxyFrameRecord } from './types.js';

/** What both kinds of session (relay and enforce) are given by the proxy server. */
export interface SessionBase {
  conn: string;
  station: string;
  version: Version;
  responseTimeoutMs?: number;
  /** Bytes queued towards one side before the proxy stops reading from the other. */
  highWaterMark: number;
  publishFrame(record: ProxyFrameRecord): void;
  publishEvent(event: string, detail: Record<string, unknown>): void;
  onBackpressure(): void;
}

/** How long the other side gets to finish its closing handshake before its socket is destroyed. */
export const CLOSE_GRACE_MS = 5000;

/** Who closed first, with what, and what the proxy passed on to the other side (null: a close without a code). */
export interface CloseInitiator {
  by: Side | 'proxy';
  code: number;
  reason: string;
  forwardedCode: number | null;
}

/** The `close` event of a connection, once both sides are closed. */
export function closeEventDetail(i: CloseInitiator, peerCode: number | undefined, frames: number, openedAt: number): Record<string, unknown> {
  return { by: i.by, code: i.code, reason: i.reason, forwardedCode: i.forwardedCode, peerCode, frames, durationMs: Date.now() - openedAt };
}

/** What the proxy tells the other side when `side` closed with `code`. 1005/1006/1015 cannot be sent on the wire. */
export function forwardedClose(side: Side, code: number, reason: string, errored: boolean): { code?: number; reason?: string } {
  if (code === 1005) return {};
  if (code === 1006 || code === 1015) {
    const who = side === 'cs' ? 'station' : 'CSMS';
    return errored ? { code: 1011, reason: `the ${who} connection failed` } : { code: 1001, reason: `the ${who} went away` };
  }
  return { code, reason };
}

export function otherSide(side: Side): Side {
  return side === 'cs' ? 'csms' : 'cs';
}
