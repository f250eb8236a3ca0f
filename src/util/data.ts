import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { z } from 'zod';

/** The project root: `src/util` and `dist/util` are both two levels below it. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const cache = new Map<string, unknown>();

/** Loads an authored data file from `data/`, validated once against its schema and cached. */
export function loadData<S extends z.ZodType>(relative: string, schema: S): z.infer<S> {
  const key = relative;
  if (cache.has(key)) return cache.get(key) as z.infer<S>;
  const file = path.join(PROJECT_ROOT, 'data', relative);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read data file ${relative}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `data file ${relative} is invalid: ${parsed.error.issues[0]?.message ?? 'schema mismatch'}`,
    );
  }
  cache.set(key, parsed.data);
  return parsed.data;
}

/** The path of a file under the project root (models/, data/). */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
