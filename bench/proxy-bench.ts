/**
 * Proxy benchmark (issue 3): N stations, each keeping one CALL outstanding against an answering CSMS,
 * (a) direct, (b) through http-proxy with ws: true (a byte pipe), (c) through ocpp-harness validating and
 * logging; then the same stations at 1 CALL/s each for latency; then RSS per idle station through
 * ocpp-harness. Each route has its own load generator with its stations connected throughout, and the routes
 * take turns for several rounds, so that the machine's slow and fast spells are shared out between them.
 * Load generators, CSMS and middleboxes each run in their own child process, on loopback.
 *
 *   npx tsx bench/proxy-bench.ts [--stations 1000] [--rounds 5] [--seconds 5] [--paced-seconds 5] [--idle 10000] [--json]
 *
 * Every load phase starts with 1 s of warm-up that is not measured. Frames/s counts frames through the
 * middlebox (a CALL and its answer are two); latency is the station's round trip, CALL sent to answer read.
 * Throughput figures are medians over the rounds; the paced latency pools the samples of all rounds.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ProxyBenchOptions {
  /** Stations for the throughput and latency runs. Default 1000. */
  stations?: number;
  /** Measured seconds of each round's closed-loop run, after 1 s of warm-up. Default 5. */
  seconds?: number;
  /** Seconds of each round's 1 CALL/s/station latency run. Default 5. */
  pacedSeconds?: number;
  /** Rounds: each route runs its closed loop and its paced run once per round, taking turns. Default 5 (the median of five moves less than that of three on a busy machine). */
  rounds?: number;
  /** Idle stations for the memory run (10,000 in the issue; capped by the open-file limit). Default 2000. */
  idle?: number;
  /** Where progress and the table go. Default stdout. */
  print?: (line: string) => void;
}

export interface Latency {
  p50: number;
  p99: number;
  mean: number;
}

export interface VariantResult {
  name: string;
  /** Median over the rounds. */
  framesPerSecond: number;
  /** Each round's frames/s. */
  rounds: number[];
  /** CPU time (user + system) per forwarded frame of each process in the closed loop, medians over the rounds. */
  cpu: CpuShare;
  closedLoop: Latency & { calls: number };
  paced: Latency & { calls: number; skipped: number };
  pacedStalls?: Stalls;
}

/** Middlebox readings over the paced run (warm-up included): event-loop delay and garbage-collection pauses. */
export interface Stalls {
  loopP99Ms: number;
  loopMaxMs: number;
  gc: { count: number; totalMs: number; maxMs: number; kinds: Record<string, { count: number; maxMs: number }> };
}

export interface ProxyBenchResult {
  stations: number;
  cpus: number;
  node: string;
  variants: VariantResult[];
  /** Median of the rounds' (c)/(b), and each round's. */
  throughputRatio: number;
  throughputRatios: number[];
  pacedP99AddedMs: number;
  idle: { stations: number; requested: number; rssBytesPerStation: number; heapBytesPerStation: number; logBytes?: number };
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/**
 * Forks a bench child; TypeScript children run through tsx, all with --expose-gc for the RSS readings.
 * BENCH_PROFILE_DIR=DIR writes a V8 CPU profile of each middlebox there (open it in Chrome DevTools);
 * BENCH_NODE_FLAGS="--max-semi-space-size=64 ..." runs the middleboxes with those Node flags (GC experiments).
 */
function child(name: string, args: string[] = []): ChildProcess {
  const profile = process.env.BENCH_PROFILE_DIR && name === 'proxy-host' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const flags = process.env.BENCH_NODE_FLAGS && name === 'proxy-host' ? process.env.BENCH_NODE_FLAGS.split(' ') : [];
  const execArgv = ['--expose-gc', ...flags, ...profile, ...(EXT === '.ts' ? ['--import', import.meta.resolve('tsx')] : [])];
  return fork(join(HERE, name + EXT), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Sends a command (or nothing) and waits for the child's next message, with a bound. */
function ask<T>(c: ChildProcess, message: object | undefined, what: string, ms = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench: no answer to ${what} within ${ms} ms`)), ms);
    const onExit = (code: number | null) => reject(new Error(`bench: child exited (${code}) during ${what}`));
    c.once('exit', onExit);
    c.once('message', (m) => {
      clearTimeout(timer);
      c.off('exit', onExit);
      resolve(m as T);
    });
    if (message) c.send(message);
  });
}

async function stop(c: ChildProcess | undefined): Promise<void> {
  if (!c || c.exitCode !== null) return;
  const exited = new Promise((r) => c.once('exit', r));
  c.send({ cmd: 'close' }, () => {});
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (c.exitCode === null) c.kill('SIGKILL');
}

interface LoadResult extends Latency {
  calls: number;
  totalCalls?: number;
  seconds?: number;
  skipped?: number;
  rtts?: number[];
}

/** One variant's processes: its load generator (stations connected through it) and its middlebox, if any. */
interface Route {
  name: string;
  load: ChildProcess;
  host?: ChildProcess;
  rounds: Array<{ framesPerSecond: number; cpu: CpuShare; closed: LoadResult }>;
  pacedRtts: number[];
  /** Each round's own p99 at 1 CALL/s/station, to show how much it moves between rounds. */
  pacedP99s: number[];
  pacedCalls: number;
  skipped: number;
  stalls?: Stalls;
}

/** CPU time per forwarded frame, in µs, of each process taking part in one closed-loop round. */
export interface CpuShare {
  middlebox?: number;
  /** The middlebox's main thread alone (where ocpp-harness forwards; its record thread inspects and logs). Linux only. */
  middleboxMain?: number;
  load: number;
  csms: number;
}

const cpuOf = (c: ChildProcess) => ask<{ cpuMicros: number }>(c, { cmd: 'cpu' }, 'cpu').then((r) => r.cpuMicros);
const mainThreadCpuOf = (c: ChildProcess | undefined) =>
  c ? ask<{ mainThreadMicros?: number }>(c, { cmd: 'cpu' }, 'cpu').then((r) => r.mainThreadMicros) : Promise.resolve(undefined);

async function openRoute(name: string, url: string, stations: number, print: (l: string) => void, host?: ChildProcess): Promise<Route> {
  const load = child('load-generator');
  try {
    await ask(load, undefined, 'load generator start');
    const c = await ask<{ connected: number; failed: number; ms: number }>(load, { cmd: 'connect', url, count: stations }, 'connect');
    if (c.failed) throw new Error(`${name}: ${c.failed} of ${stations} stations failed to connect`);
    print(`  ${name}: ${c.connected} stations connected and booted in ${(c.ms / 1000).toFixed(1)} s`);
  } catch (e) {
    // Not a route yet, so the caller would not stop this generator.
    await stop(load);
    throw e;
  }
  return { name, load, host, rounds: [], pacedRtts: [], pacedP99s: [], pacedCalls: 0, skipped: 0 };
}

/** One closed-loop round on one route; the other routes' stations are idle meanwhile. */
async function closedRound(r: Route, csms: ChildProcess, seconds: number): Promise<void> {
  const before = await Promise.all([r.host ? cpuOf(r.host) : 0, cpuOf(r.load), cpuOf(csms)]);
  const mainBefore = await mainThreadCpuOf(r.host);
  const closed = await ask<LoadResult>(r.load, { cmd: 'closed-loop', warmupMs: 1000, durationMs: seconds * 1000 }, 'closed loop');
  const after = await Promise.all([r.host ? cpuOf(r.host) : 0, cpuOf(r.load), cpuOf(csms)]);
  const mainAfter = await mainThreadCpuOf(r.host);
  // The CPU window includes warm-up and drain, so it is divided by the frames of the whole window.
  const frames = 2 * (closed.totalCalls ?? closed.calls);
  const per = (i: number) => (after[i] - before[i]) / frames;
  r.rounds.push({
    // Each round trip is two frames through the middlebox: the CALL and its CALLRESULT.
    framesPerSecond: (2 * closed.calls) / (closed.seconds ?? seconds),
    cpu: { middlebox: r.host ? per(0) : undefined, middleboxMain: mainBefore !== undefined && mainAfter !== undefined ? (mainAfter - mainBefore) / frames : undefined, load: per(1), csms: per(2) },
    closed,
  });
}

async function pacedRound(r: Route, seconds: number): Promise<void> {
  if (r.host) await ask(r.host, { cmd: 'stalls-start' }, 'stalls-start');
  const paced = await ask<LoadResult>(r.load, { cmd: 'paced', intervalMs: 1000, warmupMs: 1000, durationMs: seconds * 1000, rtts: true }, 'paced');
  if (r.host) r.stalls = await ask<Stalls>(r.host, { cmd: 'stalls' }, 'stalls');
  r.pacedRtts.push(...(paced.rtts ?? []));
  r.pacedP99s.push(paced.p99);
  r.pacedCalls += paced.calls;
  r.skipped += paced.skipped ?? 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentiles(rtts: number[]): Latency {
  if (rtts.length === 0) return { p50: NaN, p99: NaN, mean: NaN };
  const sorted = Float64Array.from(rtts).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/** A route's figures: medians over its rounds; paced latency over all its rounds' samples together. */
function summarize(r: Route): VariantResult {
  const pick = (f: (x: Route['rounds'][number]) => number) => median(r.rounds.map(f));
  return {
    name: r.name,
    framesPerSecond: pick((x) => x.framesPerSecond),
    rounds: r.rounds.map((x) => x.framesPerSecond),
    cpu: {
      middlebox: r.host ? pick((x) => x.cpu.middlebox ?? NaN) : undefined,
      middleboxMain: r.rounds.every((x) => x.cpu.middleboxMain !== undefined) ? pick((x) => x.cpu.middleboxMain!) : undefined,
      load: pick((x) => x.cpu.load),
      csms: pick((x) => x.cpu.csms),
    },
    closedLoop: { calls: r.rounds.reduce((n, x) => n + x.closed.calls, 0), p50: pick((x) => x.closed.p50), p99: pick((x) => x.closed.p99), mean: pick((x) => x.closed.mean) },
    paced: { calls: r.pacedCalls, skipped: r.skipped, ...percentiles(r.pacedRtts) },
    pacedStalls: r.stalls,
  };
}

/** The per-process open-file limit; a proxy holds two sockets per station. */
function openFileLimit(): number {
  const r = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' });
  const n = Number(r.stdout.trim());
  return Number.isFinite(n) && n > 0 ? n : 1024;
}

async function idleMemory(csmsPort: number, requested: number, print: (l: string) => void): Promise<ProxyBenchResult['idle']> {
  const limit = openFileLimit();
  const stations = Math.min(requested, Math.floor((limit - 64) / 2));
  if (stations < requested) print(`  idle: capped at ${stations} stations: ${limit} open files per process allowed, and the proxy holds 2 sockets per station`);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-bench-idle-'));
  const proxy = child('proxy-host', ['harness', String(csmsPort), dir]);
  const load = child('load-generator');
  try {
    const { url } = await ask<{ url: string }>(proxy, undefined, 'proxy start');
    await ask(load, undefined, 'load generator start');
    // One station first, so code paths and the BootNotification schema are warm before the baseline.
    await ask(load, { cmd: 'connect', url, count: 1 }, 'warm-up station');
    const before = await ask<{ rss: number; heapUsed: number }>(proxy, { cmd: 'rss' }, 'rss before');
    const c = await ask<{ connected: number; failed: number; ms: number }>(load, { cmd: 'connect', url, count: stations, batch: 500 }, 'idle connect', 600_000);
    const after = await ask<{ rss: number; heapUsed: number }>(proxy, { cmd: 'rss' }, 'rss after');
    const { stats } = await ask<{ stats: { logFile?: string } }>(proxy, { cmd: 'stats' }, 'stats');
    const added = c.connected - 1;
    print(`  idle: ${added} stations connected and booted in ${(c.ms / 1000).toFixed(1)} s (${c.failed} failed)`);
    return {
      stations: added,
      requested,
      rssBytesPerStation: (after.rss - before.rss) / added,
      heapBytesPerStation: (after.heapUsed - before.heapUsed) / added,
      logBytes: stats.logFile ? statSync(stats.logFile).size : undefined,
    };
  } finally {
    await stop(load);
    await stop(proxy);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runProxyBench(options: ProxyBenchOptions = {}): Promise<ProxyBenchResult> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o = { stations: 1000, seconds: 5, pacedSeconds: 5, idle: 10_000, rounds: 5, ...given };
  const print = options.print ?? ((l: string) => process.stdout.write(l + '\n'));
  print(`proxy bench: ${o.stations} stations; ${o.rounds} rounds, each route in turn: ${o.seconds} s closed loop, then ${o.pacedSeconds} s at 1 CALL/s/station; ${availableParallelism()} CPUs, node ${process.version}`);
  const csms = child('bench-csms');
  const logDir = mkdtempSync(join(tmpdir(), 'ocpp-harness-bench-log-'));
  const hosts: ChildProcess[] = [];
  const routes: Route[] = [];
  let idle: ProxyBenchResult['idle'];
  try {
    const { port } = await ask<{ port: number }>(csms, undefined, 'CSMS start');
    routes.push(await openRoute('(a) direct', `ws://127.0.0.1:${port}/ocpp`, o.stations, print));
    for (const [name, role] of [['(b) http-proxy ws pipe', 'pipe'], ['(c) ocpp-harness', 'harness']] as const) {
      const host = child('proxy-host', [role, String(port), logDir]);
      hosts.push(host);
      const { url } = await ask<{ url: string }>(host, undefined, `${role} start`);
      routes.push(await openRoute(name, url, o.stations, print, host));
    }
    // The routes take turns, so a slow spell of this shared machine hits all of them, not one; every other round
    // runs them in reverse order, so a machine that speeds up or slows down within rounds favours none of them.
    for (let round = 1; round <= o.rounds; round++) {
      const turns = round % 2 === 1 ? routes : [...routes].reverse();
      for (const r of turns) await closedRound(r, csms, o.seconds);
      for (const r of turns) await pacedRound(r, o.pacedSeconds);
      const [, b, c] = routes.map((r) => r.rounds[round - 1].framesPerSecond);
      const tag = (r: Route) => r.name.slice(0, 3);
      print(`  round ${round}: ${routes.map((r) => `${tag(r)} ${r.rounds[round - 1].framesPerSecond.toFixed(0)} frames/s`).join(', ')}; (c)/(b) ${(c / b).toFixed(2)}`);
      print(`           p99 at 1 CALL/s/station: ${routes.map((r) => `${tag(r)} ${r.pacedP99s[round - 1].toFixed(2)} ms`).join(', ')}`);
    }
    for (const r of routes) await stop(r.load);
    for (const h of hosts) await stop(h);
    idle = await idleMemory(port, o.idle, print);
  } finally {
    for (const r of routes) await stop(r.load);
    for (const h of hosts) await stop(h);
    await stop(csms);
    rmSync(logDir, { recursive: true, force: true });
  }
  const variants = routes.map(summarize);
  const [a, b, c] = variants;
  const ratios = b.rounds.map((fb, i) => c.rounds[i] / fb);
  const result: ProxyBenchResult = {
    stations: o.stations,
    cpus: availableParallelism(),
    node: process.version,
    variants,
    throughputRatio: median(ratios),
    throughputRatios: ratios,
    pacedP99AddedMs: c.paced.p99 - a.paced.p99,
    idle,
  };
  for (const line of table(result)) print(line);
  return result;
}

function table(r: ProxyBenchResult): string[] {
  const f = (n: number, d = 2) => n.toFixed(d).padStart(8);
  const lines = [
    '',
    `${''.padEnd(24)}  closed loop (1 CALL outstanding/station)     CPU µs/frame: middlebox load CSMS |  1 CALL/s/station`,
    `${''.padEnd(24)}  ${'frames/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  ${'middlebox'.padStart(20)} ${'load'.padStart(6)} ${'CSMS'.padStart(6)} |  ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  ];
  for (const v of r.variants) {
    const main = v.cpu.middleboxMain === undefined ? '' : ` (main ${v.cpu.middleboxMain.toFixed(1)})`;
    const cpu = v.cpu.middlebox === undefined ? '-' : v.cpu.middlebox.toFixed(1) + main;
    lines.push(
      `${v.name.padEnd(24)}  ${v.framesPerSecond.toFixed(0).padStart(10)} ${f(v.closedLoop.p50)} ${f(v.closedLoop.p99)}  ${cpu.padStart(20)} ${v.cpu.load.toFixed(1).padStart(6)} ${v.cpu.csms.toFixed(1).padStart(6)} |  ${f(v.paced.p50)} ${f(v.paced.p99)}`,
    );
  }
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  lines.push(
    '',
    `throughput (c)/(b): ${r.throughputRatio.toFixed(2)}, median of the rounds' ${r.throughputRatios.map((x) => x.toFixed(2)).join(', ')}   (target >= 0.80; all processes share ${r.cpus} CPUs, so this also measures who leaves CPU to the load)`,
    ...r.variants
      .filter((v) => v.cpu.middlebox)
      .map((v) => `  ${v.name}: one core forwards at most ~${Math.round(1e6 / (v.cpu.middleboxMain ?? v.cpu.middlebox!))} frames/s (1 s / CPU time per frame of its ${v.cpu.middleboxMain === undefined ? 'process' : 'main thread'})`),
    `p99 added by ocpp-harness over direct at 1 CALL/s/station: ${r.pacedP99AddedMs.toFixed(2)} ms   (target <= 1 ms)`,
    ...r.variants
      .filter((v) => v.pacedStalls)
      .map((v) => {
        const s = v.pacedStalls!;
        return `  ${v.name} during that run: event-loop delay p99 ${s.loopP99Ms.toFixed(2)} ms, max ${s.loopMaxMs.toFixed(1)} ms; ${s.gc.count} GC pauses (${Object.entries(s.gc.kinds).map(([k, v]) => `${v.count} ${k} up to ${v.maxMs.toFixed(1)} ms`).join(', ') || 'none'}), ${s.gc.totalMs.toFixed(0)} ms in all`;
      }),
    `idle: ${r.idle.stations} stations through ocpp-harness: ${kb(r.idle.rssBytesPerStation)} KB RSS per station, ${kb(r.idle.heapBytesPerStation)} KB heap   (target <= 40 KB)`,
  );
  return lines;
}

function flag(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  runProxyBench({ stations: flag(args, '--stations'), rounds: flag(args, '--rounds'), seconds: flag(args, '--seconds'), pacedSeconds: flag(args, '--paced-seconds'), idle: flag(args, '--idle') })
    .then((r) => {
      if (args.includes('--json')) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    })
    .catch((e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    });
}
