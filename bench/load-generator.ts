/**
 * Benchmark load generator (child process): N OCPP 1.6 stations on loopback, driven over IPC.
 * `connect`: open and boot them; `cpu`: this process's CPU time so far; `closed-loop`: each keeps exactly one CALL outstanding (the next goes out as
 * soon as the answer arrives); `paced`: each sends one CALL every `intervalMs`; `close`: hang up.
 * Round-trip times are measured here, from send to answer, in milliseconds.
 */
import WebSocket from 'ws';

interface Station {
  ws: WebSocket;
  seq: number;
  sentAt: number;
  waiting: boolean;
}

type Command =
  | { cmd: 'connect'; url: string; count: number; batch?: number }
  | { cmd: 'closed-loop'; warmupMs: number; durationMs: number }
  | { cmd: 'paced'; intervalMs: number; warmupMs: number; durationMs: number; rtts?: boolean }
  | { cmd: 'cpu' }
  | { cmd: 'close' };

const stations: Station[] = [];
let onAnswer: (s: Station, rtt: number) => void = () => {};

const METER = (i: number) =>
  `{"connectorId":1,"transactionId":${i},"meterValue":[{"timestamp":"2024-01-01T00:00:00.000Z","sampledValue":[{"value":"${1000 + i}","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}`;

function send(s: Station, action: string, payload: string): void {
  s.seq++;
  s.sentAt = performance.now();
  s.waiting = true;
  s.ws.send(`[2,"${s.seq}","${action}",${payload}]`);
}

function connectOne(url: string, i: number): Promise<Station> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/BENCH${i}`, 'ocpp1.6', { perMessageDeflate: false });
    const s: Station = { ws, seq: 0, sentAt: 0, waiting: false };
    ws.on('error', reject);
    ws.on('message', () => {
      s.waiting = false;
      onAnswer(s, performance.now() - s.sentAt);
    });
    ws.on('open', () => {
      // Boot first, so the proxy sees an ordinary station; resolve on the answer.
      ws.once('message', () => resolve(s));
      send(s, 'BootNotification', '{"chargePointVendor":"bench","chargePointModel":"load"}');
    });
  });
}

async function connect(c: Extract<Command, { cmd: 'connect' }>) {
  const started = performance.now();
  const batch = c.batch ?? 250;
  let failed = 0;
  for (let i = 0; i < c.count; i += batch) {
    const results = await Promise.allSettled(Array.from({ length: Math.min(batch, c.count - i) }, (_, k) => connectOne(c.url, stations.length + i + k)));
    for (const r of results) if (r.status === 'fulfilled') stations.push(r.value);
    failed += results.filter((r) => r.status === 'rejected').length;
  }
  return { connected: stations.length, failed, ms: performance.now() - started };
}

/** Closed loop: `calls` counts answers inside the measuring window only. */
async function closedLoop(c: Extract<Command, { cmd: 'closed-loop' }>) {
  const rtts: number[] = [];
  let measuring = false;
  let running = true;
  let calls = 0;
  let totalCalls = 0;
  onAnswer = (s, rtt) => {
    totalCalls++;
    if (measuring) {
      calls++;
      rtts.push(rtt);
    }
    if (running) send(s, 'MeterValues', METER(s.seq));
  };
  for (const s of stations) send(s, 'MeterValues', METER(0));
  await delay(c.warmupMs);
  measuring = true;
  const started = performance.now();
  await delay(c.durationMs);
  measuring = false;
  const elapsed = performance.now() - started;
  running = false;
  await drain();
  return { calls, totalCalls, seconds: elapsed / 1000, ...summary(rtts) };
}

async function paced(c: Extract<Command, { cmd: 'paced' }>) {
  const rtts: number[] = [];
  let skipped = 0;
  let measuring = false;
  // Warm-up answers (first use of a message's schema compiles it) are not counted.
  onAnswer = (_s, rtt) => measuring && rtts.push(rtt);
  const timers: NodeJS.Timeout[] = [];
  for (const s of stations) {
    // Spread the stations over the interval so the load is even, as real stations would be.
    timers.push(
      setTimeout(() => {
        const tick = () => (s.waiting ? skipped++ : send(s, 'Heartbeat', '{}'));
        tick();
        timers.push(setInterval(tick, c.intervalMs));
      }, Math.random() * c.intervalMs),
    );
  }
  await delay(c.warmupMs);
  measuring = true;
  await delay(c.durationMs);
  measuring = false;
  for (const t of timers) clearTimeout(t);
  await drain();
  return { calls: rtts.length, skipped, ...summary(rtts), rtts: c.rtts ? rtts : undefined };
}

/** Waits (bounded) until every outstanding CALL is answered, so the next phase starts clean. */
async function drain(): Promise<void> {
  const until = performance.now() + 5000;
  while (stations.some((s) => s.waiting) && performance.now() < until) await delay(20);
  onAnswer = () => {};
}

function summary(rtts: number[]) {
  if (rtts.length === 0) return { p50: NaN, p99: NaN, mean: NaN };
  const sorted = Float64Array.from(rtts).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

process.on('message', async (c: Command) => {
  switch (c.cmd) {
    case 'connect':
      return process.send?.(await connect(c));
    case 'closed-loop':
      return process.send?.(await closedLoop(c));
    case 'paced':
      return process.send?.(await paced(c));
    case 'cpu': {
      const u = process.cpuUsage();
      return process.send?.({ cpuMicros: u.user + u.system });
    }
    case 'close':
      for (const s of stations) s.ws.terminate();
      process.send?.({ closed: true });
      return process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
