import type { Payload } from '../../ocpp/frame.js';
import type { StationSession } from './session.js';

/**
 * The 2.0.1 provisioning requests of the reference CSMS that take an operator's data: SetNetworkProfile
 * (OCPP 2.0.1 Part 2 §1.3.8 B09, NetworkConnectionProfileType) from the slot and connection data it was given.
 */
export function networkProfile201(s: StationSession, p: Record<string, unknown>): Payload {
  const securityProfile = Number(p.securityProfile ?? 1);
  const connectionData: Payload = {
    ocppVersion: s.faults.has('csms201-network-profile-ocpp16') ? 'OCPP16' : 'OCPP20',
    ocppTransport: 'JSON',
    ocppCsmsUrl: String(p.ocppCsmsUrl ?? 'wss://csms.example/ocpp'),
    messageTimeout: Number(p.messageTimeout ?? 30),
    // The schema wants an integer; a CSMS that passes the operator's text through sends a string.
    securityProfile: s.faults.has('csms201-network-profile-schema-violation') ? String(securityProfile) : securityProfile,
    ocppInterface: String(p.ocppInterface ?? 'Wired0'),
  };
  return { configurationSlot: Number(p.configurationSlot ?? 1), connectionData };
}
