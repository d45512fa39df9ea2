import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, charging station under test, G Availability, N Diagnostics, A Security. */
export const CATALOG_201_CS_AVAILABILITY_FAULTS = {
  'occupied-not-reported': { peer: 'cs', versions: V201, description: 'Does not report a connector Occupied when the EV is plugged in (no StatusNotification / NotifyEvent for the change).' },
  'available-not-reported': { peer: 'cs', versions: V201, description: 'Does not report a connector Available again when it leaves Occupied or Unavailable (EV unplugged, set Operative).' },
  'unavailable-not-reported': { peer: 'cs', versions: V201, description: 'Answers ChangeAvailability Inoperative but does not report the affected connectors Unavailable.' },
  'availability-noop-rejected': { peer: 'cs', versions: V201, description: 'Answers ChangeAvailability Rejected when the requested availability is already in effect (Operative to Operative, Inoperative to Inoperative).' },
  'station-inoperative-not-rereported': { peer: 'cs', versions: V201, description: 'A ChangeAvailability Inoperative for the whole station that is already Inoperative reports no connector state (only changes are sent).' },
  'availability-not-persisted': { peer: 'cs', versions: V201, description: 'Forgets an Inoperative availability (station, EVSE or connector) over a reboot: reports Available after booting.' },
  'log-status-no-request-id': { peer: 'cs', versions: V201, description: 'Sends LogStatusNotification without the requestId of the GetLog request it reports on.' },
  'scheduled-availability-forgotten': { peer: 'cs', versions: V201, description: 'Answers ChangeAvailability Inoperative during a transaction Scheduled, but forgets it: the EVSE / connector stays operative after the transaction ends.' },
  'station-inoperative-waits-for-transactions': { peer: 'cs', versions: V201, description: 'A station-wide ChangeAvailability Inoperative during a transaction leaves the idle EVSEs operative until the transaction ends (they should become Unavailable at once).' },
  'customer-information-no-notify': { peer: 'cs', versions: V201, description: 'Answers CustomerInformation Accepted but never sends the NotifyCustomerInformation with the result.' },
  'log-upload-no-retries': { peer: 'cs', versions: V201, description: 'A failing log upload is not retried: one Uploading / UploadFailure, whatever retries and retryInterval the GetLog asked for.' },
  'network-profile-downgrade-accepted': { peer: 'cs', versions: V201, description: 'Accepts a SetNetworkProfile whose securityProfile is lower than the one it connects with.' },
  'basic-auth-password-any-length': { peer: 'cs', versions: V201, description: 'Accepts a SecurityCtrlr.BasicAuthPassword of any length (and characters) instead of rejecting one outside 16-40 characters.' },
} as const satisfies Record<string, FaultInfo>;
