import type { FrameRecord } from '../types.js';
import type { CaseResult, StepResult, Verdict } from '../reporters/report-model.js';
import type { LoadedCase, Step, TestCase, UseStep } from './case-types.js';
import { stepKind } from './case-types.js';
import { stateKey } from './case-loader.js';
import { evaluateCondition, explainCondition } from './conditions.js';
import { CaseAbort, CaseContext, describeFindings, StepFailure, type EngineOptions } from './engine-context.js';
import { runExpect, runExpectNone } from './engine-expect.js';
import { runAction, runConnection, runSet, runWait, settleActions } from './engine-flow.js';
import { runSend } from './engine-send.js';
import { afterTlsConnection, beforeTlsConnection } from './engine-tls.js';
import type { Session } from './engine-session.js';
import { LinkOpenError } from './link.js';
import { explainStep } from './step-explain.js';
import { lookupPath, TemplateError } from './templates.js';

/**
 * Runs one case on a session: prerequisites, connection, the before/main steps (reusable states expanded in
 * place), then cleanup; answers with the report's CaseResult. The same engine serves both roles: which side the
 * harness plays only changes how steps talk to the link, never the flow.
 */
interface StepRecord extends Omit<StepResult, 'frameRefs'> {
  evidence: FrameRecord[];
}

/** A case-ending outcome travelling up through nested states. */
class Halt {
  constructor(
    readonly verdict: Exclude<Verdict, 'passed' | 'not-applicable'>,
    readonly reason: string,
  ) {}
}

export class Engine {
  /** Connections on which the harness-as-CSMS already waited for the station's boot. */
  private readonly bootWaited = new Set<string>();

  constructor(
    readonly session: Session,
    readonly options: EngineOptions,
  ) {}

  async runCase(loaded: LoadedCase): Promise<CaseResult> {
    const tc = loaded.testCase;
    const started = this.options.now();
    const base = { id: tc.id, title: tc.title, version: tc.version, sut: tc.sut, profile: tc.profile, startedAt: new Date(started).toISOString() };
    const notApplicable = this.notApplicable(tc);
    if (notApplicable) return { ...base, verdict: 'not-applicable', reason: notApplicable, durationMs: 0, steps: [], frames: [] };
    this.session.startCase();
    const ctx = new CaseContext(this.session, this.options, tc.id);
    const params = this.caseParams(tc, ctx);
    const records: StepRecord[] = [];
    let verdict: Verdict = 'passed';
    let reason: string | undefined;
    try {
      await this.connect(ctx, records);
      await this.runList(tc.before ?? [], 'before.', params, ctx, records);
      await this.runList(tc.steps, '', params, ctx, records);
    } catch (e) {
      if (!(e instanceof Halt)) throw e;
      verdict = e.verdict;
      reason = e.reason;
    }
    // Cleanup runs every step whatever happens before or in it: problems are shown on their steps, and do not
    // change what the case found.
    for (const [i, step] of (tc.cleanup ?? []).entries()) {
      try {
        await this.runOne(step, `cleanup.${i + 1}`, 'cleanup.', params, ctx, records);
      } catch (e) {
        if (!(e instanceof Halt)) throw e;
      }
    }
    await settleActions(ctx.pendingActions, this.options.sut.timeouts.responseMs);
    await ctx.unresponsive?.close();
    // An invalid certificate or old TLS version a case presented ends with it (a raised security profile stays).
    this.session.link.gate?.endCase();
    this.session.endCase();
    const frames = this.session.frames;
    const steps: StepResult[] = records.map(({ evidence, ...r }) => {
      const refs = [...new Set(evidence.map((f) => frames.indexOf(f)).filter((i) => i >= 0))].sort((a, b) => a - b);
      return refs.length ? { ...r, frameRefs: refs } : r;
    });
    const result: CaseResult = { ...base, verdict, durationMs: this.options.now() - started, steps, frames };
    if (reason) result.reason = reason;
    return result;
  }

  /** Why the case does not apply to this SUT, or undefined when it does. */
  notApplicable(tc: TestCase): string | undefined {
    const { declared, sut } = this.options;
    const missing: string[] = [];
    if (declared.profiles && !declared.profiles.has(tc.profile)) missing.push(`profile "${tc.profile}"`);
    for (const p of tc.prerequisites?.profiles ?? []) if (declared.profiles && !declared.profiles.has(p)) missing.push(`profile "${p}"`);
    for (const f of tc.prerequisites?.features ?? []) if (!declared.features.has(f)) missing.push(`feature "${f}"`);
    const cond = tc.prerequisites?.condition;
    if (cond) {
      const holds = evaluateCondition(cond, { sut: this.options.sutView, vars: {}, params: {}, gen: this.options.gen }, declared, { now: this.options.now(), toleranceMs: sut.timeouts.toleranceMs });
      if (!holds) missing.push(`condition: ${explainCondition(cond)}`);
    }
    if (missing.length === 0) return undefined;
    const doc = tc.prerequisites?.description ? ` (${tc.prerequisites.description})` : '';
    return `the SUT configuration does not declare ${missing.join(', ')}${doc}`;
  }

  private caseParams(tc: TestCase, ctx: CaseContext): Record<string, unknown> {
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(tc.params ?? {})) params[k] = ctx.resolve(v, params);
    return params;
  }

  /** Harness as station: a fresh connection per case. Harness as CSMS: wait for the station if it is not connected. */
  private async connect(ctx: CaseContext, records: StepRecord[]): Promise<void> {
    const link = this.session.link;
    const t0 = this.options.now();
    const description = ctx.harness === 'cs' ? `Connect to the CSMS at ${link.endpoint} as ${link.station}` : `Wait for the station to connect to ${link.endpoint}`;
    try {
      if (ctx.harness === 'cs') {
        if (link.isOpen) await link.close();
        await link.open(this.options.sut.timeouts.connectMs);
      } else {
        if (!link.isOpen) await link.open(this.options.sut.timeouts.connectMs);
        if (this.options.awaitBoot !== false) await this.awaitBoot();
      }
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      records.push({ index: 'connect', description, verdict: 'error', actual: why, durationMs: this.options.now() - t0, evidence: [] });
      if (e instanceof LinkOpenError) throw new Halt('error', why);
      throw new Halt('error', `internal error while connecting: ${why}`);
    }
  }

  /**
   * General precondition "the station is Accepted": on a connection that has not booted yet, give the station up to
   * connectMs to send its BootNotification (a loaded machine can take a while), and answer it in the background. Once
   * per connection, and only while the station's first messages are its boot: anything else is left for the case (a
   * station that reconnected without booting), so only a silent station waits the whole time.
   */
  private async awaitBoot(): Promise<void> {
    const { session } = this;
    const conn = session.link.conn;
    const booted = () => session.bootState === 'accepted';
    if (booted() || this.bootWaited.has(conn)) return;
    this.bootWaited.add(conn);
    const deadline = this.options.now() + this.options.sut.timeouts.connectMs;
    while (!booted()) {
      const event = await session.next(deadline);
      if (!event) return;
      if (event.kind === 'call' && event.call.action === 'BootNotification' && event.call.errors.length === 0) {
        session.answerBackground(event.call, 'the station booted before the case began');
      } else if (event.kind === 'call' || event.kind === 'violation' || event.kind === 'interrupt') {
        session.putBack(event);
        return;
      }
    }
  }

  private async runList(steps: readonly Step[], prefix: string, params: Record<string, unknown>, ctx: CaseContext, records: StepRecord[]): Promise<void> {
    for (const [i, step] of steps.entries()) {
      const index = `${prefix}${i + 1}`;
      try {
        await this.runOne(step, index, prefix, params, ctx, records);
      } catch (e) {
        if (e instanceof Halt) {
          for (const rest of steps.slice(i + 1)) records.push({ index: `${prefix}${steps.indexOf(rest) + 1}`, description: explainStep(rest, ctx.harness), verdict: 'skipped', durationMs: 0, evidence: [] });
        }
        throw e;
      }
    }
  }

  private async runOne(step: Step, index: string, prefix: string, params: Record<string, unknown>, ctx: CaseContext, records: StepRecord[]): Promise<void> {
    // Describing a step must not use up generated values ({{seq}}, {{uuid}}) that running it will take.
    const preview = this.options.gen.preview?.();
    const resolver = (v: unknown, extra?: { each?: unknown }) => ctx.resolve(v, params, preview ? { ...extra, gen: preview } : extra);
    if (step.when && !evaluateCondition(step.when, ctx.template(params), this.options.declared, ctx.matchEnv())) {
      records.push({ index, description: explainStep(step, ctx.harness, resolver), verdict: 'skipped', actual: `condition not met: ${explainCondition(step.when)}`, durationMs: 0, evidence: [] });
      return;
    }
    if (step.forEach) {
      const list = lookupPath(ctx.template(params), step.forEach);
      if (!Array.isArray(list)) throw new Halt('error', `Step ${index}: forEach: ${step.forEach} is not a list (it is ${JSON.stringify(list)})`);
      const { forEach: _each, ...single } = step;
      const outer = ctx.each;
      try {
        for (const [n, each] of list.entries()) {
          ctx.each = each;
          await this.runOne(single as Step, `${index}[${n + 1}]`, prefix, params, ctx, records);
        }
      } finally {
        ctx.each = outer;
      }
      return;
    }
    if (stepKind(step) === 'use') {
      await this.runUse(step as UseStep, prefix, params, ctx, records);
      return;
    }
    const t0 = this.options.now();
    const description = explainStep(step, ctx.harness, resolver);
    try {
      const evidence = await this.execute(step, params, ctx);
      const interrupted = this.session.takeInterrupts();
      if (interrupted.length > 0) throw interrupted[0];
      const late = this.session.takeViolations();
      if (late.length > 0) {
        const errors = late.flatMap((v) => v.errors);
        throw new StepFailure('frames that follow the OCPP schemas and RPC rules', late.map((v) => describeFindings(v.errors, v.label)).join('; '), late.map((v) => v.frame), errors);
      }
      records.push({ index, description, verdict: 'passed', durationMs: this.options.now() - t0, evidence });
    } catch (e) {
      const durationMs = this.options.now() - t0;
      if (e instanceof StepFailure) {
        const rec: StepRecord = { index, description, verdict: 'failed', expected: e.expected, actual: e.actual, durationMs, evidence: e.evidence };
        if (e.findings.length) rec.findings = e.findings;
        records.push(rec);
        throw new Halt('failed', `Step ${index} failed: expected ${e.expected}; got ${e.actual}`);
      }
      const [verdict, why] = classify(e);
      records.push({ index, description, verdict: verdict === 'not-run' ? 'skipped' : 'error', actual: why, durationMs, evidence: [] });
      throw new Halt(verdict, `Step ${index}: ${why}`);
    }
  }

  private async execute(step: Step, params: Record<string, unknown>, ctx: CaseContext): Promise<FrameRecord[]> {
    const kind = stepKind(step);
    // What a wait answered counts only for the expect step right after it: after a send, an action or a reconnect,
    // a message that came before would be taken for a reaction to it.
    if (kind !== 'wait' && kind !== 'set' && kind !== 'expect' && kind !== 'expectAll' && kind !== 'expectOneOf') ctx.waitedCalls.length = 0;
    switch (kind) {
      case 'send':
        return runSend(step as Extract<Step, { send: string }>, ctx, params);
      case 'expect':
      case 'expectAll':
      case 'expectOneOf':
        return runExpect(step as Parameters<typeof runExpect>[0], ctx, params);
      case 'expectNone':
        return runExpectNone(step as Extract<Step, { expectNone: unknown }>, ctx, params);
      case 'wait':
        return runWait(step as Extract<Step, { wait: unknown }>, ctx, params);
      case 'connection': {
        const connection = step as Extract<Step, { connection: string }>;
        const done = await beforeTlsConnection(connection, ctx, params);
        if (done) return done;
        const frames = await runConnection(connection, ctx, params);
        afterTlsConnection(connection, ctx, params);
        return frames;
      }
      case 'action':
        return runAction(step as Extract<Step, { action: string }>, ctx, params);
      case 'set':
        return runSet(step as Extract<Step, { set: Record<string, unknown> }>, ctx, params);
      case 'use':
        throw new Error('use steps are expanded by the engine');
    }
  }

  /** Expands a reusable state in place: its parameters resolve in the including step's context. */
  private async runUse(step: UseStep, prefix: string, callerParams: Record<string, unknown>, ctx: CaseContext, records: StepRecord[]): Promise<void> {
    const { sut } = this.options;
    const loaded = this.options.states.get(stateKey(sut.version, ctx.harness === 'csms' ? 'cs' : 'csms', step.use));
    if (!loaded) throw new Halt('error', `the reusable state ${step.use} is not loaded`);
    const params: Record<string, unknown> = {};
    try {
      for (const [k, v] of Object.entries(step.params ?? {})) params[k] = ctx.resolve(v, callerParams);
      for (const [k, v] of Object.entries(loaded.state.params ?? {})) if (!(k in params)) params[k] = ctx.resolve(v, callerParams);
    } catch (e) {
      throw new Halt('error', `reusable state ${step.use}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const base = prefix === '' || prefix === 'before.' ? `${step.use}` : `${prefix}${step.use}`;
    let childPrefix = `${base}.`;
    for (let n = 2; records.some((r) => r.index.startsWith(childPrefix)); n++) childPrefix = `${base}#${n}.`;
    await this.runList(loaded.state.steps, childPrefix, params, ctx, records);
  }
}

function classify(e: unknown): ['error' | 'not-run', string] {
  if (e instanceof CaseAbort) return [e.verdict, e.reason];
  if (e instanceof TemplateError) return ['error', `the case could not be carried out: ${e.message}`];
  if (e instanceof LinkOpenError) return ['error', e.message];
  return ['error', `internal error: ${e instanceof Error ? e.message : String(e)}`];
}
