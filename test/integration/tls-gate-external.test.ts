import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceCs } from '../../src/peers/reference-cs/index.js';
import { CSMS_ROOT_CERT, CSMS_ROOT_KEY } from '../../src/peers/security-fixtures-16.js';
import { executeRun } from '../../src/runner/run-plan.js';
import { memoryIo } from './runner-helpers.js';

/**
 * A station under test given on the command line (--sut cs --port P) with the key of its CA in the SUT configuration
 * (credentials.caKeyFile): the harness puts its station gate on the port, so the cases that change certificates or
 * TLS mid-case run against it too.
 */
describe('station gate for a station given on the command line', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'gate-external-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const freePort = () =>
    new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });

  it('runs TC_A_05_CS and TC_A_06_CS against a station at security profile 2 (and TC_A_05_CS fails when it accepts any certificate)', async () => {
    writeFileSync(join(dir, 'ca.pem'), CSMS_ROOT_CERT);
    writeFileSync(join(dir, 'ca.key'), CSMS_ROOT_KEY);
    const password = 'external-station-password-1';
    const config = {
      role: 'cs',
      version: '2.0.1',
      identity: 'EXT-CS-1',
      securityProfile: 2,
      credentials: { basicAuthPassword: password, caCertFile: join(dir, 'ca.pem'), caKeyFile: join(dir, 'ca.key') },
      evses: [{ id: 1, connectors: [1] }],
      heartbeatIntervalS: 3,
      timeouts: { responseMs: 1000, expectMs: 2000, connectMs: 5000, holdMs: 500, toleranceMs: 250 },
    };
    writeFileSync(join(dir, 'sut.json'), JSON.stringify(config));
    const run = async (faults: string[]) => {
      const port = await freePort();
      const station = startReferenceCs({ url: `wss://127.0.0.1:${port}`, identity: 'EXT-CS-1', version: '2.0.1', password, tls: { ca: CSMS_ROOT_CERT }, msPerSecond: 100, reconnectDelay: 1, config: { 'OCPPCommCtrlr.RetryBackOffWaitMinimum': '1', 'OCPPCommCtrlr.RetryBackOffRandomRange': '0' }, faults: faults as never });
      try {
        return await executeRun({ patterns: ['TC_A_05_CS', 'TC_A_06_CS'], sut: 'cs', port, host: '127.0.0.1', sutConfigFile: join(dir, 'sut.json'), viaProxy: true, reportsDir: dir, command: 'test', toolVersion: '0' }, memoryIo());
      } finally {
        await station.close();
      }
    };
    const clean = await run([]);
    expect(clean.report!.cases.map((c) => `${c.id}: ${c.verdict} ${c.reason ?? ''}`.trim())).to.deep.equal(['TC_A_05_CS: passed', 'TC_A_06_CS: passed']);
    const faulty = await run(['tls-server-certificate-not-verified']);
    expect(faulty.report!.cases[0].reason).to.match(/^Step 1\[1\] failed: expected the station ends the TLS handshake/);
  });
});
