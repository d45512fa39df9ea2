import type { Payload } from '../../ocpp/frame.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import type { StationSession } from './session.js';

/**
 * The 2.0.1 Local Authorization List as the reference CSMS manages it (OCPP 2.0.1 Part 2 D01 SendLocalList, D02
 * GetLocalListVersion, N10 clearing customer information): it remembers, per station, the list version it last sent
 * and the idTokens on it. A Full update replaces the list (no entries: an empty list, sent without the element,
 * which must hold at least one when present); a Differential update first asks the station for its version and sends
 * a higher one, entries without idTokenInfo remove idTokens. When the station accepted a CustomerInformation that
 * clears the data of an idToken on the list, the CSMS removes it from the list with a Differential update once the
 * station reported (NotifyCustomerInformation, last part).
 */
interface SentList {
  version: number;
  tokens: Map<string, string>;
}

const lists = new WeakMap<StationSession, SentList>();
/** requestIds of accepted CustomerInformation requests that cleared an idToken on the list: requestId -> idToken. */
const pendingClears = new WeakMap<StationSession, Map<number, { idToken: string; type: string }>>();

function listOf(s: StationSession): SentList {
  let list = lists.get(s);
  if (!list) lists.set(s, (list = { version: 0, tokens: new Map() }));
  return list;
}

type Token = { idToken: string; type: string };

function tokensOf(p: Record<string, unknown>, validIdTags: () => string[]): Token[] {
  if (Array.isArray(p.idTokens)) return (p.idTokens as Token[]).map((t) => ({ idToken: String(t.idToken), type: String(t.type ?? 'ISO14443') }));
  const tags = (p.idTags as string[] | undefined) ?? validIdTags();
  return tags.map((t) => ({ idToken: String(t), type: String(p.idTokenType ?? 'ISO14443') }));
}

/**
 * SendLocalList (control action `sendLocalList`): `updateType` Full (default) or Differential, `idTags` (strings) or
 * `idTokens` ({idToken, type}; default the valid idTags; [] for an empty Full list), `remove: true` (Differential
 * entries without idTokenInfo), `versionNumber` or `listVersion` (default: one above what the CSMS and the station know).
 */
export async function sendLocalList201(s: StationSession, p: Record<string, unknown>, validIdTags: () => string[]): Promise<Payload> {
  const list = listOf(s);
  let updateType = String(p.updateType ?? 'Full');
  const tokens = tokensOf(p, validIdTags);
  const remove = p.remove === true || p.remove === 'true';
  let known = list.version;
  if (updateType === 'Differential') {
    // A differential update applies to the station's list: its version must be above the station's (D01.FR.18).
    const answer = await s.call('GetLocalListVersion', {});
    known = Math.max(known, Number(answer.versionNumber ?? 0));
  }
  const asked = p.versionNumber ?? p.listVersion;
  const explicit = asked === undefined || asked === '' ? undefined : Number(asked);
  const version = explicit ?? (updateType === 'Differential' && s.faults.has('csms201-local-list-version-not-increased') ? known : known + 1);
  if (s.faults.has('csms201-local-list-update-type-swapped')) updateType = updateType === 'Full' ? 'Differential' : 'Full';
  const entries = tokens.map((t) => {
    const entry: Payload = { idToken: t };
    if (!remove) entry.idTokenInfo = { status: s.verdict(t.idToken).status };
    else if (s.faults.has('csms201-local-list-remove-with-info')) entry.idTokenInfo = { status: 'Invalid' };
    return entry;
  });
  const payload: Payload = { versionNumber: version, updateType };
  if (entries.length > 0) payload.localAuthorizationList = entries;
  const answer = await s.call('SendLocalList', payload);
  if (answer.status === 'Accepted') {
    list.version = version;
    if (updateType === 'Full') list.tokens.clear();
    for (const t of tokens) {
      if (remove) list.tokens.delete(t.idToken);
      else list.tokens.set(t.idToken, t.type);
    }
  }
  return answer;
}

/** After a CustomerInformation the station accepted: a clear by idToken on the list is followed up on the report. */
export function afterCustomerInformation201(s: StationSession, request: { action: string; payload: Payload }, answer: Payload): void {
  if (request.action !== 'CustomerInformation' || answer.status !== 'Accepted' || request.payload.clear !== true) return;
  const token = request.payload.idToken as Token | undefined;
  if (!token || !listOf(s).tokens.has(token.idToken)) return;
  let pending = pendingClears.get(s);
  if (!pending) pendingClears.set(s, (pending = new Map()));
  pending.set(Number(request.payload.requestId), token);
}

/** NotifyCustomerInformation: the last part of a clear of an idToken on the list removes it from the list (N10, D01). */
export function registerLocalListAnswers201(ep: RpcEndpoint, s: StationSession): void {
  const acknowledge = ep.handlerOf('NotifyCustomerInformation');
  ep.handle('NotifyCustomerInformation', async (req, ctx) => {
    const answer = acknowledge ? await acknowledge(req, ctx) : {};
    const pending = pendingClears.get(s);
    const token = pending?.get(Number(req.requestId));
    if (token && req.tbc !== true) {
      pending!.delete(Number(req.requestId));
      if (!s.faults.has('csms201-local-list-kept-after-clear')) {
        ctx.afterReply(async () => {
          await sendLocalList201(s, { updateType: 'Differential', idTokens: [token], remove: true }, () => []);
        });
      }
    }
    return answer;
  });
}
