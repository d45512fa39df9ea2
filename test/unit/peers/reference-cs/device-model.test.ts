import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DeviceModel } from '../../../../src/peers/reference-cs/device-model.js';
import { VARIABLE_SPECS } from '../../../../src/peers/reference-cs/device-model-data.js';

// The OCA appendix data sits next to the repository (../shared/ref); the check is skipped where it is absent.
const CSV = fileURLToPath(new URL('../../../../../shared/ref/ocpp-2.0.1-appendices-csv/dm_components_vars.csv', import.meta.url));

describe('DeviceModel (2.0.1 components and variables)', () => {
  it('every variable is a standardized one of Part 2 Appendix 3, with the appendix data type', function () {
    if (!existsSync(CSV)) this.skip();
    const rows = readFileSync(CSV, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(';').map((c) => c.trim()));
    const known = new Map<string, string>();
    for (const [component, variable, instance, , dataType] of rows) known.set(`${component}.${variable}[${instance}]`, dataType);
    const generic = new Map<string, string>();
    for (const [component, variable, , , dataType] of rows) if (component === '<generic>') generic.set(variable, dataType);
    for (const spec of VARIABLE_SPECS) {
      const key = `${spec.component}.${spec.variable}[${spec.instance ?? ''}]`;
      const expected = known.get(key) ?? generic.get(spec.variable);
      expect(expected, `${key} is not in the appendix`).to.not.equal(undefined);
      expect(spec.appendixType ?? spec.dataType, key).to.equal(expected);
    }
  });

  it('the components the certification cases need are there', () => {
    const components = new Set(VARIABLE_SPECS.map((s) => s.component));
    for (const c of ['OCPPCommCtrlr', 'TxCtrlr', 'AuthCtrlr', 'SampledDataCtrlr', 'SecurityCtrlr', 'DeviceDataCtrlr', 'ChargingStation', 'EVSE', 'Connector', 'LocalAuthListCtrlr', 'ReservationCtrlr', 'SmartChargingCtrlr', 'ClockCtrlr', 'AuthCacheCtrlr', 'AlignedDataCtrlr']) expect(components, c).to.include(c);
  });

  it('GetVariables: Accepted with the value, UnknownComponent / UnknownVariable / NotSupportedAttributeType, WriteOnly Rejected', () => {
    const dm = new DeviceModel(2);
    expect(dm.get({ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } })).to.deep.equal({ status: 'Accepted', value: '300' });
    expect(dm.get({ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' } })).to.deep.equal({ status: 'Accepted', value: '30' });
    expect(dm.get({ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout' } }).status).to.equal('UnknownVariable');
    expect(dm.get({ component: { name: 'FluxCtrlr' }, variable: { name: 'Enabled' } }).status).to.equal('UnknownComponent');
    expect(dm.get({ component: { name: 'EVSE', evse: { id: 3 } }, variable: { name: 'Power' } }).status).to.equal('UnknownComponent');
    expect(dm.get({ component: { name: 'EVSE', evse: { id: 2 } }, variable: { name: 'Power' } })).to.deep.equal({ status: 'Accepted', value: '22000' });
    expect(dm.get({ component: { name: 'Connector', evse: { id: 1, connectorId: 1 } }, variable: { name: 'ConnectorType' } })).to.deep.equal({ status: 'Accepted', value: 'cType2' });
    expect(dm.get({ component: { name: 'Connector', evse: { id: 1 } }, variable: { name: 'ConnectorType' } }).status).to.equal('UnknownComponent');
    expect(dm.get({ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeType: 'MaxSet' }).status).to.equal('NotSupportedAttributeType');
    expect(dm.get({ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }).status).to.equal('Rejected');
  });

  it('SetVariables: checks data types and lists, rejects read-only, tells the station about changes', () => {
    const dm = new DeviceModel(1);
    const changes: string[] = [];
    dm.onChange = (c, v, value) => changes.push(`${c}.${v}=${value}`);
    const set = (component: string, variable: string, value: string) => dm.set({ component: { name: component }, variable: { name: variable } }, value);
    expect(set('TxCtrlr', 'TxStartPoint', 'EVConnected,Authorized')).to.equal('Accepted');
    expect(set('TxCtrlr', 'TxStartPoint', 'EVConnected,Teleported')).to.equal('Rejected');
    expect(set('TxCtrlr', 'EVConnectionTimeOut', '12.5')).to.equal('Rejected');
    expect(set('TxCtrlr', 'StopTxOnInvalidId', 'maybe')).to.equal('Rejected');
    expect(set('SmartChargingCtrlr', 'LimitChangeSignificance', '2.5')).to.equal('Accepted');
    expect(set('ChargingStation', 'SupplyPhases', '1')).to.equal('Rejected');
    expect(dm.set({ component: { name: 'ChargingStation' }, variable: { name: 'SupplyPhases' } }, '1', true)).to.equal('Accepted');
    expect(dm.value('ChargingStation', 'SupplyPhases')).to.equal('3');
    expect(set('AuthCacheCtrlr', 'Policy', 'LFU')).to.equal('Accepted');
    expect(set('AuthCacheCtrlr', 'Policy', 'Random')).to.equal('Rejected');
    expect(changes).to.deep.equal(['TxCtrlr.TxStartPoint=EVConnected,Authorized', 'SmartChargingCtrlr.LimitChangeSignificance=2.5', 'AuthCacheCtrlr.Policy=LFU']);
    expect(dm.settings().txStartPoints()).to.deep.equal(['EVConnected', 'Authorized']);
  });

  it('reports: FullInventory has every instance, ConfigurationInventory only writable ones, WriteOnly values never shown', () => {
    const dm = new DeviceModel(2);
    const full = dm.report('FullInventory') as Array<{ component: { name: string; evse?: { id: number } }; variable: { name: string }; variableAttribute: Array<{ value?: string; mutability: string }> }>;
    expect(full.filter((i) => i.component.name === 'EVSE' && i.variable.name === 'Power').map((i) => i.component.evse)).to.deep.equal([{ id: 1 }, { id: 2 }]);
    const password = full.find((i) => i.variable.name === 'BasicAuthPassword')!;
    expect(password.variableAttribute[0]).to.not.have.property('value');
    const config = dm.report('ConfigurationInventory') as typeof full;
    expect(config.every((i) => i.variableAttribute[0].mutability !== 'ReadOnly')).to.equal(true);
    const summary = dm.report('SummaryInventory') as typeof full;
    expect(new Set(summary.map((i) => i.variable.name))).to.deep.equal(new Set(['AvailabilityState', 'Available']));
  });

  it('live values come from the station; initial values by Component.Variable[Instance]', () => {
    const dm = new DeviceModel(1, { 'TxCtrlr.TxStopPoint': 'EVConnected', 'DeviceDataCtrlr.ItemsPerMessage[GetReport]': '5' });
    dm.bindLive('Connector', 'AvailabilityState', (evseId) => `state of ${evseId}`);
    expect(dm.get({ component: { name: 'Connector', evse: { id: 1, connectorId: 1 } }, variable: { name: 'AvailabilityState' } }).value).to.equal('state of 1');
    expect(dm.settings().txStopPoints()).to.deep.equal(['EVConnected']);
    expect(dm.settings().itemsPerMessage('GetReport')).to.equal(5);
    expect(() => new DeviceModel(1, { 'TxCtrlr.Warp': '9' })).to.throw(/unknown 2.0.1 device model variable/);
  });
});
