import type { Side, Version } from '../types.js';
import type { Declarations } from './conditions.js';
import { compileSchema, firstProblem, InputFileError, readJsonFile } from './json-schema-errors.js';

/**
 * The system under test configuration (--sut-config FILE, schemas/sut-config.schema.json): what OCTT calls the
 * PICS. Loaded, validated, merged with command-line options and completed with defaults into a ResolvedSut.
 */
export interface IdTagEntry {
  idToken: string;
  type?: string;
}

export interface ActionHook {
  http?: { url: string; method?: string; headers?: Record<string, string>; body?: unknown };
  command?: string;
  timeoutMs?: number;
}

export interface SutConfigFile {
  name?: string;
  role?: Side;
  version?: Version;
  identity?: string;
  url?: string;
  port?: number;
  host?: string;
  securityProfile?: 0 | 1 | 2 | 3;
  credentials?: { basicAuthPassword?: string; caCertFile?: string; caKeyFile?: string; clientCertFile?: string; clientKeyFile?: string; serverCertFile?: string; serverKeyFile?: string };
  vendor?: string;
  model?: string;
  serialNumber?: string;
  firmwareVersion?: string;
  connectors?: number[];
  evses?: Array<{ id: number; connectors: number[] }>;
  connectorId?: number;
  evseId?: number;
  idTags?: Record<string, string | IdTagEntry>;
  configuration?: Record<string, string | number | boolean>;
  variables?: Record<string, string | number | boolean>;
  features?: string[];
  profiles?: string[];
  heartbeatIntervalS?: number;
  bootRetryIntervalS?: number;
  settings?: Record<string, unknown>;
  msPerSecond?: number;
  timeouts?: Partial<Timeouts>;
  actions?: Record<string, ActionHook>;
  background?: { actions?: string[]; replies?: Record<string, Record<string, unknown>> };
}

export interface Timeouts {
  responseMs: number;
  expectMs: number;
  connectMs: number;
  holdMs: number;
  toleranceMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { responseMs: 10_000, expectMs: 15_000, connectMs: 15_000, holdMs: 3_000, toleranceMs: 4_000 };

/** The configuration with every default filled in. */
export interface ResolvedSut extends Omit<SutConfigFile, 'timeouts' | 'idTags'> {
  name: string;
  role: Side;
  version: Version;
  identity: string;
  securityProfile: 0 | 1 | 2 | 3;
  vendor: string;
  model: string;
  evses: Array<{ id: number; connectors: number[] }>;
  connectors: number[];
  connectorId: number;
  evseId: number;
  idTags: Record<string, IdTagEntry>;
  configuration: Record<string, string | number | boolean>;
  variables: Record<string, string | number | boolean>;
  features: string[];
  heartbeatIntervalS: number;
  bootRetryIntervalS: number;
  settings: Record<string, unknown>;
  msPerSecond: number;
  timeouts: Timeouts;
  actions: Record<string, ActionHook>;
}

export function loadSutConfigFile(file: string): SutConfigFile {
  const data = readJsonFile(file);
  const validate = compileSchema('sut-config.schema.json');
  if (!validate(data)) {
    const { path, problem } = firstProblem(validate.errors ?? [], data);
    throw new InputFileError(file, path, problem);
  }
  return data as SutConfigFile;
}

/** Overrides from the command line (they win over the file). */
export interface SutOverrides {
  role?: Side;
  version?: Version;
  url?: string;
  port?: number;
  host?: string;
  identity?: string;
  name?: string;
}

const DEFAULT_ID_TAGS: Record<string, IdTagEntry> = {
  valid: { idToken: 'OCPPH-VALID-01', type: 'ISO14443' },
  invalid: { idToken: 'OCPPH-INVALID-01', type: 'ISO14443' },
  blocked: { idToken: 'OCPPH-BLOCKED-01', type: 'ISO14443' },
  expired: { idToken: 'OCPPH-EXPIRED-01', type: 'ISO14443' },
  parent: { idToken: 'OCPPH-PARENT-01', type: 'ISO14443' },
};

/** Fills in defaults; `file` is only used to name problems that the schema cannot see. */
export function resolveSut(config: SutConfigFile, overrides: SutOverrides = {}, file = 'SUT configuration'): ResolvedSut {
  const role = overrides.role ?? config.role;
  if (!role) throw new InputFileError(file, '/role', 'the role of the system under test is not given (--sut cs|csms, or "role" in the SUT configuration)');
  const version = overrides.version ?? config.version ?? '1.6';
  const evses = config.evses ?? (config.connectors ?? [1]).map((c) => ({ id: c, connectors: [1] }));
  const connectors = config.connectors ?? evses.map((e) => e.id);
  const connectorId = config.connectorId ?? (version === '1.6' ? connectors[0] : evses[0].connectors[0]);
  const evseId = config.evseId ?? evses[0].id;
  if (version === '1.6' && !connectors.includes(connectorId)) throw new InputFileError(file, '/connectorId', `connector ${connectorId} is not among the connectors ${JSON.stringify(connectors)}`);
  if (version !== '1.6' && !evses.some((e) => e.id === evseId)) throw new InputFileError(file, '/evseId', `EVSE ${evseId} is not among the EVSEs ${evses.map((e) => e.id).join(', ')}`);
  const idTags: Record<string, IdTagEntry> = { ...DEFAULT_ID_TAGS };
  for (const [k, v] of Object.entries(config.idTags ?? {})) idTags[k] = typeof v === 'string' ? { idToken: v, type: 'ISO14443' } : { type: 'ISO14443', ...v };
  const securityProfile = config.securityProfile ?? 0;
  if ((securityProfile === 1 || securityProfile === 2) && !config.credentials?.basicAuthPassword) {
    throw new InputFileError(file, '/credentials', `security profile ${securityProfile} needs credentials.basicAuthPassword`);
  }
  return {
    ...config,
    name: overrides.name ?? config.name ?? (role === 'cs' ? 'charging station under test' : 'CSMS under test'),
    role,
    version,
    identity: overrides.identity ?? config.identity ?? 'OCPPH-CS-001',
    url: overrides.url ?? config.url,
    port: overrides.port ?? config.port,
    host: overrides.host ?? config.host,
    securityProfile,
    vendor: config.vendor ?? 'ocpp-harness',
    model: config.model ?? 'harness-station',
    evses,
    connectors,
    connectorId,
    evseId,
    idTags,
    configuration: config.configuration ?? {},
    variables: config.variables ?? {},
    features: config.features ?? [],
    heartbeatIntervalS: config.heartbeatIntervalS ?? 300,
    bootRetryIntervalS: config.bootRetryIntervalS ?? 10,
    settings: config.settings ?? {},
    msPerSecond: config.msPerSecond ?? 1000,
    timeouts: { ...DEFAULT_TIMEOUTS, ...config.timeouts },
    actions: config.actions ?? {},
  };
}

/**
 * What templates see as `sut`: the configuration without secrets, plus derived lists: connectorIdsWithZero
 * (1.6: 0 and every connector), evseConnectors (2.x: every {evseId, connectorId}), otherEvseConnectors (those not on
 * the configured evseId), and idTags both as strings
 * (`sut.idTags.valid`) and as tokens (`sut.idTokens.valid.idToken`, `.type`).
 */
export function sutTemplateView(sut: ResolvedSut): Record<string, unknown> {
  const { credentials: _secret, actions: _hooks, ...rest } = sut;
  const idTags = Object.fromEntries(Object.entries(sut.idTags).map(([k, v]) => [k, v.idToken]));
  return {
    ...rest,
    variables: nestVariables(sut.variables),
    idTags,
    idTokens: sut.idTags,
    connectorIds: sut.connectors,
    connectorIdsWithZero: [0, ...sut.connectors],
    evseIds: sut.evses.map((e) => e.id),
    evseConnectors: sut.evses.flatMap((e) => e.connectors.map((c) => ({ evseId: e.id, connectorId: c }))),
    // The connectors of every EVSE but the configured one (where cases run their transaction).
    otherEvseConnectors: sut.evses.filter((e) => e.id !== sut.evseId).flatMap((e) => e.connectors.map((c) => ({ evseId: e.id, connectorId: c }))),
  };
}

/** "TxCtrlr.TxStartPoint" → {TxCtrlr: {TxStartPoint}}, so that templates and conditions can reach it by path. */
function nestVariables(flat: Record<string, string | number | boolean>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(flat)) {
    const dot = name.indexOf('.');
    const component = dot < 0 ? name : name.slice(0, dot);
    const variable = dot < 0 ? '' : name.slice(dot + 1);
    (out[component] ??= {})[variable] = value;
  }
  return out;
}

export function declarationsOf(sut: ResolvedSut): Declarations {
  return { features: new Set(sut.features), profiles: sut.profiles ? new Set(sut.profiles) : undefined };
}
