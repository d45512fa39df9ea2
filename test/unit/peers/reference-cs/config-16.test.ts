import { expect } from 'chai';
import { ConfigStore16 } from '../../../../src/peers/reference-cs/config-16.js';

describe('ConfigStore16 (1.6 configuration keys)', () => {
  it('has the Core profile keys with their readonly flags, and NumberOfConnectors from the station', () => {
    const store = new ConfigStore16(2);
    const { configurationKey, unknownKey } = store.read();
    const byKey = new Map(configurationKey.map((k) => [k.key, k]));
    for (const key of ['HeartbeatInterval', 'ConnectionTimeOut', 'MeterValueSampleInterval', 'MeterValuesSampledData', 'StopTransactionOnEVSideDisconnect', 'LocalPreAuthorize', 'AuthorizeRemoteTxRequests', 'ResetRetries', 'TransactionMessageAttempts', 'UnlockConnectorOnEVSideDisconnect']) {
      expect(byKey.get(key), key).to.include({ readonly: false });
    }
    for (const key of ['NumberOfConnectors', 'GetConfigurationMaxKeys', 'SupportedFeatureProfiles', 'MeterValuesSampledDataMaxLength']) expect(byKey.get(key), key).to.include({ readonly: true });
    expect(byKey.get('NumberOfConnectors')?.value).to.equal('2');
    expect(byKey.get('SupportedFeatureProfiles')?.value).to.include('Core');
    expect(unknownKey).to.deep.equal([]);
  });

  it('reads the requested keys and names the unknown ones', () => {
    expect(new ConfigStore16(1).read(['HeartbeatInterval', 'Bogus'])).to.deep.equal({ configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }], unknownKey: ['Bogus'] });
  });

  it('checks values by type: whole numbers, booleans, measurand lists', () => {
    const store = new ConfigStore16(1);
    expect(store.change('HeartbeatInterval', '60')).to.equal('Accepted');
    expect(store.get('HeartbeatInterval')).to.equal('60');
    expect(store.change('HeartbeatInterval', '-5')).to.equal('Rejected');
    expect(store.change('HeartbeatInterval', 'soon')).to.equal('Rejected');
    expect(store.change('LocalPreAuthorize', 'TRUE')).to.equal('Accepted');
    expect(store.change('LocalPreAuthorize', 'yes')).to.equal('Rejected');
    expect(store.change('MeterValuesSampledData', 'Energy.Active.Import.Register,Power.Active.Import')).to.equal('Accepted');
    expect(store.change('MeterValuesSampledData', 'Energy.Active.Import.Register,Flux.Capacitance')).to.equal('Rejected');
    expect(store.settings().sampledMeasurands()).to.deep.equal(['Energy.Active.Import.Register', 'Power.Active.Import']);
  });

  it('rejects read-only keys, NotSupported for unknown ones; the fault switch claims success but changes nothing', () => {
    const store = new ConfigStore16(1);
    expect(store.change('NumberOfConnectors', '4')).to.equal('Rejected');
    expect(store.change('NoSuchKey', '1')).to.equal('NotSupported');
    expect(store.change('NumberOfConnectors', '4', true)).to.equal('Accepted');
    expect(store.get('NumberOfConnectors')).to.equal('1');
  });

  it('never shows AuthorizationKey, but accepts setting it', () => {
    const store = new ConfigStore16(1);
    expect(store.change('AuthorizationKey', 'A1B2C3D4E5F6A7B8')).to.equal('Accepted');
    expect(store.read(['AuthorizationKey']).configurationKey).to.deep.equal([{ key: 'AuthorizationKey', readonly: false }]);
  });

  it('takes initial values (read-only ones too) and refuses unknown initial keys', () => {
    expect(new ConfigStore16(1, { NumberOfConnectors: '1', MeterValueSampleInterval: '5' }).settings().meterSampleInterval()).to.equal(5);
    expect(() => new ConfigStore16(1, { Nope: '1' })).to.throw(/unknown 1.6 configuration key "Nope"/);
  });
});
