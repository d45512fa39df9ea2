import { readFileSync } from 'node:fs';
import { startProxy } from '../proxy/proxy-server.js';
import type { ProxyHandle } from '../proxy/types.js';
import { AdapterChain, type ActionAdapter } from './action-adapter.js';
import { HookAdapter } from './hook-adapters.js';
import { LinkOpenError, type Link } from './link.js';
import type { ProxyFindingCollector } from './report-builder.js';
import type { Target } from './suite-runner.js';
import { sutTemplateView, type ResolvedSut } from './sut-config.js';
import { WsCsmsLink } from './ws-csms-link.js';
import { WsStationLink } from './ws-station-link.js';
import { buildGateMaterial } from './gate-material.js';
import { StationGate } from './station-gate.js';

/**
 * Opens the way to a system under test given on the command line: the harness dials the CSMS at its URL, or
 * listens on a port for the station; with --via-proxy an in-process proxy sits in between and its findings are
 * collected for the report.
 */
export interface OpenTarget {
  target: Target;
  /** Where the SUT was reached, for the report. */
  endpoint: string;
  close(): Promise<void>;
}

export interface ExternalTargetOptions {
  viaProxy: boolean;
  findings: ProxyFindingCollector;
  /** Adapters tried after the SUT configuration's hooks (e.g. the interactive prompt). */
  extraAdapters?: ActionAdapter[];
}

export async function openExternalTarget(sut: ResolvedSut, options: ExternalTargetOptions): Promise<OpenTarget> {
  const adapter = new AdapterChain([new HookAdapter(sut.actions, sutTemplateView(sut)), ...(options.extraAdapters ?? [])]);
  const password = sut.securityProfile === 1 || sut.securityProfile === 2 ? sut.credentials?.basicAuthPassword : undefined;
  const creds = sut.credentials ?? {};
  if (sut.role === 'csms') {
    if (!sut.url) throw new LinkOpenError('the CSMS URL is not given (--url, or "url" in the SUT configuration)');
    const tls = { ca: read(creds.caCertFile), cert: sut.securityProfile === 3 ? read(creds.clientCertFile) : undefined, key: sut.securityProfile === 3 ? read(creds.clientKeyFile) : undefined };
    let proxy: ProxyHandle | undefined;
    let url = sut.url;
    if (options.viaProxy) {
      proxy = await startProxyOrExplain({ port: 0, host: '127.0.0.1', upstream: sut.url, upstreamTls: tls, responseTimeoutMs: sut.timeouts.responseMs }, options.findings);
      url = proxy.url;
    }
    const link = new WsStationLink({ url, identity: sut.identity, version: sut.version, password, tls: proxy ? undefined : tls });
    return { target: { sut, link, adapter }, endpoint: sut.url, close: () => closeAll(link, proxy) };
  }
  if (sut.port === undefined) throw new LinkOpenError('the port the station connects to is not given (--port, or "port" in the SUT configuration)');
  if (creds.caKeyFile !== undefined) return openGatedStation(sut, creds, password, adapter, options);
  const serverTls = sut.securityProfile >= 2 ? { cert: readRequired(creds.serverCertFile, 'credentials.serverCertFile'), key: readRequired(creds.serverKeyFile, 'credentials.serverKeyFile') } : undefined;
  if (!options.viaProxy) {
    const link = await WsCsmsLink.listen({ port: sut.port, host: sut.host, version: sut.version, password, tls: serverTls });
    return { target: { sut, link, adapter }, endpoint: link.endpoint, close: () => closeAll(link) };
  }
  const link = await WsCsmsLink.listen({ port: 0, host: '127.0.0.1', version: sut.version, password });
  let proxy: ProxyHandle;
  try {
    proxy = await startProxyOrExplain({ port: sut.port, host: sut.host ?? '0.0.0.0', upstream: link.endpoint.replace(/\/$/, ''), tls: serverTls, clientCa: sut.securityProfile === 3 ? read(creds.caCertFile) : undefined, responseTimeoutMs: sut.timeouts.responseMs }, options.findings);
  } catch (e) {
    await link.dispose();
    throw e;
  }
  return { target: { sut, link, adapter }, endpoint: proxy.url, close: () => closeAll(link, proxy) };
}

/**
 * A station under test behind the harness's station gate (station-gate.ts), when the SUT configuration gives the key
 * of its CA (credentials.caKeyFile): the gate listens on the station's port, ends TLS itself and can present invalid
 * certificates, old TLS versions or a raised security profile mid-case, and sign the station's CSRs with that CA.
 */
async function openGatedStation(sut: ResolvedSut, creds: NonNullable<ResolvedSut['credentials']>, password: string | undefined, adapter: ActionAdapter, options: ExternalTargetOptions): Promise<OpenTarget> {
  const ca = { cert: readRequired(creds.caCertFile, 'credentials.caCertFile').toString(), key: readRequired(creds.caKeyFile, 'credentials.caKeyFile').toString() };
  const server = creds.serverCertFile !== undefined ? { cert: readRequired(creds.serverCertFile, 'credentials.serverCertFile').toString(), key: readRequired(creds.serverKeyFile, 'credentials.serverKeyFile').toString() } : undefined;
  const material = await buildGateMaterial({ server, ca, names: [...new Set([sut.host && sut.host !== '0.0.0.0' ? sut.host : 'localhost', 'localhost', '127.0.0.1'])] });
  const link = await WsCsmsLink.listen({ port: 0, host: '127.0.0.1', version: sut.version, password });
  let proxy: ProxyHandle | undefined;
  let gate: StationGate;
  try {
    if (options.viaProxy) proxy = await startProxyOrExplain({ port: 0, host: '127.0.0.1', upstream: link.endpoint.replace(/\/$/, ''), responseTimeoutMs: sut.timeouts.responseMs }, options.findings);
    gate = await StationGate.listen({ host: sut.host ?? '0.0.0.0', port: sut.port, upstream: { host: '127.0.0.1', port: proxy ? proxy.port : link.port }, material, securityProfile: sut.securityProfile });
  } catch (e) {
    await link.dispose();
    await proxy?.close();
    throw e instanceof LinkOpenError ? e : new LinkOpenError(`cannot listen on port ${sut.port}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  link.gate = gate;
  return { target: { sut, link, adapter }, endpoint: gate.url, close: async () => (await gate.close(), await closeAll(link, proxy)) };
}

/** Starts the proxy and feeds its findings to the collector; a failure to listen says which port. */
export async function startProxyOrExplain(options: Parameters<typeof startProxy>[0], findings: ProxyFindingCollector): Promise<ProxyHandle> {
  let proxy: ProxyHandle;
  try {
    proxy = await startProxy(options);
  } catch (e) {
    throw new LinkOpenError(`the in-process proxy could not start on port ${options.port}: ${e instanceof Error ? e.message : String(e)}`);
  }
  proxy.on('frame', (rec) => findings.add(rec.errors));
  return proxy;
}

async function closeAll(link: Link, proxy?: ProxyHandle): Promise<void> {
  await link.dispose();
  await proxy?.close();
}

function read(file: string | undefined): Buffer | undefined {
  return file === undefined ? undefined : readFileSync(file);
}

function readRequired(file: string | undefined, name: string): Buffer {
  if (file === undefined) throw new LinkOpenError(`security profile 2 and 3 need ${name} in the SUT configuration`);
  try {
    return readFileSync(file);
  } catch (e) {
    throw new LinkOpenError(`cannot read ${name} ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
