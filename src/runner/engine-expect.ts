import type { FrameRecord } from '../types.js';
import type { Payload } from '../ocpp/frame.js';
import type { ExpectAllStep, ExpectNoneStep, ExpectOneOfStep, ExpectStep, MessageSpec, Timing } from './case-types.js';
import { CaseAbort, CaseContext, describeCall, describeFindings, StepFailure } from './engine-context.js';
import type { IncomingCall, SessionEvent } from './engine-session.js';
import { describeMismatches, match, type Mismatch } from './matchers.js';
import { explainSpec, explainTiming, ms } from './step-explain.js';
import { lookupPath } from './templates.js';

/**
 * The steps that wait for CALLs from the SUT: expect (one), expectAll (several, any order), expectOneOf
 * (alternatives) and expectNone (nothing within a time). A CALL the step does not take is answered as background
 * traffic; it fails the step at once only when it cannot be background (same action with the wrong payload, or an
 * action the SUT may not send unprompted), so background noise never makes a verdict flaky.
 */
interface Candidate {
  spec: MessageSpec;
  /** Placeholders resolved with this `each`. */
  each?: unknown;
  label: string;
  taken?: boolean;
}

export async function runExpect(step: ExpectStep | ExpectAllStep | ExpectOneOfStep, ctx: CaseContext, params: Record<string, unknown>): Promise<FrameRecord[]> {
  const mode = 'expectOneOf' in step ? 'one' : 'all';
  const specs: MessageSpec[] = 'expectAll' in step ? step.expectAll : 'expectOneOf' in step ? step.expectOneOf : [step];
  const candidates = expand(specs, ctx, params);
  const tolerate = step.tolerate ?? [];
  const waitMs = timeoutFor(step.timeoutMs ?? ctx.sut.timeouts.expectMs, candidates, ctx, params);
  const deadline = ctx.now() + waitMs;
  const evidence: FrameRecord[] = [];
  const seen: Array<{ text: string; frame: FrameRecord }> = [];
  const isDone = () => (mode === 'one' ? candidates.some((c) => c.taken) : candidates.every((c) => c.taken || c.spec.optional));
  while (!isDone()) {
    const event = await ctx.session.next(deadline);
    if (!event) throw timedOut(candidates, mode, seen, waitMs, ctx);
    const call = handleNonCall(event, ctx);
    if (!call) continue;
    if (call.errors.length > 0) {
      ctx.session.answerBackground(call, 'invalid frame');
      throw new StepFailure('frames that follow the OCPP schemas and RPC rules', describeFindings(call.errors, `CALL ${call.action}`), [call.frame], call.errors);
    }
    const open = candidates.filter((c) => !c.taken && c.spec.expect === call.action);
    let misses: Array<{ c: Candidate; mismatches: Mismatch[] }> = [];
    let taken: Candidate | undefined;
    for (const c of open) {
      const mismatches = check(c, call, ctx, params);
      if (mismatches.length === 0) {
        taken = c;
        break;
      }
      misses.push({ c, mismatches });
    }
    if (taken) {
      taken.taken = true;
      evidence.push(call.frame, ...take(taken, call, ctx, params));
      if (mode === 'one') break;
      continue;
    }
    const timingMiss = misses.find((m) => m.mismatches.some((x) => x.path === '(arrival)'));
    if (timingMiss && timingMiss.mismatches.every((x) => x.path === '(arrival)')) misses = [timingMiss];
    const background = ctx.isBackground(call.action, tolerate);
    if (misses.length > 0 && (!background || timingMiss)) {
      ctx.session.answerBackground(call, 'it did not match the step');
      const best = misses[0];
      throw new StepFailure(best.c.label, `${describeCall(call.action, call.payload)} (${describeMismatches(best.mismatches)})`, [call.frame]);
    }
    if (misses.length === 0 && !background && ctx.harness === 'csms') {
      ctx.session.answerBackground(call, 'not expected here');
      throw new StepFailure(describeRemaining(candidates, mode), `an unexpected ${describeCall(call.action, call.payload)}`, [call.frame]);
    }
    ctx.session.answerBackground(call, misses.length ? `did not match: ${describeMismatches(misses[0].mismatches)}` : 'not expected by the step');
    const text = misses.length ? `${describeCall(call.action, call.payload)} (${describeMismatches(misses[0].mismatches)})` : describeCall(call.action, call.payload);
    seen.push({ text, frame: call.frame });
  }
  return evidence;
}

export async function runExpectNone(step: ExpectNoneStep, ctx: CaseContext, params: Record<string, unknown>): Promise<FrameRecord[]> {
  const started = ctx.now();
  const deadline = started + step.withinMs;
  const payload = step.expectNone.payload === undefined ? undefined : ctx.resolve(step.expectNone.payload, params);
  for (;;) {
    const event = await ctx.session.next(deadline);
    if (!event) return [];
    const call = handleNonCall(event, ctx);
    if (!call) continue;
    ctx.session.answerBackground(call, 'answered while checking that nothing else comes');
    if (call.errors.length > 0) throw new StepFailure('frames that follow the OCPP schemas and RPC rules', describeFindings(call.errors, `CALL ${call.action}`), [call.frame], call.errors);
    const actionHit = step.expectNone.action === undefined || step.expectNone.action === call.action;
    if (actionHit && (payload === undefined || match(payload, call.payload, ctx.matchEnv()).length === 0)) {
      throw new StepFailure(`no ${step.expectNone.action ?? 'CALL'} within ${ms(step.withinMs)}`, `${describeCall(call.action, call.payload)} after ${call.receivedAt - started} ms`, [call.frame]);
    }
  }
}

/** Opens, closes and violations: returns the CALL when the event is one, undefined when waiting goes on. */
export function handleNonCall(event: SessionEvent, ctx: CaseContext): IncomingCall | undefined {
  switch (event.kind) {
    case 'call':
      return event.call;
    case 'violation':
      throw new StepFailure('frames that follow the OCPP schemas and RPC rules', describeFindings(event.errors, event.label), [event.frame], event.errors);
    case 'close':
      // A station may reboot and come back while a step waits; a CSMS that hangs up on the harness-as-station cannot.
      if (ctx.harness === 'cs') throw new CaseAbort('error', `the CSMS closed the connection (code ${event.code}${event.reason ? `, ${event.reason}` : ''})`);
      return undefined;
    case 'open':
      return undefined;
  }
}

function expand(specs: readonly MessageSpec[], ctx: CaseContext, params: Record<string, unknown>): Candidate[] {
  return specs.flatMap((spec) => {
    if (!spec.forEach) return [{ spec, label: explainSpec(spec, (v) => ctx.resolve(v, params)) }];
    const list = lookupPath(ctx.template(params), spec.forEach);
    if (!Array.isArray(list)) throw new CaseAbort('error', `forEach: ${spec.forEach} is not a list (it is ${JSON.stringify(list)})`);
    return list.map((each) => ({ spec, each, label: explainSpec({ ...spec, forEach: undefined }, (v) => ctx.resolve(v, params, { each })) }));
  });
}

function check(c: Candidate, call: IncomingCall, ctx: CaseContext, params: Record<string, unknown>): Mismatch[] {
  const env = { now: call.receivedAt, toleranceMs: ctx.sut.timeouts.toleranceMs };
  const mismatches = c.spec.payload === undefined ? [] : match(ctx.resolve(c.spec.payload, params, { each: c.each }), call.payload, env);
  if (mismatches.length === 0 && c.spec.timing) {
    const t = timingWindow(c.spec.timing, ctx, params);
    const since = ctx.marks.get(c.spec.timing.since);
    if (since === undefined) throw new CaseAbort('error', `timing refers to the mark "${c.spec.timing.since}", which no earlier step set`);
    const after = call.receivedAt - since;
    if (after < t.min || after > t.max) mismatches.push({ path: '(arrival)', expected: explainTiming(c.spec.timing, (v) => ctx.resolve(v, params)), actual: `${after} ms after ${c.spec.timing.since}` });
  }
  return mismatches;
}

export function timingWindow(t: Timing, ctx: CaseContext, params: Record<string, unknown>): { min: number; max: number } {
  if (t.expectedS !== undefined) {
    const expected = Number(ctx.resolve(t.expectedS, params)) * 1000;
    if (!Number.isFinite(expected)) throw new CaseAbort('error', `timing.expectedS ${JSON.stringify(t.expectedS)} is not a number of seconds`);
    const tol = t.toleranceMs ?? ctx.sut.timeouts.toleranceMs;
    return { min: expected - tol, max: expected + tol };
  }
  return { min: t.minMs ?? 0, max: t.maxMs ?? Number.POSITIVE_INFINITY };
}

/** A step waits at least until the latest timing window closes. */
function timeoutFor(base: number, candidates: readonly Candidate[], ctx: CaseContext, params: Record<string, unknown>): number {
  let timeout = base;
  for (const c of candidates) {
    if (!c.spec.timing) continue;
    const since = ctx.marks.get(c.spec.timing.since);
    const { max } = timingWindow(c.spec.timing, ctx, params);
    if (since !== undefined && Number.isFinite(max)) timeout = Math.max(timeout, since + max + 1000 - ctx.now());
  }
  return timeout;
}

/** Answers the CALL the way the spec says, captures and marks. Returns the reply frame(s). */
function take(c: Candidate, call: IncomingCall, ctx: CaseContext, params: Record<string, unknown>): FrameRecord[] {
  const spec = c.spec;
  for (const [name, path] of Object.entries(spec.capture ?? {})) ctx.vars[name] = lookupPath(call.payload, path);
  if (spec.mark) ctx.marks.set(spec.mark, call.receivedAt);
  if (call.answered) return [];
  if (spec.replyError) return [ctx.session.answerError(call, spec.replyError.code, spec.replyError.description ?? '')];
  let payload: Payload;
  if (spec.reply !== undefined) {
    payload = ctx.resolve(spec.reply, params, { each: c.each, message: call.payload }) as Payload;
  } else {
    const answer = ctx.defaultAnswer(call);
    if ('error' in answer) return [ctx.session.answerError(call, answer.error.code, answer.error.description)];
    payload = answer.payload;
  }
  for (const [name, path] of Object.entries(spec.captureReply ?? {})) ctx.vars[name] = lookupPath(payload, path);
  return [ctx.session.answer(call, payload)];
}

function describeRemaining(candidates: readonly Candidate[], mode: 'one' | 'all'): string {
  const open = candidates.filter((c) => !c.taken && !(mode === 'all' && c.spec.optional));
  return mode === 'one' ? `one of: ${open.map((c) => c.label).join('; or ')}` : open.map((c) => c.label).join('; and ');
}

function timedOut(candidates: readonly Candidate[], mode: 'one' | 'all', seen: ReadonlyArray<{ text: string; frame: FrameRecord }>, waitMs: number, ctx: CaseContext): Error {
  if (ctx.harness === 'csms' && !ctx.session.link.isOpen) {
    return new CaseAbort('error', `the station disconnected and did not reconnect while the harness waited for ${describeRemaining(candidates, mode)}`);
  }
  const within = `within ${ms(Math.round(waitMs))}`;
  const recent = seen.slice(-5);
  const got = recent.length ? `nothing matching ${within}; meanwhile came ${recent.map((s) => s.text).join('; ')}` : `nothing ${within}`;
  return new StepFailure(describeRemaining(candidates, mode), got, recent.map((s) => s.frame));
}
