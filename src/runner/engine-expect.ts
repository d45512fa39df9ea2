import { LinkDownError } from './link.js';
import type { FrameRecord } from '../types.js';
import type { Payload } from '../ocpp/frame.js';
import type { ExpectAllStep, ExpectedMessage, ExpectNoneStep, ExpectOneOfStep, ExpectStep, MessageSpec, Timing } from './case-types.js';
import { CaseAbort, CaseContext, describeCall, describeFindings, StepFailure } from './engine-context.js';
import type { IncomingCall, SessionEvent } from './engine-session.js';
import { HARNESS_CLOSE_REASON } from './link.js';
import { describeMismatches, match, type Mismatch } from './matchers.js';
import { explainSpec, explainTiming, ms } from './step-explain.js';
import { lookupPath } from './templates.js';

/**
 * The steps that wait for CALLs from the SUT: expect (one), expectAll (several, any order), expectOneOf
 * (alternatives) and expectNone (nothing within a time). A CALL the step does not take is answered as background
 * traffic; it fails the step at once only when it cannot be background (same action with the wrong payload, or an
 * action the SUT may not send unprompted), so background noise never makes a verdict flaky.
 */
/** The mismatch path of a timing check (the rest are payload paths). */
const ARRIVAL = 'arrival time';
/** A message that came before the step's mark is traffic of earlier steps, not a late or early answer to this one. */
const BEFORE_MARK = 'arrival time, before the mark';

interface Candidate {
  /** The forms the message may take (one, unless the case gave oneOf alternatives). */
  forms: MessageSpec[];
  optional: boolean;
  /** Placeholders resolved with this `each`. */
  each?: unknown;
  label: string;
  taken?: boolean;
}

/** How often a step looks whether a manual action done outside the harness's pace has ended. */
const OUTSIDE_POLL_MS = 100;

/**
 * The step's next event, or undefined at its deadline. While a person or a rig is still doing a manual action, the
 * step's time does not run (events are taken meanwhile): the wait starts again, whole, once the action is done, so a
 * station that reacts within the timeout of the action's end passes however long the person took.
 */
async function nextEvent(ctx: CaseContext, clock: { deadline: number; waitMs: number }): Promise<SessionEvent | undefined> {
  while (ctx.outsideActionRunning) {
    const event = await ctx.session.next(ctx.now() + OUTSIDE_POLL_MS);
    if (event) return event;
  }
  clock.deadline = Math.max(clock.deadline, ctx.outsideActionsEndedAt + clock.waitMs);
  return ctx.session.next(clock.deadline);
}

export async function runExpect(step: ExpectStep | ExpectAllStep | ExpectOneOfStep, ctx: CaseContext, params: Record<string, unknown>): Promise<FrameRecord[]> {
  const mode = 'expectOneOf' in step ? 'one' : 'all';
  const specs: ExpectedMessage[] = 'expectAll' in step ? step.expectAll : 'expectOneOf' in step ? step.expectOneOf : [step];
  const candidates = expand(specs, ctx, params);
  const tolerate = step.tolerate ?? [];
  const waitMs = timeoutFor(step.timeoutMs ?? ctx.sut.timeouts.expectMs, candidates, ctx, params);
  const clock = { deadline: ctx.now() + waitMs, waitMs };
  const evidence: FrameRecord[] = [];
  const seen: Seen[] = [];
  const isDone = () => (mode === 'one' ? candidates.some((c) => c.taken) : candidates.every((c) => c.taken || c.optional));
  // CALLs the wait right before this step answered with their default reply: each still counts when it matches a
  // message for which the case wants that default reply (nothing else could be sent any more).
  for (const call of ctx.waitedCalls.splice(0)) {
    if (isDone()) break;
    const { taken } = findMatch(candidates, call, ctx, params, (form) => form.reply === undefined && !form.replyError && !form.noReply && !form.captureReply);
    if (!taken) continue;
    taken.c.taken = true;
    evidence.push(call.frame, ...take(taken.form, taken.c.each, call, ctx, params));
  }
  while (!isDone()) {
    const event = await nextEvent(ctx, clock);
    if (!event) throw timedOut(candidates, mode, seen, waitMs, ctx, 'reconnects' in step && step.reconnects === true);
    const call = handleNonCall(event, ctx);
    if (!call) continue;
    if (call.errors.length > 0) {
      ctx.session.answerBackground(call, 'invalid frame');
      throw new StepFailure('frames that follow the OCPP schemas and RPC rules', describeFindings(call.errors, `CALL ${call.action}`), [call.frame], call.errors);
    }
    const found = findMatch(candidates, call, ctx, params);
    const taken = found.taken;
    let misses = found.misses;
    if (taken) {
      taken.c.taken = true;
      evidence.push(call.frame, ...take(taken.form, taken.c.each, call, ctx, params));
      if (mode === 'one') break;
      continue;
    }
    const timingMiss = misses.find((m) => m.mismatches.some((x) => x.path === ARRIVAL));
    if (timingMiss && timingMiss.mismatches.every((x) => x.path === ARRIVAL)) misses = [timingMiss];
    const opened = ctx.session.connectionOpenedAt(call.frame.conn);
    // Strict: a connection opened during the case that has not booted yet (not one whose boot was already accepted, e.g. the
    // station's first connection opening just after the case began, nor an older connection's late traffic).
    const fresh = call.frame.conn === ctx.session.link.conn && ctx.session.bootState !== 'accepted';
    const strictHere = step.strict === true && opened !== undefined && opened >= ctx.startedAt && fresh;
    const background = tolerate.includes(call.action) || (!strictHere && ctx.isBackground(call.action));
    if (misses.length > 0 && (!background || timingMiss)) {
      ctx.session.answerBackground(call, 'it did not match the step');
      const best = misses[0];
      throw new StepFailure(best.c.label, `${describeCall(call.action, call.payload)} (${describeMismatches(best.mismatches)})`, [call.frame]);
    }
    if (misses.length === 0 && !background && (ctx.harness === 'csms' || strictHere)) {
      ctx.session.answerBackground(call, 'not expected here');
      throw new StepFailure(describeRemaining(candidates, mode), `an unexpected ${describeCall(call.action, call.payload)}`, [call.frame]);
    }
    ctx.session.answerBackground(call, misses.length ? `did not match: ${describeMismatches(misses[0].mismatches)}` : 'not expected by the step');
    const text = misses.length ? `${describeCall(call.action, call.payload)} (${describeMismatches(misses[0].mismatches)})` : describeCall(call.action, call.payload);
    seen.push({ text, frame: call.frame, expectedAction: misses.length > 0 });
  }
  return evidence;
}

export async function runExpectNone(step: ExpectNoneStep, ctx: CaseContext, params: Record<string, unknown>): Promise<FrameRecord[]> {
  const started = ctx.now();
  const withinMs = noneWindowMs(step, ctx, params);
  const deadline = started + withinMs;
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
      throw new StepFailure(`no ${step.expectNone.action ?? 'CALL'} within ${ms(withinMs)}`, `${describeCall(call.action, call.payload)} after ${call.receivedAt - started} ms`, [call.frame]);
    }
  }
}

/** expectNone's window in ms: `withinMs`, or `withinS` protocol seconds plus the tolerance. */
function noneWindowMs(step: ExpectNoneStep, ctx: CaseContext, params: Record<string, unknown>): number {
  if (step.withinS === undefined) return step.withinMs ?? 0;
  const s = Number(ctx.resolve(step.withinS, params));
  if (!Number.isFinite(s) || s < 0) throw new CaseAbort('error', `expectNone.withinS ${JSON.stringify(step.withinS)} is not a number of seconds`);
  // A message due exactly at the end of the window must still be seen: the window is widened by the tolerance.
  return Math.round(s * ctx.sut.msPerSecond) + ctx.sut.timeouts.toleranceMs;
}

/** Opens, closes and violations: returns the CALL when the event is one, undefined when waiting goes on. */
export function handleNonCall(event: SessionEvent, ctx: CaseContext): IncomingCall | undefined {
  switch (event.kind) {
    case 'call':
      return event.call;
    case 'violation':
      throw new StepFailure('frames that follow the OCPP schemas and RPC rules', describeFindings(event.errors, event.label), [event.frame], event.errors);
    case 'close':
      // The end of an earlier connection (the harness-as-station reconnects per case) is no news.
      if (event.conn !== ctx.session.link.conn) return undefined;
      // The harness hung up itself (a case takes the simulated station offline for a while): no news either.
      if (event.reason === HARNESS_CLOSE_REASON) return undefined;
      // A station may reboot and come back while a step waits; a CSMS that hangs up on the harness-as-station cannot.
      if (ctx.harness === 'cs') throw new CaseAbort('error', `the CSMS closed the connection (code ${event.code}${event.reason ? `, ${event.reason}` : ''})`);
      return undefined;
    case 'open':
      return undefined;
    case 'interrupt':
      throw event.error;
  }
}

function expand(specs: readonly ExpectedMessage[], ctx: CaseContext, params: Record<string, unknown>): Candidate[] {
  return specs.flatMap((spec) => {
    const forms = 'oneOf' in spec ? spec.oneOf : [spec];
    const optional = spec.optional === true;
    const label = (each: unknown) => forms.map((f) => explainSpec({ ...f, forEach: undefined, optional: undefined }, (v) => ctx.resolve(v, params, each === undefined ? {} : { each }))).join(' or ');
    if (!spec.forEach) return [{ forms, optional, each: ctx.each, label: label(ctx.each) }];
    const list = lookupPath(ctx.template(params), spec.forEach);
    if (!Array.isArray(list)) throw new CaseAbort('error', `forEach: ${spec.forEach} is not a list (it is ${JSON.stringify(list)})`);
    return list.map((each) => ({ forms, optional, each, label: label(each) }));
  });
}

function check(form: MessageSpec, each: unknown, call: IncomingCall, ctx: CaseContext, params: Record<string, unknown>): Mismatch[] {
  const env = { now: call.receivedAt, toleranceMs: ctx.sut.timeouts.toleranceMs };
  const mismatches = form.payload === undefined ? [] : match(ctx.resolve(form.payload, params, { each }), call.payload, env);
  if (mismatches.length === 0 && form.timing) {
    const t = timingWindow(form.timing, ctx, params);
    const since = ctx.marks.get(form.timing.since);
    if (since === undefined) throw new CaseAbort('error', `timing refers to the mark "${form.timing.since}", which no earlier step set`);
    const after = call.receivedAt - since;
    const expected = explainTiming(form.timing, (v) => ctx.resolve(v, params));
    if (after < 0) mismatches.push({ path: BEFORE_MARK, expected, actual: `${-after} ms before ${form.timing.since}` });
    else if (after < t.min || after > t.max) mismatches.push({ path: ARRIVAL, expected, actual: `${after} ms after ${form.timing.since}` });
  }
  return mismatches;
}

export function timingWindow(t: Timing, ctx: CaseContext, params: Record<string, unknown>): { min: number; max: number } {
  if (t.expectedS !== undefined) {
    const expected = Number(ctx.resolve(t.expectedS, params)) * ctx.sut.msPerSecond;
    if (!Number.isFinite(expected)) throw new CaseAbort('error', `timing.expectedS ${JSON.stringify(t.expectedS)} is not a number of seconds`);
    const tol = t.toleranceMs ?? ctx.sut.timeouts.toleranceMs;
    return { min: expected - tol, max: expected + tol };
  }
  if (t.minS !== undefined || t.maxS !== undefined) {
    const tol = t.toleranceMs ?? ctx.sut.timeouts.toleranceMs;
    const seconds = (v: number | string, which: string) => {
      const n = Number(ctx.resolve(v, params));
      if (!Number.isFinite(n)) throw new CaseAbort('error', `timing.${which} ${JSON.stringify(v)} is not a number of seconds`);
      return n * ctx.sut.msPerSecond;
    };
    return {
      min: t.minS === undefined ? (t.minMs ?? 0) : seconds(t.minS, 'minS') - tol,
      max: t.maxS === undefined ? (t.maxMs ?? Number.POSITIVE_INFINITY) : seconds(t.maxS, 'maxS') + tol,
    };
  }
  return { min: t.minMs ?? 0, max: t.maxMs ?? Number.POSITIVE_INFINITY };
}

/** The timing's captureS: the measured delay since its mark, in protocol seconds. */
export function captureTiming(t: Timing | undefined, at: number, ctx: CaseContext): void {
  if (!t?.captureS) return;
  const since = ctx.marks.get(t.since);
  if (since !== undefined) ctx.vars[t.captureS] = (at - since) / ctx.sut.msPerSecond;
}

/** A step waits at least until the latest timing window closes. */
function timeoutFor(base: number, candidates: readonly Candidate[], ctx: CaseContext, params: Record<string, unknown>): number {
  let timeout = base;
  for (const form of candidates.flatMap((c) => c.forms)) {
    if (!form.timing) continue;
    const since = ctx.marks.get(form.timing.since);
    const { max } = timingWindow(form.timing, ctx, params);
    if (since !== undefined && Number.isFinite(max)) timeout = Math.max(timeout, since + max + 1000 - ctx.now());
  }
  return timeout;
}

/** The first open candidate form `call` matches (among the forms `usable` allows), and the near misses on the way. */
function findMatch(candidates: Candidate[], call: IncomingCall, ctx: CaseContext, params: Record<string, unknown>, usable: (form: MessageSpec) => boolean = () => true) {
  const misses: Array<{ c: Candidate; mismatches: Mismatch[] }> = [];
  for (const c of candidates) {
    if (c.taken) continue;
    for (const form of c.forms) {
      if (form.expect !== call.action || !usable(form)) continue;
      const mismatches = check(form, c.each, call, ctx, params);
      if (mismatches.length === 0) return { taken: { c, form }, misses };
      misses.push({ c, mismatches });
    }
  }
  return { taken: undefined, misses };
}

/** Answers the CALL the way the spec says, captures and marks. Returns the reply frame(s). */
function take(spec: MessageSpec, each: unknown, call: IncomingCall, ctx: CaseContext, params: Record<string, unknown>): FrameRecord[] {
  for (const [name, path] of Object.entries(spec.capture ?? {})) ctx.vars[name] = lookupPath(call.payload, path);
  if (spec.mark) ctx.marks.set(spec.mark, call.receivedAt);
  captureTiming(spec.timing, call.receivedAt, ctx);
  if (call.answered) return [];
  if (spec.noReply) {
    // Taken as answered so that nothing answers it in the background later.
    call.answered = true;
    return [];
  }
  if (spec.replyError) return replied(() => ctx.session.answerError(call, spec.replyError!.code, spec.replyError!.description ?? ''));
  let payload: Payload;
  if (spec.reply !== undefined) {
    payload = ctx.resolve(spec.reply, params, { each, message: call.payload }) as Payload;
  } else {
    const answer = ctx.defaultAnswer(call);
    if ('error' in answer) return replied(() => ctx.session.answerError(call, answer.error.code, answer.error.description));
    payload = answer.payload;
  }
  for (const [name, path] of Object.entries(spec.captureReply ?? {})) ctx.vars[name] = lookupPath(payload, path);
  return replied(() => ctx.session.answer(call, payload));
}

/**
 * The SUT may close the connection right after a CALL (a station resetting): the CALL still counts, and the
 * answer it no longer waits for is dropped rather than turned into an error.
 */
function replied(send: () => FrameRecord): FrameRecord[] {
  try {
    return [send()];
  } catch (e) {
    if (e instanceof LinkDownError) return [];
    throw e;
  }
}

function describeRemaining(candidates: readonly Candidate[], mode: 'one' | 'all'): string {
  const open = candidates.filter((c) => !c.taken && !(mode === 'all' && c.optional));
  return mode === 'one' ? `one of: ${open.map((c) => c.label).join('; or ')}` : open.map((c) => c.label).join('; and ');
}

interface Seen {
  text: string;
  frame: FrameRecord;
  /** Same action as an expected message (the near misses that explain a failure best). */
  expectedAction: boolean;
}

function timedOut(candidates: readonly Candidate[], mode: 'one' | 'all', seen: readonly Seen[], waitMs: number, ctx: CaseContext, reconnects = false): Error {
  if (reconnects && ctx.harness === 'csms' && !ctx.session.link.isOpen) {
    return new StepFailure(describeRemaining(candidates, mode), `no connection from the station within ${ms(Math.round(waitMs))} (its connection attempts, if any, were refused: authentication or TLS handshake)`, []);
  }
  if (ctx.harness === 'csms' && !ctx.session.link.isOpen) {
    return new CaseAbort('error', `the station disconnected and did not reconnect while the harness waited for ${describeRemaining(candidates, mode)}`);
  }
  const within = `within ${ms(Math.round(waitMs))}`;
  // The near misses first (same action, wrong content): the earliest two, where a sequence first went wrong, and the
  // latest; then the latest other traffic.
  const misses = seen.filter((s) => s.expectedAction);
  const near = misses.length > 3 ? [...misses.slice(0, 2), misses[misses.length - 1]] : misses;
  const other = seen.filter((s) => !s.expectedAction).slice(-2);
  const recent = seen.filter((s) => near.includes(s) || other.includes(s));
  const got = recent.length ? `nothing matching ${within}; meanwhile came ${recent.map((s) => s.text).join('; ')}` : `nothing ${within}`;
  return new StepFailure(describeRemaining(candidates, mode), got, recent.map((s) => s.frame));
}
