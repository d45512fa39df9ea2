import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { startProxy, type ProxyHandle, type ProxyOptions } from '../proxy/proxy-server.js';
import { EXIT, type SetExit } from './main.js';
import { parsePort, parsePositiveInt } from './options.js';

/** `ocpp-harness proxy`: the man-in-the-middle proxy on the command line (docs/product.md). */
export interface ProxyFlags {
  port: number;
  upstream: string;
  host: string;
  log?: string;
  enforce?: boolean;
  tlsCert?: string;
  tlsKey?: string;
  tlsSelfSigned?: boolean;
  upstreamCa?: string;
  upstreamCert?: string;
  upstreamKey?: string;
  clientCa?: string;
  quiet?: boolean;
  responseTimeout: number;
  ui?: number;
}

export function registerProxy(program: Command, setExit: SetExit): void {
  program
    .command('proxy')
    .description('forward every frame between stations and a CSMS unchanged, validate it and log it')
    .requiredOption('--port <port>', 'port stations connect to (ws://HOST:PORT/<any prefix>/<stationId>; 0 = any free port)', parsePort)
    .requiredOption('--upstream <url>', 'CSMS base URL (ws:// or wss://); each station is dialled at <url>/<stationId>')
    .option('--host <host>', 'interface to listen on', '0.0.0.0')
    .option('--log <dir>', 'write the JSON Lines frame log to a new file in this directory')
    .option('--enforce', 'answer invalid CALLs with the version-correct CALLERROR instead of forwarding them')
    .option('--tls-cert <file>', 'serve wss:// to stations with this certificate (PEM), with --tls-key')
    .option('--tls-key <file>', 'private key (PEM) of --tls-cert')
    .option('--tls-self-signed', 'serve wss:// with a generated self-signed certificate (debugging)')
    .option('--upstream-ca <file>', 'CA certificate (PEM) that signed the wss:// CSMS certificate')
    .option('--upstream-cert <file>', 'client certificate (PEM) the proxy presents to the CSMS (security profile 3)')
    .option('--upstream-key <file>', 'private key (PEM) of --upstream-cert')
    .option('--client-ca <file>', 'require station client certificates signed by this CA (mutual TLS) and log their subject')
    .option('--quiet', 'console: connection events only, no line per frame')
    .option('--response-timeout <ms>', 'CALL response timeout for the late-response rule', parsePositiveInt, 30000)
    .option('--ui <port>', 'serve the live view (frames and events in a browser) on http://127.0.0.1:<port>/', parsePort)
    // The contract asks for a one-line reason on bad usage, not the whole help text.
    .showHelpAfterError(false)
    .action(async (flags: ProxyFlags) => {
      setExit(await runProxy(flags, { stdout: process.stdout, stderr: process.stderr, untilSignal }));
    });
}

export interface ProxyIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Resolves when the proxy should stop (SIGINT/SIGTERM on the command line). */
  untilSignal: () => Promise<string>;
}

export async function runProxy(flags: ProxyFlags, io: ProxyIo): Promise<number> {
  let options: ProxyOptions;
  let handle: ProxyHandle;
  try {
    options = proxyOptionsFrom(flags, io.stdout);
    handle = await startProxy(options);
  } catch (e) {
    io.stderr.write(`ocpp-harness proxy: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
  const log = handle.logFile ? `, log ${handle.logFile}` : '';
  io.stderr.write(`ocpp-harness proxy: listening on ${handle.url} (${flags.host}), upstream ${flags.upstream}${log}${flags.enforce ? ', enforcing' : ''}\n`);
  if (handle.uiUrl) io.stderr.write(`ocpp-harness proxy: live view on ${handle.uiUrl}\n`);
  const signal = await io.untilSignal();
  io.stderr.write(`ocpp-harness proxy: ${signal}, closing connections and flushing the log\n`);
  await handle.close();
  return EXIT.ok;
}

/** Checks the flags that only make sense together and reads the PEM files; throws with a one-line reason. */
export function proxyOptionsFrom(flags: ProxyFlags, console?: NodeJS.WritableStream): ProxyOptions {
  if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey)) throw new Error('--tls-cert and --tls-key go together');
  if (flags.tlsSelfSigned && flags.tlsCert) throw new Error('choose either --tls-cert/--tls-key or --tls-self-signed');
  if (Boolean(flags.upstreamCert) !== Boolean(flags.upstreamKey)) throw new Error('--upstream-cert and --upstream-key go together');
  if (flags.clientCa && !flags.tlsCert && !flags.tlsSelfSigned) throw new Error('--client-ca needs TLS towards the stations: --tls-cert/--tls-key or --tls-self-signed');
  const secureUpstream = /^(wss|https):/i.test(flags.upstream);
  if ((flags.upstreamCa || flags.upstreamCert) && !secureUpstream) throw new Error('--upstream-ca/--upstream-cert apply to a wss:// upstream only');
  const options: ProxyOptions = {
    port: flags.port,
    host: flags.host,
    upstream: flags.upstream,
    enforce: flags.enforce === true,
    quiet: flags.quiet === true,
    responseTimeoutMs: flags.responseTimeout,
    console,
  };
  if (flags.log) options.log = { dir: flags.log };
  if (flags.ui !== undefined) options.ui = { port: flags.ui };
  if (flags.tlsSelfSigned) options.tls = { selfSigned: true };
  if (flags.tlsCert && flags.tlsKey) options.tls = { cert: pem('--tls-cert', flags.tlsCert), key: pem('--tls-key', flags.tlsKey) };
  if (flags.clientCa) options.clientCa = pem('--client-ca', flags.clientCa);
  if (flags.upstreamCa || flags.upstreamCert) {
    options.upstreamTls = {};
    if (flags.upstreamCa) options.upstreamTls.ca = pem('--upstream-ca', flags.upstreamCa);
    if (flags.upstreamCert && flags.upstreamKey) {
      options.upstreamTls.cert = pem('--upstream-cert', flags.upstreamCert);
      options.upstreamTls.key = pem('--upstream-key', flags.upstreamKey);
    }
  }
  return options;
}

function pem(flag: string, file: string): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new Error(`cannot read the ${flag} file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (!data.toString('latin1').includes('-----BEGIN ')) throw new Error(`the ${flag} file ${file} is not PEM (no -----BEGIN line)`);
  return data;
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (name: string) => () => {
      process.off('SIGINT', onInt).off('SIGTERM', onTerm);
      // A second signal while closing: stop waiting for slow peers.
      process.once('SIGINT', () => process.exit(130)).once('SIGTERM', () => process.exit(143));
      resolve(name);
    };
    const onInt = on('SIGINT');
    const onTerm = on('SIGTERM');
    process.once('SIGINT', onInt).once('SIGTERM', onTerm);
  });
}
