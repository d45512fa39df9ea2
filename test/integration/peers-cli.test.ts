import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runSimulateCs, runSimulateCsms, type SimulateIo } from '../../src/cli/simulate.js';

/** `ocpp-harness simulate cs|csms`: the reference peers on the command line. */
const root = fileURLToPath(new URL('../../', import.meta.url));

interface Io extends SimulateIo {
  out: () => string;
  errText: () => string;
  stop: () => void;
  /** Resolve once stdout / stderr contains `text`. */
  waitForOut: (text: string | RegExp) => Promise<string>;
  waitForErr: (text: string | RegExp) => Promise<string>;
}

/** `commands` are given to the peer once stdout shows `after` (so a test can wait for the boot first). */
function io(commands?: string[], after?: RegExp): Io {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
    waiters.splice(0).forEach((w) => w());
  });
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
    waiters.splice(0).forEach((w) => w());
  });
  let stop!: (s: string) => void;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const waitIn = (name: string, current: () => string) => (text: string | RegExp) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} never showed ${String(text)}; got:\n${current()}`)), 5000);
      const check = () => {
        if (typeof text === 'string' ? current().includes(text) : text.test(current())) {
          clearTimeout(timer);
          resolve(current());
        } else waiters.push(check);
      };
      check();
    });
  const waitForOut = waitIn('stdout', () => out);
  const waitForErr = waitIn('stderr', () => err);
  return {
    stdout,
    stderr,
    untilSignal: () => stopped,
    commands: commands
      ? (async function* () {
          if (after) await waitForOut(after);
          for (const c of commands) yield c;
        })()
      : undefined,
    out: () => out,
    errText: () => err,
    stop: () => stop('SIGINT'),
    waitForOut,
    waitForErr,
  };
}

describe('ocpp-harness simulate', () => {
  it('simulate csms and simulate cs talk to each other, print a line per frame, and stop cleanly on a signal', async () => {
    const csmsIo = io();
    const csmsRun = runSimulateCsms({ port: 0, host: '127.0.0.1', version: ['1.6'], heartbeat: 300, bootStatus: 'Accepted' }, csmsIo);
    const listening = /ws:\/\/127\.0\.0\.1:\d+/.exec(await csmsIo.waitForErr(/listening on ws:\/\/127\.0\.0\.1:\d+/))![0];
    const csIo = io(['plugIn {"connectorId":1}', 'presentIdTag', 'dance'], /CALLRESULT BootNotification/);
    const csRun = runSimulateCs({ url: `${listening}/CLI-CS`, version: '1.6', connectors: 1 }, csIo);
    await csIo.waitForOut(/cs->csms CALL StartTransaction/);
    await csmsIo.waitForOut(/CLI-CS cs->csms CALL BootNotification \[2,/);
    expect(csIo.out()).to.match(/CLI-CS # open \{"subprotocol":"ocpp1.6"\}/);
    expect(csIo.errText()).to.include('CLI-CS (OCPP 1.6) connecting to');
    expect(csIo.errText()).to.include('plugIn done');
    expect(csIo.errText()).to.match(/dance failed: unknown action "dance"/);
    csIo.stop();
    expect(await csRun).to.equal(0);
    csmsIo.stop();
    expect(await csmsRun).to.equal(0);
    expect(csmsIo.errText()).to.include('SIGINT, closing');
  });

  it('takes the identity from the URL when --identity is absent', async () => {
    const csmsIo = io();
    const csmsRun = runSimulateCsms({ port: 0, host: '127.0.0.1', heartbeat: 300, bootStatus: 'Accepted' }, csmsIo);
    const url = /ws:\/\/127\.0\.0\.1:\d+/.exec(await csmsIo.waitForErr(/listening on ws:\/\/127\.0\.0\.1:\d+/))![0];
    const csIo = io();
    const csRun = runSimulateCs({ url: `${url}/ocpp/CP%20007`, version: '2.0.1', connectors: 2 }, csIo);
    await csmsIo.waitForOut('CP 007 cs->csms CALL BootNotification');
    csIo.stop();
    csmsIo.stop();
    expect([await csRun, await csmsRun]).to.deep.equal([0, 0]);
  });

  const bad: Array<[string, () => Promise<number>, RegExp]> = [
    ['an unsupported version', () => runSimulateCs({ url: 'ws://127.0.0.1:1/X', version: '2.1', connectors: 1 }, io()), /reference peers speak OCPP 1.6 and 2.0.1, not "2.1"/],
    ['a URL that is not ws://', () => runSimulateCs({ url: 'http://127.0.0.1/X', version: '1.6', connectors: 1 }, io()), /--url must be a ws:\/\/ or wss:\/\/ URL/],
    ['an unknown fault', () => runSimulateCs({ url: 'ws://127.0.0.1:1/X', version: '1.6', connectors: 1, fault: ['gremlins'] }, io()), /unknown fault "gremlins"/],
    ['a fault of the other peer', () => runSimulateCsms({ port: 0, host: '127.0.0.1', heartbeat: 1, bootStatus: 'Accepted', fault: ['wrong-stop-reason'] }, io()), /"wrong-stop-reason" is a fault of the charging station/],
    ['a bad boot status', () => runSimulateCsms({ port: 0, host: '127.0.0.1', heartbeat: 1, bootStatus: 'Maybe' }, io()), /--boot-status must be Accepted, Pending or Rejected/],
  ];
  for (const [what, run, reason] of bad) {
    it(`exits 2 with a one-line reason for ${what}`, async () => {
      let captured = '';
      const original = PassThrough.prototype.write;
      PassThrough.prototype.write = function (this: PassThrough, chunk: unknown, ...rest: unknown[]) {
        captured += String(chunk);
        return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
      } as typeof original;
      try {
        expect(await run()).to.equal(2);
      } finally {
        PassThrough.prototype.write = original;
      }
      expect(captured).to.match(reason);
      expect(captured.trim().split('\n')).to.have.length(1);
    });
  }

  it('as a process: bad usage exits 2 with one line on stderr; simulate csms runs until SIGINT and exits 0', async function () {
    // Child processes compile TypeScript on start: slow when the suite runs in parallel on a small machine.
    this.timeout(60000);
    const run = (args: string[]) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', "import('./src/cli/main.ts').then((m) => m.main(['node', 'ocpp-harness', ...process.argv.slice(1)])).then((c) => { process.exitCode = c; })", ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      return { child, exit, out: () => out, err: () => err };
    };
    const usage = run(['simulate', 'cs', '--url', 'ws://127.0.0.1:1/X', '--version', '3']);
    expect(await usage.exit).to.equal(2);
    expect(usage.err().trim().split('\n')).to.deep.equal(['ocpp-harness simulate cs: --version: the reference peers speak OCPP 1.6 and 2.0.1, not "3"']);
    const missing = run(['simulate', 'cs']);
    expect(await missing.exit).to.equal(2);
    expect(missing.err().trim().split('\n')).to.have.length(1);
    const csms = run(['simulate', 'csms', '--port', '0', '--version', '2.0.1']);
    await new Promise<void>((resolve) => {
      const check = () => csms.err().includes('listening on') && (csms.child.stderr.off('data', check), resolve());
      csms.child.stderr.on('data', check);
      check();
    });
    csms.child.kill('SIGINT');
    expect(await csms.exit).to.equal(0);
    expect(csms.err()).to.include('SIGINT, closing');
  });
});
