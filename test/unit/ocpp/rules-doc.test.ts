import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../../src/ocpp/rules.js';

/** docs/findings.md documents exactly the rule codes of src/ocpp/rules.ts, each with the same fields. */

const DOC = fileURLToPath(new URL('../../../docs/findings.md', import.meta.url));

interface Section {
  code: string;
  body: string;
}

function sections(markdown: string): Section[] {
  const found: Section[] = [];
  const heading = /^### `([^`]+)`\s*$/gm;
  const starts = [...markdown.matchAll(heading)];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : markdown.length;
    found.push({ code: m[1], body: markdown.slice(m.index + m[0].length, end) });
  });
  return found;
}

function field(section: Section, name: string): string | undefined {
  return new RegExp(`^- ${name}: (.+)$`, 'm').exec(section.body)?.[1].trim();
}

describe('docs/findings.md', () => {
  const markdown = readFileSync(DOC, 'utf8');
  const documented = sections(markdown);
  const codes = Object.keys(RULES);

  it('documents exactly the codes of RULES, each once', () => {
    const names = documented.map((s) => s.code);
    expect(names.filter((n, i) => names.indexOf(n) !== i), 'documented twice').to.deep.equal([]);
    expect(names.filter((n) => !codes.includes(n)), 'documented but not in RULES').to.deep.equal([]);
    expect(codes.filter((c) => !names.includes(c)), 'in RULES but not documented').to.deep.equal([]);
    expect([...names].sort()).to.deep.equal([...codes].sort());
  });

  it('gives every code a severity, a trigger, a spec section and a CALLERROR line', () => {
    const incomplete: string[] = [];
    for (const s of documented) {
      const severity = field(s, 'Severity');
      if (!severity || !/^(error|warning)\b/.test(severity)) incomplete.push(`${s.code}: Severity`);
      if (!field(s, 'Trigger') || field(s, 'Trigger')!.length < 20) incomplete.push(`${s.code}: Trigger`);
      if (!field(s, 'Spec')) incomplete.push(`${s.code}: Spec`);
      if (!field(s, 'CALLERROR')) incomplete.push(`${s.code}: CALLERROR`);
    }
    expect(incomplete).to.deep.equal([]);
  });

  it('cites the same specification section as rules.ts for every code', () => {
    const mismatched = documented
      .filter((s) => s.code in RULES)
      .filter((s) => field(s, 'Spec') !== RULES[s.code as keyof typeof RULES].spec)
      .map((s) => `${s.code}: doc "${field(s, 'Spec')}" vs rules.ts "${RULES[s.code as keyof typeof RULES].spec}"`);
    expect(mismatched).to.deep.equal([]);
  });

  it('files each code under the section of its prefix', () => {
    const misplaced: string[] = [];
    const prefixes = [...markdown.matchAll(/^## .*\(`([a-z]+)\.\*`\)\s*$/gm)].map((m) => ({ prefix: m[1], at: m.index }));
    for (const m of markdown.matchAll(/^### `([^`]+)`/gm)) {
      const section = prefixes.filter((p) => p.at < m.index).pop();
      if (!section || !m[1].startsWith(`${section.prefix}.`)) misplaced.push(m[1]);
    }
    expect(misplaced).to.deep.equal([]);
  });
});
