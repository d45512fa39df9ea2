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

/**
 * What a 2.0.1 request the station answered changes at the CSMS: a BasicAuthPassword the station accepted
 * (SecurityCtrlr, A01) is the password it authenticates with from its next connection on; a rejected one changes
 * nothing (A01.FR.05: the CSMS keeps accepting the old credentials).
 */
export function afterProvisioningRequest201(s: StationSession, request: { action: string; payload: Payload }, answer: Payload): void {
  if (request.action !== 'SetVariables' || !s.opts.passwords) return;
  const isPassword = (d: { component?: { name?: string }; variable?: { name?: string } }) => d.component?.name === 'SecurityCtrlr' && d.variable?.name === 'BasicAuthPassword';
  const asked = ((request.payload.setVariableData as Array<{ attributeValue: string; component: { name: string }; variable: { name: string } }>) ?? []).find(isPassword);
  const result = ((answer.setVariableResult as Array<{ attributeStatus: string; component: { name: string }; variable: { name: string } }>) ?? []).find(isPassword);
  if (!asked || !result) return;
  const accepted = result.attributeStatus === 'Accepted';
  if (accepted && s.faults.has('csms201-basic-auth-password-not-remembered')) return;
  if (accepted || s.faults.has('csms201-basic-auth-password-switched-when-rejected')) s.opts.passwords[s.id] = asked.attributeValue;
}
