import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceCs } from '../../src/peers/reference-cs/index.js';
import { startReferenceCsms } from '../../src/peers/reference-csms/index.js';
import { loadCatalog } from '../../src/runner/case-loader.js';
import { computeCoverage, readCatalog } from '../../src/runner/coverage.js';
import { executeRun } from '../../src/runner/run-plan.js';
import { freePort, memoryIo, runCli } from './runner-helpers.js';

/** `ocpp-harness run` and `list` from the outside: exit codes, one-line reasons, external SUTs, hooks, listing, coverage. */
describe('ocpp-harness run / list', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'runner-cli-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };

  it('an unreachable CSMS: every case is error with the reason, one line on stderr, exit 2, reports still written', async () => {
    const port = await freePort();
    const reports = join(dir, 'unreachable');
    const r = await runCli(['run', '--sut', 'csms', '--url', `ws://127.0.0.1:${port}`, '--version', '1.6', '--reports', reports]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(new RegExp(`^ocpp-harness run: TC_001_CSMS: cannot connect to the CSMS at ws://127\\.0\\.0\\.1:${port}/OCPPH-CS-001: ECONNREFUSED .*\\n$`));
    expect(r.stderr.split('\n')).to.have.length(2);
    expect(r.stdout).to.match(/TC_001_CSMS .* error\n {6}cannot connect to the CSMS/);
    expect(readdirSync(reports)).to.have.length(1);
  });

  it('a station that never connects: error after connectMs, exit 2', async () => {
    const config = file('sut-cs.json', { role: 'cs', timeouts: { connectMs: 300 } });
    const port = await freePort();
    const io = memoryIo();
    const outcome = await executeRun({ patterns: ['TC_001_CS'], port, host: '127.0.0.1', sutConfigFile: config, viaProxy: false, reportsDir: join(dir, 'r'), command: 'test', toolVersion: '0' }, io);
    expect(outcome.exitCode).to.equal(2);
    expect(outcome.report!.cases[0]).to.include({ verdict: 'error', reason: `no charging station connected to ws://127.0.0.1:${port}/ within 300 ms` });
    expect(io.err()).to.equal(`ocpp-harness run: TC_001_CS: no charging station connected to ws://127.0.0.1:${port}/ within 300 ms\n`);
  });

  it('bad usage and bad configuration: exit 2 with the file, the JSON path and the problem', async () => {
    const bad = file('bad.json', { role: 'cs', port: 9, timeouts: { expectMs: 0 } });
    const r = await runCli(['run', '--sut-config', bad]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.equal(`ocpp-harness run: ${bad}: at /timeouts/expectMs: must be >= 1; got 0\n`);
    const typo = await runCli(['run', 'TC_999_CS']);
    expect([typo.code, typo.stderr]).to.deep.equal([2, 'ocpp-harness run: no case matches "TC_999_CS"\n']);
    const both = await runCli(['run', '--url', 'ws://x', '--port', '9000']);
    expect([both.code, both.stderr]).to.deep.equal([2, 'ocpp-harness run: give either --url (a CSMS under test) or --port (a charging station under test), not both\n']);
    const role = await runCli(['run', '--sut', 'station']);
    expect(role.code).to.equal(2);
    expect(role.stderr).to.contain('expected cs or csms, got "station"');
  });

  it('a CSMS given by URL, with and without --via-proxy', async () => {
    const csms = await startReferenceCsms({ versions: ['1.6'] });
    try {
      const config = file('sut-csms.json', { name: 'My CSMS', idTags: { valid: 'VALID-TAG-1' } });
      for (const viaProxy of [false, true]) {
        const outcome = await executeRun({ patterns: ['TC_001_CSMS', 'TC_003_CSMS'], sut: 'csms', url: csms.url, version: '1.6', sutConfigFile: config, viaProxy, reportsDir: join(dir, 'ext'), command: 'test', toolVersion: '0' }, memoryIo());
        expect(outcome.report!.cases.map((c) => `${c.id} ${c.verdict} ${c.reason ?? ''}`.trim())).to.deep.equal(['TC_001_CSMS passed', 'TC_003_CSMS passed']);
        expect(outcome.report!.sut).to.deep.include({ role: 'csms', name: 'My CSMS', endpoint: csms.url });
        expect(outcome.report!.run.viaProxy).to.equal(viaProxy);
      }
    } finally {
      await csms.close();
    }
  });

  it('security profile 1: Basic auth with the configured password; a wrong one is an error naming the HTTP status', async () => {
    const csms = await startReferenceCsms({ versions: ['2.0.1'], passwords: { 'SP1-CS': 'right-password-123' } });
    try {
      const run = (password: string) =>
        executeRun(
          { patterns: ['TC_B_01_CSMS'], url: csms.url, version: '2.0.1', sutConfigFile: file(`sp1-${password}.json`, { role: 'csms', identity: 'SP1-CS', securityProfile: 1, credentials: { basicAuthPassword: password } }), viaProxy: false, reportsDir: join(dir, 'sp1'), command: 'test', toolVersion: '0' },
          memoryIo(),
        );
      expect((await run('right-password-123')).report!.cases[0].verdict).to.equal('passed');
      const wrong = await run('wrong-password-123');
      expect(wrong.exitCode).to.equal(2);
      expect(wrong.report!.cases[0].reason).to.equal(`cannot connect to the CSMS at ${csms.url}/SP1-CS: the server answered the WebSocket upgrade with HTTP 401 Unauthorized`);
      expect(JSON.stringify(wrong.report)).to.not.contain('wrong-password-123');
    } finally {
      await csms.close();
    }
  });

  it('a station under test with no way to do manual actions: not-run naming the action, exit 0', async () => {
    const port = await freePort();
    const station = startReferenceCs({ url: `ws://127.0.0.1:${port}`, identity: 'EXT-CS', msPerSecond: 100, reconnectDelay: 1 });
    try {
      const io = memoryIo();
      const outcome = await executeRun({ patterns: ['TC_003_CS'], sut: 'cs', port, host: '127.0.0.1', viaProxy: false, reportsDir: join(dir, 'nr'), command: 'test', toolVersion: '0', interactive: false }, io);
      expect(outcome.report!.cases[0]).to.include({ verdict: 'not-run', reason: 'Step 1: manual action "plugIn" (EV driver plugs in the cable) cannot be carried out: hook: the SUT configuration has no hook for "plugIn"' });
      expect(outcome.exitCode).to.equal(0);
    } finally {
      await station.close();
    }
  });

  it('a station under test driven through HTTP hooks from the SUT configuration, through the proxy', async () => {
    const port = await freePort();
    const station = startReferenceCs({ url: `ws://127.0.0.1:${port}/ocpp`, identity: 'EXT-CS', msPerSecond: 100, reconnectDelay: 1, defaultIdTag: 'OCPPH-VALID-01' });
    // The "vendor's test API": an HTTP endpoint that carries out a manual action on the station.
    const api: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const action = req.url!.slice(1);
        station.control.perform(action, JSON.parse(body || '{}')).then(
          () => res.writeHead(204).end(),
          (e: Error) => res.writeHead(500).end(e.message),
        );
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const hook = (action: string) => ({ http: { url: `${base}/${action}`, body: '{{params}}' } });
    const config = file('sut-hooks.json', { role: 'cs', port, host: '127.0.0.1', identity: 'EXT-CS', actions: { plugIn: hook('plugIn'), unplug: hook('unplug'), presentIdTag: hook('presentIdTag') } });
    try {
      const outcome = await executeRun({ patterns: ['TC_003_CS'], sutConfigFile: config, viaProxy: true, reportsDir: join(dir, 'hooks'), command: 'test', toolVersion: '0' }, memoryIo());
      const c = outcome.report!.cases[0];
      expect(c.verdict, c.reason).to.equal('passed');
      expect(c.frames[0].station).to.equal('EXT-CS');
      expect(outcome.report!.proxyFindings).to.deep.equal([]);
    } finally {
      api.close();
      await station.close();
    }
  });

  it('list: the catalog as a table and as JSON, filtered', async () => {
    const table = await runCli(['list', '--version', '1.6', '--sut', 'cs']);
    expect(table.code).to.equal(0);
    expect(table.stdout.split('\n')[0]).to.match(/^ID\s+VERSION\s+SUT\s+PROFILE\s+TITLE$/);
    expect(table.stdout).to.match(/TC_003_CS\s+1\.6\s+CS\s+Core\s+Regular Charging Session - Plugin First\n/);
    const cs16 = loadCatalog().cases.filter((c) => c.testCase.version === '1.6' && c.testCase.sut === 'cs').length;
    expect(table.stdout).to.contain(`\n${cs16} case(s)\n`);
    const json = await runCli(['list', '--json', 'TC_E_01_*']);
    expect(JSON.parse(json.stdout).map((c: { id: string; file: string }) => [c.id, c.file])).to.deep.equal([
      ['TC_E_01_CS', 'testcases/ocpp2.0.1/cs/TC_E_01_CS.json'],
      ['TC_E_01_CSMS', 'testcases/ocpp2.0.1/csms/TC_E_01_CSMS.json'],
    ]);
  });

  it('list --coverage: implemented/total per version, role and profile against the OCTT catalog (2.0.1 M and C apart)', async () => {
    const r = await runCli(['list', '--coverage']);
    expect(r.code).to.equal(0);
    // The figures grow with testcases/: compare with the coverage computed here, and with the catalog's own totals.
    const cov = computeCoverage(readCatalog(), loadCatalog().cases);
    const total = (version: string, role: string) => cov.totals.find((t) => t.version === version && t.role === role)!;
    expect([total('1.6', 'cs').total, total('1.6', 'csms').total, total('2.0.1', 'cs').total, total('2.0.1', 'csms').total]).to.deep.equal([112, 77, 424, 252]);
    for (const [version, role, label] of [['1.6', 'cs', 'OCPP 1.6, charging station under test (CS)'], ['1.6', 'csms', 'OCPP 1.6, CSMS under test (CSMS)'], ['2.0.1', 'cs', 'OCPP 2.0.1, charging station under test (CS)'], ['2.0.1', 'csms', 'OCPP 2.0.1, CSMS under test (CSMS)']]) {
      const t = total(version, role);
      expect(t.implemented, label).to.be.greaterThan(0);
      expect(r.stdout).to.contain(`${label}: ${t.implemented}/${t.total} implemented`);
    }
    expect(r.stdout).to.match(/OCPP 2\.0\.1, charging station under test \(CS\): \d+\/424 implemented\n[^O]*\n {2}Core conditional \(C\)\s+\d+\/118\n {2}Core mandatory \(M\)\s+\d+\/104\n/);
    const missing = await runCli(['list', '--coverage', '--catalog', join(dir, 'nope.tsv')]);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.contain('nope.tsv does not exist');
  });
});
