/**
 * The 2.0.1 device model of the reference charging station: which standardized components and variables
 * it implements, their data type, mutability and starting value. Component and variable names and data types
 * follow OCPP 2.0.1 Part 2, Appendix 3 (standardized components and variables; CSV data in
 * ref/ocpp-2.0.1-appendices-csv/dm_components_vars.csv, checked by a unit test). Values are this station's own.
 */
export type DataType = 'string' | 'decimal' | 'integer' | 'dateTime' | 'boolean' | 'OptionList' | 'SequenceList' | 'MemberList';
export type Mutability = 'ReadOnly' | 'WriteOnly' | 'ReadWrite';

export interface VariableSpec {
  component: string;
  /** Per EVSE (`evse`) or per EVSE connector (`connector`); station-wide when absent. */
  scope?: 'evse' | 'connector';
  variable: string;
  /** The variable instance, e.g. `Default` of MessageTimeout, `GetReport` of ItemsPerMessage. */
  instance?: string;
  dataType: DataType;
  /** The appendix's own data type when it is narrower than DataEnumType (passwordString, identifierString). */
  appendixType?: string;
  mutability: Mutability;
  value: string;
  unit?: string;
  valuesList?: string;
  /** A change takes effect only after a reboot. */
  rebootRequired?: boolean;
}

const TX_POINTS = 'ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer';
const MEASURANDS = 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC';
const AVAILABILITY = 'Available,Occupied,Reserved,Unavailable,Faulted';

type Row = [component: string, variable: string, dataType: DataType, mutability: Mutability, value: string, extra?: Partial<VariableSpec>];

const ROWS: Row[] = [
  ['OCPPCommCtrlr', 'ActiveNetworkProfile', 'string', 'ReadOnly', '0'],
  ['OCPPCommCtrlr', 'FileTransferProtocols', 'MemberList', 'ReadOnly', 'HTTP,HTTPS,FTP', { valuesList: 'HTTP,HTTPS,FTP,FTPS,SFTP' }],
  ['OCPPCommCtrlr', 'HeartbeatInterval', 'integer', 'ReadWrite', '300', { unit: 's' }],
  ['OCPPCommCtrlr', 'MessageTimeout', 'integer', 'ReadOnly', '30', { instance: 'Default', unit: 's' }],
  ['OCPPCommCtrlr', 'MessageAttemptInterval', 'integer', 'ReadWrite', '10', { instance: 'TransactionEvent' }],
  ['OCPPCommCtrlr', 'MessageAttempts', 'integer', 'ReadWrite', '3', { instance: 'TransactionEvent' }],
  ['OCPPCommCtrlr', 'NetworkConfigurationPriority', 'string', 'ReadWrite', '0'],
  ['OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', 'integer', 'ReadWrite', '3'],
  ['OCPPCommCtrlr', 'OfflineThreshold', 'integer', 'ReadWrite', '60', { unit: 's' }],
  ['OCPPCommCtrlr', 'PublicKeyWithSignedMeterValue', 'OptionList', 'ReadWrite', 'EveryMeterValue', { valuesList: 'Never,OncePerTransaction,EveryMeterValue' }],
  ['OCPPCommCtrlr', 'QueueAllMessages', 'boolean', 'ReadWrite', 'false'],
  ['OCPPCommCtrlr', 'ResetRetries', 'integer', 'ReadWrite', '2'],
  ['OCPPCommCtrlr', 'RetryBackOffRandomRange', 'integer', 'ReadWrite', '10'],
  ['OCPPCommCtrlr', 'RetryBackOffRepeatTimes', 'integer', 'ReadWrite', '3'],
  ['OCPPCommCtrlr', 'RetryBackOffWaitMinimum', 'integer', 'ReadWrite', '5'],
  ['OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', 'boolean', 'ReadWrite', 'true'],
  ['OCPPCommCtrlr', 'WebSocketPingInterval', 'integer', 'ReadWrite', '0', { unit: 's' }],
  ['TxCtrlr', 'EVConnectionTimeOut', 'integer', 'ReadWrite', '60', { unit: 's' }],
  ['TxCtrlr', 'MaxEnergyOnInvalidId', 'integer', 'ReadWrite', '0'],
  ['TxCtrlr', 'StopTxOnEVSideDisconnect', 'boolean', 'ReadWrite', 'true'],
  ['TxCtrlr', 'StopTxOnInvalidId', 'boolean', 'ReadWrite', 'true'],
  ['TxCtrlr', 'TxBeforeAcceptedEnabled', 'boolean', 'ReadWrite', 'false'],
  ['TxCtrlr', 'TxStartPoint', 'MemberList', 'ReadWrite', 'PowerPathClosed', { valuesList: TX_POINTS }],
  ['TxCtrlr', 'TxStopPoint', 'MemberList', 'ReadWrite', 'EVConnected,Authorized', { valuesList: TX_POINTS }],
  ['AuthCtrlr', 'Enabled', 'boolean', 'ReadWrite', 'true'],
  ['AuthCtrlr', 'AuthorizeRemoteStart', 'boolean', 'ReadWrite', 'false'],
  ['AuthCtrlr', 'LocalAuthorizeOffline', 'boolean', 'ReadWrite', 'true'],
  ['AuthCtrlr', 'LocalPreAuthorize', 'boolean', 'ReadWrite', 'false'],
  ['AuthCtrlr', 'OfflineTxForUnknownIdEnabled', 'boolean', 'ReadWrite', 'false'],
  ['AuthCtrlr', 'DisableRemoteAuthorization', 'boolean', 'ReadWrite', 'false'],
  ['AuthCtrlr', 'MasterPassGroupId', 'string', 'ReadWrite', ''],
  ['AuthCacheCtrlr', 'Available', 'boolean', 'ReadOnly', 'true'],
  ['AuthCacheCtrlr', 'Enabled', 'boolean', 'ReadWrite', 'true'],
  ['AuthCacheCtrlr', 'LifeTime', 'integer', 'ReadWrite', '86400'],
  ['AuthCacheCtrlr', 'Policy', 'OptionList', 'ReadWrite', 'LRU', { valuesList: 'LRU,LFU,FIFO,CUSTOM' }],
  ['AuthCacheCtrlr', 'DisablePostAuthorize', 'boolean', 'ReadWrite', 'false'],
  ['LocalAuthListCtrlr', 'Available', 'boolean', 'ReadOnly', 'true'],
  ['LocalAuthListCtrlr', 'Enabled', 'boolean', 'ReadWrite', 'true'],
  ['LocalAuthListCtrlr', 'Entries', 'integer', 'ReadOnly', '0'],
  ['LocalAuthListCtrlr', 'ItemsPerMessage', 'integer', 'ReadOnly', '100'],
  ['LocalAuthListCtrlr', 'BytesPerMessage', 'integer', 'ReadOnly', '8192'],
  ['LocalAuthListCtrlr', 'DisablePostAuthorize', 'boolean', 'ReadWrite', 'false'],
  ['SampledDataCtrlr', 'Available', 'boolean', 'ReadOnly', 'true'],
  ['SampledDataCtrlr', 'Enabled', 'boolean', 'ReadWrite', 'true'],
  ['SampledDataCtrlr', 'SignReadings', 'boolean', 'ReadWrite', 'false'],
  ['SampledDataCtrlr', 'TxEndedInterval', 'integer', 'ReadWrite', '0', { unit: 's' }],
  ['SampledDataCtrlr', 'TxEndedMeasurands', 'MemberList', 'ReadWrite', 'Energy.Active.Import.Register', { valuesList: MEASURANDS }],
  ['SampledDataCtrlr', 'TxStartedMeasurands', 'MemberList', 'ReadWrite', 'Energy.Active.Import.Register', { valuesList: MEASURANDS }],
  ['SampledDataCtrlr', 'TxUpdatedInterval', 'integer', 'ReadWrite', '60', { unit: 's' }],
  ['SampledDataCtrlr', 'TxUpdatedMeasurands', 'MemberList', 'ReadWrite', 'Energy.Active.Import.Register', { valuesList: MEASURANDS }],
  ['AlignedDataCtrlr', 'Available', 'boolean', 'ReadOnly', 'true'],
  ['AlignedDataCtrlr', 'Enabled', 'boolean', 'ReadWrite', 'true'],
  ['AlignedDataCtrlr', 'Interval', 'integer', 'ReadWrite', '0', { unit: 's' }],
  ['AlignedDataCtrlr', 'Measurands', 'MemberList', 'ReadWrite', 'Energy.Active.Import.Register', { valuesList: MEASURANDS }],
  ['AlignedDataCtrlr', 'SendDuringIdle', 'boolean', 'ReadWrite', 'false'],
  ['AlignedDataCtrlr', 'SignReadings', 'boolean', 'ReadWrite', 'false'],
  ['AlignedDataCtrlr', 'TxEndedInterval', 'integer', 'ReadWrite', '0', { unit: 's' }],
  ['AlignedDataCtrlr', 'TxEndedMeasurands', 'MemberList', 'ReadWrite', 'Energy.Active.Import.Register', { valuesList: MEASURANDS }],
  ['SecurityCtrlr', 'AdditionalRootCertificateCheck', 'boolean', 'ReadOnly', 'false'],
  ['SecurityCtrlr', 'BasicAuthPassword', 'string', 'WriteOnly', '', { appendixType: 'passwordString', rebootRequired: false }],
  ['SecurityCtrlr', 'CertificateEntries', 'integer', 'ReadOnly', '0'],
  // A02.FR.17/18 (Part 5 AS-3): SignCertificate sent again while no CertificateSigned came (station-certificate-201.ts).
  ['SecurityCtrlr', 'CertSigningRepeatTimes', 'integer', 'ReadWrite', '2'],
  ['SecurityCtrlr', 'CertSigningWaitMinimum', 'integer', 'ReadWrite', '30', { unit: 's' }],
  ['SecurityCtrlr', 'Identity', 'string', 'ReadWrite', '', { appendixType: 'identifierString' }],
  ['SecurityCtrlr', 'OrganizationName', 'string', 'ReadWrite', 'ocpp-harness'],
  ['SecurityCtrlr', 'SecurityProfile', 'integer', 'ReadOnly', '0'],
  ['DeviceDataCtrlr', 'ItemsPerMessage', 'integer', 'ReadOnly', '20', { instance: 'GetReport' }],
  ['DeviceDataCtrlr', 'ItemsPerMessage', 'integer', 'ReadOnly', '20', { instance: 'GetVariables' }],
  ['DeviceDataCtrlr', 'ItemsPerMessage', 'integer', 'ReadOnly', '20', { instance: 'SetVariables' }],
  ['DeviceDataCtrlr', 'BytesPerMessage', 'integer', 'ReadOnly', '65000', { instance: 'GetReport' }],
  ['DeviceDataCtrlr', 'BytesPerMessage', 'integer', 'ReadOnly', '65000', { instance: 'GetVariables' }],
  ['DeviceDataCtrlr', 'BytesPerMessage', 'integer', 'ReadOnly', '65000', { instance: 'SetVariables' }],
  ['ClockCtrlr', 'DateTime', 'dateTime', 'ReadOnly', ''],
  ['ClockCtrlr', 'NextTimeOffsetTransitionDateTime', 'dateTime', 'ReadWrite', '2026-10-25T01:00:00.000Z'],
  ['ClockCtrlr', 'TimeSource', 'SequenceList', 'ReadWrite', 'Heartbeat', { valuesList: 'Heartbeat,NTP,GPS,RealTimeClock,MobileNetwork,RadioTimeTransmitter' }],
  ['ReservationCtrlr', 'Available', 'boolean', 'ReadOnly', 'true'],
  ['ReservationCtrlr', 'Enabled', 'boolean', 'ReadWrite', 'true'],
  ['ReservationCtrlr', 'NonEvseSpecific', 'boolean', 'ReadOnly', 'true'],
  ['DisplayMessageCtrlr', 'Available', 'boolean', 'ReadOnly', 'true'],
  ['DisplayMessageCtrlr', 'Enabled', 'boolean', 'ReadOnly', 'true'],
  ['DisplayMessageCtrlr', 'SupportedFormats', 'MemberList', 'ReadOnly', 'ASCII,HTML,UTF8', { valuesList: 'ASCII,HTML,URI,UTF8' }],
  ['DisplayMessageCtrlr', 'SupportedPriorities', 'MemberList', 'ReadOnly', 'AlwaysFront,InFront,NormalCycle', { valuesList: 'AlwaysFront,InFront,NormalCycle' }],
  ['TariffCostCtrlr', 'Available', 'boolean', 'ReadOnly', 'true', { instance: 'Tariff' }],
  ['TariffCostCtrlr', 'Available', 'boolean', 'ReadOnly', 'true', { instance: 'Cost' }],
  ['TariffCostCtrlr', 'Enabled', 'boolean', 'ReadOnly', 'true', { instance: 'Tariff' }],
  ['TariffCostCtrlr', 'Enabled', 'boolean', 'ReadOnly', 'true', { instance: 'Cost' }],
  ['TariffCostCtrlr', 'Currency', 'string', 'ReadOnly', 'EUR'],
  ['TariffCostCtrlr', 'TariffFallbackMessage', 'string', 'ReadWrite', 'Tariff: see the operator'],
  ['TariffCostCtrlr', 'TotalCostFallbackMessage', 'string', 'ReadWrite', 'Total cost: see the operator'],
  // N02-N08 (Part 5 Advanced Device Management; DM-3 OfflineQueuingSeverity): monitoring-201.ts binds the active base and level.
  ['MonitoringCtrlr', 'Available', 'boolean', 'ReadOnly', 'true'],
  ['MonitoringCtrlr', 'Enabled', 'boolean', 'ReadOnly', 'true'],
  ['MonitoringCtrlr', 'ActiveMonitoringBase', 'OptionList', 'ReadOnly', 'All', { valuesList: 'All,FactoryDefault,HardWiredOnly' }],
  ['MonitoringCtrlr', 'ActiveMonitoringLevel', 'integer', 'ReadOnly', '9'],
  ['MonitoringCtrlr', 'OfflineQueuingSeverity', 'integer', 'ReadWrite', '9'],
  ['MonitoringCtrlr', 'ItemsPerMessage', 'integer', 'ReadOnly', '20', { instance: 'SetVariableMonitoring' }],
  ['MonitoringCtrlr', 'ItemsPerMessage', 'integer', 'ReadOnly', '20', { instance: 'ClearVariableMonitoring' }],
  ['MonitoringCtrlr', 'BytesPerMessage', 'integer', 'ReadOnly', '65000', { instance: 'SetVariableMonitoring' }],
  ['SmartChargingCtrlr', 'Available', 'boolean', 'ReadOnly', 'true'],
  ['SmartChargingCtrlr', 'Enabled', 'boolean', 'ReadWrite', 'true'],
  ['SmartChargingCtrlr', 'Entries', 'integer', 'ReadOnly', '0', { instance: 'ChargingProfiles' }],
  ['SmartChargingCtrlr', 'LimitChangeSignificance', 'decimal', 'ReadWrite', '1.0'],
  ['SmartChargingCtrlr', 'PeriodsPerSchedule', 'integer', 'ReadOnly', '24'],
  ['SmartChargingCtrlr', 'ProfileStackLevel', 'integer', 'ReadOnly', '8'],
  ['SmartChargingCtrlr', 'RateUnit', 'MemberList', 'ReadOnly', 'A,W', { valuesList: 'A,W' }],
  ['ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate', 'boolean', 'ReadWrite', 'true'],
  ['ChargingStation', 'AvailabilityState', 'OptionList', 'ReadOnly', 'Available', { valuesList: AVAILABILITY }],
  ['ChargingStation', 'Available', 'boolean', 'ReadOnly', 'true'],
  ['ChargingStation', 'Model', 'string', 'ReadOnly', ''],
  ['ChargingStation', 'SupplyPhases', 'integer', 'ReadOnly', '3'],
  ['ChargingStation', 'VendorName', 'string', 'ReadOnly', ''],
  ['EVSE', 'AvailabilityState', 'OptionList', 'ReadOnly', 'Available', { scope: 'evse', valuesList: AVAILABILITY }],
  ['EVSE', 'Available', 'boolean', 'ReadOnly', 'true', { scope: 'evse' }],
  ['EVSE', 'Power', 'decimal', 'ReadOnly', '22000', { scope: 'evse', unit: 'W' }],
  ['EVSE', 'SupplyPhases', 'integer', 'ReadOnly', '3', { scope: 'evse' }],
  ['Connector', 'AvailabilityState', 'OptionList', 'ReadOnly', 'Available', { scope: 'connector', valuesList: AVAILABILITY }],
  ['Connector', 'Available', 'boolean', 'ReadOnly', 'true', { scope: 'connector' }],
  ['Connector', 'ConnectorType', 'string', 'ReadOnly', 'cType2', { scope: 'connector' }],
  ['Connector', 'SupplyPhases', 'integer', 'ReadOnly', '3', { scope: 'connector' }],
];

export const VARIABLE_SPECS: readonly VariableSpec[] = ROWS.map(([component, variable, dataType, mutability, value, extra]) => ({ component, variable, dataType, mutability, value, ...extra }));
