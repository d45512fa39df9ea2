import type { Payload } from '../../ocpp/frame.js';
import type { FaultSet } from '../faults.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { CsmsVersion, IdTagLists, ResolvedCsmsOptions } from './options.js';

/**
 * What the reference CSMS knows about one connected charging station: its boot, the status of each
 * connector, its transactions (1.6: numbered by the CSMS; 2.0.1: named by the station) and the device
 * model reports it sent. The answers in answers-16.ts / answers-201.ts read and update it.
 */
export interface CsmsTransaction {
  transactionId: string | number;
  /** 1.6 connectorId / 2.0.1 evseId. */
  connectorId: number | undefined;
  idTag: string | undefined;
  meterStart?: number;
  meterStop?: number;
  /** 1.6 stop reason / 2.0.1 stoppedReason. */
  stopReason?: string;
  active: boolean;
  /** 2.0.1: every seqNo received, in arrival order. */
  seqNos: number[];
  /** 2.0.1: the remoteStartId a transaction reported. */
  remoteStartId?: number;
  meterValues: number;
}

export interface IdTagVerdict {
  status: 'Accepted' | 'Blocked' | 'Expired' | 'Invalid';
  parent?: string;
}

/** The CSMS's verdict on an idTag, from its lists (`acceptAny` is the authorize-accepts-any fault). */
export function idTagVerdict(lists: Required<IdTagLists>, idTag: string, acceptAny = false): IdTagVerdict {
  const parent = lists.parents[idTag];
  if (acceptAny) return { status: 'Accepted', parent };
  if (lists.blocked.includes(idTag)) return { status: 'Blocked', parent };
  if (lists.expired.includes(idTag)) return { status: 'Expired', parent };
  if (lists.valid.includes(idTag)) return { status: 'Accepted', parent };
  return { status: 'Invalid' };
}

export class StationSession {
  bootStatus: 'None' | 'Accepted' | 'Pending' | 'Rejected' = 'None';
  bootCount = 0;
  /** The last BootNotification payload. */
  bootInfo: Payload | undefined;
  lastHeartbeat: string | undefined;
  /** Status per connector: "1" in 1.6, "evseId/connectorId" in 2.0.1. */
  readonly connectorStatus = new Map<string, string>();
  readonly transactions = new Map<string, CsmsTransaction>();
  /** NotifyReport items per requestId. */
  readonly reports = new Map<number, object[]>();
  /** Last FirmwareStatusNotification / DiagnosticsStatusNotification / LogStatusNotification status. */
  readonly lastNotified = new Map<string, string>();
  /** Security events reported, in order. */
  readonly securityEvents: string[] = [];
  connected = true;

  constructor(
    readonly id: string,
    readonly version: CsmsVersion,
    public endpoint: RpcEndpoint,
    readonly opts: ResolvedCsmsOptions,
    readonly faults: FaultSet,
  ) {}

  get activeTransactions(): CsmsTransaction[] {
    return [...this.transactions.values()].filter((t) => t.active);
  }

  verdict(idTag: string): IdTagVerdict {
    const v = idTagVerdict(this.opts.idTags, idTag, this.faults.has('authorize-accepts-any'));
    return this.faults.has('authorize-without-parent-id-tag') ? { status: v.status } : v;
  }

  /** Sends a CALL to the station and resolves with its answer. */
  call(action: string, payload: Payload): Promise<Payload> {
    return this.endpoint.call(action, payload);
  }
}
