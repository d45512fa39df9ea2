import type { Version } from '../../src/types.js';

/**
 * Hand-written payloads of the common messages, shaped like real traffic (values a real station or CSMS
 * would send), for tests and the validation benchmark. Each one is valid for its version's official schema.
 */
export interface Example {
  action: string;
  kind: 'request' | 'response';
  /** What the example shows. */
  name: string;
  payload: Record<string, unknown>;
}

const T0 = '2025-03-14T09:26:53.120Z';
const T1 = '2025-03-14T09:41:53.120Z';
const T2 = '2025-03-14T10:12:07.004Z';

// ---------------------------------------------------------------------------------------------- OCPP 1.6

const sampledValues16 = [
  { value: '18734.2', context: 'Sample.Periodic', format: 'Raw', measurand: 'Energy.Active.Import.Register', location: 'Outlet', unit: 'Wh' },
  { value: '7214', context: 'Sample.Periodic', measurand: 'Power.Active.Import', unit: 'W' },
  { value: '31.2', context: 'Sample.Periodic', measurand: 'Current.Import', phase: 'L1', unit: 'A' },
  { value: '30.9', context: 'Sample.Periodic', measurand: 'Current.Import', phase: 'L2', unit: 'A' },
  { value: '231.4', context: 'Sample.Periodic', measurand: 'Voltage', phase: 'L1-N', unit: 'V' },
  { value: '32', measurand: 'Current.Offered', unit: 'A' },
  { value: '57', measurand: 'SoC', location: 'EV', unit: 'Percent' },
  { value: '38.5', measurand: 'Temperature', location: 'Body', unit: 'Celsius' },
];

export const EXAMPLES_16: Example[] = [
  {
    action: 'BootNotification',
    kind: 'request',
    name: 'a wallbox with modem and meter details',
    payload: {
      chargePointVendor: 'Voltiq',
      chargePointModel: 'WB-22-DUO',
      chargePointSerialNumber: 'VQ22-004117',
      chargeBoxSerialNumber: 'VQ22-004117-B',
      firmwareVersion: '3.8.1',
      iccid: '8944500102198304826',
      imsi: '234150999999999',
      meterType: 'EM340 MID',
      meterSerialNumber: 'EM3401187263',
    },
  },
  { action: 'BootNotification', kind: 'response', name: 'accepted, 5 min heartbeat', payload: { status: 'Accepted', currentTime: T0, interval: 300 } },
  { action: 'BootNotification', kind: 'response', name: 'pending', payload: { status: 'Pending', currentTime: T0, interval: 60 } },
  { action: 'Heartbeat', kind: 'request', name: 'empty', payload: {} },
  { action: 'Heartbeat', kind: 'response', name: 'server time', payload: { currentTime: T1 } },
  {
    action: 'StatusNotification',
    kind: 'request',
    name: 'connector charging',
    payload: { connectorId: 1, errorCode: 'NoError', status: 'Charging', timestamp: T0 },
  },
  {
    action: 'StatusNotification',
    kind: 'request',
    name: 'connector faulted with vendor detail',
    payload: { connectorId: 2, errorCode: 'GroundFailure', info: 'RCD tripped', status: 'Faulted', timestamp: T1, vendorId: 'com.voltiq', vendorErrorCode: 'E-RCD-06' },
  },
  { action: 'StatusNotification', kind: 'request', name: 'EVSE suspended (SuspendedEVSE spelling)', payload: { connectorId: 1, errorCode: 'NoError', status: 'SuspendedEVSE' } },
  { action: 'StatusNotification', kind: 'response', name: 'empty', payload: {} },
  {
    action: 'MeterValues',
    kind: 'request',
    name: 'periodic sample with energy, power, current, voltage, SoC and temperature',
    payload: { connectorId: 1, transactionId: 48213, meterValue: [{ timestamp: T1, sampledValue: sampledValues16 }] },
  },
  {
    action: 'MeterValues',
    kind: 'request',
    name: 'clock-aligned energy register outside a transaction (Celcius spelling)',
    payload: {
      connectorId: 0,
      meterValue: [
        {
          timestamp: T2,
          sampledValue: [
            { value: '1048576.0', context: 'Sample.Clock', measurand: 'Energy.Active.Import.Register', unit: 'kWh' },
            { value: '41', measurand: 'Temperature', location: 'Body', unit: 'Celcius' },
          ],
        },
      ],
    },
  },
  { action: 'MeterValues', kind: 'response', name: 'empty', payload: {} },
  { action: 'Authorize', kind: 'request', name: 'RFID tag', payload: { idTag: '04A2B1C2D3E480' } },
  {
    action: 'Authorize',
    kind: 'response',
    name: 'accepted with expiry and parent',
    payload: { idTagInfo: { status: 'Accepted', expiryDate: '2025-12-31T23:59:59Z', parentIdTag: 'FLEET-0042' } },
  },
  { action: 'Authorize', kind: 'response', name: 'blocked', payload: { idTagInfo: { status: 'Blocked' } } },
  {
    action: 'StartTransaction',
    kind: 'request',
    name: 'start on connector 1',
    payload: { connectorId: 1, idTag: '04A2B1C2D3E480', meterStart: 18230, timestamp: T0 },
  },
  { action: 'StartTransaction', kind: 'request', name: 'start on a reservation', payload: { connectorId: 2, idTag: 'FLEET-0042', meterStart: 0, reservationId: 7, timestamp: T0 } },
  {
    action: 'StartTransaction',
    kind: 'response',
    name: 'accepted, transaction 48213',
    payload: { idTagInfo: { status: 'Accepted', expiryDate: '2025-12-31T23:59:59Z' }, transactionId: 48213 },
  },
  {
    action: 'StopTransaction',
    kind: 'request',
    name: 'EV disconnected, with transaction data',
    payload: {
      idTag: '04A2B1C2D3E480',
      meterStop: 26417,
      timestamp: T2,
      transactionId: 48213,
      reason: 'EVDisconnected',
      transactionData: [
        { timestamp: T0, sampledValue: [{ value: '18230', context: 'Transaction.Begin', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] },
        { timestamp: T2, sampledValue: [{ value: '26417', context: 'Transaction.End', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] },
      ],
    },
  },
  { action: 'StopTransaction', kind: 'request', name: 'remote stop, no idTag', payload: { meterStop: 26417, timestamp: T2, transactionId: 48213, reason: 'Remote' } },
  { action: 'StopTransaction', kind: 'response', name: 'with idTagInfo', payload: { idTagInfo: { status: 'Accepted' } } },
  { action: 'StopTransaction', kind: 'response', name: 'empty', payload: {} },
  { action: 'GetConfiguration', kind: 'request', name: 'two keys', payload: { key: ['HeartbeatInterval', 'MeterValueSampleInterval'] } },
  {
    action: 'GetConfiguration',
    kind: 'response',
    name: 'known and unknown keys',
    payload: {
      configurationKey: [
        { key: 'HeartbeatInterval', readonly: false, value: '300' },
        { key: 'MeterValueSampleInterval', readonly: false, value: '60' },
      ],
      unknownKey: ['FooBar'],
    },
  },
  { action: 'ChangeConfiguration', kind: 'request', name: 'heartbeat interval', payload: { key: 'HeartbeatInterval', value: '600' } },
  { action: 'ChangeConfiguration', kind: 'response', name: 'accepted', payload: { status: 'Accepted' } },
  {
    action: 'SetChargingProfile',
    kind: 'request',
    name: 'TxDefault profile limited to 0.3 A steps (multipleOf 0.1)',
    payload: {
      connectorId: 1,
      csChargingProfiles: {
        chargingProfileId: 11,
        stackLevel: 0,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        chargingSchedule: {
          chargingRateUnit: 'A',
          startSchedule: T0,
          chargingSchedulePeriod: [
            { startPeriod: 0, limit: 16.3, numberPhases: 3 },
            { startPeriod: 900, limit: 0.3 },
            { startPeriod: 1800, limit: 6.6 },
          ],
          minChargingRate: 6.1,
        },
      },
    },
  },
];

// ---------------------------------------------------------------------------------------- OCPP 2.0.1/2.1

const evse = { id: 1, connectorId: 1 };
const idToken = { idToken: '04A2B1C2D3E480', type: 'ISO14443' };

function meterValue2x(timestamp: string, context: string, energyWh: number): Record<string, unknown> {
  return {
    timestamp,
    sampledValue: [
      { value: energyWh, context, measurand: 'Energy.Active.Import.Register', location: 'Outlet', unitOfMeasure: { unit: 'Wh', multiplier: 0 } },
      { value: 7.214, context, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W', multiplier: 3 } },
      { value: 31.2, context, measurand: 'Current.Import', phase: 'L1' },
      { value: 231.4, context, measurand: 'Voltage', phase: 'L1-N' },
      { value: 57, context, measurand: 'SoC', location: 'EV', unitOfMeasure: { unit: 'Percent' } },
    ],
  };
}

/** Valid in 2.0.1 and in 2.1 (the messages below did not change shape in ways these payloads touch). */
export const EXAMPLES_2X: Example[] = [
  {
    action: 'BootNotification',
    kind: 'request',
    name: 'power-up with modem',
    payload: {
      reason: 'PowerUp',
      chargingStation: { model: 'WB-22-DUO', vendorName: 'Voltiq', serialNumber: 'VQ22-004117', firmwareVersion: '4.1.0', modem: { iccid: '8944500102198304826', imsi: '234150999999999' } },
    },
  },
  { action: 'BootNotification', kind: 'response', name: 'accepted', payload: { currentTime: T0, interval: 300, status: 'Accepted' } },
  { action: 'BootNotification', kind: 'response', name: 'rejected with reason', payload: { currentTime: T0, interval: 900, status: 'Rejected', statusInfo: { reasonCode: 'Maintenance', additionalInfo: 'back at noon' } } },
  { action: 'Heartbeat', kind: 'request', name: 'empty', payload: {} },
  { action: 'Heartbeat', kind: 'response', name: 'server time', payload: { currentTime: T1 } },
  { action: 'StatusNotification', kind: 'request', name: 'connector occupied', payload: { timestamp: T0, connectorStatus: 'Occupied', evseId: 1, connectorId: 1 } },
  { action: 'StatusNotification', kind: 'request', name: 'connector faulted', payload: { timestamp: T1, connectorStatus: 'Faulted', evseId: 2, connectorId: 1 } },
  { action: 'StatusNotification', kind: 'response', name: 'empty', payload: {} },
  { action: 'MeterValues', kind: 'request', name: 'periodic sample, five measurands', payload: { evseId: 1, meterValue: [meterValue2x(T1, 'Sample.Periodic', 18734.2)] } },
  { action: 'MeterValues', kind: 'request', name: 'clock-aligned main meter (evse 0)', payload: { evseId: 0, meterValue: [{ timestamp: T2, sampledValue: [{ value: 1048576, context: 'Sample.Clock', measurand: 'Energy.Active.Import.Register' }] }] } },
  { action: 'MeterValues', kind: 'response', name: 'empty', payload: {} },
  { action: 'Authorize', kind: 'request', name: 'RFID token', payload: { idToken } },
  { action: 'Authorize', kind: 'response', name: 'accepted with cache expiry', payload: { idTokenInfo: { status: 'Accepted', cacheExpiryDateTime: '2025-12-31T23:59:59Z', groupIdToken: { idToken: 'FLEET-0042', type: 'Central' } } } },
  { action: 'Authorize', kind: 'response', name: 'unknown token', payload: { idTokenInfo: { status: 'Unknown' } } },
  {
    action: 'TransactionEvent',
    kind: 'request',
    name: 'Started, authorized by RFID',
    payload: {
      eventType: 'Started',
      timestamp: T0,
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { transactionId: 'b7e1c9a0-5f3d-4c12-9e1a-7d2f1c0e4b11', chargingState: 'EVConnected' },
      idToken,
      evse,
      meterValue: [{ timestamp: T0, sampledValue: [{ value: 18230, context: 'Transaction.Begin', measurand: 'Energy.Active.Import.Register' }] }],
    },
  },
  {
    action: 'TransactionEvent',
    kind: 'request',
    name: 'Updated with periodic meter values',
    payload: {
      eventType: 'Updated',
      timestamp: T1,
      triggerReason: 'MeterValuePeriodic',
      seqNo: 3,
      transactionInfo: { transactionId: 'b7e1c9a0-5f3d-4c12-9e1a-7d2f1c0e4b11', chargingState: 'Charging' },
      meterValue: [meterValue2x(T1, 'Sample.Periodic', 22104.9)],
    },
  },
  {
    action: 'TransactionEvent',
    kind: 'request',
    name: 'Ended, EV disconnected',
    payload: {
      eventType: 'Ended',
      timestamp: T2,
      triggerReason: 'EVCommunicationLost',
      seqNo: 9,
      transactionInfo: { transactionId: 'b7e1c9a0-5f3d-4c12-9e1a-7d2f1c0e4b11', chargingState: 'Idle', stoppedReason: 'EVDisconnected', timeSpentCharging: 2614 },
      evse,
      meterValue: [{ timestamp: T2, sampledValue: [{ value: 26417, context: 'Transaction.End', measurand: 'Energy.Active.Import.Register' }] }],
    },
  },
  { action: 'TransactionEvent', kind: 'response', name: 'token accepted, running cost', payload: { totalCost: 4.37, idTokenInfo: { status: 'Accepted' } } },
  { action: 'TransactionEvent', kind: 'response', name: 'empty', payload: {} },
  {
    action: 'GetVariables',
    kind: 'request',
    name: 'heartbeat interval and an EVSE availability',
    payload: {
      getVariableData: [
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeType: 'Actual' },
        { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } },
      ],
    },
  },
  {
    action: 'GetVariables',
    kind: 'response',
    name: 'one value, one unknown variable',
    payload: {
      getVariableResult: [
        { attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: '300', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
        { attributeStatus: 'UnknownVariable', component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } },
      ],
    },
  },
  {
    action: 'SetVariables',
    kind: 'request',
    name: 'heartbeat interval and a tx stop point',
    payload: {
      setVariableData: [
        { attributeType: 'Actual', attributeValue: '600', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
        { attributeValue: 'EVConnected,Authorized', component: { name: 'TxCtrlr' }, variable: { name: 'TxStopPoint' } },
      ],
    },
  },
  {
    action: 'SetVariables',
    kind: 'response',
    name: 'accepted and reboot required',
    payload: {
      setVariableResult: [
        { attributeType: 'Actual', attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
        { attributeStatus: 'RebootRequired', component: { name: 'TxCtrlr' }, variable: { name: 'TxStopPoint' }, attributeStatusInfo: { reasonCode: 'RebootNeeded' } },
      ],
    },
  },
];

export function examplesOf(version: Version): Example[] {
  return version === '1.6' ? EXAMPLES_16 : EXAMPLES_2X;
}

export function exampleOf(version: Version, action: string, kind: 'request' | 'response'): Record<string, unknown> {
  const found = examplesOf(version).find((e) => e.action === action && e.kind === kind);
  if (!found) throw new Error(`no ${version} ${action} ${kind} example`);
  return structuredClone(found.payload);
}
