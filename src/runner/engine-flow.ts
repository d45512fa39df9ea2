import type { FrameRecord } from '../types.js';
import { ActionSkippedError, ActionUnavailableError } from './action-adapter.js';
import type { ActionStep, ConnectionStep, SetStep, WaitStep } from './case-types.js';
import { CaseAbort, CaseContext, describeFindings, StepFailure } from './engine-context.js';
import { handleNonCall } from './engine-expect.js';
import { LinkOpenError } from './link.js';
import { actionWords } from './manual-actions.js';
import { ms } from './step-explain.js';

/** Steps that drive the run rather than check a message: wait, connection control, manual actions, variables. */

export async function runWait(step: WaitStep, ctx: CaseContext, params: Record<string, unknown>): Promise<FrameRecord[]> {
  const duration = Number(ctx.resolve(step.wait, params));
  if (!Number.isFinite(duration) || duration < 0) throw new CaseAbort('error', `wait: ${JSON.stringify(step.wait)} is not a number of milliseconds`);
  const deadline = ctx.now() + duration;
  for (;;) {
    const event = await ctx.session.next(deadline);
    if (!event) return [];
    const call = handleNonCall(event, ctx);
    if (!call) continue;
    ctx.session.answerBackground(call, 'arrived during a wait');
    if (call.errors.length > 0) throw new StepFailure('frames that follow the OCPP schemas and RPC rules', describeFindings(call.errors, `CALL ${call.action}`), [call.frame], call.errors);
  }
}

export async function runConnection(step: ConnectionStep, ctx: CaseContext): Promise<FrameRecord[]> {
  const link = ctx.session.link;
  const timeout = step.timeoutMs ?? ctx.sut.timeouts.connectMs;
  switch (step.connection) {
    case 'close':
      await link.close({ refuseReconnect: step.refuseReconnect });
      return [];
    case 'open':
      try {
        await link.open(timeout);
      } catch (e) {
        if (e instanceof LinkOpenError) throw new CaseAbort('error', e.message);
        throw e;
      }
      return [];
    case 'expectClose': {
      const deadline = ctx.now() + timeout;
      if (!link.isOpen) return [];
      for (;;) {
        const event = await ctx.session.next(deadline);
        if (!event) throw new StepFailure(`the ${ctx.harness === 'cs' ? 'CSMS' : 'station'} closes the connection within ${ms(timeout)}`, 'the connection stayed open', []);
        if (event.kind === 'close') return [];
        if (event.kind === 'call') ctx.session.answerBackground(event.call, 'arrived while waiting for the connection to close');
        if (event.kind === 'violation') throw new StepFailure('frames that follow the OCPP schemas and RPC rules', describeFindings(event.errors, event.label), [event.frame], event.errors);
      }
    }
  }
}

export async function runAction(step: ActionStep, ctx: CaseContext, params: Record<string, unknown>): Promise<FrameRecord[]> {
  const resolved = step.params === undefined ? {} : ctx.resolve(step.params, params);
  if (resolved === null || typeof resolved !== 'object' || Array.isArray(resolved)) throw new CaseAbort('error', `manual action ${step.action}: params must be an object`);
  try {
    await ctx.options.adapter.perform({ action: step.action, params: resolved as Record<string, unknown>, prompt: step.prompt, caseId: ctx.caseId });
  } catch (e) {
    if (e instanceof ActionUnavailableError) throw new CaseAbort('not-run', e.message);
    if (e instanceof ActionSkippedError) throw new CaseAbort('not-run', `manual action "${step.action}" (${actionWords(step.action, step.prompt)}) was skipped at the prompt`);
    throw new CaseAbort('error', `manual action "${step.action}" (${actionWords(step.action, step.prompt)}) failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return [];
}

export function runSet(step: SetStep, ctx: CaseContext, params: Record<string, unknown>): FrameRecord[] {
  for (const [name, value] of Object.entries(step.set)) ctx.vars[name] = ctx.resolve(value, params);
  return [];
}
