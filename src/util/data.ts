import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { z } from 'zod';
import { safeParseData } from './data-stamps.js';

/** The project root: `src/util` and `dist/util` are both two levels below it. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Parsed files per schema: two readers of one file may each parse the part they know. */
const cache = new WeakMap<z.ZodType, Map<string, unknown>>();

/** Loads an authored data file from `data/`, validated once against its schema and cached. */
export function loadData<S extends z.ZodType>(relative: string, schema: S): z.infer<S> {
  let bySchema = cache.get(schema);
  if (!bySchema) cache.set(schema, (bySchema = new Map()));
  if (bySchema.has(relative)) return bySchema.get(relative) as z.infer<S>;
  const file = path.join(PROJECT_ROOT, 'data', relative);
  let raw: unknown;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new Error(`cannot read data file ${relative}: ${(err as Error).message}`);
  }
  const parsed = safeParseData(relative, bytes, raw, schema);
  if (!parsed.success) {
    throw new Error(
      `data file ${relative} is invalid: ${parsed.error.issues[0]?.message ?? 'schema mismatch'}`,
    );
  }
  bySchema.set(relative, parsed.data);
  return parsed.data;
}

/** The path of a file under the project root (models/, data/). */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
