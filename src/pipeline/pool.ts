import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Analysis } from '../model/index.js';
import type { PoolTask } from './worker.js';

export type { PoolTask } from './worker.js';

/**
 * The compiled file of a worker module (`dist/<srcPath>.js`): beside the caller when it runs compiled,
 * else (a TypeScript runner, tests) the built copy in dist/. Throws when it is not built.
 */
export function compiledWorker(callerUrl: string, srcPath: string): string {
  const here = fileURLToPath(new URL(`./${srcPath.split('/').pop()}.js`, callerUrl));
  if (existsSync(here) && !callerUrl.endsWith('.ts')) return here;
  const built = fileURLToPath(new URL(`../../dist/${srcPath}.js`, import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`the worker ${srcPath} is not built: run npm run build`);
}

function workerFile(): string {
  return compiledWorker(import.meta.url, 'pipeline/worker');
}

/**
 * A pool of worker threads running analyze(), so batches use every core. Results come back in input
 * order, identical to a serial run; at most `window` tasks are in flight, so memory stays flat.
 */
export class AnalysisPool {
  private readonly pool: Piscina<PoolTask, Analysis | string>;
  readonly threads: number;

  constructor(threads = availableParallelism()) {
    this.threads = Math.max(1, threads);
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: 60_000,
      // One task waits in each worker while it runs another, so no thread idles between tasks.
      concurrentTasksPerWorker: 2,
    });
  }

  run(task: PoolTask): Promise<Analysis> {
    return this.pool.run(task) as Promise<Analysis>;
  }

  /** The analysis as a JSON string, serialised in the worker (cheapest when it is only written out). */
  runJson(task: PoolTask): Promise<string> {
    return this.pool.run(task, { name: 'analyzeTaskJson' }) as Promise<string>;
  }

  /**
   * Analyses a stream of tasks, yielding `{task, result}` or `{task, error}` in input order. A task that
   * throws (bad input) never stops the rest.
   */
  async *map<T extends PoolTask>(
    tasks: AsyncIterable<T> | Iterable<T>,
    window = this.threads * 4,
  ): AsyncGenerator<{ task: T; result?: Analysis; error?: Error }> {
    const inFlight: Array<Promise<{ task: T; result?: Analysis; error?: Error }>> = [];
    for await (const task of tasks) {
      inFlight.push(
        this.run(task).then(
          (result) => ({ task, result }),
          (error: unknown) => ({ task, error: error instanceof Error ? error : new Error(String(error)) }),
        ),
      );
      if (inFlight.length >= window) yield await inFlight.shift()!;
    }
    while (inFlight.length) yield await inFlight.shift()!;
  }

  /** As map(), with each analysis as a JSON string serialised in the worker. */
  async *mapJson<T extends PoolTask>(
    tasks: AsyncIterable<T> | Iterable<T>,
    window = this.threads * 4,
  ): AsyncGenerator<{ task: T; json?: string; error?: Error }> {
    const inFlight: Array<Promise<{ task: T; json?: string; error?: Error }>> = [];
    for await (const task of tasks) {
      inFlight.push(
        this.runJson(task).then(
          (json) => ({ task, json }),
          (error: unknown) => ({ task, error: error instanceof Error ? error : new Error(String(error)) }),
        ),
      );
      if (inFlight.length >= window) yield await inFlight.shift()!;
    }
    while (inFlight.length) yield await inFlight.shift()!;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
