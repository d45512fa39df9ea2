import type { Side, Version } from '../types.js';

/**
 * The conformance case format (testcases/**.json), as TypeScript. schemas/testcase.schema.json describes the same
 * shape for editors and is what case files are validated against on load; testcases/README.md explains it in words.
 * Everything here is plain data: the engine (engine*.ts) gives it meaning.
 */

/**
 * A payload matcher: any JSON value. Objects match partially (listed keys only), arrays element by element,
 * scalars by equality; objects with a single `$`-key are operators (see matchers.ts).
 */
export type Matcher = unknown;

/** A payload template: any JSON value whose strings may hold `{{path}}` placeholders (see templates.ts). */
export type Template = unknown;

/** A test on the SUT configuration or on values captured so far; `when` on steps, `condition` on prerequisites. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  /** True when the SUT configuration declares this feature (e.g. `LocalAuthListManagement`, `C-30`). */
  | { feature: string }
  /** True when the SUT configuration declares this profile (e.g. `Smart Charging`). */
  | { profile: string }
  /** True when the value at `path` (`sut.…`, `vars.…`, `params.…`) satisfies the matcher. */
  | { path: string; match: Matcher };

/** What a response to a CALL the harness sent may look like. Several in a list are alternatives. */
export interface ResponseExpectation {
  /** A CALLRESULT whose payload matches. */
  result?: Matcher;
  /** A CALLERROR whose code (and description) match. */
  error?: { code?: Matcher; description?: Matcher };
}

/** One CALL the SUT is expected to send, and how the harness answers it. */
export interface MessageSpec {
  /** The action of the CALL. */
  expect: string;
  /** Partial match on the CALL's payload. */
  payload?: Matcher;
  /** The CALLRESULT payload (templated). Without reply and replyError: the default reply for the action. */
  reply?: Template;
  /** Answer with a CALLERROR instead. */
  replyError?: { code: string; description?: string };
  /** Leave the CALL unanswered (the SUT's response timeout runs out: retry and queueing cases). */
  noReply?: boolean;
  /** Variables to set from the CALL's payload: name → dotted path (`transactionId`, `idTagInfo.status`). */
  capture?: Record<string, string>;
  /** Captures from the reply the harness sent (e.g. the transactionId the harness assigned). */
  captureReply?: Record<string, string>;
  /** Remembers the arrival time under this name, for later `timing` checks. */
  mark?: string;
  /** The CALL must arrive this long after an earlier mark. */
  timing?: Timing;
  /** Inside expectAll: taken when it comes, not required. */
  optional?: boolean;
  /** Inside expectAll: one copy of this spec per element of the list at this path; `{{each}}` is the element. */
  forEach?: string;
}

export interface Timing {
  /** Name of an earlier mark. */
  since: string;
  /** Expected delay in seconds (number or template), checked with `toleranceMs` (default: the SUT config's). */
  expectedS?: number | string;
  toleranceMs?: number;
  /** Or explicit bounds in ms. */
  minMs?: number;
  maxMs?: number;
  /** Or bounds in protocol seconds (number or template), widened by `toleranceMs`: "at least the back-off time". */
  minS?: number | string;
  maxS?: number | string;
  /** Stores the measured delay, in protocol seconds, in this variable (a later timing can build on it). */
  captureS?: string;
}

/** Several forms one expected message may take (e.g. StatusNotification or NotifyEvent); inside expectAll. */
export interface MessageAlternatives {
  oneOf: MessageSpec[];
  optional?: boolean;
  /** One copy of the group per element of the list at this path; `{{each}}` is the element. */
  forEach?: string;
}

export type ExpectedMessage = MessageSpec | MessageAlternatives;

interface StepCommon {
  /** Run the step only when this holds (evaluated when the step starts); otherwise it is reported as skipped. */
  when?: Condition;
  /** Run the step once per element of the list at this path (`sut.evseConnectors` …); `{{each}}` is the element. */
  forEach?: string;
  /** The document's step numbers this step covers, e.g. "5-6", shown in the report. */
  ref?: string;
  /** Free text shown after the step's own explanation. */
  note?: string;
}

/** The harness sends a CALL and checks the response. */
export interface SendStep extends StepCommon {
  send: string;
  payload?: Template;
  response?: ResponseExpectation | ResponseExpectation[];
  capture?: Record<string, string>;
  mark?: string;
  timeoutMs?: number;
}

/** One expected incoming CALL. */
export interface ExpectStep extends StepCommon, Omit<MessageSpec, 'optional' | 'forEach'> {
  timeoutMs?: number;
  /** Actions that may come meanwhile without failing the step (answered as background traffic). */
  tolerate?: string[];
  /** No background traffic: any other CALL on a connection opened during the case fails the step (e.g. before BootNotification). */
  strict?: boolean;
  /** Harness as CSMS: the message comes on a new connection, and a station that does not connect again fails the step (cases about authentication and TLS) instead of ending the case in error. */
  reconnects?: boolean;
}

/** Several expected CALLs in any order. */
export interface ExpectAllStep extends StepCommon {
  expectAll: ExpectedMessage[];
  timeoutMs?: number;
  tolerate?: string[];
  strict?: boolean;
}

/** Exactly one of several alternatives. */
export interface ExpectOneOfStep extends StepCommon {
  expectOneOf: MessageSpec[];
  timeoutMs?: number;
  tolerate?: string[];
  strict?: boolean;
}

/** Nothing matching may arrive within `withinMs` (or `withinS` protocol seconds, a number or template). */
export interface ExpectNoneStep extends StepCommon {
  expectNone: { action?: string; payload?: Matcher };
  withinMs?: number;
  withinS?: number | string;
}

export interface WaitStep extends StepCommon {
  /** Milliseconds (number or template); background traffic is answered meanwhile. */
  wait: number | string;
  /** The value is protocol seconds (scaled by the SUT configuration's msPerSecond), e.g. an interval the SUT gave. */
  seconds?: boolean;
}

/**
 * Connection control. `close`: the harness closes (with `refuseReconnect` the harness-as-CSMS refuses new
 * connections until `open`). `open`: the harness-as-station dials again / the harness-as-CSMS waits for the station.
 * `expectClose`: the SUT closes the connection within the timeout.
 */
/** Connection operations about certificates and TLS, handled by engine-tls.ts before the others (so not in ConnectionStep's own list). present (harness as CSMS): only applies `serverSecurity` (`capture` gets the gate's host:port). listenAlternative (harness as CSMS): a second endpoint for the rest of the case presenting `serverSecurity`, `capture` gets its host:port. signCsr (harness as CSMS): sign `csr` as the CA the harness trusts for client certificates, `capture` gets the certificate. newCsr (harness as station): a new key pair and CSR (`csrSubject`), `capture` gets the CSR. verifyCertificate (harness as station): `certificate` must be for the key of the last newCsr, valid now, and signed by `issuer` when given. expectTlsRefused (harness as CSMS): the station must end the TLS handshake with what the harness presents now. */
export type TlsConnectionOp = 'present' | 'listenAlternative' | 'signCsr' | 'newCsr' | 'verifyCertificate' | 'expectTlsRefused';

/** Certificate and TLS fields of a connection step (engine-tls.ts); templates. */
export interface TlsConnectionFields {
  /** Harness as CSMS: from this step on, what stations meet when they connect (security profile, an invalid server certificate, an old TLS version); null: as configured. */
  serverSecurity?: { securityProfile?: number | string; certificate?: string; maxTlsVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3' } | null;
  /** signCsr: the CSR (PEM) to sign. */
  csr?: string;
  /** signCsr: the variable that receives the new certificate's certificateHashData (SHA256). */
  captureHashData?: string;
  /** newCsr: the subject of the CSR (default: the SUT configuration's serial number or identity, and vendor). */
  csrSubject?: { commonName?: string; organization?: string };
  /** Harness as station: from this step on, connect with this client certificate (PEM) and the key of the last newCsr. */
  clientCertificate?: string;
  /** open, harness as CSMS: the station's connection must present this client certificate (PEM), or one the matcher fits (`commonName`, `serialNumber`, `keyType`, `keyBits`, `tlsVersion`). */
  expectClientCertificate?: string | Record<string, Matcher>;
  /** Harness as station: from this step on, present this invalid client certificate (`untrusted`, `expired`, `wrongName`; a template); null: the configured one. */
  invalidClientCertificate?: string | null;
  /** verifyCertificate: the certificate (PEM) and the certificate that must have signed it (PEM); templates. */
  certificate?: string;
  issuer?: string;
  /** Harness as station: from this step on, connect with this security profile (a template; a raised profile, or the former one that the CSMS must then refuse). */
  clientSecurity?: { securityProfile: number | string };
}

export interface ConnectionStep extends StepCommon, TlsConnectionFields {
  /** probeOldTls (harness as station): a bare TLS 1.0/1.1 handshake to the CSMS's own address, which the CSMS must refuse. */
  connection: 'close' | 'open' | 'expectClose' | 'probeOldTls' | 'expectAttempt' | 'listenUnresponsive';
  refuseReconnect?: boolean;
  /**
   * close: when the harness closed; open: when the station's connection was established; expectAttempt: when the
   * (last) attempt came. Remembered under this name for later `timing` checks.
   */
  mark?: string;
  /** open, expectAttempt: when the connection (the first attempt) must come, relative to an earlier mark. */
  timing?: Timing;
  /**
   * expectAttempt (harness as CSMS): this many connection attempts (default 1) the harness does not accept: on its own
   * address while it refuses reconnects, or with `on: "unresponsive"` on the listener of `listenUnresponsive`.
   */
  count?: number;
  on?: 'link' | 'unresponsive';
  /** listenUnresponsive: the variable that receives the listener's `host:port` (a URL the station cannot get through). */
  capture?: string;
  /** open: the connection must be established (harness as station: the CSMS accepts it; as CSMS: the station connects again); otherwise the step fails instead of the case ending in error. */
  expectAccepted?: boolean;
  /** From this step on, the HTTP Basic auth password the harness uses (as station) or requires (as CSMS); a template. null: the configured one again. */
  password?: string | null;
  /** Harness as station: from this step on, the HTTP Basic auth user name it sends (normally its identity); a template. null: the identity again. */
  username?: string | null;
  /** open, harness as station: the CSMS must refuse the connection; a connection that is established fails the step. */
  expectRefused?: boolean;
  timeoutMs?: number;
}

/** A manual action ("plug in the EV"), carried out by the action adapter. */
export interface ActionStep extends StepCommon {
  action: string;
  params?: Template;
  /** What a person should do, in words (the interactive prompt and the report show it). */
  prompt?: string;
}

/** Includes a reusable state (testcases/states/…) with parameters. */
export interface UseStep extends StepCommon {
  use: string;
  params?: Record<string, Template>;
}

/** Sets variables (templated values). */
export interface SetStep extends StepCommon {
  set: Record<string, Template>;
}

export type Step = SendStep | ExpectStep | ExpectAllStep | ExpectOneOfStep | ExpectNoneStep | WaitStep | ConnectionStep | ActionStep | UseStep | SetStep;

export type StepKind = 'send' | 'expect' | 'expectAll' | 'expectOneOf' | 'expectNone' | 'wait' | 'connection' | 'action' | 'use' | 'set';

/** Features, profiles or a condition the SUT configuration must declare for the case to apply. */
export interface Prerequisites {
  features?: string[];
  profiles?: string[];
  condition?: Condition;
  /** The document's wording, shown in the not-applicable reason. */
  description?: string;
}

export interface TestCase {
  id: string;
  title: string;
  version: Version;
  /** Role under test. */
  sut: Side;
  /** Certification profile (1.6: Core, Smart Charging…; 2.0.1: Core, Advanced Security…). */
  profile: string;
  /** 1.6 document section or 2.0.1 functional block, e.g. "B Provisioning". */
  functionalBlock?: string;
  description?: string;
  /** Specification requirements checked (B01.FR.01 …) or the document section. */
  requirements?: string[];
  /** Where the scenario comes from, e.g. "OCTT 1.6 FINAL 2024-04 §2.2.1". */
  source?: string;
  /** Catalog ids of variants this case implements as well (ids other suites give the same scenario). */
  covers?: string[];
  prerequisites?: Prerequisites;
  /** Defaults for `{{params.x}}` in the case's own steps. */
  params?: Record<string, Template>;
  /** Preparations (the document's "Before" stage), reported like steps. */
  before?: Step[];
  steps: Step[];
  /** Brings the SUT back to idle; runs after the main steps whatever their outcome; does not change the verdict. */
  cleanup?: Step[];
}

/** A reusable state (Booted, Authorized, Charging …): named steps that cases include with `use`. */
export interface ReusableState {
  state: string;
  version: Version;
  sut: Side;
  description?: string;
  source?: string;
  /** Parameters and their defaults (templates, resolved in the context of the including step). */
  params?: Record<string, Template>;
  steps: Step[];
}

/** A loaded case with where it came from. */
export interface LoadedCase {
  file: string;
  testCase: TestCase;
}

export interface LoadedState {
  file: string;
  state: ReusableState;
}

export function stepKind(step: Step): StepKind {
  for (const kind of ['send', 'expectAll', 'expectOneOf', 'expectNone', 'expect', 'wait', 'connection', 'action', 'use', 'set'] as const) {
    if (kind in step) return kind;
  }
  throw new Error(`not a step: ${JSON.stringify(step)}`);
}
