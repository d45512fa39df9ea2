import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registerValidate } from './validate.js';
import { registerRun } from './run.js';
import { registerList } from './list.js';
import { registerSimulate } from './simulate.js';
import { registerProxy } from './proxy.js';

/** Exit codes of the contract (docs/product.md): 0 clean, 1 a failure or violation, 2 bad usage / config / unreachable. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function toolVersion(): string {
  const pkgPath = fileURLToPath(new URL('../../package.json', import.meta.url));
  return (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
}

/** Each command registers itself and reports its exit code through `setExit`. */
export type SetExit = (code: number) => void;

export function buildProgram(setExit: SetExit): Command {
  const program = new Command('ocpp-harness')
    .description('OCPP 1.6J / 2.0.1 / 2.1 man-in-the-middle proxy, validator and conformance test runner')
    .version(toolVersion())
    .showHelpAfterError()
    .exitOverride();
  registerValidate(program, setExit);
  registerRun(program, setExit);
  registerList(program, setExit);
  registerSimulate(program, setExit);
  registerProxy(program, setExit);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0; usage errors with 1, which the contract calls 2.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`ocpp-harness: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
}
