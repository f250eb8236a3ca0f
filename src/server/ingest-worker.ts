/**
 * Runs in a worker thread of the server: stores one posted article (fingerprints, analysis, the
 * store's transaction) on a connection of its own, so nothing of it holds the server's event loop.
 * The store is opened once per thread and database.
 */
import type { IngestItem } from '../ingest/types.js';
import { loadIngestApi, storeItem, type StoreItemResult } from '../service/item.js';
import { openWorkspace } from '../service/open.js';
import { failureOf, type WorkerFailure } from './worker-reply.js';
import type { Store } from '../store/types.js';

export interface IngestTask {
  /** The store's `--db` value: a SQLite file or a postgres:// URL. */
  db: string;
  item: IngestItem;
}

/** A result, or the error as data (its class does not survive the thread boundary). */
export type IngestReply = { ok: true; result: StoreItemResult } | WorkerFailure;

const stores = new Map<string, Promise<Store>>();

function storeFor(db: string): Promise<Store> {
  let store = stores.get(db);
  if (!store) {
    // A locked SQLite file is waited out here (this thread only), then reported as busy.
    store = openWorkspace(db, { busyTimeoutMs: 0, busyRetryMs: 2000 });
    stores.set(db, store);
    store.catch(() => stores.delete(db));
  }
  return store;
}

export default async function ingestTask(task: IngestTask): Promise<IngestReply> {
  try {
    const store = await storeFor(task.db);
    const result = await storeItem(store, task.item, await loadIngestApi());
    return { ok: true, result };
  } catch (err) {
    return failureOf(err);
  }
}
