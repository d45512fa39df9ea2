import type { Side } from '../types.js';
import type { CaseResult } from '../reporters/report-model.js';
import type { ActionAdapter } from './action-adapter.js';
import type { LoadedCase, LoadedState } from './case-types.js';
import { defaultAnswerer, type EngineOptions } from './engine-context.js';
import { Engine } from './engine.js';
import { Session } from './engine-session.js';
import type { Link } from './link.js';
import { declarationsOf, sutTemplateView, type ResolvedSut } from './sut-config.js';
import { defaultGenerators, type Generators } from './templates.js';

/**
 * Runs cases one after the other against one system under test reached through one link. The session lives as
 * long as the link, so background traffic between cases is answered too.
 */
export interface Target {
  sut: ResolvedSut;
  link: Link;
  adapter: ActionAdapter;
}

export interface SuiteHooks {
  onCaseEnd?(result: CaseResult): void;
}

export async function runSuite(cases: readonly LoadedCase[], target: Target, states: ReadonlyMap<string, LoadedState>, hooks: SuiteHooks = {}, gen: Generators = defaultGenerators()): Promise<CaseResult[]> {
  const { sut, link } = target;
  const harness: Side = sut.role === 'cs' ? 'csms' : 'cs';
  const options: EngineOptions = { sut, sutView: sutTemplateView(sut), declared: declarationsOf(sut), adapter: target.adapter, states, gen, now: Date.now };
  const session = new Session(link, {
    version: sut.version,
    harness,
    holdMs: sut.timeouts.holdMs,
    responseTimeoutMs: sut.timeouts.responseMs,
    backgroundAnswer: defaultAnswerer(options, harness),
  });
  const engine = new Engine(session, options);
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const result = await engine.runCase(c);
      results.push(result);
      hooks.onCaseEnd?.(result);
    }
  } finally {
    session.dispose();
  }
  return results;
}
