import { parseOcppBoolean, parseWholeNumber, splitList, SUPPORTED_MEASURANDS, type StationSettings } from './settings.js';

/**
 * The 1.6 configuration key store: the Core profile keys of OCPP 1.6 §9.1, the Local Auth List,
 * Reservation and Smart Charging keys the station supports (§9.2-9.4) and the security whitepaper's
 * keys (chapter 4). Each key has a type used to check ChangeConfiguration values, and a readonly flag.
 */
type KeyKind = 'int' | 'bool' | 'csl' | 'string';

interface KeyDef {
  kind: KeyKind;
  readonly: boolean;
  value: string;
  /** Values allowed in a comma separated list (measurands, profiles). */
  allowed?: readonly string[];
  /** Never shown by GetConfiguration (AuthorizationKey). */
  writeOnly?: boolean;
  /** A change only takes effect after a reboot. */
  rebootRequired?: boolean;
}

export type ChangeConfigurationStatus = 'Accepted' | 'Rejected' | 'RebootRequired' | 'NotSupported';

const rw = (kind: KeyKind, value: string, extra: Partial<KeyDef> = {}): KeyDef => ({ kind, readonly: false, value, ...extra });
const ro = (kind: KeyKind, value: string, extra: Partial<KeyDef> = {}): KeyDef => ({ kind, readonly: true, value, ...extra });

const PROFILES = ['Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'SmartCharging', 'RemoteTrigger'];

function defaultKeys(connectors: number): Record<string, KeyDef> {
  const measurands = { allowed: SUPPORTED_MEASURANDS };
  return {
    // Core (§9.1)
    AllowOfflineTxForUnknownId: rw('bool', 'false'),
    AuthorizationCacheEnabled: rw('bool', 'true'),
    AuthorizeRemoteTxRequests: rw('bool', 'false'),
    ClockAlignedDataInterval: rw('int', '0'),
    ConnectionTimeOut: rw('int', '60'),
    ConnectorPhaseRotation: rw('csl', Array.from({ length: connectors + 1 }, (_, i) => `${i}.RST`).join(',')),
    GetConfigurationMaxKeys: ro('int', '100'),
    HeartbeatInterval: rw('int', '300'),
    LocalAuthorizeOffline: rw('bool', 'true'),
    LocalPreAuthorize: rw('bool', 'false'),
    MeterValuesAlignedData: rw('csl', 'Energy.Active.Import.Register', measurands),
    MeterValuesAlignedDataMaxLength: ro('int', String(SUPPORTED_MEASURANDS.length)),
    MeterValuesSampledData: rw('csl', 'Energy.Active.Import.Register', measurands),
    MeterValuesSampledDataMaxLength: ro('int', String(SUPPORTED_MEASURANDS.length)),
    MeterValueSampleInterval: rw('int', '60'),
    MinimumStatusDuration: rw('int', '0'),
    NumberOfConnectors: ro('int', String(connectors)),
    ResetRetries: rw('int', '3'),
    StopTransactionOnEVSideDisconnect: rw('bool', 'true'),
    StopTransactionOnInvalidId: rw('bool', 'true'),
    StopTxnAlignedData: rw('csl', '', measurands),
    StopTxnAlignedDataMaxLength: ro('int', String(SUPPORTED_MEASURANDS.length)),
    StopTxnSampledData: rw('csl', '', measurands),
    StopTxnSampledDataMaxLength: ro('int', String(SUPPORTED_MEASURANDS.length)),
    SupportedFeatureProfiles: ro('csl', PROFILES.join(',')),
    TransactionMessageAttempts: rw('int', '3'),
    TransactionMessageRetryInterval: rw('int', '60'),
    UnlockConnectorOnEVSideDisconnect: rw('bool', 'true'),
    WebSocketPingInterval: rw('int', '0'),
    // Local Auth List Management (§9.2)
    LocalAuthListEnabled: rw('bool', 'true'),
    LocalAuthListMaxLength: ro('int', '100'),
    SendLocalListMaxLength: ro('int', '100'),
    // Reservation (§9.3)
    ReserveConnectorZeroSupported: ro('bool', 'true'),
    // Smart Charging (§9.4)
    ChargeProfileMaxStackLevel: ro('int', '8'),
    ChargingScheduleAllowedChargingRateUnit: ro('csl', 'Current,Power'),
    ChargingScheduleMaxPeriods: ro('int', '24'),
    MaxChargingProfilesInstalled: ro('int', '16'),
    // Security whitepaper (chapter 4)
    AuthorizationKey: rw('string', '', { writeOnly: true }),
    SecurityProfile: rw('int', '0', { rebootRequired: false }),
    CpoName: rw('string', ''),
  };
}

export interface ConfigurationKeyView {
  key: string;
  readonly: boolean;
  value?: string;
}

export class ConfigStore16 {
  private readonly keys: Record<string, KeyDef>;

  constructor(connectors: number, overrides: Record<string, string> = {}) {
    this.keys = defaultKeys(connectors);
    for (const [k, v] of Object.entries(overrides)) {
      // Initial values may set read-only keys too: they describe the station, not a CSMS request.
      if (!this.keys[k]) throw new Error(`unknown 1.6 configuration key "${k}"`);
      this.keys[k].value = v;
    }
  }

  get(key: string): string | undefined {
    return this.keys[key]?.value;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.keys, key);
  }

  /** GetConfiguration: all keys when `requested` is empty, else the known ones plus the unknown names. */
  read(requested: readonly string[] = []): { configurationKey: ConfigurationKeyView[]; unknownKey: string[] } {
    const names = requested.length > 0 ? requested : Object.keys(this.keys);
    const configurationKey: ConfigurationKeyView[] = [];
    const unknownKey: string[] = [];
    for (const key of names) {
      const def = this.keys[key];
      if (!def) {
        unknownKey.push(key);
        continue;
      }
      const view: ConfigurationKeyView = { key, readonly: def.readonly };
      if (!def.writeOnly) view.value = def.value;
      configurationKey.push(view);
    }
    return { configurationKey, unknownKey };
  }

  /** ChangeConfiguration. `allowReadonly` is the fault switch that accepts writes to read-only keys. */
  change(key: string, value: string, allowReadonly = false): ChangeConfigurationStatus {
    const def = this.keys[key];
    if (!def) return 'NotSupported';
    if (def.readonly && !allowReadonly) return 'Rejected';
    if (!isValidValue(def, value)) return 'Rejected';
    if (def.readonly) return 'Accepted'; // the fault: claim success, change nothing
    def.value = value.trim();
    return def.rebootRequired ? 'RebootRequired' : 'Accepted';
  }

  /** For the station itself (e.g. the heartbeat interval from a BootNotification response). */
  setInternal(key: string, value: string): void {
    const def = this.keys[key];
    if (def) def.value = value;
  }

  settings(): StationSettings {
    const int = (k: string) => parseWholeNumber(this.get(k) ?? '0') ?? 0;
    const bool = (k: string) => parseOcppBoolean(this.get(k) ?? 'false') ?? false;
    return {
      heartbeatInterval: () => int('HeartbeatInterval'),
      setHeartbeatInterval: (s) => this.setInternal('HeartbeatInterval', String(s)),
      meterSampleInterval: () => int('MeterValueSampleInterval'),
      sampledMeasurands: () => splitList(this.get('MeterValuesSampledData') ?? ''),
      connectionTimeOut: () => int('ConnectionTimeOut'),
      stopTxOnEVSideDisconnect: () => bool('StopTransactionOnEVSideDisconnect'),
      stopTxOnInvalidId: () => bool('StopTransactionOnInvalidId'),
      localPreAuthorize: () => bool('LocalPreAuthorize'),
      localAuthorizeOffline: () => bool('LocalAuthorizeOffline'),
      offlineTxForUnknownId: () => bool('AllowOfflineTxForUnknownId'),
      authorizeRemoteStart: () => bool('AuthorizeRemoteTxRequests'),
      authCacheEnabled: () => bool('AuthorizationCacheEnabled'),
      localAuthListEnabled: () => bool('LocalAuthListEnabled'),
      reserveStationSupported: () => bool('ReserveConnectorZeroSupported'),
      txStartPoints: () => [],
      txStopPoints: () => [],
      itemsPerMessage: () => int('GetConfigurationMaxKeys'),
    };
  }
}

function isValidValue(def: KeyDef, value: string): boolean {
  switch (def.kind) {
    case 'int':
      return parseWholeNumber(value) !== undefined;
    case 'bool':
      return parseOcppBoolean(value) !== undefined;
    case 'csl':
      return !def.allowed || splitList(value).every((m) => def.allowed!.includes(m));
    case 'string':
      return value.length <= 500;
  }
}
