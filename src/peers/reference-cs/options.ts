import type { FaultName } from '../faults.js';

/** The OCPP versions the reference charging station speaks. */
export type CsVersion = '1.6' | '2.0.1';

/** TLS settings for security profiles 2 and 3 (wss). */
export interface CsTlsOptions {
  /** CA certificate(s) the CSMS certificate must chain to (PEM). */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Client certificate and key (PEM), for security profile 3. */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Default true; false accepts any server certificate (self-signed test CSMS). */
  rejectUnauthorized?: boolean;
}

/** An entry of the local authorization list the station starts with. */
export interface LocalAuthEntry {
  idTag: string;
  status: 'Accepted' | 'Blocked' | 'Expired' | 'Invalid';
  expiryDate?: string;
  parentIdTag?: string;
}

export interface ReferenceCsOptions {
  /** The CSMS endpoint; the station identity is appended as the last path segment. */
  url: string;
  identity: string;
  /** Default 1.6. */
  version?: CsVersion;
  /** HTTP Basic auth password (security profiles 1 and 2); the user is the identity. */
  password?: string;
  tls?: CsTlsOptions;
  /** Number of connectors (1.6) / EVSEs with one connector each (2.0.1). Default 1. */
  connectors?: number;
  /** The idTag presented when `presentIdTag` is performed without one. Default 'VALID-TAG-1'. */
  defaultIdTag?: string;
  /** 2.0.1 idToken type of presented tags. Default ISO14443. */
  idTokenType?: string;
  /** Local authorization list installed at start (version 1 when non-empty). */
  localAuthList?: LocalAuthEntry[];
  /** Initial configuration: 1.6 keys (`MeterValueSampleInterval`) or 2.0.1 `Component.Variable` names (`TxCtrlr.TxStartPoint`). */
  config?: Record<string, string>;
  /** Deliberate bugs to switch on (see faults.ts). */
  faults?: FaultName[];
  /** How many milliseconds one protocol second lasts. Default 1000; tests use ~10. */
  msPerSecond?: number;
  /** Response timeout of the station's CALLs in milliseconds. Default 30 000. */
  responseTimeoutMs?: number;
  /** Protocol seconds between reconnection attempts. Default 5. */
  reconnectDelay?: number;
  /** Protocol seconds to wait before retrying a boot the CSMS answered with interval 0. Default 30. */
  bootRetryDefault?: number;
  /** Protocol seconds each simulated firmware / diagnostics step takes. Default 2. */
  transferStepSeconds?: number;
  /** Charging power in watts while energy flows. Default 11 000. */
  chargingPowerW?: number;
  /** BootNotification identity fields. */
  vendor?: string;
  model?: string;
  serialNumber?: string;
  firmwareVersion?: string;
  /** Connect at start. Default true; false waits for `perform('reconnect')`. */
  autoConnect?: boolean;
  /** The cable is fixed to the station: UnlockConnector is answered NotSupported (OCPP 1.6 §5.18). Default false. */
  fixedCable?: boolean;
  /** 2.0.1 B11/B12 (Part 5 C-13): a Reset may name one EVSE; false: Rejected. Default false. */
  resetPerEvse?: boolean;
  /** 2.0.1 B07 (Part 5 C-56): the optional SummaryInventory base report; false: NotSupported. Default true. */
  summaryInventory?: boolean;
  /** 2.0.1 N (Part 5 AQ-5): the factory monitors, a preconfigured and a hard-wired one on the last EVSE (monitoring-201.ts). Default false. */
  factoryMonitors?: boolean;
  /** 2.0.1 L01.FR.24 (Part 5 C-60): a new UpdateFirmware cancels the update going on (AcceptedCanceled); false: Rejected (L01.FR.27). Default true. */
  cancelFirmwareUpdates?: boolean;
  /** 2.0.1 customer identifiers the station holds a customer record of (CustomerInformation, Part 5 C-14). Default none. */
  customerIdentifiers?: string[];
  /** 2.0.1 Smart Charging is supported; false: a RequestStartTransaction's chargingProfile is ignored whatever it is (F01.FR.12). Default true. */
  smartCharging?: boolean;
  /** 2.0.1 firmware update during a transaction (firmware-pending-201.ts): 'wait' for the download (default), 'download' at once but wait to install (AQ-7), 'install' at once (C-43). */
  firmwareDuringTransaction?: 'wait' | 'download' | 'install';
  /** 2.0.1 (Part 5 AQ-2): a cable lock keeps the EV from being connected before a driver is authorized at the EVSE. Default false. */
  cableLock?: boolean;
  /** 2.0.1 C16 with a user interface (Part 5 C-07): a master pass stops the transactions the user then chooses (masterPassChoose); false: all at once (C-08). Default false. */
  masterPassUi?: boolean;
  /** 2.0.1 O01: the display message states the station supports (others: NotSupportedState). Default all four. */
  displayMessageStates?: string[];
  /** 2.0.1 B08 / N02 / N03: the GetReport componentCriteria, GetMonitoringReport monitoringCriteria and SetMonitoringBase bases the station supports (others: NotSupported). Default all. */
  reportCriteria?: string[];
  monitoringCriteria?: string[];
  monitoringBases?: string[];
  /** 2.0.1 N01: the log types of which the station has no information (GetLog Rejected, N01.FR.05). Default none. */
  logTypesWithoutInformation?: string[];
  /** 2.0.1 K12: a limit (A) an external system gave the station, kept as a ChargingStationExternalConstraints profile. Default none. */
  externalLimitA?: number;
}

export type ResolvedCsOptions = Required<Omit<ReferenceCsOptions, 'password' | 'tls' | 'serialNumber' | 'externalLimitA'>> & Pick<ReferenceCsOptions, 'password' | 'tls' | 'serialNumber' | 'externalLimitA'>;

export function resolveCsOptions(o: ReferenceCsOptions): ResolvedCsOptions {
  if (!o.url) throw new Error('the reference charging station needs the CSMS url');
  if (!o.identity) throw new Error('the reference charging station needs an identity');
  const version = o.version ?? '1.6';
  if (version !== '1.6' && version !== '2.0.1') throw new Error(`the reference charging station speaks OCPP 1.6 and 2.0.1, not ${String(version)}`);
  const connectors = o.connectors ?? 1;
  if (!Number.isInteger(connectors) || connectors < 1 || connectors > 8) throw new Error(`connectors must be a whole number from 1 to 8, got ${connectors}`);
  return {
    ...o,
    version,
    connectors,
    defaultIdTag: o.defaultIdTag ?? 'VALID-TAG-1',
    idTokenType: o.idTokenType ?? 'ISO14443',
    localAuthList: o.localAuthList ?? [],
    config: o.config ?? {},
    faults: o.faults ?? [],
    msPerSecond: o.msPerSecond ?? 1000,
    responseTimeoutMs: o.responseTimeoutMs ?? 30_000,
    reconnectDelay: o.reconnectDelay ?? 5,
    bootRetryDefault: o.bootRetryDefault ?? 30,
    transferStepSeconds: o.transferStepSeconds ?? 2,
    chargingPowerW: o.chargingPowerW ?? 11_000,
    vendor: o.vendor ?? 'ocpp-harness',
    model: o.model ?? 'reference-cs',
    firmwareVersion: o.firmwareVersion ?? '1.0.0',
    autoConnect: o.autoConnect ?? true,
    fixedCable: o.fixedCable ?? false,
    cancelFirmwareUpdates: o.cancelFirmwareUpdates ?? true,
    resetPerEvse: o.resetPerEvse ?? false,
    summaryInventory: o.summaryInventory ?? true,
    factoryMonitors: o.factoryMonitors ?? false,
    customerIdentifiers: o.customerIdentifiers ?? [],
    smartCharging: o.smartCharging ?? true,
    firmwareDuringTransaction: o.firmwareDuringTransaction ?? 'wait',
    cableLock: o.cableLock ?? false,
    masterPassUi: o.masterPassUi ?? false,
    displayMessageStates: o.displayMessageStates ?? ['Charging', 'Faulted', 'Idle', 'Unavailable'],
    reportCriteria: o.reportCriteria ?? ['Active', 'Available', 'Enabled', 'Problem'],
    monitoringCriteria: o.monitoringCriteria ?? ['ThresholdMonitoring', 'DeltaMonitoring', 'PeriodicMonitoring'],
    monitoringBases: o.monitoringBases ?? ['All', 'FactoryDefault', 'HardWiredOnly'],
    logTypesWithoutInformation: o.logTypesWithoutInformation ?? [],
  };
}
