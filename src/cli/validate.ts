import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { readLogLine } from '../log/frame-log-reader.js';
import { LogRevalidator, type CheckedLine } from '../log/revalidate.js';
import { EXIT, type SetExit } from './main.js';
import { parsePositiveInt } from './options.js';

export function registerValidate(program: Command, setExit: SetExit): void {
  program
    .command('validate')
    .description('re-validate a captured frame log (JSON Lines) offline, per connection, in order')
    .argument('<file>', 'frame log file (JSON Lines), or - for standard input')
    .option('--json', 'print one JSON record per input line, with "valid" and "errors" added')
    .option('--timeout <ms>', 'response timeout for the late-response rule', parsePositiveInt, 30000)
    .action(async (file: string, opts: { json?: boolean; timeout: number }) => {
      setExit(await validateFile(file, opts, process.stdout, process.stderr));
    });
}

interface Tally {
  frames: number;
  valid: number;
  invalid: number;
  badLines: number;
  byRule: Map<string, number>;
}

export async function validateFile(file: string, opts: { json?: boolean; timeout?: number }, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  if (file !== '-') {
    try {
      await access(file);
    } catch {
      err.write(`ocpp-harness validate: cannot read ${file}\n`);
      return EXIT.usage;
    }
  }
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const revalidator = new LogRevalidator({ responseTimeoutMs: opts.timeout });
  const tally: Tally = { frames: 0, valid: 0, invalid: 0, badLines: 0, byRule: new Map() };
  let lineNo = 0;
  try {
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      lineNo++;
      const checked = revalidator.check(readLogLine(text, lineNo));
      count(tally, checked);
      if (opts.json) out.write(jsonLine(checked) + '\n');
      else if (checked.valid === false || checked.line.kind === 'bad') out.write(describe(checked));
    }
  } catch (e) {
    err.write(`ocpp-harness validate: reading ${file} failed at line ${lineNo + 1}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
  if (!opts.json) out.write(summary(tally));
  if (tally.badLines > 0) {
    err.write(`ocpp-harness validate: ${tally.badLines} line(s) could not be read as frame records\n`);
    return EXIT.usage;
  }
  return tally.invalid > 0 ? EXIT.failed : EXIT.ok;
}

function count(t: Tally, c: CheckedLine): void {
  if (c.line.kind === 'bad') t.badLines++;
  if (c.line.kind !== 'frame') return;
  t.frames++;
  if (c.valid) t.valid++;
  else t.invalid++;
  for (const f of c.errors ?? []) t.byRule.set(f.rule, (t.byRule.get(f.rule) ?? 0) + 1);
}

function jsonLine(c: CheckedLine): string {
  switch (c.line.kind) {
    case 'blank':
      return JSON.stringify({ line: c.line.line, blank: true });
    case 'bad':
      return JSON.stringify({ line: c.line.line, valid: false, errors: c.errors });
    case 'event':
      return JSON.stringify(c.line.source);
    case 'frame':
      return JSON.stringify({ ...c.line.source, type: c.type, action: c.action ?? c.line.source.action, valid: c.valid, errors: c.errors });
  }
}

function describe(c: CheckedLine): string {
  const l = c.line;
  const head =
    l.kind === 'frame'
      ? `line ${l.line}: ${l.record.connection} ${l.record.dir} ${c.type ?? ''}${c.action ? ' ' + c.action : ''}: invalid\n    ${truncate(l.record.raw, 160)}\n`
      : `line ${l.line}: unreadable\n`;
  const lines = (c.errors ?? []).map((f) => `    ${f.severity === 'error' ? '✗' : '!'} [${f.rule}]${f.path ? ' ' + f.path : ''} ${f.message}\n`);
  return head + lines.join('');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function summary(t: Tally): string {
  const rules = [...t.byRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `  ${rule}: ${n}\n`);
  return `\n${t.frames} frames: ${t.valid} valid, ${t.invalid} invalid${t.badLines ? `, ${t.badLines} unreadable line(s)` : ''}\n` + (rules.length ? `findings by rule:\n${rules.join('')}` : '');
}
