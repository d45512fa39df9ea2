import { expect } from 'chai';
import { ConsoleReporter, terminalSafe, useColor, type OutputStream } from '../../../src/reporters/console-reporter.js';
import type { Report } from '../../../src/reporters/report-model.js';
import { HOSTILE, hostileReport } from './fixtures/hostile-report.js';
import { realisticReport } from './fixtures/realistic-report.js';

class Capture implements OutputStream {
  text = '';
  constructor(readonly isTTY?: boolean) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  get lines(): string[] {
    return this.text.split('\n');
  }
}

/** Drives a reporter the way the runner does: start, each case, end. */
function run(reporter: ConsoleReporter, report: Report): void {
  reporter.onRunStart({ runId: report.run.id, sut: report.sut, caseCount: report.cases.length });
  for (const c of report.cases) reporter.onCaseEnd(c);
  reporter.onRunEnd(report);
}

const ESC = '\u001b';

describe('console reporter', () => {
  it('prints a start line, a line per case and a summary (no colour on a pipe)', () => {
    const out = new Capture(false);
    run(new ConsoleReporter({ stream: out, env: {} }), realisticReport());
    expect(out.text).not.to.include(ESC);
    expect(out.lines).to.deep.equal([
      'ocpp-harness run 20250314-093000-fx7k2q: 8 cases against the charging station VendorX SingleSocketCharger',
      '',
      '  ✔ TC_001_CS  Cold Boot Charge Point (1.84 s)',
      '  ✖ TC_003_CS  Regular Charging Session - Plugin First (3.12 s) failed',
      '      Step 4: the StartTransaction.req lacks the required field meterStart (schema.required), so the CSMS cannot bill the session.',
      '  ! TC_023_CS  Start Charging Session – Authorize invalid (950 ms) error',
      '      The connection to the charging station closed during step 3 (code 1006, no close frame); the case could not finish.',
      '  ○ TC_010_CS  Remote Start Charging Session – Cable Plugged in First (0 ms) not run',
      "      Manual action 'plugIn' needs an action adapter: none is configured and stdin is not a terminal.",
      '  ✔ TC_B_01_CS  Cold Boot Charging Station - Accepted (32.50 s)',
      '  ✖ TC_C_02_CS  Local start transaction - Authorization Invalid/Unknown (2.40 s) failed',
      '      Step 3: the station sent a TransactionEventRequest (eventType Started) 1.2 s after its idToken was rejected; it must not start a transaction.',
      '  – TC_H_01_CS  Reserve a specific EVSE - Accepted - Valid idToken (0 ms) not applicable',
      "      The SUT config does not declare the feature 'Reservation' that this case needs.",
      '  ✔ TC_B_20_CS  Reset Charging Station - Without ongoing transaction - OnIdle (4.20 s)',
      '',
      '8 cases: 3 passed, 2 failed, 1 error, 1 not applicable, 1 not run (45.80 s)',
      '',
    ]);
  });

  it('says "0 errors" but "1 error" in the summary', () => {
    const out = new Capture(false);
    const report = realisticReport();
    report.summary.error = 0;
    new ConsoleReporter({ stream: out, env: {} }).onRunEnd(report);
    expect(out.text).to.include(', 0 errors, ');
  });

  it('prints each case as soon as onCaseEnd is called', () => {
    const out = new Capture(false);
    const reporter = new ConsoleReporter({ stream: out, env: {} });
    const report = realisticReport();
    reporter.onCaseEnd(report.cases[0]!);
    expect(out.lines).to.deep.equal(['  ✔ TC_001_CS  Cold Boot Charge Point (1.84 s)', '']);
  });

  it('colours on a TTY when NO_COLOR is unset or empty', () => {
    for (const env of [{}, { NO_COLOR: '' }]) {
      const out = new Capture(true);
      run(new ConsoleReporter({ stream: out, env }), realisticReport());
      expect(out.text).to.include(`${ESC}[32m✔${ESC}[0m`);
      expect(out.text).to.include(`${ESC}[31m✖${ESC}[0m`);
    }
  });

  it('does not colour when NO_COLOR is set, or on a pipe, unless forced', () => {
    expect(useColor({ write: () => true, isTTY: true }, { NO_COLOR: '1' })).to.equal(false);
    expect(useColor({ write: () => true, isTTY: false }, {})).to.equal(false);
    expect(useColor({ write: () => true }, {})).to.equal(false);
    expect(useColor({ write: () => true, isTTY: true }, {})).to.equal(true);
    const forced = new Capture(false);
    new ConsoleReporter({ stream: forced, color: true }).onCaseEnd(realisticReport().cases[0]!);
    expect(forced.text).to.include(ESC);
    const off = new Capture(true);
    new ConsoleReporter({ stream: off, env: { NO_COLOR: '1' } }).onCaseEnd(realisticReport().cases[0]!);
    expect(off.text).not.to.include(ESC);
  });

  it('never passes terminal control sequences or bidi overrides from report text to the terminal', () => {
    const out = new Capture(false);
    run(new ConsoleReporter({ stream: out, env: {} }), hostileReport());
    expect(out.text).not.to.include(ESC);
    expect(out.text).not.to.match(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(out.text).to.include('Controls ctl:\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD[31mred\uFFFD[0m\uFFFD:end and bidi abc\uFFFDevil\uFFFD');
    expect(out.text).to.include(HOSTILE.imgOnerror);
  });

  it('indents every line of a multi-line reason', () => {
    const out = new Capture(false);
    const c = { ...realisticReport().cases[1]!, reason: 'first\nsecond\r\nthird\u2028fourth' };
    new ConsoleReporter({ stream: out, env: {} }).onCaseEnd(c);
    expect(out.lines.slice(1, 5)).to.deep.equal(['      first', '      second', '      third', '      fourth']);
  });

  it('terminalSafe keeps printable text and newlines, tabs become spaces, BEL becomes U+FFFD', () => {
    expect(terminalSafe('é 東京 🚗\n')).to.equal('é 東京 🚗\n');
    expect(terminalSafe('a\tb\u0007c')).to.equal('a b\uFFFDc');
  });

  it('prints where the reports are', () => {
    const out = new Capture(false);
    new ConsoleReporter({ stream: out }).reportsWritten({ json: 'r/1/report.json', html: 'r/1/report.html', junit: 'r/1/junit.xml' });
    expect(out.lines).to.deep.equal(['Reports: r/1/report.html', '         r/1/report.json', '         r/1/junit.xml', '']);
  });
});

describe('console reporter: a run of both roles', () => {
  it('names the SUT without claiming a single role', () => {
    const out = new Capture(false);
    new ConsoleReporter({ stream: out, env: {} }).onRunStart({ runId: 'r1', sut: { role: 'both', name: 'built-in reference charging station and reference CSMS' }, caseCount: 2 });
    expect(out.lines[0]).to.equal('ocpp-harness run r1: 2 cases against built-in reference charging station and reference CSMS');
  });
});
