import { exec } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ActionAdapter, ActionRequest } from './action-adapter.js';
import { ActionSkippedError } from './action-adapter.js';
import { actionWords } from './manual-actions.js';
import type { ActionHook } from './sut-config.js';
import { defaultGenerators, resolveTemplate } from './templates.js';

/**
 * Manual actions carried out by hooks from the SUT configuration (an HTTP request or a shell command per action),
 * or by a person at an interactive terminal.
 */
const DEFAULT_HOOK_TIMEOUT_MS = 30_000;

export class HookAdapter implements ActionAdapter {
  readonly name = 'hook';
  /** A rig behind a hook (or a person it pages) takes its time; the hook's own timeout bounds it. */
  takesItsTime(): boolean {
    return true;
  }

  constructor(
    private readonly hooks: Readonly<Record<string, ActionHook>>,
    /** What `{{sut.…}}` means inside hooks. */
    private readonly sutView: Record<string, unknown>,
  ) {}

  unavailable(action: string): string | undefined {
    return this.hooks[action] ? undefined : `the SUT configuration has no hook for "${action}"`;
  }

  async perform(request: ActionRequest): Promise<void> {
    const hook = this.hooks[request.action];
    const ctx = { sut: this.sutView, vars: {}, params: request.params, gen: defaultGenerators() };
    const timeoutMs = hook.timeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS;
    if (hook.http) {
      const url = String(resolveTemplate(hook.http.url, ctx));
      const body = hook.http.body === undefined ? undefined : JSON.stringify(resolveTemplate(hook.http.body, ctx));
      const headers = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(resolveTemplate(hook.http.headers ?? {}, ctx) as Record<string, string>) };
      let res: Response;
      try {
        res = await fetch(url, { method: hook.http.method ?? 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (e) {
        throw new Error(`the HTTP hook ${url} could not be reached: ${causeOf(e)}`);
      }
      if (!res.ok) throw new Error(`the HTTP hook ${url} answered ${res.status} ${res.statusText}`.trim());
      return;
    }
    if (hook.command) {
      const command = String(resolveTemplate(hook.command, ctx));
      const env = { ...process.env, OCPP_HARNESS_ACTION: request.action, OCPP_HARNESS_CASE: request.caseId, ...paramEnv(request.params) };
      await new Promise<void>((resolve, reject) => {
        exec(command, { env, timeout: timeoutMs }, (error, _stdout, stderr) => {
          if (!error) return resolve();
          const tail = stderr.trim().split('\n').slice(-3).join(' | ');
          reject(new Error(`the command hook "${command}" ${error.killed ? `timed out after ${timeoutMs} ms` : `exited with code ${error.code}`}${tail ? `: ${tail}` : ''}`));
        });
      });
    }
  }
}

/** `connectorId` → OCPP_HARNESS_PARAM_CONNECTOR_ID, values as text (objects as JSON). */
export function paramEnv(params: Record<string, unknown>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const name = `OCPP_HARNESS_PARAM_${k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
    env[name] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return env;
}

function causeOf(e: unknown): string {
  const err = e as { cause?: { code?: string; message?: string }; message?: string; name?: string };
  if (err?.name === 'TimeoutError') return 'timed out';
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}

/** Asks a person at a terminal: Enter when done, `s` to skip (the case is then not-run). */
export class PromptAdapter implements ActionAdapter {
  readonly name = 'prompt';
  constructor(
    private readonly input: NodeJS.ReadableStream & { isTTY?: boolean },
    private readonly output: NodeJS.WritableStream,
  ) {}

  unavailable(): string | undefined {
    return this.input.isTTY ? undefined : 'standard input is not an interactive terminal';
  }

  /** A person needs the time it takes: walking to the station, plugging in. */
  takesItsTime(): boolean {
    return true;
  }

  async perform(request: ActionRequest): Promise<void> {
    const params = Object.keys(request.params).length ? ` ${JSON.stringify(request.params)}` : '';
    const rl = createInterface({ input: this.input, output: this.output, terminal: false });
    try {
      const answer = await new Promise<string>((resolve) => {
        this.output.write(`\n[${request.caseId}] manual action: ${actionWords(request.action, request.prompt)}${params}\n  Press Enter right after doing it (s + Enter to skip): `);
        rl.once('line', resolve);
        rl.once('close', () => resolve('s'));
      });
      if (answer.trim().toLowerCase().startsWith('s')) throw new ActionSkippedError(`skipped at the prompt`);
    } finally {
      rl.close();
    }
  }
}
