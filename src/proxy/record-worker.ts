import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromThread, ToThread } from './record-thread.js';

/** What the record thread reports to one proxy's pipeline (RecordPipeline). */
export interface ThreadClient {
  received(m: FromThread): void;
  threadFailed(why: string): void;
}

/**
 * The process's one record thread, shared by its proxies (a test run or a conformance run starts many):
 * started with the first, and not keeping the process alive while no proxy uses it.
 */
class RecordThread {
  private worker?: Worker;
  private readonly pipes = new Map<number, ThreadClient>();
  private readonly requests = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextPipe = 0;
  private nextRequest = 0;

  attach(pipeline: ThreadClient, log: { path: string; fd: number } | undefined): number {
    const pipe = ++this.nextPipe;
    this.pipes.set(pipe, pipeline);
    this.running().ref();
    this.post({ type: 'attach', pipe, log });
    return pipe;
  }

  detach(pipe: number): void {
    this.pipes.delete(pipe);
    if (this.pipes.size === 0) this.worker?.unref();
  }

  post(m: ToThread, transfer: ArrayBuffer[] = []): void {
    this.worker?.postMessage(m, transfer);
  }

  request(m: { type: 'stats' | 'detach'; pipe: number }): Promise<unknown> {
    if (!this.worker) return Promise.reject(new Error('the record thread is not running'));
    const req = ++this.nextRequest;
    return new Promise((resolve, reject) => {
      this.requests.set(req, { resolve, reject });
      this.post({ ...m, req });
    });
  }

  /** Ends the thread as a crash would (for the tests of what happens then). */
  async kill(): Promise<void> {
    await this.worker?.terminate();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    this.worker = worker;
    worker.on('message', (m: FromThread) => {
      if (m.type === 'answer') {
        const r = this.requests.get(m.req);
        this.requests.delete(m.req);
        if (m.error === undefined) r?.resolve(m.value);
        else r?.reject(new Error(m.error));
      } else {
        this.pipes.get(m.pipe)?.received(m);
      }
    });
    // A thread that dies (a bug, out of memory) is reported to every proxy using it; the next proxy starts a new one.
    const failed = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const p of this.pipes.values()) p.threadFailed(why);
      for (const r of this.requests.values()) r.reject(new Error(`the record thread stopped (${why})`));
      this.requests.clear();
    };
    worker.on('error', (e) => failed(e.message));
    worker.on('exit', (code) => failed(`exit code ${code}`));
    return worker;
  }
}

function startWorker(): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(`./record-thread${fromSources ? '.ts' : '.js'}`, import.meta.url);
  if (!fromSources) return new Worker(entry);
  // Run from the TypeScript sources (tests and benchmarks, under tsx): the thread registers tsx before its entry.
  const tsx = JSON.stringify(tsxEsmApi());
  return new Worker(`import(${tsx}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true });
}

/** tsx's ESM API module (its `require` resolution names the CommonJS one, which cannot be imported). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exported = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api'];
  return pathToFileURL(join(dirname(manifest), exported.import.default)).href;
}

export const thread = new RecordThread();

/** Test support: stops the record thread the way a crash would; the proxies using it must carry on forwarding. */
export function killRecordThread(): Promise<void> {
  return thread.kill();
}
