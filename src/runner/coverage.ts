import { existsSync, readFileSync } from 'node:fs';
import type { LoadedCase } from './case-types.js';
import { projectPath } from './json-schema-errors.js';

/**
 * Coverage of the certification catalog (../shared/catalog/octt-testcases.tsv: every known OCTT case id with
 * version, role, profile and, for 2.x, the M/C flags per certification profile): which ids testcases/ implements,
 * counted per version, role and profile; for 2.x mandatory (M) and conditional (C) separately.
 */
export interface CatalogRow {
  version: string;
  id: string;
  title: string;
  role: 'cs' | 'csms';
  /** 1.6: the profile; 2.x: the functional block. */
  block: string;
  /** 2.x: certification profile → M, C, or '-' when listed without a flag. */
  certification: Array<{ profile: string; flag: 'M' | 'C' | '-' }>;
}

export const DEFAULT_CATALOG = projectPath('../shared/catalog/octt-testcases.tsv');

export function readCatalog(file: string = DEFAULT_CATALOG): CatalogRow[] {
  if (!existsSync(file)) throw new Error(`the case catalog ${file} does not exist (give --catalog FILE)`);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split('\t');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`the case catalog ${file} has no "${name}" column`);
    return i;
  };
  const [v, id, title, role, block, mandatory] = ['version', 'id', 'title', 'role_under_test', 'functional_block_or_profile', 'mandatory_for'].map(col);
  return lines.slice(1).map((line) => {
    const f = line.split('\t');
    return { version: f[v], id: f[id], title: f[title], role: f[role].toLowerCase() === 'csms' ? 'csms' : 'cs', block: f[block] ?? '', certification: parseCertification(f[mandatory] ?? '') };
  });
}

/** `Core:M; Advanced Device Management:C (DM-3 …)` → [{Core, M}, {Advanced Device Management, C}]. */
export function parseCertification(text: string): CatalogRow['certification'] {
  const out: CatalogRow['certification'] = [];
  for (const entry of splitTopLevel(text)) {
    const m = /^\s*([A-Za-z0-9 ]+?)\s*:\s*([MC])\b/.exec(entry);
    if (m) out.push({ profile: m[1], flag: m[2] as 'M' | 'C' });
    else if (/^\s*not listed/i.test(entry)) out.push({ profile: '(no certification profile)', flag: '-' });
    else if (entry.trim()) out.push({ profile: /^\s*([A-Za-z0-9 ]+?)\s*(\(|$)/.exec(entry)?.[1] ?? entry.trim(), flag: '-' });
  }
  return out;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** 1.6 profile from "Core / 2.2 Start Charging Session", "Security (1.6 security whitepaper) / 2.24 Security" … */
export function profile16(block: string): string {
  const head = block.split(' / ')[0].trim();
  if (/^unknown/i.test(head)) return '(profile not in the catalog)';
  return head.replace(/\s*\(.*\)$/, '');
}

export interface CoverageLine {
  version: string;
  role: 'cs' | 'csms';
  profile: string;
  /** 2.x: M, C or '-'; 1.6: ''. */
  flag: string;
  implemented: number;
  total: number;
}

export interface Coverage {
  lines: CoverageLine[];
  /** Per version and role: all ids. */
  totals: Array<{ version: string; role: 'cs' | 'csms'; implemented: number; total: number }>;
  /** Case files whose id is not in the catalog. */
  unknown: string[];
}

export function computeCoverage(rows: readonly CatalogRow[], cases: readonly LoadedCase[]): Coverage {
  // A case implements its own id and the variant ids it declares in `covers`.
  const implemented = new Set(cases.flatMap((c) => [c.testCase.id, ...(c.testCase.covers ?? [])].map((id) => `${c.testCase.version}|${id}`)));
  const profileOf = new Map(cases.map((c) => [`${c.testCase.version}|${c.testCase.id}`, c.testCase.profile]));
  const lines = new Map<string, CoverageLine>();
  const totals = new Map<string, { version: string; role: 'cs' | 'csms'; implemented: number; total: number }>();
  const bump = (key: string, make: () => CoverageLine, done: boolean) => {
    const line = lines.get(key) ?? make();
    line.total++;
    if (done) line.implemented++;
    lines.set(key, line);
  };
  for (const r of rows) {
    const key = `${r.version}|${r.id}`;
    const done = implemented.has(key);
    const t = totals.get(`${r.version}|${r.role}`) ?? { version: r.version, role: r.role, implemented: 0, total: 0 };
    t.total++;
    if (done) t.implemented++;
    totals.set(`${r.version}|${r.role}`, t);
    if (r.version === '1.6') {
      let profile = profile16(r.block);
      if (profile.startsWith('(') && profileOf.has(key)) profile = profileOf.get(key)!;
      bump(`${r.version}|${r.role}|${profile}|`, () => ({ version: r.version, role: r.role, profile, flag: '', implemented: 0, total: 0 }), done);
    } else {
      for (const c of r.certification) bump(`${r.version}|${r.role}|${c.profile}|${c.flag}`, () => ({ version: r.version, role: r.role, profile: c.profile, flag: c.flag, implemented: 0, total: 0 }), done);
    }
  }
  const known = new Set(rows.map((r) => `${r.version}|${r.id}`));
  const unknown = cases
    .flatMap((c) => [c.testCase.id, ...(c.testCase.covers ?? [])].map((id) => ({ version: c.testCase.version, id })))
    .filter((x) => !known.has(`${x.version}|${x.id}`))
    .map((x) => `${x.version} ${x.id}`);
  const order = (a: CoverageLine, b: CoverageLine) => a.version.localeCompare(b.version, undefined, { numeric: true }) || a.role.localeCompare(b.role) || a.profile.localeCompare(b.profile) || a.flag.localeCompare(b.flag);
  return { lines: [...lines.values()].sort(order), totals: [...totals.values()].sort((a, b) => a.version.localeCompare(b.version, undefined, { numeric: true }) || a.role.localeCompare(b.role)), unknown };
}

/** The coverage as a table for people. */
export function formatCoverage(cov: Coverage): string {
  const out: string[] = [];
  for (const t of cov.totals) {
    out.push(`OCPP ${t.version}, ${t.role === 'cs' ? 'charging station' : 'CSMS'} under test (${t.role.toUpperCase()}): ${t.implemented}/${t.total} implemented`);
    for (const l of cov.lines.filter((x) => x.version === t.version && x.role === t.role)) {
      const flag = l.flag === 'M' ? ' mandatory (M)' : l.flag === 'C' ? ' conditional (C)' : l.flag === '-' ? ' (no M/C flag)' : '';
      out.push(`  ${`${l.profile}${flag}`.padEnd(58)} ${String(l.implemented).padStart(4)}/${l.total}`);
    }
  }
  if (cov.unknown.length) out.push(`Case files whose id is not in the catalog: ${cov.unknown.join(', ')}`);
  return `${out.join('\n')}\n`;
}
