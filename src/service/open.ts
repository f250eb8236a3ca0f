import { attachCorpus, CORPUS_ANALYSES, type CorpusAnalysis } from '../corpus/index.js';
import { openStore, type OpenOptions } from '../store/open.js';
import type { Store } from '../store/types.js';

export interface WorkspaceOptions extends OpenOptions {
  /** The corpus analyses to run beside the store (default: every one in `CORPUS_ANALYSES`). */
  corpus?: readonly CorpusAnalysis[];
}

/**
 * Opens a store for the application: every command, the server and the workers open it here, so
 * the corpus analyses (`src/corpus/`) run in the transaction of every article whoever stores it.
 * A read-only store runs none (it stores nothing).
 */
export async function openWorkspace(spec: string, options: WorkspaceOptions = {}): Promise<Store> {
  const { corpus = CORPUS_ANALYSES, ...open } = options;
  const store = await openStore(spec, open);
  if (open.readonly) return store;
  try {
    await attachCorpus(store, corpus);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
