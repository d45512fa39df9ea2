/**
 * The behaviour switches the station's logic reads, whatever version stores them: 1.6 configuration
 * keys (config-16.ts) or 2.0.1 device model variables (device-model.ts). Values are read on every use,
 * so a ChangeConfiguration / SetVariables takes effect at once.
 */
export interface StationSettings {
  /** Seconds between Heartbeats; 0 = none. */
  heartbeatInterval(): number;
  setHeartbeatInterval(seconds: number): void;
  /** Seconds between meter samples during a transaction; 0 = none. */
  meterSampleInterval(): number;
  /** Measurands sampled during a transaction. */
  sampledMeasurands(): string[];
  /** Seconds an authorized driver has to plug in before the authorization lapses. */
  connectionTimeOut(): number;
  stopTxOnEVSideDisconnect(): boolean;
  stopTxOnInvalidId(): boolean;
  /** Start at once for tags the local list / cache accept, without asking the CSMS first. */
  localPreAuthorize(): boolean;
  /** When offline, accept tags the local list / cache accept. */
  localAuthorizeOffline(): boolean;
  /** When offline, start for tags nobody knows. */
  offlineTxForUnknownId(): boolean;
  /** Send Authorize for a remote start before starting. */
  authorizeRemoteStart(): boolean;
  authCacheEnabled(): boolean;
  localAuthListEnabled(): boolean;
  /** Reservations of the station as a whole (1.6 connector 0 / 2.0.1 without evseId). */
  reserveStationSupported(): boolean;
  /** 2.0.1 TxStartPoint / TxStopPoint members (1.6: not used). */
  txStartPoints(): string[];
  txStopPoints(): string[];
  /** 2.0.1 items per NotifyReport / GetVariables message. */
  itemsPerMessage(kind: 'GetReport' | 'GetVariables' | 'SetVariables'): number;
}

/** Parses OCPP booleans ("true"/"false", any case); undefined for anything else. */
export function parseOcppBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  return undefined;
}

/** Parses a non-negative whole number; undefined for anything else. */
export function parseWholeNumber(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The measurands the station can sample, spelled the same in 1.6 and 2.0.1. */
export const SUPPORTED_MEASURANDS = ['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import', 'Voltage', 'SoC'];
