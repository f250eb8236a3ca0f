/**
 * Runs in a worker thread of the server: reads one article with its analysis (parsing and checking
 * a large analysis takes its time here, not on the server's event loop), cut to a layer window.
 */
import { openStore } from '../store/open.js';
import { failureOf, type WorkerFailure } from './worker-reply.js';
import type { LayerWindow, Store, StoredArticle } from '../store/types.js';

export interface ReadTask {
  db: string;
  id: string;
  window: LayerWindow;
}

export type ReadReply = { ok: true; article: StoredArticle | null } | WorkerFailure;

const stores = new Map<string, Promise<Store>>();

export default async function readTask(task: ReadTask): Promise<ReadReply> {
  try {
    let store = stores.get(task.db);
    if (!store) {
      store = openStore(task.db, { readonly: true, busyTimeoutMs: 0, busyRetryMs: 1000 });
      stores.set(task.db, store);
      store.catch(() => stores.delete(task.db));
    }
    return { ok: true, article: await (await store).getArticle(task.id, { layers: task.window }) };
  } catch (err) {
    return failureOf(err);
  }
}
