/**
 * Benchmark middlebox (child process), so its CPU and memory are its own:
 * `pipe`: http-proxy with ws: true, a plain byte pipe (baseline b); `harness`: ocpp-harness with validation
 * and logging to a directory (c). Answers `rss` (after GC), `cpu` (user+system µs, of the process and of its main
 * thread) and `stats` over IPC.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import httpProxy from 'http-proxy';
import { startProxy } from '../src/proxy/proxy-server.js';

const [role, csmsPort, logDir] = process.argv.slice(2);
const upstream = `127.0.0.1:${csmsPort}`;
let close: () => Promise<void> = async () => {};
let stats: () => unknown = () => ({});

if (role === 'pipe') {
  const proxy = httpProxy.createProxyServer({ target: `http://${upstream}`, ws: true });
  proxy.on('error', () => {});
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => proxy.ws(req, socket, head));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => new Promise((r) => server.close(() => r()));
  process.send?.({ ready: true, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ocpp` });
} else {
  const handle = await startProxy({ port: 0, upstream: `ws://${upstream}/ocpp`, log: { dir: logDir }, quiet: true });
  close = () => handle.close();
  stats = async () => ({ ...(await handle.stats()), logFile: handle.logFile });
  process.send?.({ ready: true, url: handle.url });
}

// What can hold a frame up inside the middlebox: its event loop busy, and garbage-collection pauses.
let loop: IntervalHistogram | undefined;
const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak', 16: 'minor' };
let gc = { count: 0, totalMs: 0, maxMs: 0, kinds: {} as Record<string, { count: number; maxMs: number }> };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count++;
    gc.totalMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
    const kind = GC_KINDS[(e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
    const k = (gc.kinds[kind] ??= { count: 0, maxMs: 0 });
    k.count++;
    k.maxMs = Math.max(k.maxMs, e.duration);
  }
}).observe({ entryTypes: ['gc'] });

process.on('message', async (m: { cmd: string }) => {
  if (m.cmd === 'stalls-start') {
    loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    gc = { count: 0, totalMs: 0, maxMs: 0, kinds: {} };
    process.send?.({});
  } else if (m.cmd === 'stalls') {
    loop?.disable();
    const ms = (ns: number) => ns / 1e6;
    process.send?.({ loopP99Ms: ms(loop?.percentile(99) ?? 0), loopMaxMs: ms(loop?.max ?? 0), gc });
  } else if (m.cmd === 'rss') {
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < 3; i++) gc?.();
    process.send?.({ rss: process.memoryUsage.rss(), heapUsed: process.memoryUsage().heapUsed });
  } else if (m.cmd === 'cpu') {
    const u = process.cpuUsage();
    process.send?.({ cpuMicros: u.user + u.system, mainThreadMicros: mainThreadCpuMicros() });
  } else if (m.cmd === 'stats') {
    process.send?.({ stats: await stats() });
  } else if (m.cmd === 'close') {
    await close();
    process.send?.({ closed: true });
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));

/** CPU time of the main thread alone (Linux: its /proc task entry, in clock ticks of 10 ms), or undefined. */
function mainThreadCpuMicros(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return undefined;
  }
}
