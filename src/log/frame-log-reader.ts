import type { ConnectionEventRecord, Direction, Finding, FrameRecord, Version } from '../types.js';
import { finding } from '../ocpp/findings.js';
import { isVersion } from '../ocpp/versions.js';

/**
 * Reads a frame log (JSON Lines, docs/frame-log.md) line by line. Each line becomes a frame, a connection event
 * or a bad line with a finding that names the line; reading never stops at a bad line.
 */
export type LogLine =
  | { kind: 'frame'; line: number; record: Partial<FrameRecord> & FrameFields; source: Record<string, unknown> }
  | { kind: 'event'; line: number; record: ConnectionEventRecord; source: Record<string, unknown> }
  | { kind: 'bad'; line: number; finding: Finding; text: string }
  | { kind: 'blank'; line: number };

/** The fields a frame line must have to be checked. */
export interface FrameFields {
  /** The connection the frame belongs to: `conn` when present, else the station identity. */
  connection: string;
  dir: Direction;
  version: Version;
  raw: string;
  binary?: boolean;
  ts?: string;
}

export function readLogLine(text: string, line: number): LogLine {
  if (text.trim() === '') return { kind: 'blank', line };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad(line, text, `line ${line} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad(line, text, `line ${line} is not a JSON object`);
  const o = value as Record<string, unknown>;
  const connection = typeof o.conn === 'string' ? o.conn : typeof o.station === 'string' ? o.station : undefined;
  if (typeof o.event === 'string') {
    if (connection === undefined) return bad(line, text, `line ${line} is an event without "station" or "conn"`);
    return { kind: 'event', line, record: { ...o, station: String(o.station ?? ''), conn: connection, ts: String(o.ts ?? ''), event: o.event }, source: o };
  }
  const missing: string[] = [];
  if (connection === undefined) missing.push('"station" or "conn"');
  if (o.dir !== 'cs->csms' && o.dir !== 'csms->cs') missing.push('"dir" ("cs->csms" or "csms->cs")');
  if (!isVersion(o.version)) missing.push('"version" ("1.6", "2.0.1" or "2.1")');
  if (typeof o.raw !== 'string') missing.push('"raw" (the frame text)');
  if (missing.length > 0) return bad(line, text, `line ${line} lacks ${missing.join(', ')}`);
  return {
    kind: 'frame',
    line,
    source: o,
    record: {
      connection: connection as string,
      dir: o.dir as Direction,
      version: o.version as Version,
      raw: o.raw as string,
      binary: o.binary === true,
      ts: typeof o.ts === 'string' ? o.ts : undefined,
    },
  };
}

function bad(line: number, text: string, message: string): LogLine {
  return { kind: 'bad', line, text, finding: finding('log.bad-line', 'error', `${message}.`) };
}
