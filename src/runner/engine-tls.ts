import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { FrameRecord } from '../types.js';
import { certificateHashData } from '../peers/certificates-16.js';
import { makeCsr, readCsr, signCsr } from '../peers/pki-16.js';
import type { ConnectionStep, TlsConnectionOp } from './case-types.js';
import { CaseAbort, type CaseContext, StepFailure } from './engine-context.js';
import { handleNonCall } from './engine-expect.js';
import type { Session } from './engine-session.js';
import { firstCertificateDer, type GatePresentation } from './station-gate.js';
import { describeMismatches, explainMatcher, match } from './matchers.js';
import { ms } from './step-explain.js';

/**
 * The certificate and TLS parts of a connection step (cases where certificates or TLS change in the middle of a case):
 * what the harness-as-CSMS presents to stations from now on (`serverSecurity`, through the station gate), signing a
 * station's CSR as the CA the gate trusts (`signCsr`), a key pair and CSR of the harness-as-station (`newCsr`) and the
 * client certificate it connects with (`clientCertificate`), the client certificate a station came back with
 * (`expectClientCertificate`) and a station that must refuse what the gate presented (`expectTlsRefused`).
 * beforeTlsConnection runs ahead of the ordinary connection operation, afterTlsConnection once it succeeded.
 */

/** The key of the last CSR the harness-as-station made, per session (never a variable: variables reach the report). */
const PENDING_KEYS = new WeakMap<Session, string>();

const NO_GATE = 'the harness cannot change the TLS its stations meet in this setup (a station connects through the harness\'s station gate in the embedded default, or when the SUT configuration gives its CA\'s key, credentials.caKeyFile)';

export async function beforeTlsConnection(step: ConnectionStep, ctx: CaseContext, params: Record<string, unknown>): Promise<FrameRecord[] | undefined> {
  const link = ctx.session.link;
  const op = step.connection as string as TlsConnectionOp;
  if (step.serverSecurity !== undefined && op !== 'listenAlternative') {
    if (!link.gate) throw new CaseAbort('not-run', NO_GATE);
    const wanted = step.serverSecurity === null ? null : (ctx.resolve(step.serverSecurity, params) as Partial<GatePresentation>);
    if (wanted && wanted.securityProfile !== undefined) wanted.securityProfile = Number(wanted.securityProfile);
    try {
      link.gate.present(wanted);
    } catch (e) {
      // A certificate the SUT configuration gives the harness no material for (e.g. newRoot without a second root's key).
      throw new CaseAbort('not-run', `serverSecurity: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (step.invalidClientCertificate !== undefined) {
    if (!link.presentClientCertificate) throw new CaseAbort('not-run', 'the harness has no invalid client certificates to present in this setup (only towards the embedded reference CSMS at security profile 3)');
    try {
      link.presentClientCertificate(step.invalidClientCertificate === null ? null : String(ctx.resolve(step.invalidClientCertificate, params)));
    } catch (e) {
      throw new CaseAbort('error', `invalidClientCertificate: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (step.clientSecurity !== undefined) {
    if (!link.setSecurityProfile) throw new CaseAbort('not-run', 'the harness cannot change the security profile it connects with in this setup (only towards the embedded reference CSMS at security profile 1)');
    link.setSecurityProfile(Number(ctx.resolve(step.clientSecurity.securityProfile, params)));
  }
  if (step.clientCertificate !== undefined) {
    const key = PENDING_KEYS.get(ctx.session);
    if (!link.useClientCertificate) throw new CaseAbort('not-run', 'the harness cannot change its client certificate on this link');
    if (!key) throw new CaseAbort('error', 'clientCertificate: the harness made no key pair in this run (a newCsr step comes first)');
    link.useClientCertificate(String(ctx.resolve(step.clientCertificate, params)), key);
  }
  switch (op) {
    case 'present':
      if (step.serverSecurity === undefined && !step.capture) throw new CaseAbort('error', 'connection "present" needs serverSecurity (or capture)');
      if (!link.gate) throw new CaseAbort('not-run', NO_GATE);
      if (step.capture) ctx.vars[step.capture] = link.gate.address;
      return [];
    case 'listenAlternative': {
      if (!link.gate) throw new CaseAbort('not-run', `a second endpoint: ${NO_GATE}`);
      const wanted = (step.serverSecurity ? ctx.resolve(step.serverSecurity, params) : {}) as Partial<GatePresentation>;
      if (wanted.securityProfile !== undefined) wanted.securityProfile = Number(wanted.securityProfile);
      let address: string;
      try {
        address = await link.gate.openAlternative(wanted);
      } catch (e) {
        throw new CaseAbort('not-run', `listenAlternative: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (step.capture) ctx.vars[step.capture] = address;
      return [];
    }
    case 'signCsr': {
      if (!link.gate) throw new CaseAbort('not-run', `signing a certificate request: ${NO_GATE}`);
      const csr = String(ctx.resolve(step.csr, params));
      const weak = weakKey(csr);
      if (weak) throw new StepFailure('a CSR whose key has at least 224 bits (elliptic curve) or 2048 bits (RSA, DSA)', weak);
      let cert: string;
      try {
        cert = signCsr(csr, link.gate.material.ca);
      } catch (e) {
        throw new StepFailure('a certificate signing request the harness can sign (PKCS#10, EC P-256)', `${e instanceof Error ? e.message : String(e)}`);
      }
      if (step.capture) ctx.vars[step.capture] = cert;
      // Its certificateHashData (SHA256, issuer = the CA), e.g. to ask the station to delete it (TC_M_23_CS).
      if (step.captureHashData) ctx.vars[step.captureHashData] = certificateHashData(new X509Certificate(cert), 'SHA256', new X509Certificate(link.gate.material.ca.cert));
      return [];
    }
    case 'newCsr': {
      const subject = (step.csrSubject === undefined ? {} : ctx.resolve(step.csrSubject, params)) as { commonName?: string; organization?: string };
      const made = makeCsr(String(subject.commonName ?? ctx.sut.serialNumber ?? ctx.sut.identity), String(subject.organization ?? ctx.sut.vendor ?? ''));
      PENDING_KEYS.set(ctx.session, pemOf(made.privateKey));
      if (step.capture) ctx.vars[step.capture] = made.csr;
      return [];
    }
    case 'verifyCertificate':
      verifyCertificate(String(ctx.resolve(step.certificate, params)), step.issuer === undefined ? undefined : String(ctx.resolve(step.issuer, params)), PENDING_KEYS.get(ctx.session));
      return [];
    case 'expectTlsRefused':
      return expectTlsRefused(ctx, step.timeoutMs ?? ctx.sut.timeouts.connectMs);
    default:
      return undefined;
  }
}

export function afterTlsConnection(step: ConnectionStep, ctx: CaseContext, params: Record<string, unknown>): void {
  if (step.expectClientCertificate === undefined || step.connection !== 'open') return;
  const gate = ctx.session.link.gate;
  if (!gate) throw new CaseAbort('not-run', `checking the station's client certificate: ${NO_GATE}`);
  if (typeof step.expectClientCertificate === 'object' && step.expectClientCertificate !== null) return matchClientCertificate(step.expectClientCertificate, gate, ctx, params);
  const wanted = firstCertificateDer(String(ctx.resolve(step.expectClientCertificate, params)));
  if (!wanted) throw new CaseAbort('error', 'expectClientCertificate: not a PEM certificate');
  const got = gate.lastClientCertificate();
  if (!got) throw new StepFailure('the station connects with the certificate the harness signed', 'a connection without a client certificate');
  if (!got.equals(wanted)) throw new StepFailure('the station connects with the certificate the harness signed', 'a connection with another client certificate (the old one?)');
}

/**
 * A station that meets what the gate presents now (an invalid certificate, TLS below 1.2) must end the handshake:
 * passes on the first refused TLS attempt; a TLS connection that got through fails the step.
 */
async function expectTlsRefused(ctx: CaseContext, timeoutMs: number): Promise<FrameRecord[]> {
  const gate = ctx.session.link.gate;
  if (!gate) throw new CaseAbort('not-run', NO_GATE);
  const earlier = new Set(gate.attempts);
  const deadline = ctx.now() + timeoutMs;
  const presented = describePresentation(gate.current);
  for (;;) {
    const seen = gate.attempts.filter((a) => !earlier.has(a) && a.tls && a.outcome !== 'pending');
    if (seen.some((a) => a.outcome === 'forwarded')) throw new StepFailure(`the station ends the TLS handshake when the harness presents ${presented}`, 'the station completed the handshake and connected');
    if (seen.length > 0) return [];
    if (ctx.now() >= deadline) throw new StepFailure(`the station tries a TLS connection within ${ms(timeoutMs)} (and ends the handshake: ${presented})`, 'no TLS connection attempt');
    // The session keeps answering background traffic meanwhile (a station on an old connection).
    const event = await ctx.session.next(Math.min(deadline, ctx.now() + 50));
    const call = event && handleNonCall(event, ctx);
    if (call) ctx.session.answerBackground(call, 'arrived while waiting for a TLS handshake');
  }
}

export function describePresentation(p: GatePresentation): string {
  const parts = [`security profile ${p.securityProfile}`];
  if (p.certificate && p.certificate !== 'configured') parts.push(`the ${p.certificate} server certificate`);
  if (p.maxTlsVersion) parts.push(`TLS up to ${p.maxTlsVersion}`);
  return parts.join(', ');
}

function pemOf(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** OCPP 2.0.1 A02.FR.xx / Part 6 (SignCertificate): an EC key under 224 bits or an RSA/DSA key under 2048 is too weak; undefined when fine or unreadable (signing reports that). */
function weakKey(csr: string): string | undefined {
  let details: { modulusLength?: number; namedCurve?: string } | undefined;
  let type: string | undefined;
  try {
    const key = createPublicKey({ key: readCsr(csr).spki, format: 'der', type: 'spki' });
    details = key.asymmetricKeyDetails;
    type = key.asymmetricKeyType;
  } catch {
    return undefined;
  }
  if (type === 'ec') {
    const bits = Number(/(\d{3})/.exec(details?.namedCurve ?? '')?.[1] ?? 0);
    return bits > 0 && bits < 224 ? `an elliptic curve key of ${bits} bits (${details?.namedCurve})` : undefined;
  }
  if ((type === 'rsa' || type === 'dsa') && (details?.modulusLength ?? 0) < 2048) return `a ${type.toUpperCase()} key of ${details?.modulusLength} bits`;
  return undefined;
}

/**
 * A certificate the SUT issued for the harness-as-station (CertificateSigned): for the key of the harness's last CSR,
 * valid now, and signed by `issuer` when given (the configured CSMS root).
 */
function verifyCertificate(pem: string, issuerPem: string | undefined, keyPem: string | undefined): void {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw new StepFailure('a PEM-encoded X.509 certificate', pem.length > 60 ? `${pem.slice(0, 60)}…` : pem);
  }
  if (keyPem) {
    const mine = createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
    if (!cert.publicKey.export({ type: 'spki', format: 'der' }).equals(mine)) throw new StepFailure("a certificate for the key of the harness's signing request", `a certificate for another key (subject ${cert.subject.replace(/\n/g, ', ')})`);
  }
  const now = Date.now();
  if (Date.parse(cert.validFrom) > now || Date.parse(cert.validTo) < now) throw new StepFailure('a certificate valid now', `valid from ${cert.validFrom} to ${cert.validTo}`);
  if (issuerPem !== undefined) {
    let issuer: X509Certificate;
    try {
      issuer = new X509Certificate(issuerPem);
    } catch {
      throw new CaseAbort('error', 'verifyCertificate: the issuer is not a PEM certificate');
    }
    if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) throw new StepFailure(`a certificate signed by ${issuer.subject.replace(/\n/g, ', ')}`, `one issued by ${cert.issuer.replace(/\n/g, ', ')}`);
  }
}

/**
 * The client certificate of the station's last TLS connection, described for a matcher (TC_A_07_CS): `commonName`,
 * `serialNumber` (hex), `keyType` (ec, rsa …), `keyBits` (curve size or modulus length), `tlsVersion` (TLSv1.2 …).
 */
function matchClientCertificate(matcher: object, gate: NonNullable<CaseContext['session']['link']['gate']>, ctx: CaseContext, params: Record<string, unknown>): void {
  const attempt = gate.lastTlsAttempt();
  if (!attempt?.clientCertificate) throw new StepFailure('a TLS connection with a client certificate', attempt ? 'a connection without a client certificate' : 'no TLS connection');
  const cert = new X509Certificate(attempt.clientCertificate);
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const described = {
    commonName: /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1],
    serialNumber: cert.serialNumber,
    keyType: key.asymmetricKeyType,
    keyBits: details.modulusLength ?? Number(/(\d{3})/.exec(details.namedCurve ?? '')?.[1] ?? 0),
    tlsVersion: attempt.tlsVersion,
  };
  const resolved = ctx.resolve(matcher, params);
  const mismatches = match(resolved, described, ctx.matchEnv());
  if (mismatches.length > 0) throw new StepFailure(`a client certificate where ${explainMatcher(resolved).join(', ')}`, `${JSON.stringify(described)} (${describeMismatches(mismatches)})`);
}
