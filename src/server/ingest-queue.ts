import type { IngestItem } from '../ingest/types.js';
import type { StoreItemResult } from '../service/item.js';
import { QueueFullError } from './errors.js';

/** Stores one posted article (fingerprint, analyse, store): in a worker thread, or in this one for tests. */
export type Ingest = (item: IngestItem) => Promise<StoreItemResult>;

export interface IngestQueueOptions {
  /** Articles analysed at once. Default 1. */
  concurrency?: number;
  /** Articles that may wait for a free slot; one more is refused with 503. Default 8. */
  maxWaiting?: number;
}

export interface BoundedIngest extends Ingest {
  /** Articles being analysed and waiting. */
  readonly load: () => { running: number; waiting: number };
}

/**
 * A bounded queue in front of `run`: at most `concurrency` articles run at once and `maxWaiting` wait;
 * beyond that a post is refused at once with QueueFullError (the API's 503 + Retry-After), its
 * Retry-After estimated from the recent time per article. Memory stays bounded whatever clients send.
 */
export function boundedIngest(run: Ingest, options: IngestQueueOptions = {}): BoundedIngest {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const maxWaiting = Math.max(0, Math.floor(options.maxWaiting ?? 8));
  const waiting: Array<() => void> = [];
  let running = 0;
  let meanSeconds = 2;

  const next = () => {
    running--;
    waiting.shift()?.();
  };
  const ingest = async (item: IngestItem): Promise<StoreItemResult> => {
    if (running >= concurrency) {
      if (waiting.length >= maxWaiting) {
        const retryAfter = Math.min(120, Math.ceil((meanSeconds * (waiting.length + running)) / concurrency));
        throw new QueueFullError(
          `the server is busy: ${running} article(s) being analysed and ${waiting.length} waiting; retry in ${retryAfter} s`,
          retryAfter,
        );
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running++;
    const t0 = performance.now();
    try {
      return await run(item);
    } finally {
      meanSeconds = 0.8 * meanSeconds + 0.2 * ((performance.now() - t0) / 1000);
      next();
    }
  };
  return Object.assign(ingest, { load: () => ({ running, waiting: waiting.length }) });
}
