import { connect as tlsConnect } from 'node:tls';
import type { FrameRecord } from '../types.js';
import { ActionSkippedError, ActionUnavailableError } from './action-adapter.js';
import type { ActionStep, ConnectionStep, SetStep, WaitStep } from './case-types.js';
import { CaseAbort, CaseContext, describeFindings, StepFailure } from './engine-context.js';
import { captureTiming, handleNonCall, timingWindow } from './engine-expect.js';
import { LinkOpenError } from './link.js';
import { actionWords } from './manual-actions.js';
import { explainTiming, ms } from './step-explain.js';
import { UnresponsiveListener } from './unresponsive-listener.js';

/** Steps that drive the run rather than check a message: wait, connection control, manual actions, variables. */

export async function runWait(step: WaitStep, ctx: CaseContext, params: Record<string, unknown>): Promise<FrameRecord[]> {
  const duration = Number(ctx.resolve(step.wait, params)) * (step.seconds ? ctx.sut.msPerSecond : 1);
  if (!Number.isFinite(duration) || duration < 0) throw new CaseAbort('error', `wait: ${JSON.stringify(step.wait)} is not a number of milliseconds`);
  const deadline = ctx.now() + duration;
  for (;;) {
    const event = await ctx.session.next(deadline);
    if (!event) return [];
    const call = handleNonCall(event, ctx);
    if (!call) continue;
    ctx.session.answerBackground(call, 'arrived during a wait');
    if (call.errors.length > 0) throw new StepFailure('frames that follow the OCPP schemas and RPC rules', describeFindings(call.errors, `CALL ${call.action}`), [call.frame], call.errors);
    // The SUT must not wait for its answer, but an expect step right after the wait may still be waiting for this CALL.
    ctx.waitedCalls.push(call);
  }
}

export async function runConnection(step: ConnectionStep, ctx: CaseContext, params: Record<string, unknown> = {}): Promise<FrameRecord[]> {
  const link = ctx.session.link;
  const timeout = step.timeoutMs ?? ctx.sut.timeouts.connectMs;
  if (step.password !== undefined) link.setPassword?.(step.password === null ? null : String(ctx.resolve(step.password, {})));
  if (step.username !== undefined) link.setUsername?.(step.username === null ? null : String(ctx.resolve(step.username, {})));
  switch (step.connection) {
    case 'close':
      await link.close({ refuseReconnect: step.refuseReconnect });
      if (step.mark) ctx.marks.set(step.mark, ctx.now());
      return [];
    case 'expectAttempt':
      return expectAttempts(step, ctx, params, timeout);
    case 'listenUnresponsive': {
      if (ctx.harness !== 'csms') throw new CaseAbort('error', 'listenUnresponsive is for the harness as CSMS');
      if (!ctx.unresponsive) ctx.unresponsive = await UnresponsiveListener.listen(listenHost(link.endpoint), () => ctx.now());
      // A station elsewhere reaches the harness by the name the SUT configuration gives (settings.harnessHost).
      const host = ctx.sut.settings.harnessHost;
      if (step.capture) ctx.vars[step.capture] = typeof host === 'string' ? `${host}:${ctx.unresponsive.address.split(':').pop()}` : ctx.unresponsive.address;
      return [];
    }
    case 'open':
      if (step.expectRefused === true) {
        try {
          await link.open(timeout);
        } catch (e) {
          if (e instanceof LinkOpenError) return [];
          throw e;
        }
        await link.close();
        throw new StepFailure(ctx.harness === 'cs' ? 'the CSMS refuses the connection' : 'the station does not connect', 'the connection was established');
      }
      try {
        await link.open(timingTimeout(step, ctx, params, timeout));
      } catch (e) {
        if (e instanceof LinkOpenError && (step.expectAccepted === true || step.timing)) throw new StepFailure(ctx.harness === 'cs' ? 'the CSMS accepts the connection' : `the station connects again${step.timing ? `, ${explainTiming(step.timing, (v) => ctx.resolve(v, params)).replace(/^arriving/, 'coming')}` : ''}`, e.message);
        if (e instanceof LinkOpenError) throw new CaseAbort('error', e.message);
        throw e;
      }
      {
        const at = ctx.session.connectionOpenedAt(link.conn) ?? ctx.now();
        checkTiming(step, at, 'the station connected', ctx, params);
        if (step.mark) ctx.marks.set(step.mark, at);
      }
      return [];
    case 'probeOldTls': {
      const outcome = await probeOldTls(ctx.sut.url ?? link.endpoint, timeout);
      if (outcome.startsWith('accepted')) throw new StepFailure('the CSMS refuses a TLS handshake below version 1.2', outcome);
      if (/ECONNREFUSED|EHOSTUNREACH|ENOTFOUND|ECONNRESET before/.test(outcome)) throw new CaseAbort('error', `the TLS probe did not reach the CSMS: ${outcome}`);
      return [];
    }
    case 'expectClose': {
      const deadline = ctx.now() + timeout;
      if (!link.isOpen) return [];
      for (;;) {
        const event = await ctx.session.next(deadline);
        if (!event) throw new StepFailure(`the ${ctx.harness === 'cs' ? 'CSMS' : 'station'} closes the connection within ${ms(timeout)}`, 'the connection stayed open', []);
        if (event.kind === 'close' && event.conn === link.conn) return [];
        if (event.kind === 'call') ctx.session.answerBackground(event.call, 'arrived while waiting for the connection to close');
        if (event.kind === 'violation') throw new StepFailure('frames that follow the OCPP schemas and RPC rules', describeFindings(event.errors, event.label), [event.frame], event.errors);
        if (event.kind === 'interrupt') throw event.error;
      }
    }
  }
}

/** expectAttempt: `count` connection attempts the harness does not accept; timing on the first, mark at the last. */
async function expectAttempts(step: ConnectionStep, ctx: CaseContext, params: Record<string, unknown>, timeout: number): Promise<FrameRecord[]> {
  const queue = step.on === 'unresponsive' ? ctx.unresponsive?.attempts : ctx.session.link.refusedAttempts;
  if (!queue) throw new CaseAbort('error', step.on === 'unresponsive' ? 'expectAttempt on "unresponsive" needs an earlier listenUnresponsive step' : 'this link cannot see refused connection attempts (harness as CSMS only)');
  const count = step.count ?? 1;
  const deadline = ctx.now() + timingTimeout(step, ctx, params, timeout);
  const where = step.on === 'unresponsive' ? 'to the unresponsive address' : 'while the harness refuses connections';
  for (let n = 1; n <= count; n++) {
    const at = await queue.next(deadline);
    if (at === undefined) throw new StepFailure(`${count === 1 ? 'a connection attempt' : `${count} connection attempts`} from the station ${where}`, n === 1 ? 'no attempt' : `${n - 1} attempt(s) only`);
    if (n === 1) checkTiming(step, at, 'the attempt came', ctx, params);
    if (n === count && step.mark) ctx.marks.set(step.mark, at);
  }
  return [];
}

/** A connection step's timing, checked on the time the connection (attempt) came. */
function checkTiming(step: ConnectionStep, at: number, what: string, ctx: CaseContext, params: Record<string, unknown>): void {
  if (!step.timing) return;
  const since = ctx.marks.get(step.timing.since);
  if (since === undefined) throw new CaseAbort('error', `timing refers to the mark "${step.timing.since}", which no earlier step set`);
  const { min, max } = timingWindow(step.timing, ctx, params);
  const after = at - since;
  if (after < min || after > max) throw new StepFailure(`a connection ${explainTiming(step.timing, (v) => ctx.resolve(v, params)).replace(/^arriving/, 'coming')}`, `${what} ${after} ms after ${step.timing.since}`);
  captureTiming(step.timing, at, ctx);
}

/** How long to wait: the step's timeout, or until the timing window closes when that is later. */
function timingTimeout(step: ConnectionStep, ctx: CaseContext, params: Record<string, unknown>, timeout: number): number {
  if (!step.timing) return timeout;
  const since = ctx.marks.get(step.timing.since);
  const { min, max } = timingWindow(step.timing, ctx, params);
  if (since === undefined) return timeout;
  // Only a lower bound ("at least the back-off time"): the usual timeout counts from where the window opens.
  return Math.max(timeout, Number.isFinite(max) ? since + max + 1000 - ctx.now() : since + min + timeout - ctx.now());
}

/** The host the unresponsive listener binds: the harness's own listening host. */
function listenHost(endpoint: string): string {
  try {
    const host = new URL(endpoint).hostname;
    return host === 'localhost' ? '0.0.0.0' : host.replace(/^\[|\]$/g, '');
  } catch {
    return '0.0.0.0';
  }
}

/**
 * Starts a manual action without waiting for it to finish: an action often completes only once the harness has
 * answered the traffic it causes ("make the CSMS send RemoteStartTransaction" resolves when the station answered),
 * and that answer is the next step's job. A failure later interrupts whatever step is waiting then.
 */
export async function runAction(step: ActionStep, ctx: CaseContext, params: Record<string, unknown>): Promise<FrameRecord[]> {
  const resolved = step.params === undefined ? {} : ctx.resolve(step.params, params);
  if (resolved === null || typeof resolved !== 'object' || Array.isArray(resolved)) throw new CaseAbort('error', `manual action ${step.action}: params must be an object`);
  const words = `manual action "${step.action}" (${actionWords(step.action, step.prompt)})`;
  const why = ctx.options.adapter.unavailable(step.action);
  if (why) throw new CaseAbort('not-run', `${words} cannot be carried out: ${why}`);
  // A person does one thing after the other: the previous action finishes before the next begins.
  await settleActions(ctx.pendingActions, ctx.sut.timeouts.responseMs);
  let failure: CaseAbort | undefined;
  const running = ctx.options.adapter.perform({ action: step.action, params: resolved as Record<string, unknown>, prompt: step.prompt, caseId: ctx.caseId }).catch((e: unknown) => {
    failure = actionFailure(e, words);
    ctx.session.interrupt(failure);
  });
  ctx.pendingActions.push(running);
  if (ctx.options.adapter.takesItsTime?.(step.action)) ctx.trackOutsideAction(running);
  // Let an action that fails at once (unknown connector, peer closed) fail its own step.
  await new Promise((resolve) => setImmediate(resolve));
  if (failure) {
    ctx.session.takeInterrupts();
    throw failure;
  }
  return [];
}

/** Waits for running manual actions, at most `ms`. */
export async function settleActions(actions: readonly Promise<void>[], ms: number): Promise<void> {
  if (actions.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(actions), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function actionFailure(e: unknown, words: string): CaseAbort {
  if (e instanceof ActionUnavailableError) return new CaseAbort('not-run', e.message);
  if (e instanceof ActionSkippedError) return new CaseAbort('not-run', `${words} was skipped at the prompt`);
  return new CaseAbort('error', `${words} failed: ${e instanceof Error ? e.message : String(e)}`);
}

export function runSet(step: SetStep, ctx: CaseContext, params: Record<string, unknown>): FrameRecord[] {
  for (const [name, value] of Object.entries(step.set)) ctx.vars[name] = ctx.resolve(value, params);
  return [];
}

/**
 * A TLS handshake offering only TLS 1.0 and 1.1 (OCPP 2.0.1 Part 2 A00.FR.314/315: 1.2 or above), straight to the
 * CSMS's address: 'refused: <why>' or 'accepted <protocol>'. The security level is lowered so the old versions can
 * be offered at all.
 */
function probeOldTls(url: string, timeoutMs: number): Promise<string> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: target.hostname, port: Number(target.port || 443), servername: target.hostname === '127.0.0.1' ? undefined : target.hostname, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0', rejectUnauthorized: false }, () => {
      resolve(`accepted ${socket.getProtocol() ?? 'an old TLS version'}`);
      socket.destroy();
    });
    socket.setTimeout(timeoutMs, () => {
      resolve('refused: no handshake within the connect timeout');
      socket.destroy();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => resolve(`refused: ${e.code ?? e.message}`));
  });
}
