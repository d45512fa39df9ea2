import type { Finding } from '../types.js';
import { Conversation } from '../ocpp/conversation.js';
import type { LogLine } from './frame-log-reader.js';

/**
 * Re-validates the frames of a log in order, one Conversation per connection, the same way the proxy did
 * live. A connection's `open` event starts a fresh conversation (a reconnect starts with no outstanding CALLs).
 */
export interface CheckedLine {
  line: LogLine;
  valid?: boolean;
  errors?: Finding[];
  type?: string;
  action?: string;
}

export class LogRevalidator {
  private readonly conversations = new Map<string, Conversation>();

  constructor(private readonly options: { responseTimeoutMs?: number } = {}) {}

  check(line: LogLine): CheckedLine {
    switch (line.kind) {
      case 'blank':
        return { line };
      case 'bad':
        return { line, valid: false, errors: [line.finding] };
      case 'event':
        if (line.record.event === 'open' || line.record.event === 'close') this.conversations.delete(line.record.conn);
        return { line };
      case 'frame': {
        const r = line.record;
        let conversation = this.conversations.get(r.connection);
        if (!conversation || conversation.version !== r.version) {
          conversation = new Conversation({ version: r.version, responseTimeoutMs: this.options.responseTimeoutMs });
          this.conversations.set(r.connection, conversation);
        }
        const at = r.ts ? Date.parse(r.ts) : NaN;
        const data = r.binary ? Buffer.from(r.raw, 'base64').toString('latin1') : r.raw;
        const result = conversation.inspect(r.dir, data, { binary: r.binary, now: Number.isNaN(at) ? undefined : at });
        return { line, valid: result.valid, errors: result.findings, type: result.type, action: result.action };
      }
    }
  }
}
