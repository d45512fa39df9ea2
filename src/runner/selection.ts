import type { Side, Version } from '../types.js';
import type { LoadedCase } from './case-types.js';

/**
 * Which cases a run or a listing takes: ids or globs (`TC_003_CS`, `TC_0*_CSMS`, `tc_b_*`, case-insensitive),
 * a version, the role under test, a profile. A pattern that matches no case is an error, so typos do not pass
 * silently as "0 cases".
 */
export interface Selection {
  patterns?: readonly string[];
  version?: Version;
  sut?: Side;
  profile?: string;
}

export class SelectionError extends Error {
  override readonly name = 'SelectionError';
}

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

export function selectCases(cases: readonly LoadedCase[], sel: Selection): LoadedCase[] {
  const filtered = cases.filter(({ testCase: tc }) => {
    if (sel.version && tc.version !== sel.version) return false;
    if (sel.sut && tc.sut !== sel.sut) return false;
    if (sel.profile && tc.profile.toLowerCase() !== sel.profile.toLowerCase()) return false;
    return true;
  });
  const patterns = sel.patterns ?? [];
  if (patterns.length === 0) return filtered;
  const regexps = patterns.map((p) => ({ p, re: globToRegExp(p) }));
  for (const { p, re } of regexps) {
    if (!filtered.some((c) => re.test(c.testCase.id))) {
      const other = cases.some((c) => re.test(c.testCase.id));
      throw new SelectionError(other ? `"${p}" matches cases, but none of the selected version / role / profile` : `no case matches "${p}"`);
    }
  }
  return filtered.filter((c) => regexps.some(({ re }) => re.test(c.testCase.id)));
}
