import type { Version } from '../types.js';

/** Every version this tool speaks, newest last. */
export const VERSIONS: readonly Version[] = ['1.6', '2.0.1', '2.1'];

/** The WebSocket subprotocol that names each version (Sec-WebSocket-Protocol). */
const SUBPROTOCOL_OF: Record<Version, string> = {
  '1.6': 'ocpp1.6',
  '2.0.1': 'ocpp2.0.1',
  '2.1': 'ocpp2.1',
};

export function subprotocolOf(version: Version): string {
  return SUBPROTOCOL_OF[version];
}

/** The version a subprotocol names, or undefined for anything this tool does not speak (ocpp1.5, a typo, ''). */
export function versionOfSubprotocol(subprotocol: string | undefined): Version | undefined {
  if (!subprotocol) return undefined;
  const wanted = subprotocol.trim().toLowerCase();
  return VERSIONS.find((v) => SUBPROTOCOL_OF[v] === wanted);
}

/** Accepts `1.6`, `16`, `ocpp1.6`, `2.0.1`, `201`, `ocpp2.0.1`, `2.1`, `21`, `ocpp2.1`. */
export function parseVersion(text: string): Version | undefined {
  const t = String(text).trim().toLowerCase().replace(/^ocpp/, '');
  const aliases: Record<string, Version> = { '1.6': '1.6', '16': '1.6', '1.6j': '1.6', '2.0.1': '2.0.1', '201': '2.0.1', '2.1': '2.1', '21': '2.1' };
  return aliases[t];
}

export function isVersion(value: unknown): value is Version {
  return typeof value === 'string' && (VERSIONS as readonly string[]).includes(value);
}
