import type { Finding, FrameRecord, Side } from '../types.js';
import type { Payload } from '../ocpp/frame.js';
import type { ActionAdapter } from './action-adapter.js';
import type { LoadedState } from './case-types.js';
import type { Declarations } from './conditions.js';
import { BACKGROUND_ACTIONS, defaultAnswer, type DefaultAnswer } from './default-replies.js';
import type { IncomingCall, Session } from './engine-session.js';
import type { MatchEnv } from './matchers.js';
import type { ResolvedSut } from './sut-config.js';
import type { UnresponsiveListener } from './unresponsive-listener.js';
import { resolveTemplate, type Generators, type TemplateContext } from './templates.js';

/**
 * What the step executors share while one case runs: the session, the SUT configuration, variables and marks,
 * and the three ways a step can end other than passing.
 */

/** The step's expectation was not met: what was expected, what came, the frames that show it. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
  constructor(
    readonly expected: string,
    readonly actual: string,
    readonly evidence: FrameRecord[] = [],
    readonly findings: Finding[] = [],
  ) {
    super(`expected ${expected}; got ${actual}`);
  }
}

/** The case cannot go on: `error` (tool or connection broke) or `not-run` (a manual action nobody can do). */
export class CaseAbort extends Error {
  override readonly name = 'CaseAbort';
  constructor(
    readonly verdict: 'error' | 'not-run',
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface EngineOptions {
  sut: ResolvedSut;
  /** The SUT config as templates see it (sutTemplateView). */
  sutView: Record<string, unknown>;
  declared: Declarations;
  adapter: ActionAdapter;
  /** Reusable states by stateKey(version, sut, name). */
  states: ReadonlyMap<string, LoadedState>;
  gen: Generators;
  now: () => number;
  /** Harness as CSMS: wait (up to holdMs) for a freshly connected station's boot before a case. Default true. */
  awaitBoot?: boolean;
}

export class CaseContext {
  readonly vars: Record<string, unknown> = {};
  /** When the case started (ms), e.g. to tell connections opened during the case. */
  readonly startedAt: number;
  readonly marks = new Map<string, number>();
  /** The element of the step's forEach list being run, `{{each}}` in templates. */
  each: unknown = undefined;
  /** Manual actions still running (settled before the case ends). */
  readonly pendingActions: Promise<void>[] = [];
  /** CALLs a wait step answered in the background, for the expect step right after the wait (see runWait). */
  readonly waitedCalls: IncomingCall[] = [];
  /** Manual actions that take their time (a person, a rig) still running, and when the last one ended (ms). */
  private outsideActions = 0;
  outsideActionsEndedAt = 0;
  /** The case's unresponsive second address (listenUnresponsive), closed when the case ends. */
  unresponsive?: UnresponsiveListener;

  constructor(
    readonly session: Session,
    readonly options: EngineOptions,
    readonly caseId: string,
  ) {
    this.startedAt = options.now();
  }

  /** Counts `action` as done outside the harness's pace until it settles (see ActionAdapter.takesItsTime). */
  trackOutsideAction(action: Promise<void>): void {
    this.outsideActions++;
    void action.finally(() => {
      this.outsideActions--;
      this.outsideActionsEndedAt = this.options.now();
    });
  }

  get outsideActionRunning(): boolean {
    return this.outsideActions > 0;
  }

  get sut(): ResolvedSut {
    return this.options.sut;
  }

  /** The role the harness plays. */
  get harness(): Side {
    return this.session.options.harness;
  }

  now(): number {
    return this.options.now();
  }

  template(params: Record<string, unknown>, extra: Partial<TemplateContext> = {}): TemplateContext {
    const base: TemplateContext = { sut: this.options.sutView, vars: this.vars, params, gen: this.options.gen };
    if (this.each !== undefined) base.each = this.each;
    return { ...base, ...extra };
  }

  resolve(value: unknown, params: Record<string, unknown>, extra: Partial<TemplateContext> = {}): unknown {
    return resolveTemplate(value, this.template(params, extra));
  }

  matchEnv(): MatchEnv {
    return { now: this.now(), toleranceMs: this.sut.timeouts.toleranceMs };
  }

  /** Actions answered in the background without failing a waiting step. */
  isBackground(action: string, tolerate: readonly string[] = []): boolean {
    if (tolerate.includes(action)) return true;
    const configured = this.sut.background?.actions;
    return (configured ?? BACKGROUND_ACTIONS[this.sut.version]).includes(action);
  }

  /** The default answer to a CALL: the SUT configuration's reply template for the action, else the built-in one. */
  defaultAnswer(call: Pick<IncomingCall, 'action' | 'payload'>): DefaultAnswer {
    return defaultAnswerer(this.options, this.harness)(call);
  }
}

/** Answers CALLs nobody claimed, for the session (between cases too) and for steps that give no reply. */
export function defaultAnswerer(options: EngineOptions, harness: Side): (call: Pick<IncomingCall, 'action' | 'payload'>) => DefaultAnswer {
  const { sut } = options;
  return (call) => {
    const configured = sut.background?.replies?.[call.action];
    if (configured) return { payload: resolveTemplate(configured, { sut: options.sutView, vars: {}, params: {}, gen: options.gen, message: call.payload }) as Payload };
    return defaultAnswer(call.action, call.payload, {
      version: sut.version,
      harness,
      now: options.now(),
      heartbeatIntervalS: sut.heartbeatIntervalS,
      idTags: sut.idTags,
      nextTransactionId: () => options.gen.seq(),
    });
  };
}

/** Findings in words: `[schema.required] /chargePointModel: … (BootNotification request)`. */
export function describeFindings(findings: readonly Finding[], label?: string): string {
  const text = findings.map((f) => `[${f.rule}]${f.path ? ` ${f.path}` : ''} ${f.message}`).join('; ');
  return label ? `${label}: ${text}` : text;
}

/** A frame in a few words for failure messages: `StatusNotification {"connectorId":1,"status":"Available"}`. */
export function describeCall(action: string, payload: unknown): string {
  const text = JSON.stringify(payload);
  return `${action} ${text.length > 200 ? `${text.slice(0, 199)}…` : text}`;
}
