import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';

/*
 * Validation stamps: zod-validating the large data files (the events word knowledge, the actor
 * sources) was a fifth of a short command's start-up. `npm run build` runs the bundled CLI once with
 * NEWSGRAPH_STAMP_DATA set (scripts/build-cli.mjs); every file that validated with an output equal to
 * its input (no defaults, transforms or stripped keys) is recorded with the hash of its bytes and of
 * its schema in dist/bundle/data-stamps.json. The bundle, and only the bundle, skips validation of a
 * file whose bytes and schema match a stamp: the stamps are rewritten with every bundle build, so they
 * always come from the code that reads them. Any edit to a data file after the build changes its hash
 * and brings full validation back.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
/** Only the bundle (dist/bundle/*.js) reads stamps; tsx, vitest and the plain build always validate. */
const BUNDLE_DIR = path.basename(here) === 'bundle' ? here : undefined;
const STAMPS_FILE = BUNDLE_DIR && path.join(BUNDLE_DIR, 'data-stamps.json');
const RECORD_TO = process.env.NEWSGRAPH_STAMP_DATA;

let stamps: Map<string, Set<string>> | undefined;
const recorded = new Map<string, Set<string>>();

function readStamps(): Map<string, Set<string>> {
  if (stamps) return stamps;
  stamps = new Map();
  if (!STAMPS_FILE || RECORD_TO) return stamps;
  try {
    // The build's own output, checked by hand: zod would be the biggest module `--help` loads.
    const parsed: unknown = JSON.parse(readFileSync(STAMPS_FILE, 'utf8'));
    for (const [file, keys] of Object.entries(parsed as Record<string, unknown>)) {
      if (Array.isArray(keys) && keys.every((k) => typeof k === 'string')) stamps.set(file, new Set(keys));
    }
  } catch {
    // No stamps (or unreadable ones): every file is validated in full, as without them.
  }
  return stamps;
}

const schemaHashes = new WeakMap<z.ZodType, string>();
/** A hash of a schema's definition, nested schemas and the source of its checks and transforms included. */
export function schemaHash(schema: z.ZodType): string {
  let h = schemaHashes.get(schema);
  if (h === undefined) {
    const seen = new Set<unknown>();
    const shape = JSON.stringify(schema, (_key, value: unknown) => {
      if (typeof value === 'function') return `fn:${String(value)}`;
      if (typeof value !== 'object' || value === null) return value;
      const def = (value as { _zod?: { def: unknown } })._zod?.def;
      if (def === undefined) return value;
      // A schema seen before on this path (a recursive one) is named, not walked again.
      if (seen.has(value)) return 'schema:seen';
      seen.add(value);
      return def;
    });
    schemaHashes.set(schema, (h = sha1(shape)));
  }
  return h;
}

const stampOf = (bytes: Uint8Array, schema: z.ZodType) => `${bytesHash(bytes)}:${schemaHash(schema)}`;

/** The hash stamps and derived files identify a data file's bytes by. */
export function bytesHash(bytes: Uint8Array): string {
  return sha1(bytes);
}

/**
 * node:crypto is loaded on first use: every command imports this file (through src/util/data.ts),
 * and loading node:crypto was about a quarter of `newsgraph --help`, which hashes nothing.
 */
function sha1(data: string | Uint8Array): string {
  return process.getBuiltinModule('node:crypto').createHash('sha1').update(data).digest('hex');
}

const derivedPath = (relative: string) =>
  path.join(BUNDLE_DIR!, 'derived', `${relative.replace(/\//g, '--')}.bin`);

/**
 * The fast-load form the build derived from a data file (`recordDerived`), when running from the
 * bundle (and, given a schema, the build stamped these bytes as valid for it); else undefined. The
 * caller checks that the form was derived from these bytes (`bytesHash`).
 */
export function derivedData(relative: string, bytes: Uint8Array, schema?: z.ZodType): Buffer | undefined {
  if (!BUNDLE_DIR || RECORD_TO) return undefined;
  if (schema && !readStamps().get(relative)?.has(stampOf(bytes, schema))) return undefined;
  try {
    return readFileSync(derivedPath(relative));
  } catch {
    return undefined;
  }
}

/** In the build's stamping run only: writes the fast-load form of a data file that validated. */
export function recordDerived(relative: string, make: () => Uint8Array): void {
  if (!RECORD_TO) return;
  const file = path.join(path.dirname(RECORD_TO), 'derived', `${relative.replace(/\//g, '--')}.bin`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, make());
}

/**
 * `schema.safeParse(raw)`, unless the build stamped these very bytes (`bytes`, what `raw` was parsed
 * from) as valid for this schema, with an output equal to `raw`: then `raw` itself, unvalidated.
 */
export function safeParseData<S extends z.ZodType>(
  relative: string,
  bytes: Uint8Array,
  raw: unknown,
  schema: S,
): z.ZodSafeParseResult<z.infer<S>> {
  const known = readStamps().get(relative);
  if (known && known.has(stampOf(bytes, schema))) {
    return { success: true, data: raw as z.infer<S> };
  }
  const parsed = schema.safeParse(raw);
  if (RECORD_TO && parsed.success && isDeepStrictEqual(parsed.data, raw)) {
    const keys = recorded.get(relative) ?? new Set<string>();
    if (recorded.size === 0) process.once('exit', writeRecorded);
    recorded.set(relative, keys.add(stampOf(bytes, schema)));
  }
  return parsed;
}

function writeRecorded(): void {
  const out: Record<string, string[]> = {};
  for (const [file, keys] of [...recorded].sort((a, b) => a[0].localeCompare(b[0])))
    out[file] = [...keys].sort();
  writeFileSync(RECORD_TO!, JSON.stringify(out, null, 1) + '\n');
}
