import type { Payload } from '../../ocpp/frame.js';
import { currentlyValid } from '../certificates-16.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { certificateStore201 } from './certificates-201.js';
import { currentProfile, raiseProfile, stationCertificate } from './connection-security.js';
import type { VariableQuery } from './device-model.js';
import type { Lifecycle } from './lifecycle.js';
import type { Station } from './station.js';

/**
 * Raising the security profile through network connection profiles (OCPP 2.0.1 Part 2 A05, B09/B10; OCTT TC_A_19/20_CS):
 * the station keeps the profiles SetNetworkProfile accepted, and a new OCPPCommCtrlr.NetworkConfigurationPriority whose
 * first slot has a higher security profile is RebootRequired when the station can connect that way (profile 2 needs
 * a valid CSMSRootCertificate, A05.FR.02; profile 3 also a Charging Station certificate), Rejected otherwise. The
 * station then connects with the new profile from its next connection on (to the same CSMS host: the reference
 * station changes only its scheme and credentials), and once it has booted that way it drops the slots of lower
 * profiles from the priority list (A05.FR.06). Wraps the SetNetworkProfile and SetVariables handlers registered before.
 */
interface ConnectionData {
  securityProfile?: number;
}

const SLOTS = new WeakMap<Station, Map<number, ConnectionData>>();

function slotsOf(st: Station): Map<number, ConnectionData> {
  let slots = SLOTS.get(st);
  if (!slots) SLOTS.set(st, (slots = new Map()));
  return slots;
}

type SetItem = VariableQuery & { attributeValue: string };

function isPriority(q: SetItem): boolean {
  return q.component.name === 'OCPPCommCtrlr' && q.variable.name === 'NetworkConfigurationPriority' && (q.attributeType ?? 'Actual') === 'Actual';
}

export function registerNetworkUpgrade201(ep: RpcEndpoint, st: Station, lifecycle: Lifecycle): void {
  const dm = st.deviceModel!;
  const innerProfile = ep.handlerOf('SetNetworkProfile');
  const innerSet = ep.handlerOf('SetVariables');
  if (!innerProfile || !innerSet) return;

  ep.handle('SetNetworkProfile', async (req, ctx) => {
    const answer = (await innerProfile(req, ctx)) as Payload;
    if (answer.status === 'Accepted') slotsOf(st).set(req.configurationSlot as number, (req.connectionData ?? {}) as ConnectionData);
    return answer;
  });

  ep.handle('SetVariables', async (req, ctx) => {
    const items = req.setVariableData as SetItem[];
    if (!items.some(isPriority) || st.faults.has('network-priority-change-rejected')) return innerSet(req, ctx);
    const rest = items.filter((q) => !isPriority(q));
    const answered = rest.length > 0 ? ((await innerSet({ ...req, setVariableData: rest }, ctx)) as Payload) : { setVariableResult: [] };
    const others = (answered.setVariableResult ?? []) as Payload[];
    let next = 0;
    const results = items.map((q) => {
      if (!isPriority(q)) return others[next++];
      const status = changePriority(st, lifecycle, q.attributeValue);
      if (status !== 'Rejected') dm.set(q, q.attributeValue);
      return { attributeType: 'Actual', attributeStatus: status, component: q.component, variable: q.variable };
    });
    return { setVariableResult: results };
  });
}

function changePriority(st: Station, lifecycle: Lifecycle, value: string): 'Accepted' | 'RebootRequired' | 'Rejected' {
  const order = value.split(',').map((s) => Number(s.trim()));
  if (order.length === 0 || order.some((n) => !Number.isInteger(n) || n < 0 || n > 8)) return 'Rejected';
  const first = slotsOf(st).get(order[0]);
  const wanted = first?.securityProfile ?? currentProfile(st);
  const current = currentProfile(st);
  if (wanted <= current) return 'Accepted';
  const roots = certificateStore201(st).filter((c) => c.type === 'CSMSRootCertificate' && currentlyValid(c.cert)).map((c) => c.cert.toString());
  const client = stationCertificate(st);
  const noRoot = roots.length === 0 && !st.faults.has('security-upgrade-without-csms-root');
  const noCertificate = wanted === 3 && !client && !st.faults.has('security-upgrade-without-station-certificate');
  if (wanted < 2 || noRoot || noCertificate) return 'Rejected';
  if (!st.faults.has('security-profile-not-applied')) raiseProfile(st, wanted as 2 | 3, roots, client);
  lifecycle.onNextBoot(() => {
    if (currentProfile(st) < wanted || st.faults.has('network-priority-keeps-lower-profiles')) return;
    const kept = order.filter((slot) => (slotsOf(st).get(slot)?.securityProfile ?? current) >= wanted);
    st.deviceModel!.setInternal('OCPPCommCtrlr', 'NetworkConfigurationPriority', kept.join(','));
  });
  return 'RebootRequired';
}
