import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { parseVersion } from '../ocpp/versions.js';
import { FAULT_NAMES, FAULTS, isFaultName, type FaultName } from '../peers/faults.js';
import type { PeerControl } from '../peers/peer-control.js';
import { startReferenceCs, type ReferenceCs } from '../peers/reference-cs/index.js';
import { startReferenceCsms, type ReferenceCsms } from '../peers/reference-csms/index.js';
import type { ConnectionEventRecord, FrameRecord } from '../types.js';
import { EXIT, type SetExit } from './main.js';
import { parsePort, parsePositiveInt } from './options.js';

/**
 * `ocpp-harness simulate cs|csms`: the reference peers on their own, for manual work. Prints a line per
 * frame (and per connection event) until SIGINT; with --commands, reads manual actions from standard
 * input, one per line: `<action> [JSON params]`, e.g. `plugIn {"connectorId":1}`.
 */
export interface SimulateCsFlags {
  url: string;
  identity?: string;
  version: string;
  password?: string;
  connectors: number;
  idTag?: string;
  fault?: string[];
  commands?: boolean;
}

export interface SimulateCsmsFlags {
  port: number;
  host: string;
  version?: string[];
  heartbeat: number;
  bootStatus: string;
  fault?: string[];
  commands?: boolean;
}

export interface SimulateIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Resolves when the peer should stop (SIGINT/SIGTERM on the command line). */
  untilSignal: () => Promise<string>;
  /** Lines of manual actions (standard input with --commands). */
  commands?: AsyncIterable<string>;
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function registerSimulate(program: Command, setExit: SetExit): void {
  // `simulate ... --version 2.0.1` names the OCPP version: the program's own --version (the tool's version)
  // must then only be recognised before the command name, which is what positional options do.
  program.enablePositionalOptions();
  const simulate = program.command('simulate').description('run the reference charging station or the reference CSMS on its own').showHelpAfterError(false);
  const io = (commands?: boolean): SimulateIo => ({ stdout: process.stdout, stderr: process.stderr, untilSignal, commands: commands ? createInterface({ input: process.stdin }) : undefined });
  simulate
    .command('cs')
    .description('the reference charging station, connecting to the CSMS at --url')
    .requiredOption('--url <url>', 'CSMS endpoint (ws:// or wss://); the identity is appended, or taken from the URL when --identity is absent')
    .option('--identity <id>', 'station identity (the last URL path segment)')
    .option('--version <version>', 'OCPP version: 1.6 or 2.0.1', '1.6')
    .option('--password <password>', 'HTTP Basic auth password (security profile 1/2)')
    .option('--connectors <n>', 'connectors (1.6) / EVSEs (2.0.1)', parsePositiveInt, 1)
    .option('--id-tag <tag>', 'the idTag presented by presentIdTag without one')
    .option('--fault <names>', `switch on deliberate bugs (comma separated or repeated): ${faultList('cs')}`, collect)
    .option('--commands', 'read manual actions from standard input: <action> [JSON params] per line')
    .showHelpAfterError(false)
    .action(async (flags: SimulateCsFlags) => setExit(await runSimulateCs(flags, io(flags.commands))));
  simulate
    .command('csms')
    .description('the reference CSMS, listening for stations on ws://HOST:PORT/<identity>')
    .option('--port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--version <versions>', 'accepted OCPP versions, most preferred first (comma separated or repeated)', collect)
    .option('--heartbeat <seconds>', 'heartbeat interval sent with an accepted boot', parsePositiveInt, 300)
    .option('--boot-status <status>', 'BootNotification answer: Accepted, Pending or Rejected', 'Accepted')
    .option('--fault <names>', `switch on deliberate bugs (comma separated or repeated): ${faultList('csms')}`, collect)
    .option('--commands', 'read CSMS actions from standard input: <action> [JSON params] per line')
    .showHelpAfterError(false)
    .action(async (flags: SimulateCsmsFlags) => setExit(await runSimulateCsms(flags, io(flags.commands))));
}

export async function runSimulateCs(flags: SimulateCsFlags, io: SimulateIo): Promise<number> {
  let cs: ReferenceCs;
  try {
    const version = peerVersion(flags.version);
    if (!/^wss?:\/\//i.test(flags.url)) throw new Error(`--url must be a ws:// or wss:// URL, got "${flags.url}"`);
    let url = flags.url;
    let identity = flags.identity;
    if (!identity) {
      const m = /^(wss?:\/\/[^/]+(?:\/.*)?)\/([^/]+)\/?$/i.exec(flags.url);
      if (!m) throw new Error('give --identity, or end --url with the station identity (ws://host:port/ocpp/CP001)');
      [url, identity] = [m[1], decodeURIComponent(m[2])];
    }
    cs = startReferenceCs({ url, identity, version, password: flags.password, connectors: flags.connectors, defaultIdTag: flags.idTag, faults: faultNames(flags.fault, 'cs') });
  } catch (e) {
    return usage(io, 'simulate cs', e);
  }
  // Listen for the signal before saying we run: a signal right after that line must not be lost.
  const signal = io.untilSignal();
  cs.events.on('frame', (r) => io.stdout.write(frameLine(r)));
  cs.events.on('connection', (r) => io.stdout.write(eventLine(r)));
  cs.events.on('problem', (e) => io.stderr.write(`ocpp-harness simulate cs: ${e.message}\n`));
  io.stderr.write(`ocpp-harness simulate cs: ${cs.state.identity} (OCPP ${cs.state.version}) connecting to ${flags.url}; actions: ${cs.control.actions.join(', ')}\n`);
  return runUntilSignal(io, signal, 'simulate cs', cs.control, () => cs.close());
}

export async function runSimulateCsms(flags: SimulateCsmsFlags, io: SimulateIo): Promise<number> {
  let csms: ReferenceCsms;
  try {
    const versions = (flags.version && flags.version.length > 0 ? flags.version : ['2.0.1', '1.6']).map(peerVersion);
    const boot = flags.bootStatus;
    if (boot !== 'Accepted' && boot !== 'Pending' && boot !== 'Rejected') throw new Error(`--boot-status must be Accepted, Pending or Rejected, got "${boot}"`);
    csms = await startReferenceCsms({ port: flags.port, host: flags.host, versions, heartbeatInterval: flags.heartbeat, bootStatus: boot, faults: faultNames(flags.fault, 'csms') });
  } catch (e) {
    return usage(io, 'simulate csms', e);
  }
  const signal = io.untilSignal();
  csms.events.on('frame', (r) => io.stdout.write(frameLine(r)));
  csms.events.on('connection', (r) => io.stdout.write(eventLine(r)));
  csms.events.on('problem', (e) => io.stderr.write(`ocpp-harness simulate csms: ${e.message}\n`));
  io.stderr.write(`ocpp-harness simulate csms: listening on ${csms.url}/<identity>; actions: ${csms.control.actions.join(', ')}\n`);
  return runUntilSignal(io, signal, 'simulate csms', csms.control, () => csms.close());
}

async function runUntilSignal(io: SimulateIo, until: Promise<string>, name: string, control: PeerControl, close: () => Promise<void>): Promise<number> {
  let stopped = false;
  if (io.commands) void readCommands(io, name, control, () => stopped);
  const signal = await until;
  stopped = true;
  io.stderr.write(`ocpp-harness ${name}: ${signal}, closing\n`);
  await close();
  return EXIT.ok;
}

async function readCommands(io: SimulateIo, name: string, control: PeerControl, stopped: () => boolean): Promise<void> {
  for await (const line of io.commands!) {
    if (stopped()) return;
    const m = /^\s*(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    try {
      const params = m[2] ? (JSON.parse(m[2]) as Record<string, unknown>) : {};
      await control.perform(m[1], params);
      io.stderr.write(`ocpp-harness ${name}: ${m[1]} done\n`);
    } catch (e) {
      io.stderr.write(`ocpp-harness ${name}: ${m[1]} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}

function peerVersion(text: string): '1.6' | '2.0.1' {
  const v = parseVersion(text);
  if (v === '1.6' || v === '2.0.1') return v;
  throw new Error(`--version: the reference peers speak OCPP 1.6 and 2.0.1, not "${text}"`);
}

function faultNames(names: string[] | undefined, peer: 'cs' | 'csms'): FaultName[] {
  for (const n of names ?? []) {
    if (!isFaultName(n)) throw new Error(`--fault: unknown fault "${n}"; known: ${faultList(peer)}`);
    if (FAULTS[n].peer !== peer) throw new Error(`--fault: "${n}" is a fault of the ${FAULTS[n].peer === 'cs' ? 'charging station' : 'CSMS'}`);
  }
  return (names ?? []) as FaultName[];
}

function faultList(peer: 'cs' | 'csms'): string {
  return FAULT_NAMES.filter((f) => FAULTS[f].peer === peer).join(', ');
}

function usage(io: SimulateIo, name: string, e: unknown): number {
  io.stderr.write(`ocpp-harness ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT.usage;
}

/** `HH:MM:SS.mmm station dir TYPE Action raw`, with a line per finding of an invalid frame. */
export function frameLine(r: FrameRecord): string {
  const head = `${r.ts.slice(11, 23)} ${r.station} ${r.dir} ${r.type}${r.action ? ` ${r.action}` : ''}${r.valid ? '' : ' INVALID'} ${r.raw}\n`;
  return head + r.errors.map((f) => `    ${f.severity === 'error' ? 'x' : '!'} [${f.rule}]${f.path ? ` ${f.path}` : ''} ${f.message}\n`).join('');
}

function eventLine(r: ConnectionEventRecord): string {
  const { ts, station, conn: _conn, event, ...detail } = r;
  return `${ts.slice(11, 23)} ${station} # ${event}${Object.keys(detail).length ? ` ${JSON.stringify(detail)}` : ''}\n`;
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (name: string) => () => {
      process.off('SIGINT', onInt).off('SIGTERM', onTerm);
      resolve(name);
    };
    const onInt = on('SIGINT');
    const onTerm = on('SIGTERM');
    process.once('SIGINT', onInt).once('SIGTERM', onTerm);
  });
}
