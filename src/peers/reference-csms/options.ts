import type { FaultName } from '../faults.js';

export type CsmsVersion = '1.6' | '2.0.1';
export type BootAnswer = 'Accepted' | 'Pending' | 'Rejected';

/** Which idTags the CSMS knows, and how it answers for each (unknown tags are Invalid). */
export interface IdTagLists {
  valid?: string[];
  invalid?: string[];
  blocked?: string[];
  expired?: string[];
  /** idTag → its parent (1.6 parentIdTag / 2.0.1 groupIdToken). */
  parents?: Record<string, string>;
}

export interface CsmsTlsOptions {
  cert: string | Buffer;
  key: string | Buffer;
  /** CA to check client certificates against (security profile 3). */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Ask stations for a client certificate (security profile 3). */
  requestCert?: boolean;
  /** Plain connections too, on the same port: stations below security profile 2 that may raise it (profile-upgrade.ts). */
  plainToo?: boolean;
}

export interface ReferenceCsmsOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The versions accepted, most preferred first. Default ['2.0.1', '1.6']. */
  versions?: CsmsVersion[];
  /** The BootNotification answer: fixed, or per station and boot (1 for the first). Default Accepted. */
  bootStatus?: BootAnswer | ((stationId: string, bootCount: number) => BootAnswer);
  /** Heartbeat interval in seconds, sent with an Accepted boot. Default 300. */
  heartbeatInterval?: number;
  /** 2.0.1 (Part 5 C-44): the first BootNotification of each connection is answered Pending, then a boot is triggered. Default false. */
  pendingFirstBoot?: boolean;
  /** Retry interval in seconds sent with a Pending or Rejected boot. Default 10. */
  bootRetryInterval?: number;
  idTags?: IdTagLists;
  /** HTTP Basic auth passwords per station identity; stations without a valid one are refused (401). */
  passwords?: Record<string, string>;
  /** Only these identities may connect (others get 404). Default: any. */
  knownStations?: string[];
  faults?: FaultName[];
  tls?: CsmsTlsOptions;
  /** Response timeout of the CSMS's CALLs in milliseconds. Default 30 000. */
  responseTimeoutMs?: number;
}

export interface ResolvedCsmsOptions {
  port: number;
  host: string;
  versions: CsmsVersion[];
  bootStatus: (stationId: string, bootCount: number) => BootAnswer;
  heartbeatInterval: number;
  pendingFirstBoot: boolean;
  bootRetryInterval: number;
  idTags: Required<IdTagLists>;
  passwords?: Record<string, string>;
  knownStations?: string[];
  faults: FaultName[];
  tls?: CsmsTlsOptions;
  responseTimeoutMs: number;
}

export const DEFAULT_VALID_ID_TAGS = ['VALID-TAG-1', 'VALID-TAG-2'];

export function resolveCsmsOptions(o: ReferenceCsmsOptions): ResolvedCsmsOptions {
  const versions = o.versions ?? ['2.0.1', '1.6'];
  if (versions.length === 0) throw new Error('the reference CSMS needs at least one OCPP version');
  for (const v of versions) if (v !== '1.6' && v !== '2.0.1') throw new Error(`the reference CSMS speaks OCPP 1.6 and 2.0.1, not ${String(v)}`);
  const boot = o.bootStatus ?? 'Accepted';
  const heartbeatInterval = o.heartbeatInterval ?? 300;
  if (!Number.isInteger(heartbeatInterval) || heartbeatInterval < 0) throw new Error(`heartbeatInterval must be a whole number of seconds, got ${heartbeatInterval}`);
  return {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    versions,
    bootStatus: typeof boot === 'function' ? boot : () => boot,
    heartbeatInterval,
    pendingFirstBoot: o.pendingFirstBoot ?? false,
    bootRetryInterval: o.bootRetryInterval ?? 10,
    idTags: { valid: o.idTags?.valid ?? DEFAULT_VALID_ID_TAGS, invalid: o.idTags?.invalid ?? [], blocked: o.idTags?.blocked ?? [], expired: o.idTags?.expired ?? [], parents: o.idTags?.parents ?? {} },
    passwords: o.passwords,
    knownStations: o.knownStations,
    faults: o.faults ?? [],
    tls: o.tls,
    responseTimeoutMs: o.responseTimeoutMs ?? 30_000,
  };
}
