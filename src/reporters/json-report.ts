import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from './report-model.js';

/** Where reports go unless told otherwise (relative to the working directory). */
export const DEFAULT_REPORTS_ROOT = 'reports';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A run id that sorts by time and is safe as a folder name on every OS: `20250314-093015-k3x9qa`
 * (UTC date and time of `now`, then six random characters so that two runs in one second do not collide).
 */
export function makeRunId(now: Date = new Date()): string {
  const iso = now.toISOString(); // 2025-03-14T09:30:15.123Z
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
  const bytes = randomBytes(6);
  let suffix = '';
  for (const b of bytes) suffix += ID_ALPHABET[b % ID_ALPHABET.length];
  return `${stamp}-${suffix}`;
}

/** Run ids become folder names: letters, digits, `.`, `_`, `-`, not starting with a dot, at most 100 characters. */
const SAFE_RUN_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

/** The folder of one run: `<root>/<run id>`. Throws when the id could escape `root` or is not a plain folder name. */
export function runDir(report: Pick<Report, 'run'>, root: string = DEFAULT_REPORTS_ROOT): string {
  const id = report.run.id;
  if (typeof id !== 'string' || !SAFE_RUN_ID.test(id)) {
    throw new Error(`run id ${JSON.stringify(id)} is not a safe folder name (letters, digits, '.', '_', '-')`);
  }
  return join(root, id);
}

/** The report as report.json holds it: pretty-printed with two spaces and a final newline. */
export function serializeReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Writes `<root>/<run id>/report.json` (UTF-8), creating the folders; resolves to the file's path. */
export async function writeJsonReport(report: Report, root: string = DEFAULT_REPORTS_ROOT): Promise<string> {
  const dir = runDir(report, root);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'report.json');
  await writeFile(file, serializeReport(report), 'utf8');
  return file;
}
