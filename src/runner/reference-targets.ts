import type { Side, Version } from '../types.js';
import type { FaultName } from '../peers/faults.js';
import { startReferenceCs } from '../peers/reference-cs/index.js';
import { startReferenceCsms } from '../peers/reference-csms/index.js';
import type { ProxyHandle } from '../proxy/types.js';
import { AdapterChain, PeerControlAdapter, type ActionAdapter, type ActionRequest } from './action-adapter.js';
import { withCertificates201 } from './reference-certificates-201.js';
import { referenceConnectionSecurity, withSecurity16 } from './reference-security-16.js';
import type { ProxyFindingCollector } from './report-builder.js';
import { resolveSut, type ResolvedSut, type SutConfigFile } from './sut-config.js';
import type { OpenTarget } from './targets.js';
import { startProxyOrExplain } from './targets.js';
import { referenceGateMaterial } from './reference-gate.js';
import { StationGate } from './station-gate.js';
import { CsmsGate } from './csms-gate.js';
import { buildInvalidClientCertificates } from './gate-material.js';
import { CSMS_ROOT_CERT, CSMS_ROOT_KEY } from '../peers/security-fixtures-16.js';
import { WsCsmsLink } from './ws-csms-link.js';
import { WsStationLink } from './ws-station-link.js';

/**
 * The embedded default: the built-in reference charging station or reference CSMS as the system under test,
 * with the proxy in between, driven through its PeerControl. The SUT configurations below are what a team
 * would write for its own product; they double as examples.
 */
export type ReferenceVersion = '1.6' | '2.0.1';

export const REFERENCE_ID_TAGS = { valid: 'VALID-TAG-1', invalid: 'INVALID-TAG-1', blocked: 'BLOCKED-TAG-1', expired: 'EXPIRED-TAG-1', parent: 'PARENT-TAG-1', sibling: 'SIBLING-TAG-1', masterpass: 'MASTERPASS-TAG-1' };

/**
 * The 2.0.1 reference station's factory monitors (monitoring-201.ts), as its operator would tell the tester: the
 * preconfigured Delta monitor on the last EVSE's AvailabilityState (TC_N_41_CS) and the hard-wired one (TC_N_44_CS).
 */
const MONITORS_CS_201 = { preconfiguredMonitorId: 1, preconfiguredMonitorEvseId: 2, preconfiguredMonitorSeverity: 6, hardWiredMonitorId: 2 };
/** 2.0.1 station features of reset, connection and reports: C-13 reset per EVSE, C-47 fallback to the reconnection back-off after a network profile failed, C-56 the SummaryInventory report. */
const CONNECTION_CS_201 = ['C-13', 'C-47', 'C-56'];

/** 2.0.1 station features of the Local Authorization List: LA-1 LocalAuthListCtrlr.Enabled, LA-2 GetLocalListVersion, LA-3 LocalAuthListCtrlr.DisablePostAuthorize. */
const LOCAL_LIST_CS_201 = ['LA-1', 'LA-2', 'LA-3'];

/** 2.0.1 CSMS features of provisioning: C-45/C-46 several variables in one Get/SetVariables, C-17 ConfigurationInventory, C-50.2 FullInventory on request, C-13 reset per EVSE. */
const PROVISIONING_CSMS_201 = ['C-45', 'C-46', 'C-17', 'C-50.2', 'C-13'];

/** 2.0.1 station features of Smart Charging: SC-2.1 / SC-2.2 profiles in A and in W (without SC-2.2 the station is built with SmartChargingCtrlr.RateUnit A only). */
const SMART_CHARGING_CS_201 = ['SC-2.1', 'SC-2.2'];

/** The reference peers run on a tenfold clock (one protocol second = 100 ms) so intervals stay short. */
const MS_PER_SECOND = 100;

/**
 * Part 5 features of the 2.0.1 reference station for F RemoteControl: HFS-1 a detachable cable (with a connector lock),
 * C-29.1-6 TriggerMessage for MeterValues, TransactionEvent, LogStatusNotification, FirmwareStatusNotification,
 * StatusNotification, BootNotification; C-36 ISO14443 idTokens; C-48.1 / C-48.2 AuthorizeRemoteStart true and false.
 */
const REMOTE_CONTROL_CS_201 = ['HFS-1', 'C-29.1', 'C-29.2', 'C-29.3', 'C-29.4', 'C-29.5', 'C-29.6', 'C-36', 'C-48.1', 'C-48.2'];
/** Part 5 F RemoteControl features of the 2.0.1 reference CSMS: C-11 UnlockConnector, C-29.1-5 TriggerMessage for MeterValues, TransactionEvent, LogStatusNotification, FirmwareStatusNotification, StatusNotification. */
const REMOTE_CONTROL_CSMS_201 = ['C-11', 'C-29.1', 'C-29.2', 'C-29.3', 'C-29.4', 'C-29.5'];

export function referenceSutConfig(version: ReferenceVersion, role: Side): SutConfigFile {
  const common: SutConfigFile = {
    role,
    version,
    idTags: REFERENCE_ID_TAGS,
    heartbeatIntervalS: 3,
    bootRetryIntervalS: 5,
    msPerSecond: MS_PER_SECOND,
    timeouts: { responseMs: 3000, expectMs: 3000, connectMs: 5000, holdMs: 1000, toleranceMs: 250 },
  };
  if (role === 'cs') {
    const station: SutConfigFile = { ...common, name: `reference charging station (OCPP ${version})`, identity: 'REF-CS-001', connectors: [1, 2] };
    // 1.6 features the station has: a detachable cable (FixedCable turns it into a fixed one), an authorization cache;
    // offline transactions, local stop; a power cut with (reboot backupPower) or without back-up power.
    if (version === '1.6') return { ...station, features: ['DetachableCable', 'AuthorizationCache', 'OfflineTransactions', 'LocalStopTransaction', 'BackupPower', 'NoBackupPower'] };
    // Part 5 features: start options EVConnected, Authorized, PowerPathClosed, EnergyTransfer; configurable TxStartPoint;
    // C-60 cancelling an ongoing firmware update.
    // settings.logLocation: the log server of the test setup (GetLog, Part 6 N01 cases); the reference uploads nowhere.
    // C-14 customer records by customerIdentifier (settings.customerIdentifier: the one the tester stored), C-30 RFID
    // ISO14443 idTokens, C-57 cancelling an ongoing log upload, C-28 AlignedDataCtrlr.SendDuringIdle, C-40 configurable
    // measurands, C-42 signed meter values, C-20 AllowNewSessionsPendingFirmwareUpdate.
    // C-49 an authorization cache, C-59 AuthCacheCtrlr.DisablePostAuthorize, C-08 a master pass on a station without a user
    // interface (settings.masterPassGroupId: the group the tester configures), C-02 offline transactions for unknown idTokens,
    // C-03 MaxEnergyOnInvalidId, C-53 AuthCacheCtrlr.LifeTime.
    // Stop options EVConnected, Authorized, PowerPathClosed, EnergyTransfer and a configurable TxStopPoint (C-10.x, C-52); a
    // detachable cable (HFS-1); charges IEC 61851-1 (Mode 3) EVs (AQ-9); after an EV-side disconnect keeps or drops the
    // authorization (C-06.1/2: StopTxOnEVSideDisconnect) and unlocks the cable or not (C-12.1/2: UnlockOnEVSideDisconnect).
    // C-01 offline authorization of transactions (LocalAuthorizeOffline, from the cache or local list); C-58
    // AuthCtrlr.DisableRemoteAuthorization; a parking bay sensor for the start and stop option ParkingBayOccupancy (C-09.6, C-10.5);
    // the start option DataSigned with a signing meter (C-09.3).
    // Reservations of no EVSE in particular (R-2, ReservationCtrlr.NonEvseSpecific) and ReservationCtrlr.Enabled.
    return { ...station, settings: { logLocation: 'ftp://logs.example/harness-station', customerIdentifier: 'CUSTOMER-ID-1', masterPassGroupId: 'MASTERPASS-GROUP-1', ...MONITORS_CS_201 }, evses: [{ id: 1, connectors: [1] }, { id: 2, connectors: [1] }], features: ['C-09.1', 'C-09.2', 'C-09.4', 'C-09.5', 'C-51', 'C-60', 'C-14', 'C-30', 'C-57', 'C-28', 'C-40', 'C-42', 'C-20', 'C-49', 'C-59', 'C-08', 'C-02', 'C-03', 'C-53', 'C-10.1', 'C-10.2', 'C-10.3', 'C-10.4', 'C-52', 'HFS-1', 'AQ-9', 'C-06.1', 'C-06.2', 'C-12.1', 'C-12.2', 'C-01', 'C-58', 'C-09.6', 'C-10.5', 'C-09.3', 'R-2', 'R-3', 'AQ-5', 'DM-3', 'UI-1.1', 'UI-1.2', 'UI-1.3', 'UI-2.1', 'UI-2.2', 'UI-2.4', ...REMOTE_CONTROL_CS_201, ...CONNECTION_CS_201, ...LOCAL_LIST_CS_201, ...SMART_CHARGING_CS_201] };
  }
  // settings: what the operator of the CSMS under test is told to enter (OCTT's configured test data), short for the fast clock.
  const settings = { reservationExpiryOffsetS: 2, firmwareLocation: 'https://firmware.example/harness-station-2.0.bin', diagnosticsLocation: 'ftp://diagnostics.example/harness-station', masterPassGroupId: 'MASTERPASS-GROUP-1' };
  return { ...common, name: `reference CSMS (OCPP ${version})`, identity: 'HARNESS-CS-001', vendor: 'ocpp-harness', model: 'harness-station', connectors: [1], settings, features: ['TriggerMessageNonConfiguredConnector', ...(version === '2.0.1' ? ['C-15', 'C-14', 'C-16', 'LA-2', 'R-1', 'R-2', 'SC-4', ...REMOTE_CONTROL_CSMS_201, ...PROVISIONING_CSMS_201] : [])] };
}

export interface ReferenceTargetOptions {
  viaProxy: boolean;
  findings: ProxyFindingCollector;
  /** Deliberate bugs for the peer (tests of "the case catches its fault"). */
  faults?: FaultName[];
  /** Overrides of the SUT configuration (tests shorten timeouts). */
  config?: Partial<SutConfigFile>;
}

export async function openReferenceTarget(version: ReferenceVersion, role: Side, options: ReferenceTargetOptions): Promise<OpenTarget> {
  const sut = resolveSut({ ...withCertificates201(withSecurity16(referenceSutConfig(version, role))), ...options.config }, {}, 'built-in reference configuration');
  return role === 'cs' ? openReferenceStation(sut, options) : openReferenceCsms(sut, options);
}

/** The harness listens as the CSMS; the reference station connects through the proxy. */
async function openReferenceStation(sut: ResolvedSut, options: ReferenceTargetOptions): Promise<OpenTarget> {
  const sec = await referenceConnectionSecurity(sut, options.faults);
  const link = await WsCsmsLink.listen({ port: 0, host: '127.0.0.1', version: sut.version, password: sec.password });
  let proxy: ProxyHandle | undefined;
  let gate: StationGate;
  try {
    if (options.viaProxy) proxy = await startProxyOrExplain({ port: 0, host: '127.0.0.1', upstream: link.endpoint.replace(/\/$/, ''), responseTimeoutMs: sut.timeouts.responseMs }, options.findings);
    // TLS ends at the gate in front of the proxy, so a case can change what the station meets there (station-gate.ts).
    gate = await StationGate.listen({ upstream: { host: '127.0.0.1', port: proxy ? proxy.port : link.port }, material: await referenceGateMaterial(), securityProfile: sut.securityProfile });
  } catch (e) {
    await link.dispose();
    await proxy?.close();
    throw e;
  }
  link.gate = gate;
  // The harness's address as the CSMS URL of a second network connection profile (TC_B_45_CS: the station really migrates).
  if (sut.version === '2.0.1' && sut.settings.ocppCsmsUrl2 === undefined) sut.settings = { ...sut.settings, ocppCsmsUrl2: gate.url };
  const station = startReferenceCs({
    url: gate.url,
    identity: sut.identity,
    version: sut.version as ReferenceVersion,
    connectors: sut.version === '1.6' ? sut.connectors.length : sut.evses.length,
    defaultIdTag: sut.idTags.valid.idToken,
    faults: options.faults,
    msPerSecond: sut.msPerSecond,
    reconnectDelay: 1,
    // 2.0.1 reconnects with the Part 4 back-off: configured to the same short first wait, without a random part.
    // AS-2: SecurityCtrlr.AdditionalRootCertificateCheck true; without R-2 ReservationCtrlr.NonEvseSpecific false; without UI-1.1 no AlwaysFront display messages.
    config: sut.version === '2.0.1' ? { 'OCPPCommCtrlr.RetryBackOffWaitMinimum': '1', 'OCPPCommCtrlr.RetryBackOffRandomRange': '0', ...(sut.features.includes('AS-2') ? { 'SecurityCtrlr.AdditionalRootCertificateCheck': 'true' } : {}), ...(sut.features.includes('R-2') ? {} : { 'ReservationCtrlr.NonEvseSpecific': 'false' }), ...(sut.features.includes('SC-2.2') ? {} : { 'SmartChargingCtrlr.RateUnit': 'A' }), ...(sut.features.includes('UI-1.1') ? {} : { 'DisplayMessageCtrlr.SupportedPriorities': 'InFront,NormalCycle' }) } : undefined,
    vendor: sut.vendor,
    model: sut.model,
    password: sec.password,
    tls: sec.client,
    fixedCable: sut.features.includes('FixedCable'),
    cancelFirmwareUpdates: sut.version !== '2.0.1' || sut.features.includes('C-60'),
    cableLock: sut.version === '2.0.1' && sut.features.includes('AQ-2'),
    masterPassUi: sut.version === '2.0.1' && sut.features.includes('C-07'),
    // settings.unsupportedDisplayMessageState: a display without that message state (TC_O_18_CS)
    displayMessageStates: ['Charging', 'Faulted', 'Idle', 'Unavailable'].filter((s) => s !== sut.settings.unsupportedDisplayMessageState),
    // settings.unsupportedComponentCriterion / unsupportedMonitoringCriterion / unsupportedMonitoringBase (TC_B_19_CS, TC_N_04_CS, TC_N_07_CS)
    reportCriteria: ['Active', 'Available', 'Enabled', 'Problem'].filter((s) => s !== sut.settings.unsupportedComponentCriterion),
    monitoringCriteria: ['ThresholdMonitoring', 'DeltaMonitoring', 'PeriodicMonitoring'].filter((s) => s !== sut.settings.unsupportedMonitoringCriterion),
    monitoringBases: ['All', 'FactoryDefault', 'HardWiredOnly'].filter((s) => s !== sut.settings.unsupportedMonitoringBase),
    logTypesWithoutInformation: typeof sut.settings.logTypeWithoutInformation === 'string' ? [sut.settings.logTypeWithoutInformation] : [],
    externalLimitA: typeof sut.settings.externalChargingLimitA === 'number' ? sut.settings.externalChargingLimitA : undefined,
    resetPerEvse: sut.version === '2.0.1' && sut.features.includes('C-13'),
    summaryInventory: sut.version !== '2.0.1' || sut.features.includes('C-56'),
    factoryMonitors: sut.version === '2.0.1' && sut.features.includes('AQ-5'),
    customerIdentifiers: typeof sut.settings.customerIdentifier === 'string' ? [sut.settings.customerIdentifier] : [],
    smartCharging: sut.profiles === undefined || sut.profiles.includes('Smart Charging'),
    firmwareDuringTransaction: sut.features.includes('C-43') ? 'install' : sut.features.includes('AQ-7') ? 'download' : 'wait',
  });
  const endpoint = gate.url;
  return {
    target: { sut, link, adapter: new AdapterChain([new ReferenceStationAdapter(station)]) },
    endpoint,
    close: async () => {
      await station.close();
      await gate.close();
      await link.dispose();
      await proxy?.close();
    },
  };
}

/** The reference CSMS listens; the harness dials it as the station, through the proxy. */
async function openReferenceCsms(sut: ResolvedSut, options: ReferenceTargetOptions): Promise<OpenTarget> {
  const tags = sut.idTags;
  const sec = await referenceConnectionSecurity(sut);
  // A CSMS at security profile 1 also serves TLS on its port, for stations that raise their profile.
  const upgradable = sut.securityProfile === 1 ? await referenceGateMaterial() : undefined;
  const csms = await startReferenceCsms({
    port: 0,
    versions: [sut.version as ReferenceVersion],
    heartbeatInterval: sut.heartbeatIntervalS,
    bootRetryInterval: sut.bootRetryIntervalS,
    // A master pass (OCPP 2.0.1 C16) is a valid idToken whose group is the configured MasterPassGroupId.
    idTags: { valid: [tags.valid.idToken, tags.parent.idToken, ...(tags.sibling ? [tags.sibling.idToken] : []), ...(tags.masterpass ? [tags.masterpass.idToken] : [])], invalid: [tags.invalid.idToken], blocked: [tags.blocked.idToken], expired: [tags.expired.idToken], parents: { [tags.valid.idToken]: tags.parent.idToken, ...(tags.sibling ? { [tags.sibling.idToken]: tags.parent.idToken } : {}), ...(tags.masterpass ? { [tags.masterpass.idToken]: String(sut.settings.masterPassGroupId ?? 'MASTERPASS-GROUP-1') } : {}) } },
    faults: options.faults,
    responseTimeoutMs: sut.timeouts.responseMs,
    pendingFirstBoot: sut.version === '2.0.1' && sut.features.includes('C-44'),
    passwords: sec.password === undefined ? undefined : { [sut.identity]: sec.password },
    tls: upgradable ? { cert: upgradable.server.cert, key: upgradable.server.key, ca: upgradable.ca.cert, requestCert: true, plainToo: true } : sec.server && { cert: sec.server.cert, key: sec.server.key, ca: sec.server.clientCa, requestCert: sec.server.clientCa !== undefined },
  });
  let proxy: ProxyHandle | undefined;
  let gate: CsmsGate | undefined;
  try {
    // At profile 1 the harness may raise its security profile mid-case (TC_A_19_CSMS): it reaches the CSMS through a
    // gate of its own that speaks plain TCP or TLS as told (csms-gate.ts).
    const where = new URL(csms.url);
    if (upgradable) gate = await CsmsGate.listen({ target: { host: where.hostname, port: Number(where.port) }, securityProfile: 1, tls: { ca: upgradable.ca.cert } });
    const upstream = gate ? gate.url : csms.url;
    if (options.viaProxy) proxy = await startProxyOrExplain({ port: 0, host: '127.0.0.1', upstream, upstreamTls: sec.client, responseTimeoutMs: sut.timeouts.responseMs }, options.findings);
  } catch (e) {
    await gate?.close();
    await csms.close();
    throw e;
  }
  const link = new WsStationLink({ url: proxy ? proxy.url : (gate?.url ?? csms.url), identity: sut.identity, version: sut.version, password: sec.password, tls: proxy || gate ? undefined : sec.client });
  if (gate) link.setSecurityProfile = (profile) => (gate!.securityProfile = profile);
  // Through the proxy, the client certificate the CSMS sees is the one the proxy dials with: a new one (TC_074_CSMS)
  // goes into the TLS options the proxy reads at each dial.
  const upstreamTls = sec.client;
  if (proxy && upstreamTls) link.useClientCertificate = (cert, key) => Object.assign(upstreamTls, { cert, key });
  // At profile 3 the harness can also present invalid client certificates (TC_A_08_CSMS).
  if (proxy && upstreamTls?.cert && upstreamTls.key) {
    const configured = { cert: upstreamTls.cert, key: upstreamTls.key };
    const invalid = await buildInvalidClientCertificates({ cert: CSMS_ROOT_CERT, key: CSMS_ROOT_KEY }, sut.serialNumber ?? sut.identity);
    link.presentClientCertificate = (kind) => {
      const pair = kind === null ? configured : invalid[kind];
      if (!pair) throw new Error(`no client certificate "${kind}" (known: ${Object.keys(invalid).join(', ')})`);
      Object.assign(upstreamTls, pair);
    };
  }
  return {
    target: { sut: { ...sut, url: csms.url }, link, adapter: new AdapterChain([new PeerControlAdapter(csms.control)]) },
    endpoint: csms.url,
    close: async () => {
      await link.dispose();
      await proxy?.close();
      await gate?.close();
      await csms.close();
    },
  };
}

/**
 * The reference station's actions, with one refinement: presenting an idTag finishes when the station has its
 * CSMS's answer (its `authorization` event), as it would for a driver who waits for the display before plugging in.
 * Without it the harness could plug in before the station knows the driver is authorized.
 */
class ReferenceStationAdapter implements ActionAdapter {
  readonly name = 'reference peer';
  private readonly inner: PeerControlAdapter;
  constructor(private readonly station: ReturnType<typeof startReferenceCs>) {
    this.inner = new PeerControlAdapter(station.control);
  }

  unavailable(action: string): string | undefined {
    return this.inner.unavailable(action);
  }

  async perform(request: ActionRequest): Promise<void> {
    if (request.action !== 'presentIdTag') return this.inner.perform(request);
    const idTag = request.params.idTag === undefined ? undefined : String(request.params.idTag);
    let onAuthorization: ((tag: string) => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<void>((resolve) => {
      onAuthorization = (tag: string) => {
        if (idTag === undefined || tag === idTag) resolve();
      };
      // A tag the station does not send to the CSMS (cached, no free connector) produces no event.
      timer = setTimeout(resolve, AUTHORIZATION_WAIT_MS);
      this.station.events.on('authorization', onAuthorization);
    });
    try {
      await this.inner.perform(request);
      await answered;
    } finally {
      clearTimeout(timer);
      this.station.events.off('authorization', onAuthorization!);
    }
  }
}

const AUTHORIZATION_WAIT_MS = 2000;

export function isReferenceVersion(v: Version): v is ReferenceVersion {
  return v === '1.6' || v === '2.0.1';
}
