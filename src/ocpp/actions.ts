import type { Side, Version } from '../types.js';

/**
 * Which side may send each action, per version. Derived from the specifications' message lists:
 * OCPP 1.6 edition 2 chapters 4-5 plus the 1.6 security whitepaper (edition 3), OCPP 2.0.1 Part 2,
 * OCPP 2.1 Part 2. A test checks that each table and the version's schema set name exactly the same actions.
 */
export type Sender = Side | 'both';

export interface ActionInfo {
  sender: Sender;
  /** True for 2.1's unconfirmed messages: sent as SEND (type 6), never answered. */
  sendOnly?: boolean;
}

const cs = { sender: 'cs' } as const;
const csms = { sender: 'csms' } as const;
const both = { sender: 'both' } as const;

const ACTIONS_16: Record<string, ActionInfo> = {
  Authorize: cs,
  BootNotification: cs,
  DataTransfer: both,
  DiagnosticsStatusNotification: cs,
  FirmwareStatusNotification: cs,
  Heartbeat: cs,
  MeterValues: cs,
  StartTransaction: cs,
  StatusNotification: cs,
  StopTransaction: cs,
  CancelReservation: csms,
  ChangeAvailability: csms,
  ChangeConfiguration: csms,
  ClearCache: csms,
  ClearChargingProfile: csms,
  GetCompositeSchedule: csms,
  GetConfiguration: csms,
  GetDiagnostics: csms,
  GetLocalListVersion: csms,
  RemoteStartTransaction: csms,
  RemoteStopTransaction: csms,
  ReserveNow: csms,
  Reset: csms,
  SendLocalList: csms,
  SetChargingProfile: csms,
  TriggerMessage: csms,
  UnlockConnector: csms,
  UpdateFirmware: csms,
  // Security whitepaper (Improved security for OCPP 1.6-J), chapter 5.
  LogStatusNotification: cs,
  SecurityEventNotification: cs,
  SignCertificate: cs,
  SignedFirmwareStatusNotification: cs,
  CertificateSigned: csms,
  DeleteCertificate: csms,
  ExtendedTriggerMessage: csms,
  GetInstalledCertificateIds: csms,
  GetLog: csms,
  InstallCertificate: csms,
  SignedUpdateFirmware: csms,
};

const ACTIONS_201: Record<string, ActionInfo> = {
  Authorize: cs,
  BootNotification: cs,
  ClearedChargingLimit: cs,
  DataTransfer: both,
  FirmwareStatusNotification: cs,
  Get15118EVCertificate: cs,
  GetCertificateStatus: cs,
  Heartbeat: cs,
  LogStatusNotification: cs,
  MeterValues: cs,
  NotifyChargingLimit: cs,
  NotifyCustomerInformation: cs,
  NotifyDisplayMessages: cs,
  NotifyEVChargingNeeds: cs,
  NotifyEVChargingSchedule: cs,
  NotifyEvent: cs,
  NotifyMonitoringReport: cs,
  NotifyReport: cs,
  PublishFirmwareStatusNotification: cs,
  ReportChargingProfiles: cs,
  ReservationStatusUpdate: cs,
  SecurityEventNotification: cs,
  SignCertificate: cs,
  StatusNotification: cs,
  TransactionEvent: cs,
  CancelReservation: csms,
  CertificateSigned: csms,
  ChangeAvailability: csms,
  ClearCache: csms,
  ClearChargingProfile: csms,
  ClearDisplayMessage: csms,
  ClearVariableMonitoring: csms,
  CostUpdated: csms,
  CustomerInformation: csms,
  DeleteCertificate: csms,
  GetBaseReport: csms,
  GetChargingProfiles: csms,
  GetCompositeSchedule: csms,
  GetDisplayMessages: csms,
  GetInstalledCertificateIds: csms,
  GetLocalListVersion: csms,
  GetLog: csms,
  GetMonitoringReport: csms,
  GetReport: csms,
  GetTransactionStatus: csms,
  GetVariables: csms,
  InstallCertificate: csms,
  PublishFirmware: csms,
  RequestStartTransaction: csms,
  RequestStopTransaction: csms,
  ReserveNow: csms,
  Reset: csms,
  SendLocalList: csms,
  SetChargingProfile: csms,
  SetDisplayMessage: csms,
  SetMonitoringBase: csms,
  SetMonitoringLevel: csms,
  SetNetworkProfile: csms,
  SetVariableMonitoring: csms,
  SetVariables: csms,
  TriggerMessage: csms,
  UnlockConnector: csms,
  UnpublishFirmware: csms,
  UpdateFirmware: csms,
};

const ACTIONS_21: Record<string, ActionInfo> = {
  ...ACTIONS_201,
  BatterySwap: cs,
  ClosePeriodicEventStream: cs,
  GetCertificateChainStatus: cs,
  NotifyDERAlarm: cs,
  NotifyDERStartStop: cs,
  NotifyPriorityCharging: cs,
  NotifySettlement: cs,
  OpenPeriodicEventStream: cs,
  PullDynamicScheduleUpdate: cs,
  ReportDERControl: cs,
  VatNumberValidation: cs,
  NotifyPeriodicEventStream: { sender: 'cs', sendOnly: true },
  AdjustPeriodicEventStream: csms,
  AFRRSignal: csms,
  ChangeTransactionTariff: csms,
  ClearDERControl: csms,
  ClearTariffs: csms,
  GetDERControl: csms,
  GetPeriodicEventStream: csms,
  GetTariffs: csms,
  NotifyAllowedEnergyTransfer: csms,
  NotifyWebPaymentStarted: csms,
  RequestBatterySwap: csms,
  SetDefaultTariff: csms,
  SetDERControl: csms,
  UpdateDynamicSchedule: csms,
  UsePriorityCharging: csms,
};

const TABLES: Record<Version, Readonly<Record<string, ActionInfo>>> = {
  '1.6': ACTIONS_16,
  '2.0.1': ACTIONS_201,
  '2.1': ACTIONS_21,
};

export function actionsOf(version: Version): string[] {
  return Object.keys(TABLES[version]).sort();
}

export function actionInfo(version: Version, action: string): ActionInfo | undefined {
  return Object.hasOwn(TABLES[version], action) ? TABLES[version][action] : undefined;
}

/** True when `side` may send `action` as a CALL (or SEND) in `version`. */
export function maySend(version: Version, action: string, side: Side): boolean {
  const info = actionInfo(version, action);
  return !!info && (info.sender === 'both' || info.sender === side);
}
