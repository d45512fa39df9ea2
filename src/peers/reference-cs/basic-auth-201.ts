import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { VariableQuery } from './device-model.js';
import type { Station } from './station.js';

/**
 * SecurityCtrlr.BasicAuthPassword in 2.0.1 (OCPP 2.0.1 Part 2 A01, Part 2 appendix passwordString; OCTT TC_A_09/10_CS):
 * 16 to 40 characters of the identifierString set, otherwise Rejected; an accepted password is stored, and a station
 * that uses Basic authentication disconnects and connects again with it (the link reads it, security-16.ts
 * linkAfterReboot). Wraps the SetVariables handler registered before: the other variables go through it as usual.
 */
const PASSWORD = /^[A-Za-z0-9*\-_=:+|@.]{16,40}$/;

type SetItem = VariableQuery & { attributeValue: string };

function isPassword(q: SetItem): boolean {
  return q.component.name === 'SecurityCtrlr' && q.variable.name === 'BasicAuthPassword' && (q.attributeType ?? 'Actual') === 'Actual';
}

export function registerBasicAuth201(ep: RpcEndpoint, st: Station): void {
  const dm = st.deviceModel!;
  const inner = ep.handlerOf('SetVariables');
  if (!inner) return;
  ep.handle('SetVariables', async (req, ctx) => {
    const items = req.setVariableData as SetItem[];
    if (!items.some(isPassword)) return inner(req, ctx);
    const rest = items.filter((q) => !isPassword(q));
    const answered = rest.length > 0 ? ((await inner({ ...req, setVariableData: rest }, ctx)) as Payload) : { setVariableResult: [] };
    const others = (answered.setVariableResult ?? []) as Payload[];
    let next = 0;
    let changed = false;
    const results = items.map((q) => {
      if (!isPassword(q)) return others[next++];
      const ok = PASSWORD.test(q.attributeValue) || (st.faults.has('basic-auth-password-any-length') && q.attributeValue.length > 0);
      if (ok) {
        dm.set(q, q.attributeValue, true);
        changed = true;
      }
      return { attributeType: 'Actual', attributeStatus: ok ? 'Accepted' : 'Rejected', component: q.component, variable: q.variable };
    });
    if (changed && st.opts.password !== undefined) ctx.afterReply(() => void st.link.disconnect().then(() => st.link.connect()));
    return { setVariableResult: results };
  });
}
