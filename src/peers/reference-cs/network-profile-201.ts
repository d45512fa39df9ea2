import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { Station } from './station.js';
import { storeNetworkProfile201 } from './network-fallback-201.js';

/**
 * SetNetworkProfile (OCPP 2.0.1 Part 2 B09): a configuration slot 0-8 is stored, except that a profile whose
 * securityProfile is lower than the one the station connects with now is Rejected (B09.FR.04: no downgrade).
 */
export function registerNetworkProfile201(ep: RpcEndpoint, st: Station): void {
  ep.handle('SetNetworkProfile', (req) => {
    const slot = req.configurationSlot as number;
    if (!(slot >= 0 && slot <= 8)) return { status: 'Rejected' };
    const wanted = (req.connectionData as { securityProfile?: number } | undefined)?.securityProfile ?? 0;
    const current = Number(st.deviceModel!.value('SecurityCtrlr', 'SecurityProfile') ?? '0');
    if (wanted < current && !st.faults.has('network-profile-downgrade-accepted')) return { status: 'Rejected' };
    storeNetworkProfile201(st, slot, (req.connectionData as { ocppCsmsUrl?: string } | undefined)?.ocppCsmsUrl);
    return { status: 'Accepted' };
  });
}
