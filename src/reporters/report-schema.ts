import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Report } from './report-model.js';
import { summarize, VERDICTS, VERDICT_INFO } from './verdicts.js';

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** schemas/report.schema.json, from src/reporters (tsx) and dist/reporters (built) alike. */
export const REPORT_SCHEMA_PATH = fileURLToPath(new URL('../../schemas/report.schema.json', import.meta.url));

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as object);
  }
  return compiled;
}

function describe(e: ErrorObject): string {
  return `${e.instancePath || '/'}: ${e.message ?? e.keyword}`;
}

/**
 * Checks a report against schemas/report.schema.json, then what a schema cannot say: the summary counts
 * match the cases, and every step's frameRefs point at a frame of its case. Returns the problems, one
 * sentence each; an empty array means the report is valid.
 */
export function validateReport(report: unknown): string[] {
  const validate = validator();
  if (!validate(report)) return (validate.errors ?? []).map(describe);
  const r = report as Report;
  const problems: string[] = [];
  const counted = summarize(r.cases);
  for (const key of ['total', ...VERDICTS.map((v) => VERDICT_INFO[v].summaryKey)] as const) {
    if (r.summary[key] !== counted[key]) problems.push(`/summary/${key}: is ${r.summary[key]} but the cases count ${counted[key]}`);
  }
  r.cases.forEach((c, ci) =>
    c.steps.forEach((s, si) =>
      (s.frameRefs ?? []).forEach((ref, ri) => {
        if (ref >= c.frames.length) problems.push(`/cases/${ci}/steps/${si}/frameRefs/${ri}: frame ${ref} does not exist (the case has ${c.frames.length})`);
      }),
    ),
  );
  return problems;
}
