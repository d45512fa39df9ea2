import type { Condition } from './case-types.js';
import { explainPredicate, match, type MatchEnv } from './matchers.js';
import { lookupPath, resolveTemplate, type TemplateContext } from './templates.js';

/**
 * `when` conditions on steps and `condition` on prerequisites: tests on the SUT configuration (declared features
 * and profiles, configured values) and on variables captured earlier in the case.
 */
export interface Declarations {
  features: ReadonlySet<string>;
  /** Undefined when the SUT configuration lists no profiles: every profile then counts as declared. */
  profiles?: ReadonlySet<string>;
}

export function evaluateCondition(cond: Condition, ctx: TemplateContext, declared: Declarations, env: MatchEnv): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluateCondition(c, ctx, declared, env));
  if ('any' in cond) return cond.any.some((c) => evaluateCondition(c, ctx, declared, env));
  if ('not' in cond) return !evaluateCondition(cond.not, ctx, declared, env);
  if ('feature' in cond) return declared.features.has(cond.feature);
  if ('profile' in cond) return declared.profiles === undefined || declared.profiles.has(cond.profile);
  const value = lookupPath(ctx, cond.path);
  return match(resolveTemplate(cond.match, ctx), value, env).length === 0;
}

export function explainCondition(cond: Condition): string {
  if ('all' in cond) return cond.all.map(explainCondition).join(' and ');
  if ('any' in cond) return `(${cond.any.map(explainCondition).join(' or ')})`;
  if ('not' in cond) return `not (${explainCondition(cond.not)})`;
  if ('feature' in cond) return `feature ${cond.feature} is declared`;
  if ('profile' in cond) return `profile ${cond.profile} is declared`;
  return `${cond.path} ${explainPredicate(cond.match)}`;
}
