import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Conversation } from '../src/ocpp/conversation.js';
import type { Direction, Version } from '../src/types.js';
import { examplesOf } from '../test/helpers/realistic-payloads.js';

/**
 * Validation throughput: frames per second through the protocol core (a Conversation per connection: parse,
 * correlate, RPC rules, schema validation of requests and responses) next to JSON.parse alone on the very same
 * frame texts, the floor any validator has to pay. Target: validation costs at most 3x the bare parse.
 *
 * The traffic is a realistic mix of request/response pairs: mostly MeterValues and TransactionEvent updates,
 * some StatusNotification and Heartbeat, the odd BootNotification, spread over 1.6, 2.0.1 and 2.1 connections.
 *
 * Run on its own with `npx tsx bench/validation-bench.ts`, or through bench/run-all.ts.
 */

export interface ThroughputFigure {
  /** Frames handled per second. */
  framesPerSec: number;
  /** Mean time per frame in nanoseconds. */
  nsPerFrame: number;
}

export interface ValidationBenchResult {
  name: 'validation';
  /** Distinct frames in the mix (each pass handles all of them). */
  frames: number;
  /** Passes over the mix measured for each side. */
  passes: number;
  /** How many frames of each action (requests and responses) the mix holds. */
  mix: Record<string, number>;
  /** JSON.parse of each frame text: the baseline. */
  parse: ThroughputFigure;
  /** Conversation.inspect of each frame text. */
  validate: ThroughputFigure;
  /** validate time / parse time: how many bare parses one validation costs. */
  ratio: number;
  /** The ratio the product aims for. */
  target: number;
  withinTarget: boolean;
}

export interface ValidationBenchOptions {
  /** Request/response pairs in the mix (default 5000, i.e. 10 000 frames). */
  pairs?: number;
  /** Time budget for the measured passes of each side, in ms (default 1000: about 2 s in all). */
  durationMs?: number;
  /** Upper bound on measured passes per side, whatever the time (default 200). */
  maxPasses?: number;
}

interface BenchFrame {
  conn: Version;
  dir: Direction;
  text: string;
  action: string;
}

/** Relative frequency of each message in the mix, per version (TransactionEvent exists only in 2.x). */
const WEIGHTS: Array<{ action: string; weight: number; versions: Version[]; pick?: (name: string) => boolean }> = [
  { action: 'MeterValues', weight: 40, versions: ['1.6', '2.0.1', '2.1'] },
  { action: 'TransactionEvent', weight: 30, versions: ['2.0.1', '2.1'], pick: (name) => name.startsWith('Updated') },
  { action: 'StatusNotification', weight: 15, versions: ['1.6', '2.0.1', '2.1'] },
  { action: 'Heartbeat', weight: 12, versions: ['1.6', '2.0.1', '2.1'] },
  { action: 'BootNotification', weight: 3, versions: ['1.6', '2.0.1', '2.1'] },
];

function examplePayload(version: Version, action: string, kind: 'request' | 'response', pick?: (name: string) => boolean): Record<string, unknown> {
  const found = examplesOf(version).find((e) => e.action === action && e.kind === kind && (kind === 'response' || !pick || pick(e.name)));
  if (!found) throw new Error(`validation bench: no ${version} ${action} ${kind} example`);
  return found.payload;
}

/** A deterministic mix: each connection boots first, then pairs are drawn round-robin by weight. */
export function buildMix(pairs: number): BenchFrame[] {
  const frames: BenchFrame[] = [];
  const versions: Version[] = ['1.6', '2.0.1', '2.1'];
  let seq = 0;
  const pair = (conn: Version, action: string, pick?: (name: string) => boolean) => {
    const id = `${conn}-${++seq}`;
    frames.push({ conn, dir: 'cs->csms', action, text: JSON.stringify([2, id, action, examplePayload(conn, action, 'request', pick)]) });
    frames.push({ conn, dir: 'csms->cs', action, text: JSON.stringify([3, id, examplePayload(conn, action, 'response')]) });
  };
  for (const v of versions) pair(v, 'BootNotification');
  // A fixed schedule that honours the weights: out of every 100 pairs, `weight` are of each action.
  const schedule = WEIGHTS.flatMap((w) => Array.from({ length: w.weight }, () => w));
  for (let i = 0; frames.length < pairs * 2; i++) {
    const w = schedule[(i * 37) % schedule.length];
    const conn = w.versions[i % w.versions.length];
    pair(conn, w.action, w.pick);
  }
  return frames;
}

function figure(frames: number, ns: bigint): ThroughputFigure {
  const nsPerFrame = Number(ns) / frames;
  return { framesPerSec: Math.round(1e9 / nsPerFrame), nsPerFrame: Math.round(nsPerFrame * 10) / 10 };
}

function parsePass(frames: BenchFrame[]): number {
  let sink = 0;
  for (const f of frames) sink += (JSON.parse(f.text) as unknown[]).length;
  return sink;
}

/** One pass with fresh conversations (a new connection per version), as the proxy would see the traffic. */
function validatePass(frames: BenchFrame[]): { errors: number; sink: number } {
  const conversations = new Map<Version, Conversation>();
  for (const v of ['1.6', '2.0.1', '2.1'] as const) conversations.set(v, new Conversation({ version: v }));
  let errors = 0;
  let sink = 0;
  let now = 0;
  for (const f of frames) {
    const result = conversations.get(f.conn)!.inspect(f.dir, f.text, { now: (now += 5) });
    if (!result.valid) errors++;
    sink += result.findings.length;
  }
  return { errors, sink };
}

export async function runValidationBench(options: ValidationBenchOptions = {}): Promise<ValidationBenchResult> {
  const frames = buildMix(options.pairs ?? 5000);
  const durationNs = BigInt(Math.round((options.durationMs ?? 1000) * 1e6));
  const maxPasses = options.maxPasses ?? 200;

  // Warm-up: compiles the validators and lets the JIT settle. The mix must be valid, or the bench would
  // measure the error paths instead of the common case.
  for (let i = 0; i < 3; i++) {
    parsePass(frames);
    const { errors } = validatePass(frames);
    if (errors > 0) throw new Error(`validation bench: ${errors} frames of the mix are invalid`);
  }

  // Alternate the two sides pass by pass, so that any drift of the machine hits both alike.
  let parseNs = 0n;
  let validateNs = 0n;
  let passes = 0;
  let sink = 0;
  while (passes < maxPasses && (passes < 3 || parseNs + validateNs < durationNs * 2n)) {
    let t = process.hrtime.bigint();
    sink += parsePass(frames);
    parseNs += process.hrtime.bigint() - t;
    t = process.hrtime.bigint();
    sink += validatePass(frames).sink;
    validateNs += process.hrtime.bigint() - t;
    passes++;
    // Yield now and then so that a caller's timers (a progress line, a watchdog) can run.
    if (passes % 10 === 0) await new Promise((r) => setImmediate(r));
  }
  if (sink < 0) console.log(sink); // keeps the work observable

  const mix: Record<string, number> = {};
  for (const f of frames) mix[f.action] = (mix[f.action] ?? 0) + 1;
  const parse = figure(frames.length * passes, parseNs);
  const validate = figure(frames.length * passes, validateNs);
  const ratio = Math.round((Number(validateNs) / Number(parseNs)) * 100) / 100;
  const target = 3;
  return { name: 'validation', frames: frames.length, passes, mix, parse, validate, ratio, target, withinTarget: ratio <= target };
}

/** The result as a small table, validation next to its baseline. */
export function formatValidationBench(r: ValidationBenchResult): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const row = (label: string, f: ThroughputFigure) => `  ${label.padEnd(34)} ${n(f.framesPerSec).padStart(12)} frames/s ${String(f.nsPerFrame).padStart(10)} ns/frame`;
  const mix = Object.entries(r.mix)
    .sort((a, b) => b[1] - a[1])
    .map(([action, count]) => `${action} ${Math.round((count / r.frames) * 100)}%`)
    .join(', ');
  return [
    `validation throughput (${n(r.frames)} frames x ${r.passes} passes; ${mix})`,
    row('baseline: JSON.parse only', r.parse),
    row('Conversation.inspect (validate)', r.validate),
    `  ratio validate / parse: ${r.ratio}x (target <= ${r.target}x: ${r.withinTarget ? 'met' : 'NOT met'})`,
  ].join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runValidationBench().then(
    (r) => console.log(formatValidationBench(r)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
