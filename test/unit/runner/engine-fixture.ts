import type { Side, Version } from '../../../src/types.js';
import { AdapterChain, type ActionAdapter } from '../../../src/runner/action-adapter.js';
import { stateKey } from '../../../src/runner/case-loader.js';
import type { LoadedState, ReusableState, Step, TestCase } from '../../../src/runner/case-types.js';
import { defaultAnswerer } from '../../../src/runner/engine-context.js';
import { Engine } from '../../../src/runner/engine.js';
import { Session } from '../../../src/runner/engine-session.js';
import { declarationsOf, resolveSut, sutTemplateView, type SutConfigFile } from '../../../src/runner/sut-config.js';
import { defaultGenerators } from '../../../src/runner/templates.js';
import type { CaseResult } from '../../../src/reporters/report-model.js';
import { ScriptedLink, type Script } from './scripted-link.js';

/** Builds an engine over a scripted link and runs inline cases: the engine tests' common setup. */
export interface FixtureOptions {
  /** The role under test (default cs: the harness plays the CSMS). */
  sut?: Side;
  version?: Version;
  config?: SutConfigFile;
  states?: ReusableState[];
  adapters?: ActionAdapter[];
  /** Wait for a fresh station's boot before each case (the production default); off so scripts start at once. */
  awaitBoot?: boolean;
}

export interface Fixture {
  link: ScriptedLink;
  session: Session;
  engine: Engine;
  run(steps: Step[], extra?: Partial<TestCase>): Promise<CaseResult>;
}

export const FAST = { responseMs: 300, expectMs: 300, connectMs: 300, holdMs: 200, toleranceMs: 200 };

export function fixture(script: Script, options: FixtureOptions = {}): Fixture {
  const role = options.sut ?? 'cs';
  const version = options.version ?? '1.6';
  const sut = resolveSut({ timeouts: FAST, ...options.config }, { role, version });
  const link = new ScriptedLink(script);
  const gen = defaultGenerators();
  const harness: Side = role === 'cs' ? 'csms' : 'cs';
  const states = new Map<string, LoadedState>();
  for (const s of options.states ?? []) states.set(stateKey(s.version, s.sut, s.state), { file: `${s.state}.json`, state: s });
  const engineOptions = { sut, sutView: sutTemplateView(sut), declared: declarationsOf(sut), adapter: new AdapterChain(options.adapters ?? []), states, gen, now: Date.now, awaitBoot: options.awaitBoot ?? false };
  const session = new Session(link, {
    version,
    harness,
    holdMs: sut.timeouts.holdMs,
    responseTimeoutMs: sut.timeouts.responseMs,
    backgroundAnswer: defaultAnswerer(engineOptions, harness),
  });
  const engine = new Engine(session, engineOptions);
  return {
    link,
    session,
    engine,
    run: (steps, extra = {}) =>
      engine.runCase({
        file: 'inline.json',
        testCase: { id: role === 'cs' ? 'TC_900_CS' : 'TC_900_CSMS', title: 'inline case', version, sut: role, profile: 'Core', steps, ...extra },
      }),
  };
}
