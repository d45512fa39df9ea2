import type { Finding, Version } from '../types.js';
import { schemaSource } from '../ocpp/schema-sources.js';
import type { CaseResult, Report, SutInfo } from '../reporters/report-model.js';
import { summarize } from '../reporters/verdicts.js';

/**
 * Assembles the canonical report (report-model.ts) from the case results of a run: run metadata, the SUT,
 * summary counts, the schema packages used and, for runs through the in-process proxy, its own findings.
 */
export interface RunMeta {
  id: string;
  startedAt: number;
  finishedAt: number;
  command: string;
  viaProxy: boolean;
  toolVersion: string;
}

export function buildReport(meta: RunMeta, sut: SutInfo, cases: CaseResult[], proxyFindings: Finding[] = []): Report {
  const versions = [...new Set(cases.map((c) => c.version))].sort() as Version[];
  const report: Report = {
    reportFormat: 1,
    run: {
      id: meta.id,
      startedAt: new Date(meta.startedAt).toISOString(),
      finishedAt: new Date(meta.finishedAt).toISOString(),
      durationMs: Math.max(0, meta.finishedAt - meta.startedAt),
      tool: { name: 'ocpp-harness', version: meta.toolVersion },
      schemas: versions.map((v) => {
        const s = schemaSource(v);
        return { ocppVersion: v, package: s.package, packageVersion: s.packageVersion };
      }),
      command: meta.command,
      viaProxy: meta.viaProxy,
      host: { node: process.version, platform: `${process.platform}-${process.arch}` },
    },
    sut,
    summary: summarize(cases),
    cases,
  };
  if (meta.viaProxy) report.proxyFindings = proxyFindings;
  return report;
}

/** Collects the proxy's error findings, once per distinct finding, capped so a flood cannot bloat the report. */
export class ProxyFindingCollector {
  private readonly seen = new Set<string>();
  readonly findings: Finding[] = [];

  constructor(private readonly cap = 200) {}

  add(errors: readonly Finding[]): void {
    for (const f of errors) {
      if (f.severity !== 'error' || this.findings.length >= this.cap) continue;
      const key = `${f.rule}|${f.path}|${f.message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.findings.push(f);
    }
  }
}
