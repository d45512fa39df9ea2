/**
 * `npm run bench`: every benchmark, each printed next to its baseline from the same run.
 *   validation: Conversation.inspect vs JSON.parse alone on the same frames;
 *   proxy: (a) direct, (b) http-proxy byte pipe, (c) ocpp-harness, plus RSS per idle station.
 *
 *   npm run bench -- [--only validation|proxy] [--stations N] [--rounds R] [--seconds S] [--paced-seconds S] [--idle N]
 */
import { formatValidationBench, runValidationBench } from './validation-bench.js';
import { runProxyBench } from './proxy-bench.js';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function number(args: string[], name: string): number | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} expects a positive number, got "${text}"`);
  return n;
}

async function main(args: string[]): Promise<void> {
  const only = flag(args, '--only');
  if (only !== undefined && only !== 'validation' && only !== 'proxy') throw new Error(`--only expects validation or proxy, got "${only}"`);
  if (only !== 'proxy') {
    console.log(formatValidationBench(await runValidationBench()));
    console.log('');
  }
  if (only !== 'validation') {
    await runProxyBench({
      stations: number(args, '--stations'),
      rounds: number(args, '--rounds'),
      seconds: number(args, '--seconds'),
      pacedSeconds: number(args, '--paced-seconds'),
      idle: number(args, '--idle'),
    });
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
