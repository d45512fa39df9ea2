import { expect } from 'chai';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { examplesOf } from '../helpers/realistic-payloads.js';
import type { Version } from '../../src/types.js';

/**
 * `ocpp-harness validate FILE` as a user runs it: the compiled CLI (bin/ocpp-harness.js over dist/, built by
 * `npm test` before mocha runs) on frame logs written to a temporary folder. Exit codes: 0 all valid,
 * 1 invalid frames, 2 an unreadable line, a missing file or bad usage.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'ocpp-harness.js');

function run(args: string[], input?: string): SpawnSyncReturns<string> {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 20_000 });
  if (r.error) throw r.error;
  return r;
}

function payload(version: Version, action: string, kind: 'request' | 'response'): Record<string, unknown> {
  const e = examplesOf(version).find((x) => x.action === action && x.kind === kind);
  if (!e) throw new Error(`no example for ${version} ${action} ${kind}`);
  return structuredClone(e.payload);
}

let clock = Date.parse('2025-03-14T09:00:00.000Z');
/** A frame record as the proxy logs it; `ts` moves 100 ms per record unless given. */
function frame(conn: string, version: Version, dir: 'cs->csms' | 'csms->cs', raw: unknown[] | string, extra: Record<string, unknown> = {}): string {
  clock += 100;
  return JSON.stringify({ ts: new Date(clock).toISOString(), station: conn.toUpperCase(), conn, dir, version, raw: typeof raw === 'string' ? raw : JSON.stringify(raw), ...extra });
}

function event(conn: string, name: string, extra: Record<string, unknown> = {}): string {
  clock += 100;
  return JSON.stringify({ ts: new Date(clock).toISOString(), station: conn.toUpperCase(), conn, event: name, ...extra });
}

/** Valid traffic of the three versions on three connections. */
function validLines(): string[] {
  return [
    event('cp16', 'open', { subprotocol: 'ocpp1.6' }),
    frame('cp16', '1.6', 'cs->csms', [2, 'b1', 'BootNotification', payload('1.6', 'BootNotification', 'request')]),
    frame('cp16', '1.6', 'csms->cs', [3, 'b1', payload('1.6', 'BootNotification', 'response')]),
    event('cp201', 'open', { subprotocol: 'ocpp2.0.1' }),
    frame('cp201', '2.0.1', 'cs->csms', [2, 'b1', 'BootNotification', payload('2.0.1', 'BootNotification', 'request')]),
    frame('cp201', '2.0.1', 'csms->cs', [3, 'b1', payload('2.0.1', 'BootNotification', 'response')]),
    frame('cp16', '1.6', 'cs->csms', [2, 'm1', 'MeterValues', payload('1.6', 'MeterValues', 'request')]),
    frame('cp16', '1.6', 'csms->cs', [3, 'm1', {}]),
    event('cp21', 'open', { subprotocol: 'ocpp2.1' }),
    frame('cp21', '2.1', 'cs->csms', [2, 'b1', 'BootNotification', payload('2.1', 'BootNotification', 'request')]),
    frame('cp21', '2.1', 'csms->cs', [3, 'b1', payload('2.1', 'BootNotification', 'response')]),
    frame('cp201', '2.0.1', 'cs->csms', [2, 't1', 'TransactionEvent', payload('2.0.1', 'TransactionEvent', 'request')]),
    frame('cp201', '2.0.1', 'csms->cs', [3, 't1', payload('2.0.1', 'TransactionEvent', 'response')]),
    frame('cp21', '2.1', 'cs->csms', [6, 's1', 'NotifyPeriodicEventStream', { id: 1, pending: 0, basetime: '2025-03-14T09:00:00Z', data: [{ t: 0, v: '11.2' }] }]),
    event('cp16', 'close', { code: 1000, reason: '' }),
  ];
}

/** Invalid frames, every line readable. Each entry: the line and the rules its output must carry (empty: valid). */
function invalidLines(): Array<{ text: string; rules: string[] }> {
  const badStatus = payload('1.6', 'StatusNotification', 'request');
  delete badStatus.status;
  const badTx = { ...payload('2.0.1', 'TransactionEvent', 'request'), eventType: 'Paused' };
  return [
    { text: event('cp16', 'open'), rules: [] },
    { text: frame('cp16', '1.6', 'cs->csms', [2, 'b1', 'BootNotification', payload('1.6', 'BootNotification', 'request')]), rules: [] },
    { text: frame('cp16', '1.6', 'csms->cs', [3, 'b1', payload('1.6', 'BootNotification', 'response')]), rules: [] },
    // Logged as valid by an older run: the output must show the re-validation, not the stale flag.
    { text: frame('cp16', '1.6', 'cs->csms', [2, 's1', 'StatusNotification', badStatus], { type: 'CALL', valid: true, errors: [] }), rules: ['schema.required'] },
    { text: frame('cp16', '1.6', 'csms->cs', [3, 's1', {}]), rules: [] },
    { text: frame('cp201', '2.0.1', 'cs->csms', [2, 't1', 'TransactionEvent', badTx]), rules: ['rpc.before-boot', 'schema.enum'] },
    { text: frame('cp201', '2.0.1', 'csms->cs', [3, 'nobody', {}]), rules: ['rpc.unknown-id'] },
    {
      text: frame('cp21', '2.1', 'cs->csms', Buffer.from('[2,"h1","Heartbeat",{}]', 'latin1').toString('base64'), { binary: true }),
      rules: ['frame.binary'],
    },
    { text: frame('cp21', '2.1', 'cs->csms', '[2,"h2","Heartbeat"'), rules: ['frame.not-json'] },
  ];
}

describe('ocpp-harness validate (compiled CLI)', function () {
  // Each case starts a Node process that loads and compiles the schemas it needs: allow for a slow machine.
  this.timeout(30_000);
  let dir: string;

  before(function () {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` (npm test does it before mocha)');
    }
    dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-validate-'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function write(name: string, lines: string[]): string {
    const file = join(dir, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  }

  describe('exit codes', () => {
    it('0 when every frame of all three versions is valid', () => {
      const r = run(['validate', write('valid.jsonl', validLines())]);
      expect(r.stderr).to.equal('');
      expect(r.status).to.equal(0);
    });

    it('1 when some frames are invalid and every line was readable', () => {
      const r = run(['validate', write('invalid.jsonl', invalidLines().map((l) => l.text))]);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.equal('');
    });

    it('2 when a line cannot be read as a record, with a one-line reason on stderr', () => {
      const r = run(['validate', write('bad-line.jsonl', [...validLines(), 'this is not JSON'])]);
      expect(r.status).to.equal(2);
      expect(r.stderr.trim().split('\n')).to.have.length(1);
      expect(r.stderr).to.match(/1 line\(s\) could not be read as frame records/);
    });

    it('2 for a line that is JSON but lacks the fields of a frame record', () => {
      const r = run(['validate', write('incomplete.jsonl', [...validLines(), JSON.stringify({ ts: '2025-03-14T09:00:00Z', conn: 'x', raw: '[2,"1","Heartbeat",{}]' })])]);
      expect(r.status).to.equal(2);
    });

    it('2 when the file does not exist, naming it', () => {
      const missing = join(dir, 'no-such-file.jsonl');
      const r = run(['validate', missing]);
      expect(r.status).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.equal(`ocpp-harness validate: cannot read ${missing}\n`);
    });

    it('2 for bad usage: no file, or a timeout that is not a positive number', () => {
      expect(run(['validate']).status).to.equal(2);
      expect(run(['validate', write('t.jsonl', validLines()), '--timeout', 'soon']).status).to.equal(2);
    });

    it('0 for an empty log', () => {
      const r = run(['validate', write('empty.jsonl', [])]);
      expect(r.status).to.equal(0);
      expect(r.stdout).to.include('0 frames: 0 valid, 0 invalid');
    });

    it('reads standard input for -', () => {
      const r = run(['validate', '-', '--json'], invalidLines().map((l) => l.text).join('\n') + '\n');
      expect(r.status).to.equal(1);
      expect(r.stdout.trim().split('\n')).to.have.length(invalidLines().length);
    });
  });

  describe('--json', () => {
    it('prints one record per input line, in order, with valid and errors from re-validation', () => {
      const cases = invalidLines();
      const r = run(['validate', write('invalid-json.jsonl', cases.map((c) => c.text)), '--json']);
      expect(r.status).to.equal(1);
      const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out).to.have.length(cases.length);
      cases.forEach((c, i) => {
        const source = JSON.parse(c.text) as Record<string, unknown>;
        const record = out[i];
        if ('event' in source) {
          expect(record, `line ${i + 1}: an event passes through unchanged`).to.deep.equal(source);
          return;
        }
        expect(record.raw, `line ${i + 1} keeps its raw text`).to.equal(source.raw);
        expect(record.conn).to.equal(source.conn);
        const errors = record.errors as Array<{ rule: string; severity: string; path: string; message: string }>;
        expect(errors.map((e) => e.rule).sort(), `line ${i + 1} rules`).to.deep.equal([...c.rules].sort());
        const hasError = errors.some((e) => e.severity === 'error');
        expect(record.valid, `line ${i + 1} valid`).to.equal(!hasError);
      });
      // The stale `valid: true` of line 4 was replaced, and the finding points into the payload.
      expect(out[3]).to.include({ valid: false, type: 'CALL', action: 'StatusNotification' });
      expect(out[3].errors).to.deep.equal([
        { rule: 'schema.required', severity: 'error', path: '/status', message: 'StatusNotification.req: status is required', errorCode: 'OccurenceConstraintViolation' },
      ]);
      // A response carries the action of the CALL it answers.
      expect(out[4]).to.include({ valid: true, type: 'CALLRESULT', action: 'StatusNotification' });
      // The before-boot finding is a warning, the enum finding the error that makes the frame invalid.
      const tx = out[5].errors as Array<{ rule: string; severity: string }>;
      expect(tx.find((e) => e.rule === 'rpc.before-boot')?.severity).to.equal('warning');
      expect(out[7]).to.include({ valid: false, type: 'INVALID', binary: true });
    });

    it('reports an unreadable line as {line, valid: false, errors: [log.bad-line]} in its place, and a blank line as blank', () => {
      const lines = [...validLines().slice(0, 3), 'not json {', '', validLines()[3]];
      const r = run(['validate', write('mixed.jsonl', lines), '--json']);
      expect(r.status).to.equal(2);
      const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out).to.have.length(lines.length);
      expect(out[3]).to.deep.include({ line: 4, valid: false });
      expect((out[3].errors as Array<{ rule: string; message: string }>).map((e) => [e.rule, e.message])).to.deep.equal([['log.bad-line', 'line 4 is not JSON.']]);
      expect(out[4]).to.deep.equal({ line: 5, blank: true });
      expect(out[5]).to.deep.equal(JSON.parse(lines[5]));
    });

    it('a mixed log of the three versions: every frame re-validated with its own version, per connection', () => {
      const lines = [...validLines(), ...invalidLines().map((l) => l.text).filter((t) => !t.includes('"event"'))];
      const r = run(['validate', write('three-versions.jsonl', lines), '--json']);
      const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out).to.have.length(lines.length);
      expect(new Set(out.filter((o) => 'version' in o).map((o) => o.version))).to.deep.equal(new Set(['1.6', '2.0.1', '2.1']));
      expect(out.slice(0, validLines().length).filter((o) => o.valid === false), 'the valid part stays valid').to.deep.equal([]);
    });

    it('--timeout sets the response timeout of the late-response rule', () => {
      const call = JSON.stringify({ ts: '2025-03-14T09:00:00.000Z', conn: 'c', dir: 'csms->cs', version: '2.0.1', raw: JSON.stringify([2, 'g1', 'GetVariables', payload('2.0.1', 'GetVariables', 'request')]) });
      const answer = JSON.stringify({ ts: '2025-03-14T09:00:45.000Z', conn: 'c', dir: 'cs->csms', version: '2.0.1', raw: JSON.stringify([3, 'g1', payload('2.0.1', 'GetVariables', 'response')]) });
      const file = write('late.jsonl', [call, answer]);

      const byDefault = run(['validate', file, '--json']);
      expect(byDefault.status, 'a late answer is a warning, not a failure').to.equal(0);
      const late = JSON.parse(byDefault.stdout.trim().split('\n')[1]) as { valid: boolean; errors: Array<{ rule: string; severity: string }> };
      expect(late.valid).to.equal(true);
      expect(late.errors.map((e) => [e.rule, e.severity])).to.deep.equal([['rpc.late-response', 'warning']]);

      const patient = run(['validate', file, '--json', '--timeout', '60000']);
      expect((JSON.parse(patient.stdout.trim().split('\n')[1]) as { errors: unknown[] }).errors).to.deep.equal([]);
    });
  });

  describe('human output', () => {
    it('lists each invalid frame with its findings, then a summary with counts by rule', () => {
      const r = run(['validate', write('human.jsonl', invalidLines().map((l) => l.text))]);
      expect(r.status).to.equal(1);
      const out = r.stdout;
      expect(out).to.include('line 4: cp16 cs->csms CALL StatusNotification: invalid\n');
      expect(out).to.include('    ✗ [schema.required] /status StatusNotification.req: status is required\n');
      expect(out).to.include('line 6: cp201 cs->csms CALL TransactionEvent: invalid\n');
      expect(out).to.match(/ {4}! \[rpc\.before-boot\] TransactionEvent sent before any BootNotification/);
      expect(out).to.include('line 8: cp21 cs->csms INVALID: invalid\n');
      expect(out, 'valid frames are not listed').to.not.include('line 2:');

      const frames = invalidLines().filter((l) => !l.text.includes('"event"'));
      // rpc.before-boot is the only warning among these rules: a frame is invalid when it has any other rule.
      const invalid = frames.filter((l) => l.rules.some((rule) => rule !== 'rpc.before-boot')).length;
      expect(out).to.include(`\n${frames.length} frames: ${frames.length - invalid} valid, ${invalid} invalid\n`);
      expect(out).to.match(/findings by rule:\n( {2}[a-z-]+\.[a-z-]+: \d+\n)+$/);
      for (const rule of ['schema.required', 'schema.enum', 'rpc.before-boot', 'rpc.unknown-id', 'frame.binary', 'frame.not-json']) {
        expect(out, rule).to.match(new RegExp(`\\n  ${rule.replace('.', '\\.')}: 1\\n`));
      }
    });

    it('says how many lines were unreadable, and lists them', () => {
      const r = run(['validate', write('human-bad.jsonl', [...validLines(), '{"half": ', '[1,2,3]'])]);
      expect(r.status).to.equal(2);
      expect(r.stdout).to.include(`line ${validLines().length + 1}: unreadable\n`);
      expect(r.stdout).to.include(`line ${validLines().length + 2}: unreadable\n`);
      expect(r.stdout).to.include('[log.bad-line]');
      const frames = validLines().filter((l) => !l.includes('"event"')).length;
      expect(r.stdout).to.include(`${frames} frames: ${frames} valid, 0 invalid, 2 unreadable line(s)\n`);
      expect(r.stderr).to.equal('ocpp-harness validate: 2 line(s) could not be read as frame records\n');
    });

    it('prints only the summary when everything is valid', () => {
      const r = run(['validate', write('quiet.jsonl', validLines())]);
      const frames = validLines().filter((l) => !l.includes('"event"')).length;
      expect(r.status).to.equal(0);
      expect(r.stdout).to.equal(`\n${frames} frames: ${frames} valid, 0 invalid\n`);
    });
  });
});
