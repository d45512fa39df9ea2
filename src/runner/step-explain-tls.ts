import type { ConnectionStep } from './case-types.js';
import { explainMatcher } from './matchers.js';

/**
 * Words for the certificate and TLS parts of a connection step (engine-tls.ts): the operation's own words for
 * present / signCsr / newCsr / expectTlsRefused, otherwise undefined; `tlsChanges` names what serverSecurity and
 * clientCertificate change from the step on (added to the words of an ordinary operation).
 */
export function explainTlsOperation(s: ConnectionStep, r: (v: unknown) => unknown): string | undefined {
  const op = s.connection as string;
  if (op === 'present' && s.serverSecurity === undefined) return `Note the address stations connect to${s.capture ? ` (vars.${s.capture})` : ''}`;
  if (op === 'present') return s.serverSecurity === null ? 'From now on present the configured TLS to stations again' : `From now on present${describeServerSecurity(s, r) ?? ' (unchanged)'} to stations that connect`;
  if (op === 'listenAlternative') return `Listen on a second endpoint (a new CSMS) presenting${describeServerSecurity(s, r) ?? ' the same'}${s.capture ? ` (vars.${s.capture})` : ''}`;
  if (op === 'signCsr') return `Sign the station's certificate signing request as the harness's certificate authority${s.capture ? ` (vars.${s.capture})` : ''}`;
  if (op === 'newCsr') return `Make a new key pair and a certificate signing request${s.capture ? ` (vars.${s.capture})` : ''}`;
  if (op === 'verifyCertificate') return `Check the certificate: for the key of the harness's signing request, valid now${s.issuer !== undefined ? ', signed by the configured root' : ''}`;
  if (op === 'expectTlsRefused') return `Expect the station to end the TLS handshake${describeServerSecurity(s, r) ?? ''}`;
  return undefined;
}

export function tlsChanges(s: ConnectionStep, r: (v: unknown) => unknown): string {
  const parts: string[] = [];
  const presented = describeServerSecurity(s, r);
  if (presented) parts.push(`from now on the harness presents${presented.replace(/^ \(|\)$/g, ' ')}`.trimEnd());
  if (s.serverSecurity === null) parts.push('from now on the harness presents its configured TLS again');
  if (s.clientCertificate !== undefined) parts.push('from now on the harness connects with its new client certificate');
  if (s.invalidClientCertificate !== undefined) parts.push(s.invalidClientCertificate === null ? 'from now on the harness presents its configured client certificate' : `from now on the harness presents the ${String(r(s.invalidClientCertificate))} client certificate`);
  if (s.clientSecurity !== undefined) parts.push(`from now on the harness connects with security profile ${String(r(s.clientSecurity.securityProfile))}`);
  if (typeof s.expectClientCertificate === 'string') parts.push('the station must present the certificate the harness signed');
  else if (s.expectClientCertificate !== undefined) parts.push(`the station's client certificate must have ${explainMatcher(r(s.expectClientCertificate)).join(', ')}`);
  return parts.length > 0 ? `; ${parts.join('; ')}` : '';
}

function describeServerSecurity(s: ConnectionStep, r: (v: unknown) => unknown): string | undefined {
  if (!s.serverSecurity) return undefined;
  const p = r(s.serverSecurity) as { securityProfile?: unknown; certificate?: string; maxTlsVersion?: string };
  const parts: string[] = [];
  if (p.securityProfile !== undefined) parts.push(`security profile ${String(p.securityProfile)}`);
  if (p.certificate) parts.push(p.certificate === 'configured' ? 'the configured server certificate' : `the ${p.certificate} server certificate`);
  if (p.maxTlsVersion) parts.push(`TLS up to ${p.maxTlsVersion}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : undefined;
}
