import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, runNode, type CliResult } from './__fixtures__/run-cli.js';

// `analyze` from the start-up snapshot (scripts/build-snapshot.mjs, started by bin/newsgraph, the
// package's bin, and by bin/newsgraph.js) must write exactly what the bundle writes, and a blob that
// does not fit falls back without an error. Needs `npm run build`; skipped when the bundle is missing
// or older than the plain build.
const root = path.resolve(import.meta.dirname, '..', '..');
const bundleDir = path.join(root, 'dist/bundle');
const mtime = (p: string) => statSync(path.join(root, p), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const built = mtime('dist/bundle/cli.js') >= 0 && mtime('dist/bundle/cli.js') >= mtime('dist/cli/main.js');

/** Runs node with NEWSGRAPH_DEBUG set, so the launcher says whether it started from the snapshot. */
const run = (args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> =>
  runNode(args, { input, env: { NEWSGRAPH_DEBUG: '1', ...env } });
/** Runs the command as a shell runs it (bin/newsgraph, the package's bin), with NEWSGRAPH_DEBUG set. */
const runBin = (bin: string, args: string[], input?: string): Promise<CliResult> =>
  runCommand(bin, args, { input, env: { NEWSGRAPH_DEBUG: '1' } });
const shellBin = path.join(root, 'bin/newsgraph');

/** The error messages of a run, without the launcher's own note and the stack lines debugging adds. */
const messages = (err: string) =>
  err.split('\n').filter((l) => !/starting from the snapshot|^\s+at /.test(l));

const scratch = mkdtempSync(path.join(tmpdir(), 'newsgraph-snapshot-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Sentences of our own (not the build's warm-up sentences).
const SENTENCE = path.join(scratch, 'sentence.txt');
writeFileSync(
  SENTENCE,
  'Officials in Valmora said on Friday that the army had shelled two villages, "without any warning," ' +
    'according to a spokeswoman for the regional council.\n',
);

describe.skipIf(!built)('analyze from the start-up snapshot', () => {
  it('is what the build made: a blob and its description', () => {
    expect(existsSync(path.join(bundleDir, 'snapshot.blob'))).toBe(true);
    const m = JSON.parse(readFileSync(path.join(bundleDir, 'snapshot.json'), 'utf8')) as { node: string };
    expect(m.node).toBe(process.version);
  });

  it('writes the same bytes as the bundle', { timeout: 120_000 }, async () => {
    for (const args of [
      ['analyze', SENTENCE, '--published', '2024-03-01'],
      ['analyze', SENTENCE, '--format', 'text'],
      ['analyze', SENTENCE, '--tokens'],
      ['analyze', 'test/fixtures/seed.txt'],
    ]) {
      const [shell, script, bundled] = await Promise.all([
        runBin(shellBin, args),
        run(['bin/newsgraph.js', ...args]),
        run(['bin/newsgraph.js', ...args], { NEWSGRAPH_SNAPSHOT: '0' }),
      ]);
      for (const snapshot of [shell, script]) {
        expect(snapshot.err).toContain('starting from the snapshot');
        expect(snapshot.err).not.toContain('not starting');
        expect(snapshot.code).toBe(0);
        expect(snapshot.out).toBe(bundled.out);
      }
      expect(bundled.err).toContain('not starting from the snapshot');
    }
  });

  it(
    'reads stdin, detects a language and reports errors as the bundle does',
    { timeout: 120_000 },
    async () => {
      const german =
        'Der Gemeinderat hat am Dienstag beschlossen, dass die alte Markthalle im Sommer renoviert wird, ' +
        'weil das Dach seit Jahren undicht ist.\n';
      for (const [args, input] of [
        [['analyze', '-'], german],
        [['analyze', path.join(scratch, 'missing.txt')], undefined],
        [['analyze', SENTENCE, '--format', 'yaml'], undefined],
      ] as const) {
        const [shell, script, bundled] = await Promise.all([
          runBin(shellBin, [...args], input),
          run(['bin/newsgraph.js', ...args], {}, input),
          run(['bin/newsgraph.js', ...args], { NEWSGRAPH_SNAPSHOT: '0' }, input),
        ]);
        for (const snapshot of [shell, script]) {
          expect(snapshot.err).toContain('starting from the snapshot');
          expect(snapshot.code).toBe(bundled.code);
          expect(snapshot.out).toBe(bundled.out);
          expect(messages(snapshot.err)).toEqual(messages(bundled.err));
        }
      }
    },
  );

  it('runs every other command, and batches, as bin/newsgraph.js does', { timeout: 120_000 }, async () => {
    const batch = path.join(scratch, 'batch.jsonl');
    writeFileSync(batch, JSON.stringify({ id: 'a', text: 'The mayor said the bridge will close.' }) + '\n');
    for (const args of [['--help'], ['analyze', '--jsonl', batch]]) {
      const [shell, script] = await Promise.all([runBin(shellBin, args), run(['bin/newsgraph.js', ...args])]);
      expect(shell.err).toContain('not starting from the snapshot');
      expect(shell.code).toBe(0);
      expect(shell.out).toBe(script.out);
    }
  });
});

/**
 * A copy of the project's layout in a scratch directory whose files are links to the real ones, with
 * the snapshot's description edited by `edit` (and its V8 flags by `flags`): what the launchers and
 * the blob's start decide there, with no change to the real build (other tests run beside this one).
 */
function projectWith(
  name: string,
  edit: (m: Record<string, unknown>) => void,
  flags = readFileSync(path.join(bundleDir, 'snapshot.flags'), 'utf8'),
): string {
  const dir = path.join(realpathSync(scratch), name);
  mkdirSync(path.join(dir, 'bin'), { recursive: true });
  for (const bin of ['bin/newsgraph.js', 'bin/newsgraph'])
    copyFileSync(path.join(root, bin), path.join(dir, bin));
  for (const sub of ['data', 'models', 'node_modules', 'package.json'])
    symlinkSync(path.join(root, sub), path.join(dir, sub));
  mkdirSync(path.join(dir, 'dist/bundle'), { recursive: true });
  for (const f of readdirSync(path.join(root, 'dist'))) {
    if (f !== 'bundle') symlinkSync(path.join(root, 'dist', f), path.join(dir, 'dist', f));
  }
  for (const f of readdirSync(bundleDir)) {
    if (!/^snapshot\.(json|flags)$/.test(f))
      symlinkSync(path.join(bundleDir, f), path.join(dir, 'dist/bundle', f));
  }
  const m = JSON.parse(readFileSync(path.join(bundleDir, 'snapshot.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  m.root = dir + path.sep;
  edit(m);
  writeFileSync(path.join(dir, 'dist/bundle/snapshot.json'), JSON.stringify(m));
  writeFileSync(path.join(dir, 'dist/bundle/snapshot.flags'), flags);
  return dir;
}

/** The project in `dir` run by both launchers: bin/newsgraph (as a shell runs it) and bin/newsgraph.js. */
const bothLaunchers = (dir: string, args: string[]) =>
  Promise.all([
    runBin(path.join(dir, 'bin/newsgraph'), args),
    run([path.join(dir, 'bin/newsgraph.js'), ...args]),
  ]);

describe.skipIf(!built)('a snapshot that does not fit', () => {
  const expected = () => run(['bin/newsgraph.js', 'analyze', SENTENCE], { NEWSGRAPH_SNAPSHOT: '0' });

  it('is used when it fits (the copied layout is sound)', { timeout: 120_000 }, async () => {
    const dir = projectWith('fits', () => {});
    // As npm installs the bin: a link in node_modules/.bin, relative to the package.
    mkdirSync(path.join(dir, '.bin'));
    symlinkSync('../bin/newsgraph', path.join(dir, '.bin/newsgraph'));
    const [linked, [shell, script], want] = await Promise.all([
      runBin(path.join(dir, '.bin/newsgraph'), ['analyze', SENTENCE]),
      bothLaunchers(dir, ['analyze', SENTENCE]),
      expected(),
    ]);
    for (const got of [linked, shell, script]) {
      expect(got.err).toContain('newsgraph: starting from the snapshot');
      expect(got.out).toBe(want.out);
    }
  });

  it.each([
    [
      'stale: a data file changed since the build',
      'changed since the build',
      (m: Record<string, unknown>) => {
        const files = m.files as [string, number, number][];
        const data = files.find(([f]) => f.startsWith('data'))!;
        data[2] += 1;
      },
    ],
    [
      'made by another Node',
      'built by another node',
      (m: Record<string, unknown>) => {
        m.node = 'v0.0.0';
      },
    ],
    [
      'built in another directory',
      'built in another directory',
      (m: Record<string, unknown>) => {
        m.root = '/elsewhere/';
      },
    ],
  ])('falls back when %s', { timeout: 120_000 }, async (name, reason, edit) => {
    const dir = projectWith(name.replace(/\W+/g, '-'), edit);
    const [[shell, script], want] = await Promise.all([
      bothLaunchers(dir, ['analyze', SENTENCE]),
      expected(),
    ]);
    for (const got of [shell, script]) {
      expect(got.err).toMatch(new RegExp(`not starting from the snapshot: .*${reason}`));
      expect(got.code).toBe(0);
      expect(got.out).toBe(want.out);
    }
  });

  it('falls back when node refuses the blob itself', { timeout: 120_000 }, async () => {
    // Started without the V8 flags it was built with, node refuses the blob (exit status 14).
    const dir = projectWith('refused', () => {}, '\n');
    const [[shell, script], want] = await Promise.all([
      bothLaunchers(dir, ['analyze', SENTENCE]),
      expected(),
    ]);
    for (const got of [shell, script]) {
      expect(got.err).toContain('node refused the snapshot: running without');
      expect(got.code).toBe(0);
      expect(got.out).toBe(want.out);
    }
  });
});
