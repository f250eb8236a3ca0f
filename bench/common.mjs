// What the benchmark scripts share: the project root, their command-line flags, and the shared data
// beside the project (../shared, or NEWSGRAPH_SHARED), with one clear message when it is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const args = process.argv.slice(2);

/** The value after `--name`, or undefined. */
export const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** A path under the shared data folder; exits with a message when it does not exist. */
export function sharedPath(relative) {
  const shared = process.env.NEWSGRAPH_SHARED ?? path.resolve(root, '..', 'shared');
  const p = path.join(shared, relative);
  if (!existsSync(p)) {
    console.error(
      `bench: ${p} not found — the benchmark needs the shared data beside the project (../shared) or NEWSGRAPH_SHARED`,
    );
    process.exit(1);
  }
  return p;
}

/** The PolNeAR lines of `--file` (default: the train split), at most `--limit` of them; `rest`: the others. */
export function readPolnear() {
  const file = arg('--file') ?? sharedPath('data/attribution/polnear-train.jsonl');
  if (!existsSync(file)) {
    console.error(`bench: ${file} not found`);
    process.exit(1);
  }
  const limit = Number(arg('--limit') ?? Infinity);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const docs = lines.slice(0, limit).map((l) => JSON.parse(l));
  return { file, docs, rest: () => lines.slice(limit).map((l) => JSON.parse(l)) };
}
