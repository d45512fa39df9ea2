import type { Side } from '../types.js';
import type { ExpectedMessage, MessageSpec, ResponseExpectation, Step, Timing } from './case-types.js';
import { stepKind } from './case-types.js';
import { explainCondition } from './conditions.js';
import { actionWords } from './manual-actions.js';
import { explainMatcher, explainPredicate } from './matchers.js';
import { explainTlsOperation, tlsChanges } from './step-explain-tls.js';

/**
 * Every step explains itself in words: the text becomes the step's description in the report, and the
 * "expected" side of a failure. `resolve` fills in placeholders where it can (the raw template stays otherwise).
 */
export type Resolver = (value: unknown, extra?: { each?: unknown }) => unknown;

const identity: Resolver = (v) => v;

export function explainStep(step: Step, harness: Side, resolve: Resolver = identity): string {
  const r = safe(resolve);
  const ref = step.ref ? `[${step.ref}] ` : '';
  const each = step.forEach ? ` (for each element of ${step.forEach})` : '';
  const when = step.when ? ` (when ${explainCondition(step.when)})` : '';
  const note = step.note ? ` (${step.note})` : '';
  return `${ref}${explainBody(step, harness, r)}${each}${when}${note}`;
}

function explainBody(step: Step, harness: Side, r: Resolver): string {
  switch (stepKind(step)) {
    case 'send': {
      const s = step as Extract<Step, { send: string }>;
      const payload = s.payload === undefined ? '{}' : compact(r(s.payload));
      return `Send ${s.send} ${payload}; expect ${explainResponses(s.response, r)}`;
    }
    case 'expect': {
      const s = step as Extract<Step, { expect: string }>;
      return `Expect ${explainSpec(s, r)}`;
    }
    case 'expectAll': {
      const s = step as Extract<Step, { expectAll: ExpectedMessage[] }>;
      return `Expect, in any order: ${s.expectAll.map((m) => explainExpected(m, r)).join('; ')}`;
    }
    case 'expectOneOf': {
      const s = step as Extract<Step, { expectOneOf: MessageSpec[] }>;
      return `Expect one of: ${s.expectOneOf.map((m) => explainSpec(m, r)).join('; or ')}`;
    }
    case 'expectNone': {
      const s = step as Extract<Step, { expectNone: unknown }>;
      const what = s.expectNone.action ?? 'CALL';
      const where = s.expectNone.payload === undefined ? '' : ` where ${explainMatcher(r(s.expectNone.payload)).join(', ')}`;
      const within = s.withinS !== undefined ? `${Number(r(s.withinS))} s` : ms(s.withinMs ?? 0);
      return `Expect no ${what}${where} within ${within}`;
    }
    case 'wait': {
      const s = step as Extract<Step, { wait: unknown }>;
      return `Wait ${s.seconds ? `${Number(r(s.wait))} s` : ms(Number(r(s.wait)))}, answering background traffic`;
    }
    case 'connection': {
      const s = step as Extract<Step, { connection: string }>;
      const tlsOp = explainTlsOperation(s, r);
      if (tlsOp) return tlsOp;
      const changes = tlsChanges(s, r);
      if (changes) {
        const { serverSecurity: _p, clientCertificate: _c, expectClientCertificate: _e, clientSecurity: _s, invalidClientCertificate: _i, ...plain } = s;
        return `${explainBody(plain, harness, r)}${changes}`;
      }
      if (s.connection === 'close') return `Close the connection${s.refuseReconnect ? ' and refuse reconnects' : ''}`;
      const timing = s.timing ? `, ${explainTiming(s.timing, r).replace(/^arriving/, 'coming')}` : '';
      if (s.connection === 'open') return `${harness === 'cs' ? 'Connect to the CSMS' : 'Accept the station connecting (again)'}${timing}`;
      if (s.connection === 'expectAttempt') {
        const n = s.count ?? 1;
        const where = s.on === 'unresponsive' ? 'to the unresponsive listener, which drops them' : 'which the harness refuses';
        return `Expect ${n === 1 ? 'a connection attempt' : `${n} connection attempts`} from the station ${where}${timing}`;
      }
      if (s.connection === 'listenUnresponsive') return `Listen on a second address that drops every connection unanswered${s.capture ? ` (vars.${s.capture})` : ''}`;
      if (s.connection === 'probeOldTls') return 'Try a TLS 1.0/1.1 handshake with the CSMS, which must refuse it';
      return `Expect the ${harness === 'cs' ? 'CSMS' : 'station'} to close the connection`;
    }
    case 'action': {
      const s = step as Extract<Step, { action: string }>;
      const params = s.params === undefined ? '' : ` ${compact(r(s.params))}`;
      return `Manual action: ${actionWords(s.action, s.prompt)} (${s.action}${params})`;
    }
    case 'use': {
      const s = step as Extract<Step, { use: string }>;
      const params = s.params === undefined ? '' : ` with ${compact(r(s.params))}`;
      return `Reusable state ${s.use}${params}`;
    }
    case 'set': {
      const s = step as Extract<Step, { set: Record<string, unknown> }>;
      return `Set ${Object.entries(s.set).map(([k, v]) => `vars.${k} = ${compact(r(v))}`).join(', ')}`;
    }
  }
}

function explainExpected(m: ExpectedMessage, r: Resolver): string {
  if (!('oneOf' in m)) return explainSpec(m, r);
  const one = (rr: Resolver) => `${m.optional ? '(optional) ' : ''}either ${m.oneOf.map((f) => explainSpec(f, rr)).join(' or ')}`;
  if (!m.forEach) return one(r);
  const list = r(`{{${m.forEach}}}`);
  if (!Array.isArray(list)) return `${one(r)} (for each element of ${m.forEach})`;
  return list.map((each) => one((v) => r(v, { each }))).join('; ');
}

/** `StatusNotification where status is "Preparing", answered with {}`. */
export function explainSpec(spec: Pick<MessageSpec, 'expect' | 'payload' | 'reply' | 'replyError' | 'noReply' | 'timing' | 'optional' | 'forEach'>, r: Resolver = identity): string {
  const rr = safe(r);
  if (spec.forEach) {
    // One explanation per element when the list can be read (sut.connectorIdsWithZero → connector 0, 1, 2).
    const list = rr(`{{${spec.forEach}}}`);
    if (Array.isArray(list)) return list.map((each) => explainSpec({ ...spec, forEach: undefined }, (v) => rr(v, { each }))).join('; ');
  }
  const checks = spec.payload === undefined ? [] : explainMatcher(rr(spec.payload));
  const where = checks.length ? ` where ${checks.join(', ')}` : '';
  const each = spec.forEach ? ` (for each element of ${spec.forEach})` : '';
  const timing = spec.timing ? `, ${explainTiming(spec.timing, rr)}` : '';
  const reply = spec.noReply ? ', left unanswered' : spec.replyError ? `, answered with CALLERROR ${spec.replyError.code}` : spec.reply !== undefined ? `, answered with ${compact(rr(spec.reply))}` : '';
  return `${spec.optional ? '(optional) ' : ''}${spec.expect}${where}${each}${timing}${reply}`;
}

export function explainTiming(t: Timing, r: Resolver = identity): string {
  if (t.expectedS !== undefined) {
    const tolerance = t.toleranceMs ?? safe(r)('{{sut.timeouts.toleranceMs}}');
    return `arriving ${Number(r(t.expectedS))} s (± ${typeof tolerance === 'number' ? ms(tolerance) : 'the tolerance'}) after ${t.since}`;
  }
  if (t.minS !== undefined || t.maxS !== undefined) {
    const lo = t.minS === undefined ? undefined : `${Number(r(t.minS))} s`;
    const hi = t.maxS === undefined ? undefined : `${Number(r(t.maxS))} s`;
    const span = lo && hi ? `${lo} to ${hi}` : lo ? `at least ${lo}` : `at most ${hi}`;
    return `arriving ${span} (within the tolerance) after ${t.since}`;
  }
  if (t.minMs !== undefined && t.maxMs !== undefined) return `arriving ${ms(t.minMs)} to ${ms(t.maxMs)} after ${t.since}`;
  if (t.minMs !== undefined) return `arriving at least ${ms(t.minMs)} after ${t.since}`;
  return `arriving at most ${ms(t.maxMs ?? 0)} after ${t.since}`;
}

export function explainResponses(response: ResponseExpectation | ResponseExpectation[] | undefined, r: Resolver = identity): string {
  const list = response === undefined ? [] : Array.isArray(response) ? response : [response];
  if (list.length === 0) return 'a CALLRESULT';
  return list.map((e) => explainResponse(e, r)).join(', or ');
}

function explainResponse(e: ResponseExpectation, r: Resolver): string {
  if (e.error) {
    const code = e.error.code === undefined ? '' : ` with code ${explainPredicate(r(e.error.code)).replace(/^is /, '')}`;
    return `a CALLERROR${code}`;
  }
  const checks = e.result === undefined ? [] : explainMatcher(r(e.result));
  return checks.length ? `a CALLRESULT where ${checks.join(', ')}` : 'a CALLRESULT';
}

function safe(r: Resolver): Resolver {
  return (v, extra) => {
    try {
      return r(v, extra);
    } catch {
      return v;
    }
  };
}

function compact(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

export function ms(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000} s` : `${n} ms`;
}
