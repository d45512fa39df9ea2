import type { FrameRecord } from '../types.js';
import type { Payload } from '../ocpp/frame.js';
import type { ResponseExpectation, SendStep } from './case-types.js';
import { CaseAbort, CaseContext, describeFindings, StepFailure } from './engine-context.js';
import type { CallOutcome } from './engine-session.js';
import { LinkDownError } from './link.js';
import { describeMismatches, match, show, type Mismatch } from './matchers.js';
import { explainResponses, ms } from './step-explain.js';
import { lookupPath } from './templates.js';

/**
 * The harness sends a CALL and checks the response: a CALLRESULT whose payload matches, or one of the CALLERROR
 * alternatives the case allows. A response that breaks the schema fails the step with the protocol core's finding.
 */
export async function runSend(step: SendStep, ctx: CaseContext, params: Record<string, unknown>): Promise<FrameRecord[]> {
  const payload = (step.payload === undefined ? {} : ctx.resolve(step.payload, params)) as Payload;
  const timeout = step.timeoutMs ?? ctx.sut.timeouts.responseMs;
  if (!ctx.session.link.isOpen) {
    const back = ctx.harness === 'csms' && (await ctx.session.waitOpen(ctx.now() + timeout));
    if (!back) throw new CaseAbort('error', `cannot send ${step.send}: the connection to the ${ctx.harness === 'csms' ? 'station' : 'CSMS'} is closed`);
  }
  let outcome: CallOutcome & { sent: FrameRecord };
  try {
    outcome = await ctx.session.call(step.send, payload, timeout);
  } catch (e) {
    if (e instanceof LinkDownError) throw new CaseAbort('error', `cannot send ${step.send}: ${e.message}`);
    throw e;
  }
  const sent = [outcome.sent];
  const expected = explainResponses(step.response, (v) => ctx.resolve(v, params));
  switch (outcome.kind) {
    case 'timeout':
      if (!ctx.session.link.isOpen) throw new CaseAbort('error', `the connection closed while waiting for the response to ${step.send}`);
      throw new StepFailure(expected, `no response to ${step.send} within ${ms(timeout)}`, sent);
    case 'invalid':
      throw new StepFailure(expected, describeFindings(outcome.errors, `the response to ${step.send}`), [...sent, outcome.frame], outcome.errors);
    default:
      break;
  }
  const evidence = [...sent, outcome.frame];
  if (outcome.errors.length > 0) throw new StepFailure(`${expected}, valid per the ${step.send} response schema`, describeFindings(outcome.errors, `the response to ${step.send}`), evidence, outcome.errors);
  const alternatives: ResponseExpectation[] = step.response === undefined ? [{ result: {} }] : Array.isArray(step.response) ? step.response : [step.response];
  const env = { now: Date.parse(outcome.frame.ts), toleranceMs: ctx.sut.timeouts.toleranceMs };
  const misses: Mismatch[][] = [];
  for (const alt of alternatives) {
    const mismatches = checkAlternative(alt, outcome, ctx, params, env);
    if (mismatches.length === 0) {
      if (outcome.kind === 'result') for (const [name, path] of Object.entries(step.capture ?? {})) ctx.vars[name] = lookupPath(outcome.payload, path);
      if (step.mark) ctx.marks.set(step.mark, Date.parse(outcome.frame.ts));
      return evidence;
    }
    misses.push(mismatches);
  }
  throw new StepFailure(expected, describeOutcome(outcome, misses), evidence);
}

function checkAlternative(alt: ResponseExpectation, outcome: Extract<CallOutcome, { kind: 'result' | 'error' }>, ctx: CaseContext, params: Record<string, unknown>, env: { now: number; toleranceMs: number }): Mismatch[] {
  if (alt.error) {
    if (outcome.kind !== 'error') return [{ path: '', expected: 'a CALLERROR', actual: 'a CALLRESULT' }];
    const m: Mismatch[] = [];
    if (alt.error.code !== undefined) m.push(...match(ctx.resolve(alt.error.code, params), outcome.code, env, 'errorCode'));
    if (alt.error.description !== undefined) m.push(...match(ctx.resolve(alt.error.description, params), outcome.description, env, 'errorDescription'));
    return m;
  }
  if (outcome.kind !== 'result') return [{ path: '', expected: 'a CALLRESULT', actual: `CALLERROR ${outcome.code}` }];
  return alt.result === undefined ? [] : match(ctx.resolve(alt.result, params), outcome.payload, env);
}

function describeOutcome(outcome: Extract<CallOutcome, { kind: 'result' | 'error' }>, misses: Mismatch[][]): string {
  const what = outcome.kind === 'result' ? `CALLRESULT ${show(outcome.payload)}` : `CALLERROR ${outcome.code}${outcome.description ? ` "${outcome.description}"` : ''}`;
  const relevant = misses.find((m) => m.every((x) => x.path !== '')) ?? misses[0];
  const detail = relevant.every((x) => x.path === '') ? '' : ` (${describeMismatches(relevant.filter((x) => x.path !== ''))})`;
  return `${what}${detail}`;
}
