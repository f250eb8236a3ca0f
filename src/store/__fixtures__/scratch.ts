import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { dropTestSchemas, warnIfNoTestPg } from '../postgres/test-support.js';

/**
 * For a test file that runs on both backends: says visibly when its PostgreSQL half is skipped
 * (`what`), and gives a scratch folder for its SQLite files, removed after the file together with
 * the PostgreSQL schemas it made.
 */
export function scratchForStores(what: string, prefix: string): string {
  warnIfNoTestPg(what);
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropTestSchemas();
  });
  return dir;
}
