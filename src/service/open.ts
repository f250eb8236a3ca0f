import { openStore, type OpenOptions } from '../store/open.js';
import type { Store } from '../store/types.js';

/**
 * Opens a store for the application: every command, the server and the workers open it here, so
 * what runs beside each stored article (the corpus analyses) runs whoever stores it.
 */
export async function openWorkspace(spec: string, options: OpenOptions = {}): Promise<Store> {
  return openStore(spec, options);
}
