import type { Finding, FrameRecord, Side, Version } from '../types.js';

/**
 * The canonical run report (reports/<run id>/report.json). The HTML and JUnit reports are pure functions of
 * this object; schemas/report.schema.json describes the same shape for other tools.
 */
export type Verdict = 'passed' | 'failed' | 'error' | 'not-applicable' | 'not-run';

export interface Report {
  /** Format version of this report shape. */
  reportFormat: 1;
  run: RunInfo;
  sut: SutInfo;
  summary: Summary;
  cases: CaseResult[];
  /** Findings of the in-process proxy when the run went through it (per station), beyond those on case frames. */
  proxyFindings?: Finding[];
}

export interface RunInfo {
  /** reports/<id>/ holds this run. */
  id: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  tool: { name: 'ocpp-harness'; version: string };
  /** npm package and version the OCPP schemas came from, per OCPP version used. */
  schemas: Array<{ ocppVersion: Version; package: string; packageVersion: string }>;
  /** The command line or a description of how the run was started. */
  command: string;
  viaProxy: boolean;
  host: { node: string; platform: string };
}

export interface SutInfo {
  /** The role of the system under test; `both` when a run covers cases of both roles (the embedded default). */
  role: Side | 'both';
  /** A name for the SUT: from the SUT config, or "reference charging station" / "reference CSMS". */
  name: string;
  version?: Version;
  /** Where it was reached: the URL of a CSMS, the port a station connected to. */
  endpoint?: string;
  /** Non-secret identity facts (vendor, model, station identity). */
  identity?: Record<string, string>;
}

export interface Summary {
  total: number;
  passed: number;
  failed: number;
  error: number;
  notApplicable: number;
  notRun: number;
}

export interface CaseResult {
  id: string;
  title: string;
  version: Version;
  /** Role under test. */
  sut: Side;
  profile?: string;
  verdict: Verdict;
  /** Why the case did not pass (or why it did not run): one or two sentences a person understands. */
  reason?: string;
  startedAt: string;
  durationMs: number;
  steps: StepResult[];
  /** Every frame of the case, both directions, in order (secrets redacted). */
  frames: FrameRecord[];
}

export interface StepResult {
  /** 1-based position as the report shows it (reusable-state steps are numbered with a prefix, e.g. "Booted.2"). */
  index: string;
  /** What the step does, in words (from the step's explain()). */
  description: string;
  verdict: 'passed' | 'failed' | 'error' | 'skipped';
  /** For failures: what was expected and what came instead. */
  expected?: string;
  actual?: string;
  /** Findings that failed the step (schema/RPC findings of the SUT's frames). */
  findings?: Finding[];
  durationMs: number;
  /** Indexes into CaseResult.frames of the frames that are the evidence of this step. */
  frameRefs?: number[];
}
