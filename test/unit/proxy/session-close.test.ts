import { expect } from 'chai';
import { forwardedClose } from '../../../src/proxy/session-common.js';

describe('forwardedClose', () => {
  it('passes ordinary codes and reasons through unchanged', () => {
    expect(forwardedClose('cs', 1000, 'bye', false)).to.deep.equal({ code: 1000, reason: 'bye' });
    expect(forwardedClose('csms', 4000, 'kick', false)).to.deep.equal({ code: 4000, reason: 'kick' });
  });

  it('sends a close without a code when none was received (1005)', () => {
    expect(forwardedClose('cs', 1005, '', false)).to.deep.equal({});
  });

  it('turns a vanished side into 1001, or 1011 when that side had failed', () => {
    expect(forwardedClose('cs', 1006, '', false)).to.deep.equal({ code: 1001, reason: 'the station went away' });
    expect(forwardedClose('csms', 1006, '', true)).to.deep.equal({ code: 1011, reason: 'the CSMS connection failed' });
    expect(forwardedClose('csms', 1015, '', false).code).to.equal(1001);
  });
});
