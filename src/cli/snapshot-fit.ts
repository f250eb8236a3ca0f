import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/*
 * Whether the start-up snapshot still fits the project it is started in: dist/bundle/snapshot.json
 * (written by scripts/build-snapshot.mjs) says which Node binary made the blob, in which directory,
 * and the size and time of every file whose content the blob holds. The blob's own start checks it
 * (src/cli/snapshot.ts), in the process, before it runs anything: about a hundred `stat` calls.
 */

/** A file's size and modification time, as the build saw them. */
const Stat = z.tuple([z.number(), z.number()]);

const SnapshotDescription = z.object({
  node: z.string(),
  platform: z.string(),
  arch: z.string(),
  execPath: z.string(),
  exec: Stat,
  root: z.string(),
  blob: Stat,
  files: z.array(z.tuple([z.string(), z.number(), z.number()])),
});

const sameStat = (file: string, [size, mtimeMs]: readonly [number, number]): boolean => {
  const s = statSync(file, { throwIfNoEntry: false });
  return s !== undefined && s.size === size && s.mtimeMs === mtimeMs;
};
const mtime = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;

/** The project directory of a launcher in its `bin/`, with a trailing separator, links resolved. */
export function projectRootOf(launcher: string): string {
  const dir = path.resolve(path.dirname(launcher), '..');
  try {
    return realpathSync.native(dir) + path.sep;
  } catch {
    return dir + path.sep;
  }
}

/**
 * Checks a description of our own once, while the snapshot is built: zod compiles a schema's checks on
 * its first use, which took a run from the blob more time than all its `stat` calls (tens of ms).
 */
export function warmSnapshotCheck(): void {
  const stat: [number, number] = [0, 0];
  const sample = { node: '', platform: '', arch: '', execPath: '', exec: stat, root: '', blob: stat };
  if (!SnapshotDescription.safeParse({ ...sample, files: [['', 0, 0]] }).success)
    throw new Error('the description schema refuses its own sample');
}

/** Why the snapshot does not fit the project in `root` (as `projectRootOf` gives it), or undefined. */
export function snapshotMisfit(root: string): string | undefined {
  const bundle = `${root}dist/bundle/`;
  let parsed;
  try {
    parsed = SnapshotDescription.safeParse(JSON.parse(readFileSync(`${bundle}snapshot.json`, 'utf8')));
  } catch {
    return 'no description of the snapshot';
  }
  if (!parsed.success) return 'an unreadable description of the snapshot';
  const m = parsed.data;
  if (
    m.node !== process.version ||
    m.platform !== process.platform ||
    m.arch !== process.arch ||
    m.execPath !== process.execPath ||
    !sameStat(process.execPath, m.exec)
  )
    return 'built by another node';
  if (m.root !== root) return 'built in another directory';
  if (!sameStat(`${bundle}snapshot.blob`, m.blob)) return 'the blob changed since the build';
  if (mtime(`${bundle}cli.js`) < mtime(`${root}dist/cli/main.js`)) return 'a build newer than the bundle';
  const changed = m.files.find(([file, ...stat]) => !sameStat(root + file, stat));
  return changed && `${changed[0]} changed since the build`;
}
