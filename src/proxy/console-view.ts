import { redactFrameRecord } from '../log/redact.js';
import type { ConnectionEventRecord } from '../types.js';
import type { ProxyFrameRecord, ProxyStats } from './types.js';

/**
 * The live terminal view: one line per frame (time, station, arrow, type, action, id, latency) with its
 * findings under it, one line per connection event, and a summary at the end. `quiet` shows events only.
 */
export interface ConsoleViewOptions {
  quiet?: boolean;
  color: boolean;
}

const CODES = { dim: 2, bold: 1, red: 31, green: 32, yellow: 33, cyan: 36, magenta: 35 } as const;
type Colour = keyof typeof CODES;

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(out: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return (out as { isTTY?: boolean }).isTTY === true && !env.NO_COLOR;
}

/** Detail fields shown for events, in this order; the rest of an event record is for the log. */
const EVENT_DETAIL = ['subprotocol', 'offered', 'by', 'code', 'reason', 'forwardedCode', 'status', 'method', 'path', 'soapAction', 'side', 'message', 'authorization', 'clientCert', 'url', 'upstream', 'on'];

export class ConsoleView {
  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly o: ConsoleViewOptions,
  ) {}

  onFrame(record: ProxyFrameRecord): void {
    if (this.o.quiet) return;
    const r = redactFrameRecord(record);
    const arrow = r.dir === 'cs->csms' ? '→' : '←';
    const flags = [r.dropped && 'dropped', r.injected && 'sent by proxy', r.undelivered && 'undelivered', r.binary && 'binary'].filter(Boolean);
    const parts = [
      this.c('dim', time(r.ts)),
      pad(r.station, 12),
      this.c(r.valid ? 'green' : 'red', arrow),
      pad(r.type, 10),
      pad(r.action ?? '-', 24),
      r.id ?? '-',
      r.latencyMs !== undefined ? this.c('dim', `${r.latencyMs} ms`) : '',
      flags.length ? this.c('magenta', `[${flags.join(', ')}]`) : '',
    ];
    const lines = [parts.filter((p) => p !== '').join(' ')];
    for (const f of r.errors) {
      const mark = f.severity === 'error' ? this.c('red', '✗') : this.c('yellow', '!');
      lines.push(`    ${mark} ${this.c('bold', f.rule)}${f.path ? ' ' + f.path : ''}: ${f.message}`);
    }
    this.out.write(lines.join('\n') + '\n');
  }

  onEvent(e: ConnectionEventRecord): void {
    const detail = EVENT_DETAIL.filter((k) => e[k] !== undefined && e[k] !== null).map((k) => `${k}=${show(e[k])}`);
    const colour: Colour = /failed|error|refused/.test(e.event) ? 'red' : 'cyan';
    this.out.write(`${this.c('dim', time(e.ts))} ${pad(e.station || '-', 12)} ${this.c(colour, '● ' + e.event)}${e.conn ? ' ' + this.c('dim', e.conn) : ''} ${detail.join(' ')}\n`);
  }

  summary(s: ProxyStats): void {
    const lines = [
      '',
      this.c('bold', 'summary'),
      `  stations: ${s.stations}, connections: ${s.connections.total} (${s.connections.refused} refused)`,
      `  frames: ${s.frames.total} (${s.frames.toCsms} to CSMS, ${s.frames.toStation} to stations), invalid: ${s.frames.invalid}` +
        (s.frames.dropped ? `, dropped by --enforce: ${s.frames.dropped}` : ''),
    ];
    const rules = Object.entries(s.byRule);
    if (rules.length) lines.push('  error findings per rule:', ...rules.map(([rule, n]) => `    ${rule}: ${n}`));
    if (s.httpRequests) lines.push(`  plain HTTP requests: ${s.httpRequests}`);
    if (s.observerErrors) lines.push(this.c('red', `  observer errors: ${s.observerErrors}`));
    this.out.write(lines.join('\n') + '\n');
  }

  private c(colour: Colour, text: string): string {
    return this.o.color ? `\x1b[${CODES[colour]}m${text}\x1b[0m` : text;
  }
}

function time(ts: string): string {
  return ts.slice(11, 23);
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /\s/.test(s) && typeof v === 'string' ? JSON.stringify(s) : s;
}
