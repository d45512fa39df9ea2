import type { Finding, Severity } from '../types.js';
import type { RuleCode } from './rules.js';

/** Builds a finding; `path` is '' unless the finding points into a payload. */
export function finding(rule: RuleCode, severity: Severity, message: string, extra: { path?: string; errorCode?: string } = {}): Finding {
  const f: Finding = { rule, severity, path: extra.path ?? '', message };
  if (extra.errorCode) f.errorCode = extra.errorCode;
  return f;
}

export function hasError(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
