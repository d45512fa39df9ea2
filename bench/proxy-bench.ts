/**
 * Proxy benchmark (issue 3): N stations, each keeping one CALL outstanding against an answering CSMS,
 * (a) direct, (b) through http-proxy with ws: true (a byte pipe), (c) through ocpp-harness validating and
 * logging; then the same stations at 1 CALL/s each for latency; then RSS per idle station through
 * ocpp-harness. Load generator, CSMS and middlebox each run in their own child process, on loopback.
 *
 *   npx tsx bench/proxy-bench.ts [--stations 1000] [--seconds 5] [--paced-seconds 8] [--idle 2000] [--json]
 *
 * Both load phases start with 1 s of warm-up that is not measured. Frames/s counts frames through the
 * middlebox (a CALL and its answer are two); latency is the station's round trip, CALL sent to answer read.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ProxyBenchOptions {
  /** Stations for the throughput and latency runs. Default 1000. */
  stations?: number;
  /** Measured seconds of the closed-loop run, after 1 s of warm-up. Default 5. */
  seconds?: number;
  /** Seconds of the 1 CALL/s/station latency run. Default 8. */
  pacedSeconds?: number;
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
  framesPerSecond: number;
  /** CPU time (user + system) the middlebox spent per forwarded frame in the closed loop; absent for direct. */
  middleboxCpuMicrosPerFrame?: number;
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
  throughputRatio: number;
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
}

async function runVariant(name: string, url: string, o: Required<Omit<ProxyBenchOptions, 'print'>>, print: (l: string) => void, host?: ChildProcess): Promise<VariantResult> {
  const load = child('load-generator');
  try {
    await ask(load, undefined, 'load generator start');
    const c = await ask<{ connected: number; failed: number; ms: number }>(load, { cmd: 'connect', url, count: o.stations }, 'connect');
    if (c.failed) throw new Error(`${name}: ${c.failed} of ${o.stations} stations failed to connect`);
    print(`  ${name}: ${c.connected} stations connected and booted in ${(c.ms / 1000).toFixed(1)} s`);
    const cpu = () => (host ? ask<{ cpuMicros: number }>(host, { cmd: 'cpu' }, 'cpu').then((r) => r.cpuMicros) : Promise.resolve(0));
    const cpuBefore = await cpu();
    const closed = await ask<LoadResult>(load, { cmd: 'closed-loop', warmupMs: 1000, durationMs: o.seconds * 1000 }, 'closed loop');
    const cpuAfter = await cpu();
    // The window includes warm-up and drain, so count the frames of the whole window, not only the measured part.
    const windowCalls = closed.totalCalls ?? closed.calls;
    if (host) await ask(host, { cmd: 'stalls-start' }, 'stalls-start');
    const paced = await ask<LoadResult>(load, { cmd: 'paced', intervalMs: 1000, warmupMs: 1000, durationMs: o.pacedSeconds * 1000 }, 'paced');
    const stalls = host ? await ask<Stalls>(host, { cmd: 'stalls' }, 'stalls') : undefined;
    return {
      name,
      // Each round trip is two frames through the middlebox: the CALL and its CALLRESULT.
      framesPerSecond: (2 * closed.calls) / (closed.seconds ?? o.seconds),
      middleboxCpuMicrosPerFrame: host ? (cpuAfter - cpuBefore) / (2 * windowCalls) : undefined,
      closedLoop: { calls: closed.calls, p50: closed.p50, p99: closed.p99, mean: closed.mean },
      paced: { calls: paced.calls, skipped: paced.skipped ?? 0, p50: paced.p50, p99: paced.p99, mean: paced.mean },
      pacedStalls: stalls,
    };
  } finally {
    await stop(load);
  }
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
  const o = { stations: 1000, seconds: 5, pacedSeconds: 8, idle: 2000, ...given };
  const print = options.print ?? ((l: string) => process.stdout.write(l + '\n'));
  print(`proxy bench: ${o.stations} stations, ${o.seconds} s closed loop + ${o.pacedSeconds} s at 1 CALL/s/station, ${availableParallelism()} CPUs, node ${process.version}`);
  const csms = child('bench-csms');
  const logDir = mkdtempSync(join(tmpdir(), 'ocpp-harness-bench-log-'));
  const variants: VariantResult[] = [];
  let idle: ProxyBenchResult['idle'];
  try {
    const { port } = await ask<{ port: number }>(csms, undefined, 'CSMS start');
    variants.push(await runVariant('(a) direct', `ws://127.0.0.1:${port}/ocpp`, o, print));
    for (const [name, role] of [['(b) http-proxy ws pipe', 'pipe'], ['(c) ocpp-harness', 'harness']] as const) {
      const host = child('proxy-host', [role, String(port), logDir]);
      try {
        const { url } = await ask<{ url: string }>(host, undefined, `${role} start`);
        variants.push(await runVariant(name, url, o, print, host));
      } finally {
        await stop(host);
      }
    }
    idle = await idleMemory(port, o.idle, print);
  } finally {
    await stop(csms);
    rmSync(logDir, { recursive: true, force: true });
  }
  const [a, b, c] = variants;
  const result: ProxyBenchResult = {
    stations: o.stations,
    cpus: availableParallelism(),
    node: process.version,
    variants,
    throughputRatio: c.framesPerSecond / b.framesPerSecond,
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
    `${''.padEnd(24)}  closed loop (1 CALL outstanding/station)              |  1 CALL/s/station`,
    `${''.padEnd(24)}  ${'frames/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'CPU µs/frame'.padStart(13)} |  ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  ];
  for (const v of r.variants) {
    const cpu = v.middleboxCpuMicrosPerFrame === undefined ? '-' : v.middleboxCpuMicrosPerFrame.toFixed(1);
    lines.push(`${v.name.padEnd(24)}  ${v.framesPerSecond.toFixed(0).padStart(10)} ${f(v.closedLoop.p50)} ${f(v.closedLoop.p99)} ${cpu.padStart(13)} |  ${f(v.paced.p50)} ${f(v.paced.p99)}`);
  }
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  lines.push(
    '',
    `throughput (c)/(b): ${r.throughputRatio.toFixed(2)}   (target >= 0.80; all processes share ${r.cpus} CPUs, so this also measures who leaves CPU to the load)`,
    ...r.variants
      .filter((v) => v.middleboxCpuMicrosPerFrame)
      .map((v) => `  ${v.name}: one core forwards at most ~${Math.round(1e6 / v.middleboxCpuMicrosPerFrame!)} frames/s (1 s / CPU time per frame)`),
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
  runProxyBench({ stations: flag(args, '--stations'), seconds: flag(args, '--seconds'), pacedSeconds: flag(args, '--paced-seconds'), idle: flag(args, '--idle') })
    .then((r) => {
      if (args.includes('--json')) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    })
    .catch((e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    });
}
