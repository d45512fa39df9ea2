import type { Side } from '../types.js';
import { BOTH_VERSIONS, type FaultInfo } from './faults/fault-info.js';
import { CATALOG_16_CS_CORE_FAULTS } from './faults/catalog-16-cs-core.js';
import { CATALOG_16_CS_NON_HAPPY_FAULTS } from './faults/catalog-16-cs-non-happy.js';
import { CATALOG_16_CS_PROFILES_FAULTS } from './faults/catalog-16-cs-profiles.js';
import { CATALOG_16_SECURITY_FAULTS } from './faults/catalog-16-security.js';
import { CATALOG_16_CSMS_CORE_FAULTS } from './faults/catalog-16-csms-core.js';
import { CATALOG_16_CSMS_PROFILES_FAULTS } from './faults/catalog-16-csms-profiles.js';
import { CATALOG_201_CS_PROVISIONING_FAULTS } from './faults/catalog-201-cs-provisioning.js';
import { CATALOG_201_CS_TRANSACTIONS_FAULTS } from './faults/catalog-201-cs-transactions.js';
import { CATALOG_201_CS_AVAILABILITY_FAULTS } from './faults/catalog-201-cs-availability.js';
import { CATALOG_201_FIRMWARE_CERTIFICATES_FAULTS } from './faults/catalog-201-firmware-certificates.js';
import { CATALOG_201_CSMS_PROVISIONING_FAULTS } from './faults/catalog-201-csms-provisioning.js';
import { CATALOG_201_CSMS_TRANSACTIONS_FAULTS } from './faults/catalog-201-csms-transactions.js';
import { CATALOG_TLS_CERTIFICATES_FAULTS } from './faults/catalog-tls-certificates.js';
import { CATALOG_201_CONNECTION_FAULTS } from './faults/catalog-201-connection.js';
import { CATALOG_201_CS_AUTHORIZATION_FAULTS } from './faults/catalog-201-cs-authorization.js';
import { CATALOG_201_TRANSACTIONS_CONDITIONAL_FAULTS } from './faults/catalog-201-transactions-conditional.js';
import { CATALOG_201_REMOTE_CONDITIONAL_FAULTS } from './faults/catalog-201-remote-conditional.js';
import { CATALOG_201_DEVICE_CONDITIONAL_FAULTS } from './faults/catalog-201-device-conditional.js';
import { CATALOG_201_CS_LOCAL_LIST_FAULTS } from './faults/catalog-201-cs-local-list.js';
import { CATALOG_201_CS_RESERVATION_FAULTS } from './faults/catalog-201-cs-reservation.js';
import { CATALOG_201_CSMS_LOCAL_LIST_RESERVATION_FAULTS } from './faults/catalog-201-csms-local-list-reservation.js';
import { CATALOG_201_CS_SMART_CHARGING_FAULTS } from './faults/catalog-201-cs-smart-charging.js';
import { CATALOG_201_CSMS_SMART_CHARGING_FAULTS } from './faults/catalog-201-csms-smart-charging.js';
import { CATALOG_201_ADVANCED_USER_INTERFACE_FAULTS } from './faults/catalog-201-advanced-user-interface.js';
import { CATALOG_201_ADVANCED_DEVICE_MANAGEMENT_FAULTS } from './faults/catalog-201-advanced-device-management.js';
import { CATALOG_201_CS_EXTRA_FAULTS } from './faults/catalog-201-cs-extra.js';
import { CATALOG_201_CSMS_EXTRA_FAULTS } from './faults/catalog-201-csms-extra.js';

export type { FaultInfo } from './faults/fault-info.js';

/**
 * The deliberate bugs the reference peers can be switched into. Each one is a mistake a real charging
 * station or CSMS makes, and a conformance case exists to catch it: run the case against a peer with the
 * switch on and the case must fail. Peers change behaviour only where a switch listed here says so.
 *
 * Adding a fault: add an entry (name, peer, versions, one line saying what goes wrong) here or, for the
 * faults a certification catalog group catches, in that group's file under faults/; then make the peer honour
 * it and add a test that shows the behaviour change (test/integration/peers-faults.test.ts for the switches
 * below, the group's catalog test for the others).
 */

const BOTH = BOTH_VERSIONS;

/** The switches of the peers themselves, each shown on the wire by test/integration/peers-faults.test.ts. */
export const PEER_FAULTS = {
  // Charging station: boot and connection.
  'status-before-boot': { peer: 'cs', versions: BOTH, description: 'Sends StatusNotification before its BootNotification is accepted.' },
  'no-status-notification-after-boot': { peer: 'cs', versions: BOTH, description: 'Sends no StatusNotification for its connectors after an accepted boot.' },
  'boot-retry-ignores-interval': { peer: 'cs', versions: BOTH, description: 'After a Pending or Rejected boot, retries at once instead of waiting the interval from the response.' },
  'heartbeat-interval-ignored': { peer: 'cs', versions: BOTH, description: 'Sends Heartbeat at three times the interval it was given instead of at the interval.' },
  'concurrent-calls': { peer: 'cs', versions: BOTH, description: 'Sends its next CALL without waiting for the answer to the previous one.' },
  // Charging station: authorization and transactions.
  'start-before-authorize': { peer: 'cs', versions: BOTH, description: 'Starts a transaction for a presented idTag without sending Authorize first.' },
  'charge-on-invalid-idtag': { peer: 'cs', versions: BOTH, description: 'Starts a transaction even when the idTag was not Accepted.' },
  'remote-start-rejected': { peer: 'cs', versions: BOTH, description: 'Answers every RemoteStartTransaction / RequestStartTransaction with Rejected.' },
  'remote-stop-ignored': { peer: 'cs', versions: BOTH, description: 'Answers RemoteStopTransaction / RequestStopTransaction with Accepted but keeps charging.' },
  'wrong-stop-reason': { peer: 'cs', versions: BOTH, description: 'Reports stop reason Local whatever actually ended the transaction.' },
  'meter-values-schema-violation': { peer: 'cs', versions: BOTH, description: 'Sends periodic meter values with a sampled value that breaks the schema (number instead of string in 1.6, no timestamp in 2.0.1).' },
  'no-meter-values': { peer: 'cs', versions: BOTH, description: 'Sends no periodic meter values during a transaction.' },
  'reset-ignored': { peer: 'cs', versions: BOTH, description: 'Answers Reset with Accepted but never reboots.' },
  'readonly-config-accepted': { peer: 'cs', versions: BOTH, description: 'Accepts ChangeConfiguration / SetVariables on a read-only key and answers Accepted.' },
  'seqno-not-incremented': { peer: 'cs', versions: ['2.0.1'], description: 'Sends every TransactionEvent with seqNo 0.' },
  'no-evse-on-first-event': { peer: 'cs', versions: ['2.0.1'], description: 'Leaves evse out of the first TransactionEvent after plug-in.' },
  'no-remote-start-id': { peer: 'cs', versions: ['2.0.1'], description: 'Leaves remoteStartId out of the transaction started by RequestStartTransaction (and uses triggerReason Authorized).' },
  // CSMS.
  'boot-wrong-status': { peer: 'csms', versions: BOTH, description: 'Answers every BootNotification Rejected, whatever it was configured to answer.' },
  'boot-response-schema-violation': { peer: 'csms', versions: BOTH, description: 'Leaves the required currentTime out of the BootNotification response.' },
  'authorize-accepts-any': { peer: 'csms', versions: BOTH, description: 'Answers Authorize Accepted for every idTag, including invalid, blocked and expired ones.' },
  'transaction-id-string': { peer: 'csms', versions: ['1.6'], description: 'Answers StartTransaction with transactionId as a string instead of an integer.' },
  'transaction-id-reused': { peer: 'csms', versions: ['1.6'], description: 'Answers every StartTransaction with the same transactionId.' },
  'no-id-token-info': { peer: 'csms', versions: ['2.0.1'], description: 'Leaves idTokenInfo out of the TransactionEvent response even when the request carries an idToken.' },
  'no-subprotocol': { peer: 'csms', versions: BOTH, description: 'Completes the WebSocket handshake without selecting a subprotocol, and carries on anyway.' },
  'remote-start-without-idtag': { peer: 'csms', versions: BOTH, description: 'Sends the remote start request with an empty idTag / idToken.' },
  'heartbeat-no-current-time': { peer: 'csms', versions: BOTH, description: 'Answers Heartbeat with an empty payload (currentTime missing).' },
} as const satisfies Record<string, FaultInfo>;

/** Every switch: the peers' own and those of the certification catalog groups. */
export const FAULTS = mergeGroups(PEER_FAULTS, CATALOG_16_CS_CORE_FAULTS, CATALOG_16_CS_NON_HAPPY_FAULTS, CATALOG_16_CS_PROFILES_FAULTS, CATALOG_16_SECURITY_FAULTS, CATALOG_16_CSMS_CORE_FAULTS, CATALOG_16_CSMS_PROFILES_FAULTS, CATALOG_201_CS_PROVISIONING_FAULTS, CATALOG_201_CS_TRANSACTIONS_FAULTS, CATALOG_201_CS_AVAILABILITY_FAULTS, CATALOG_201_FIRMWARE_CERTIFICATES_FAULTS, CATALOG_201_CSMS_PROVISIONING_FAULTS, CATALOG_201_CSMS_TRANSACTIONS_FAULTS, CATALOG_TLS_CERTIFICATES_FAULTS, CATALOG_201_CONNECTION_FAULTS, CATALOG_201_CS_AUTHORIZATION_FAULTS, CATALOG_201_TRANSACTIONS_CONDITIONAL_FAULTS, CATALOG_201_REMOTE_CONDITIONAL_FAULTS, CATALOG_201_DEVICE_CONDITIONAL_FAULTS, CATALOG_201_CS_LOCAL_LIST_FAULTS, CATALOG_201_CS_RESERVATION_FAULTS, CATALOG_201_CSMS_LOCAL_LIST_RESERVATION_FAULTS, CATALOG_201_CS_SMART_CHARGING_FAULTS, CATALOG_201_CSMS_SMART_CHARGING_FAULTS, CATALOG_201_ADVANCED_USER_INTERFACE_FAULTS, CATALOG_201_ADVANCED_DEVICE_MANAGEMENT_FAULTS, CATALOG_201_CS_EXTRA_FAULTS, CATALOG_201_CSMS_EXTRA_FAULTS) satisfies Record<string, FaultInfo>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** One object of all groups; a switch defined in two groups would silently hide one, so it is refused at load time. */
function mergeGroups<G extends Array<Record<string, FaultInfo>>>(...groups: G): UnionToIntersection<G[number]> {
  const all: Record<string, FaultInfo> = {};
  for (const group of groups) {
    for (const [name, info] of Object.entries(group)) {
      if (Object.hasOwn(all, name)) throw new Error(`fault switch "${name}" is defined in two groups of src/peers/faults`);
      all[name] = info;
    }
  }
  return all as UnionToIntersection<G[number]>;
}

export type FaultName = keyof typeof FAULTS;
export type PeerFaultName = keyof typeof PEER_FAULTS;

export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

export function isFaultName(value: unknown): value is FaultName {
  return typeof value === 'string' && Object.hasOwn(FAULTS, value);
}

/** The switches a peer was started with; asking about a switch of the other peer is a programming error. */
export class FaultSet {
  private readonly on: ReadonlySet<FaultName>;

  constructor(
    readonly peer: Side,
    faults: readonly string[] = [],
  ) {
    for (const f of faults) {
      if (!isFaultName(f)) throw new Error(`unknown fault "${f}"; known faults: ${FAULT_NAMES.join(', ')}`);
      if (FAULTS[f].peer !== peer) throw new Error(`fault "${f}" belongs to the ${FAULTS[f].peer === 'cs' ? 'charging station' : 'CSMS'}, not the ${peer === 'cs' ? 'charging station' : 'CSMS'}`);
    }
    this.on = new Set(faults as FaultName[]);
  }

  has(name: FaultName): boolean {
    return this.on.has(name);
  }

  list(): FaultName[] {
    return [...this.on];
  }
}

/** The fault switches one peer honours, for help texts and pickers. */
export function faultsFor(peer: Side): FaultName[] {
  return FAULT_NAMES.filter((f) => FAULTS[f].peer === peer);
}
