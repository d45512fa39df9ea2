import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { proxyOptionsFrom, type ProxyFlags } from '../../src/cli/proxy.js';
import { connectStation, frames, readLog, startCsms, within } from './proxy-fixtures.js';

const ENTRY = fileURLToPath(new URL('./proxy-cli-entry.ts', import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

function cli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const run: Run = { child, stdout: '', stderr: '', exit: new Promise((r) => child.on('exit', (code) => r(code))) };
  child.stdout!.on('data', (c: Buffer) => (run.stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (run.stderr += c.toString()));
  return run;
}

function stderrLine(run: Run, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(run.stderr);
      if (m) resolve(m);
    };
    run.child.stderr!.on('data', check);
    run.exit.then(() => reject(new Error(`exited before printing ${pattern}: ${run.stderr}`)));
    check();
  });
}

const base: ProxyFlags = { port: 0, upstream: 'ws://127.0.0.1:9/ocpp', host: '127.0.0.1', responseTimeout: 30000 };

describe('proxy: command line', function () {
  // Child processes compile TypeScript on start: slow when the suite runs in parallel on a small machine.
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'proxy-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects flag combinations that make no sense, each with a one-line reason', () => {
    const pemFile = join(dir, 'x.pem');
    writeFileSync(pemFile, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const bad: Array<[Partial<ProxyFlags>, RegExp]> = [
      [{ tlsCert: pemFile }, /--tls-cert and --tls-key go together/],
      [{ tlsCert: pemFile, tlsKey: pemFile, tlsSelfSigned: true }, /either/],
      [{ upstreamCert: pemFile }, /--upstream-cert and --upstream-key/],
      [{ clientCa: pemFile }, /--client-ca needs TLS/],
      [{ upstreamCa: pemFile }, /wss:\/\/ upstream only/],
      [{ tlsCert: join(dir, 'missing.pem'), tlsKey: pemFile }, /cannot read the --tls-cert file .*ENOENT/],
      [{ tlsSelfSigned: true, clientCa: join(dir, 'x.txt') }, /cannot read/],
    ];
    for (const [flags, reason] of bad) expect(() => proxyOptionsFrom({ ...base, ...flags })).to.throw(reason);
    writeFileSync(join(dir, 'not.pem'), 'hello');
    expect(() => proxyOptionsFrom({ ...base, tlsSelfSigned: true, clientCa: join(dir, 'not.pem') })).to.throw(/not PEM/);
    expect(proxyOptionsFrom({ ...base, upstream: 'wss://x/ocpp', upstreamCa: pemFile, tlsSelfSigned: true, clientCa: pemFile })).to.deep.include({ tls: { selfSigned: true } });
  });

  it('exits 2 with a single stderr line on bad usage and bad config', async () => {
    for (const args of [['proxy', '--upstream', 'ws://127.0.0.1:9'], ['proxy', '--port', 'x', '--upstream', 'ws://a'], ['proxy', '--port', '0', '--upstream', 'ftp://a'], ['proxy', '--port', '0', '--upstream', 'ws://a', '--ui', 'web']]) {
      const run = cli(args);
      expect(await within(run.exit, 15000, 'exit'), args.join(' ')).to.equal(2);
      expect(run.stderr.trim().split('\n'), run.stderr).to.have.length(1);
    }
  });

  it('runs until SIGINT, then closes connections, flushes the log and prints a summary (exit 0)', async () => {
    const csms = await startCsms();
    try {
      const run = cli(['proxy', '--port', '0', '--host', '127.0.0.1', '--upstream', csms.url, '--log', dir, '--ui', '0']);
      const [, url] = await within(stderrLine(run, /listening on (ws:\/\/\S+)/), 15000, 'listening line');
      const [, ui] = await within(stderrLine(run, /live view on (http:\/\/127\.0\.0\.1:\d+\/)/), 15000, 'live view line');
      expect((await fetch(ui)).headers.get('content-security-policy')).to.match(/default-src 'none'/);
      const station = await connectStation(`${url}/CP-CLI`);
      const upstream = await csms.connection();
      station.ws.send('[2,"1","Heartbeat",{}]');
      await upstream.message();
      run.child.kill('SIGINT');
      expect(await within(run.exit, 10000, 'exit')).to.equal(0);
      expect((await station.closeEvent()).code).to.equal(1001);
      const [file] = readdirSync(dir);
      const log = readLog(join(dir, file));
      expect(frames(log)).to.have.length(1);
      expect(log[log.length - 1].event).to.equal('proxy-stop');
      expect(run.stdout).to.match(/CP-CLI\s+→ CALL\s+Heartbeat/);
      expect(run.stdout).to.include('summary');
      expect(run.stdout).not.to.match(/\x1b\[/);
    } finally {
      await csms.close();
    }
  });

  it('with --quiet prints events but no frame lines, and stops cleanly on SIGTERM', async () => {
    const csms = await startCsms();
    try {
      const run = cli(['proxy', '--port', '0', '--host', '127.0.0.1', '--upstream', csms.url, '--quiet', '--enforce']);
      const [, url] = await within(stderrLine(run, /listening on (ws:\/\/\S+)/), 15000, 'listening line');
      const station = await connectStation(`${url}/CP-Q`);
      station.ws.send('[2,"1","Heartbeat","not an object"]');
      expect(JSON.parse(await station.text())[2]).to.equal('FormationViolation');
      run.child.kill('SIGTERM');
      expect(await within(run.exit, 10000, 'exit')).to.equal(0);
      expect(run.stdout).to.match(/CP-Q\s+● open/);
      expect(run.stdout).not.to.match(/→ CALL/);
      expect(run.stdout).to.include('dropped by --enforce: 1');
    } finally {
      await csms.close();
    }
  });
});
