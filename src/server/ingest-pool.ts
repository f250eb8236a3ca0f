import { Piscina } from 'piscina';
import type { IngestItem } from '../ingest/types.js';
import { InputError } from '../pipeline/input.js';
import { compiledWorker } from '../pipeline/pool.js';
import type { StoreItemResult } from '../store/ingest.js';
import { StoreBusyError } from '../store/rules.js';
import type { Ingest } from './ingest-queue.js';
import type { IngestReply, IngestTask } from './ingest-worker.js';

/**
 * Worker threads that store posted articles (`ingest-worker.ts`): the server's event loop only
 * parses the request and waits, so reads stay fast while a 4 MB article is analysed.
 */
export class IngestPool {
  private readonly pool: Piscina<IngestTask, IngestReply>;
  readonly threads: number;

  constructor(
    private readonly db: string,
    threads = 1,
  ) {
    this.threads = Math.max(1, Math.floor(threads));
    this.pool = new Piscina({
      filename: compiledWorker(import.meta.url, 'server/ingest-worker'),
      minThreads: 0,
      maxThreads: this.threads,
      // Models load on first use and stay while posts keep coming.
      idleTimeout: 10 * 60_000,
    });
  }

  readonly ingest: Ingest = async (item: IngestItem): Promise<StoreItemResult> => {
    const reply = await this.pool.run({ db: this.db, item });
    if (reply.ok) return reply.result;
    if (reply.name === 'InputError') throw new InputError(reply.message);
    if (reply.name === 'StoreBusyError') throw new StoreBusyError(reply.message, reply.retryAfterSeconds);
    throw new Error(`${reply.name}: ${reply.message}`);
  };

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
