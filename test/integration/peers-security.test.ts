import { expect } from 'chai';
import { selfSigned } from '../../src/proxy/tls-options.js';
import { startReferenceCs, type ReferenceCs } from '../../src/peers/reference-cs/index.js';
import { startReferenceCsms, type ReferenceCsms } from '../../src/peers/reference-csms/index.js';
import { FrameLog, nextEvent } from '../unit/peers/support/frame-log.js';

/** Security profile 2 between the reference peers: wss with a server certificate, plus Basic auth. */
describe('reference peers over TLS (security profile 2)', () => {
  let csms: ReferenceCsms;
  let cs: ReferenceCs | undefined;
  afterEach(async () => {
    await cs?.close();
    cs = undefined;
    await csms.close();
  });

  for (const version of ['1.6', '2.0.1'] as const) {
    it(`${version}: a station that trusts the CSMS certificate boots over wss with its password`, async () => {
      const tls = await selfSigned('reference-csms');
      csms = await startReferenceCsms({ tls, passwords: { 'TLS-CS': 'tls-password-123' } });
      expect(csms.url).to.match(/^wss:\/\/127\.0\.0\.1:\d+$/);
      cs = startReferenceCs({ url: csms.url, identity: 'TLS-CS', version, password: 'tls-password-123', tls: { ca: tls.cert }, msPerSecond: 10 });
      const log = new FrameLog(cs.events);
      await cs.waitForBoot();
      expect(log.invalid()).to.deep.equal([]);
      expect(csms.stations.get('TLS-CS')?.bootStatus).to.equal('Accepted');
      if (version === '2.0.1') expect(cs.state.config('SecurityCtrlr.SecurityProfile')).to.equal('2');
    });
  }

  it('a station that does not trust the certificate does not connect', async () => {
    const tls = await selfSigned('reference-csms');
    csms = await startReferenceCsms({ tls });
    cs = startReferenceCs({ url: csms.url, identity: 'UNTRUSTING', version: '1.6', msPerSecond: 10 });
    const [event] = await nextEvent(cs.events, 'connection', (e: { event: string }) => e.event === 'error');
    expect(String((event as { message?: string }).message)).to.match(/self[- ]signed|certificate/i);
    expect(csms.stations.size).to.equal(0);
  });
});
