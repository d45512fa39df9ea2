import type { Side, Version } from '../types.js';
import type { Payload } from '../ocpp/frame.js';
import { schemaSource } from '../ocpp/schema-sources.js';
import type { IdTagEntry } from './sut-config.js';

/**
 * How the harness answers a CALL that no step claims (background traffic: Heartbeat, StatusNotification,
 * MeterValues, NotifyEvent …) or that a step expects without giving a reply. The harness-as-CSMS accepts what
 * a CSMS accepts (boot, the tags the SUT configuration calls valid) and acknowledges notifications; the
 * harness-as-station accepts configuration changes and declines operational requests it was not told to
 * expect. Anything else gets a CALLERROR NotSupported.
 */
export type DefaultAnswer = { payload: Payload } | { error: { code: string; description: string } };

export interface ReplyContext {
  version: Version;
  /** The role the harness plays. */
  harness: Side;
  now: number;
  heartbeatIntervalS: number;
  idTags: Record<string, IdTagEntry>;
  nextTransactionId: () => number;
}

/**
 * Actions a station sends unprompted (or as a side effect) that are answered in the background by default.
 * BootNotification is among them because a station may (re)boot between cases; a case that is about booting
 * expects it explicitly.
 */
export const BACKGROUND_ACTIONS: Record<Version, readonly string[]> = {
  '1.6': ['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification', 'SecurityEventNotification', 'LogStatusNotification', 'SignedFirmwareStatusNotification'],
  // 2.x: TransactionEvent carries periodic meter values too, so an event no step expects is not a failure.
  '2.0.1': ['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'TransactionEvent', 'NotifyEvent', 'SecurityEventNotification', 'NotifyReport', 'NotifyMonitoringReport', 'LogStatusNotification', 'FirmwareStatusNotification', 'PublishFirmwareStatusNotification', 'NotifyCustomerInformation', 'NotifyDisplayMessages', 'ReportChargingProfiles', 'NotifyChargingLimit', 'ClearedChargingLimit'],
  '2.1': ['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'TransactionEvent', 'NotifyEvent', 'SecurityEventNotification', 'NotifyReport', 'NotifyMonitoringReport', 'LogStatusNotification', 'FirmwareStatusNotification', 'PublishFirmwareStatusNotification', 'NotifyCustomerInformation', 'NotifyDisplayMessages', 'ReportChargingProfiles', 'NotifyChargingLimit', 'ClearedChargingLimit', 'NotifyPeriodicEventStream'],
};

/** The authorization status the harness-as-CSMS gives a presented tag, from the SUT configuration's idTags. */
export function tagStatus(idTags: Record<string, IdTagEntry>, presented: unknown): string {
  const key = Object.entries(idTags).find(([, v]) => v.idToken === presented)?.[0];
  switch (key) {
    case undefined:
    case 'invalid':
      return 'Invalid';
    case 'blocked':
      return 'Blocked';
    case 'expired':
      return 'Expired';
    case 'concurrentTx':
      return 'ConcurrentTx';
    default:
      return 'Accepted';
  }
}

export function defaultAnswer(action: string, payload: Payload, ctx: ReplyContext): DefaultAnswer {
  const fixed = ctx.harness === 'csms' ? asCsms(action, payload, ctx) : asStation(action, payload, ctx);
  if (fixed) return { payload: fixed };
  const generic = fromSchema(ctx.version, action);
  if (generic) return { payload: generic };
  return { error: { code: 'NotSupported', description: `ocpp-harness has no default answer to ${action} and no step of the case expected it` } };
}

function asCsms(action: string, p: Payload, ctx: ReplyContext): Payload | undefined {
  const now = new Date(ctx.now).toISOString();
  const v16 = ctx.version === '1.6';
  switch (action) {
    case 'BootNotification':
      return { status: 'Accepted', currentTime: now, interval: ctx.heartbeatIntervalS };
    case 'Heartbeat':
      return { currentTime: now };
    case 'Authorize':
      return v16 ? { idTagInfo: { status: tagStatus(ctx.idTags, p.idTag) } } : { idTokenInfo: { status: tagStatus(ctx.idTags, tokenOf(p.idToken)) } };
    case 'StartTransaction':
      return { transactionId: ctx.nextTransactionId(), idTagInfo: { status: tagStatus(ctx.idTags, p.idTag) } };
    case 'StopTransaction':
      return p.idTag === undefined ? {} : { idTagInfo: { status: tagStatus(ctx.idTags, p.idTag) } };
    case 'TransactionEvent':
      return p.idToken === undefined ? {} : { idTokenInfo: { status: tagStatus(ctx.idTags, tokenOf(p.idToken)) } };
    case 'DataTransfer':
      return { status: 'UnknownVendorId' };
    case 'SignCertificate':
      return { status: 'Rejected' };
    case 'GetCertificateStatus':
      return { status: 'Failed' };
    case 'Get15118EVCertificate':
      return { status: 'Failed', exiResponse: '' };
    case 'NotifyEVChargingNeeds':
    case 'NotifyEVChargingSchedule':
      return { status: 'Accepted' };
    default:
      return undefined;
  }
}

function asStation(action: string, p: Payload, ctx: ReplyContext): Payload | undefined {
  const v16 = ctx.version === '1.6';
  switch (action) {
    case 'ChangeConfiguration':
    case 'ClearCache':
    case 'ChangeAvailability':
      return { status: 'Accepted' };
    case 'GetConfiguration':
      return Array.isArray(p.key) && p.key.length > 0 ? { configurationKey: [], unknownKey: p.key } : { configurationKey: [] };
    case 'GetLocalListVersion':
      return v16 ? { listVersion: 0 } : { versionNumber: 0 };
    case 'DataTransfer':
      return { status: 'UnknownVendorId' };
    case 'SetVariables':
      return { setVariableResult: items(p.setVariableData).map((d) => ({ attributeStatus: 'Rejected', component: d.component, variable: d.variable })) };
    case 'GetVariables':
      return { getVariableResult: items(p.getVariableData).map((d) => ({ attributeStatus: 'UnknownVariable', component: d.component, variable: d.variable })) };
    case 'GetTransactionStatus':
      return { messagesInQueue: false };
    default:
      return undefined;
  }
}

function items(v: unknown): Array<{ component: unknown; variable: unknown }> {
  return Array.isArray(v) ? (v as Array<{ component: unknown; variable: unknown }>) : [];
}

function tokenOf(idToken: unknown): unknown {
  return idToken && typeof idToken === 'object' ? (idToken as { idToken?: unknown }).idToken : undefined;
}

/** Responses with nothing required are `{}`; responses that only require a status get a declining status. */
function fromSchema(version: Version, action: string): Payload | undefined {
  const schema = schemaSource(version).byAction.get(action)?.response as JsonSchema | undefined;
  if (!schema) return undefined;
  const required = schema.required ?? [];
  if (required.length === 0) return {};
  if (required.length !== 1 || required[0] !== 'status') return undefined;
  const values = enumOf(schema, schema.properties?.status);
  const pick = ['Rejected', 'NotSupported', 'Unknown', 'Failed'].find((s) => values.includes(s));
  return pick ? { status: pick } : undefined;
}

interface JsonSchema {
  required?: string[];
  properties?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  enum?: string[];
  $ref?: string;
}

function enumOf(root: JsonSchema, s: JsonSchema | undefined): string[] {
  if (!s) return [];
  if (s.enum) return s.enum;
  if (s.$ref?.startsWith('#/definitions/')) return enumOf(root, root.definitions?.[s.$ref.slice('#/definitions/'.length)]);
  return [];
}
