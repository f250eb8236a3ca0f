import { Piscina } from 'piscina';
import type { IngestItem } from '../ingest/types.js';
import { InputError } from '../model/input.js';
import { compiledWorker } from '../pipeline/pool.js';
import type { StoreItemResult } from '../service/item.js';
import { StoreBusyError } from '../store/rules.js';
import { QueueFullError } from './errors.js';
import type { Ingest } from './ingest-queue.js';
import type { IngestReply, IngestTask } from './ingest-worker.js';
import type { ReadReply, ReadTask } from './read-worker.js';
import type { LayerWindow, StoredArticle } from '../store/types.js';

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
    return rethrow(reply);
  };

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** The error a worker reported, as the class the API maps to a status. */
function rethrow(reply: { name: string; message: string; retryAfterSeconds?: number }): never {
  if (reply.name === 'InputError') throw new InputError(reply.message);
  if (reply.name === 'StoreBusyError') throw new StoreBusyError(reply.message, reply.retryAfterSeconds);
  throw new Error(`${reply.name}: ${reply.message}`);
}

/**
 * A worker thread that reads articles (`read-worker.ts`): parsing a large stored analysis (tens of MB)
 * happens there, and at most `maxWaiting` reads wait, so memory and the event loop stay free.
 */
export class ArticleReadPool {
  private readonly pool: Piscina<ReadTask, ReadReply>;

  constructor(
    private readonly db: string,
    threads = 1,
    maxWaiting = 32,
  ) {
    this.pool = new Piscina({
      filename: compiledWorker(import.meta.url, 'server/read-worker'),
      minThreads: 0,
      maxThreads: Math.max(1, threads),
      maxQueue: maxWaiting,
      idleTimeout: 60_000,
    });
  }

  readonly read = async (id: string, window: LayerWindow): Promise<StoredArticle | null> => {
    if (this.pool.queueSize >= this.pool.options.maxQueue)
      throw new QueueFullError(
        `the server is busy reading ${this.pool.queueSize} large articles; retry shortly`,
        2,
      );
    const reply = await this.pool.run({ db: this.db, id, window });
    if (reply.ok) return reply.article;
    return rethrow(reply);
  };

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
