import type { CaseResult, Report, SutInfo } from './report-model.js';
import { formatDuration, VERDICT_INFO, VERDICTS } from './verdicts.js';

/** What the runner tells reporters when a run starts. */
export interface RunStartInfo {
  runId: string;
  sut: SutInfo;
  /** How many cases the run will report. */
  caseCount: number;
}

/** The calls a runner makes on a reporter, in this order: onRunStart once, onCaseEnd per case, onRunEnd once. */
export interface RunReporter {
  onRunStart(info: RunStartInfo): void;
  onCaseEnd(result: CaseResult): void;
  onRunEnd(report: Report): void;
}

/** The part of a stream the console reporter uses (process.stdout and process.stderr fit). */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ConsoleReporterOptions {
  /** Default: process.stdout. */
  stream?: OutputStream;
  /** Force colour on or off; default: on when the stream is a TTY and NO_COLOR is unset or empty. */
  color?: boolean;
  /** Default: process.env (only NO_COLOR is read). */
  env?: Record<string, string | undefined>;
}

const ANSI = { green: 32, red: 31, yellow: 33, gray: 90, bold: 1 } as const;
type Tone = keyof typeof ANSI;

const VERDICT_TONE = { passed: 'green', failed: 'red', error: 'yellow', 'not-applicable': 'gray', 'not-run': 'gray' } as const;

/**
 * Control characters (ESC starts terminal escape sequences), DEL, C1 controls and bidi overrides: text from a
 * system under test must not drive the terminal, so they are shown as U+FFFD.
 */
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text from a report made safe to print: unsafe characters replaced, tabs as spaces, line breaks kept. */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ').replace(UNSAFE_FOR_TERMINAL, '\uFFFD');
}

export function useColor(stream: OutputStream, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

/** Prints a line per case as it finishes (with the reason under non-passing ones) and a summary at the end. */
export class ConsoleReporter implements RunReporter {
  private readonly stream: OutputStream;
  private readonly color: boolean;

  constructor(options: ConsoleReporterOptions = {}) {
    this.stream = options.stream ?? process.stdout;
    this.color = options.color ?? useColor(this.stream, options.env ?? process.env);
  }

  private paint(tone: Tone, text: string): string {
    return this.color ? `\u001b[${ANSI[tone]}m${text}\u001b[0m` : text;
  }

  private write(line: string): void {
    this.stream.write(`${line}\n`);
  }

  onRunStart(info: RunStartInfo): void {
    const who = info.sut.role === 'cs' ? 'the charging station ' : info.sut.role === 'csms' ? 'the CSMS ' : '';
    const cases = `${info.caseCount} ${info.caseCount === 1 ? 'case' : 'cases'}`;
    this.write(`ocpp-harness run ${terminalSafe(info.runId)}: ${cases} against ${who}${terminalSafe(info.sut.name)}`);
    this.write('');
  }

  onCaseEnd(result: CaseResult): void {
    const info = VERDICT_INFO[result.verdict] ?? { symbol: '?', label: String(result.verdict) };
    const tone: Tone = VERDICT_TONE[result.verdict] ?? 'gray';
    const title = terminalSafe(result.title).replace(/\n/g, ' ');
    const time = this.paint('gray', `(${formatDuration(result.durationMs)})`);
    const label = result.verdict === 'passed' ? '' : ` ${this.paint(tone, info.label)}`;
    this.write(`  ${this.paint(tone, info.symbol)} ${this.paint('bold', terminalSafe(result.id))}  ${title} ${time}${label}`);
    if (result.verdict !== 'passed' && result.reason) {
      for (const line of terminalSafe(result.reason).split('\n')) this.write(`      ${this.paint(tone, line)}`);
    }
  }

  onRunEnd(report: Report): void {
    const s = report.summary;
    const parts = VERDICTS.map((v) => {
      const n = s[VERDICT_INFO[v].summaryKey];
      const text = `${n} ${v === 'error' && n !== 1 ? 'errors' : VERDICT_INFO[v].label}`;
      return n > 0 ? this.paint(VERDICT_TONE[v], text) : text;
    });
    this.write('');
    this.write(`${s.total} ${s.total === 1 ? 'case' : 'cases'}: ${parts.join(', ')} ${this.paint('gray', `(${formatDuration(report.run.durationMs)})`)}`);
  }

  /** Prints where the reports were written (after writeReports). */
  reportsWritten(paths: { json: string; html: string; junit: string }): void {
    this.write(`Reports: ${paths.html}`);
    this.write(`         ${paths.json}`);
    this.write(`         ${paths.junit}`);
  }
}
