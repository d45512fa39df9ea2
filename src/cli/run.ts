import { InvalidArgumentError, type Command } from 'commander';
import type { Side, Version } from '../types.js';
import { parseVersion } from '../ocpp/versions.js';
import { executeRun } from '../runner/run-plan.js';
import { EXIT, toolVersion, type SetExit } from './main.js';
import { parsePort } from './options.js';

/** `ocpp-harness run`: conformance cases against a CSMS (--url), a charging station (--port) or the built-in reference peers. */
export function registerRun(program: Command, setExit: SetExit): void {
  program
    .command('run')
    .description('run conformance cases against a CSMS (--url), a charging station (--port), or, with neither, the built-in reference peers (both roles, through the proxy)')
    .argument('[cases...]', 'case ids or globs (TC_003_CS, "TC_0*_CSMS"); default: every case that applies')
    .option('--sut <role>', 'role under test: csms (the harness plays the station) or cs (the harness plays the CSMS)', parseSide)
    .option('--url <url>', 'the CSMS under test (ws:// or wss://); the station identity is appended')
    .option('--port <port>', 'port the charging station under test connects to', parsePort)
    .option('--host <host>', 'interface to listen on for the station (default 0.0.0.0)')
    .option('--sut-config <file>', 'SUT configuration (identity, credentials, connectors, idTags, features, action hooks): schemas/sut-config.schema.json')
    .option('--version <version>', 'OCPP version: 1.6 or 2.0.1 (2.1 against your own system)', parseVersionOption)
    .option('--profile <profile>', 'only cases of this profile (Core, Smart Charging …)')
    .option('--via-proxy', 'route the run through an in-process proxy; its findings join the report')
    .option('--reports <dir>', 'where reports/<run id>/ goes', 'reports')
    .option('--no-prompt', 'never ask at the terminal for manual actions (cases that need one are not-run)')
    .action(async (cases: string[], opts: RunOptions) => {
      const embedded = opts.url === undefined && opts.port === undefined && opts.sutConfig === undefined;
      const code = await executeRun(
        {
          patterns: cases,
          sut: opts.sut,
          url: opts.url,
          port: opts.port,
          host: opts.host,
          sutConfigFile: opts.sutConfig,
          version: opts.version,
          profile: opts.profile,
          // The embedded default always goes through the proxy: it is the product's own end-to-end check.
          viaProxy: embedded || opts.viaProxy === true,
          reportsDir: opts.reports,
          command: ['ocpp-harness', ...process.argv.slice(2)].join(' '),
          toolVersion: toolVersion(),
          interactive: opts.prompt !== false && process.stdin.isTTY === true,
        },
        { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
      );
      setExit(code.exitCode === 0 ? EXIT.ok : code.exitCode === 1 ? EXIT.failed : EXIT.usage);
    });
}

interface RunOptions {
  sut?: Side;
  url?: string;
  port?: number;
  host?: string;
  sutConfig?: string;
  version?: Version;
  profile?: string;
  viaProxy?: boolean;
  reports: string;
  prompt?: boolean;
}

export function parseSide(value: string): Side {
  const v = value.trim().toLowerCase();
  if (v === 'cs' || v === 'csms') return v;
  throw new InvalidArgumentError(`expected cs or csms, got "${value}"`);
}

export function parseVersionOption(value: string): Version {
  const v = parseVersion(value);
  if (!v) throw new InvalidArgumentError(`expected 1.6, 2.0.1 or 2.1, got "${value}"`);
  return v;
}
