import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The bundled CLI (dist/bundle, what bin/newsgraph.js runs) must answer exactly as the plain build it
// is made from (dist/cli). Needs `npm run build`; skipped when the bundle is missing or older.
const root = path.resolve(import.meta.dirname, '..', '..');
const mtime = (p: string) => statSync(path.join(root, p), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const built = mtime('dist/cli/run.js') >= 0 && mtime('dist/bundle/cli.js') >= mtime('dist/cli/main.js');

function run(script: string, args: string[], input?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, script), ...args], {
      cwd: root,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'inherit'],
    });
    const out: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: Buffer.concat(out).toString('utf8') }));
    if (input !== undefined) child.stdin!.end(input);
  });
}

async function same(args: string[], input?: string): Promise<string> {
  const [bundled, plain] = await Promise.all([
    run('bin/newsgraph.js', args, input),
    run('dist/cli/run.js', args, input),
  ]);
  expect(bundled.code).toBe(0);
  expect(plain.code).toBe(0);
  expect(bundled.out).toBe(plain.out);
  return bundled.out;
}

describe.skipIf(!built)('bundled CLI', () => {
  it('prints the same help', async () => {
    expect(await same(['--help'])).toMatch(/^Usage: newsgraph/);
  });

  it('analyses an article as the plain build does', { timeout: 120_000 }, async () => {
    const out = await same(['analyze', 'test/fixtures/seed.txt', '--published', '2025-04-20']);
    expect(JSON.parse(out).attributions.length).toBeGreaterThan(0);
  });

  it('detects a language on first need, as the plain build does', { timeout: 120_000 }, async () => {
    const german =
      'Die Stadtverwaltung hat am Montag angekündigt, dass die Brücke über den Fluss im kommenden ' +
      'Frühjahr für mehrere Wochen gesperrt wird, weil Reparaturen nötig sind.\n';
    const out = await same(['analyze', '-'], german);
    expect(JSON.parse(out).meta.language).toBe('de');
  });
});

describe.skipIf(!built)('what the build prepares for start-up', () => {
  it('stamps the data files an analyze validates and derives fast-load forms of the largest', () => {
    const stamps = JSON.parse(
      readFileSync(path.join(root, 'dist/bundle/data-stamps.json'), 'utf8'),
    ) as Record<string, string[]>;
    expect(Object.keys(stamps)).toEqual(
      expect.arrayContaining(['events/word-knowledge.json.gz', 'actors/people.json']),
    );
    const derived = readdirSync(path.join(root, 'dist/bundle/derived'));
    expect(derived).toEqual(expect.arrayContaining(['events--word-knowledge.json.gz.bin']));
  });
});

describe.skipIf(!built)('output to a reader that stops early', () => {
  it(
    'ends quietly with status 0 when the pipe closes (as `newsgraph … | head` does)',
    { timeout: 120_000 },
    async () => {
      // An output larger than a pipe's buffer, so the writer is still writing when the reader leaves.
      const article = readFileSync(path.join(root, 'test/fixtures/seed.txt'), 'utf8').repeat(40);
      const child = spawn(process.execPath, [path.join(root, 'bin/newsgraph.js'), 'analyze', '-'], {
        cwd: root,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdin!.end(article);
      const err: Buffer[] = [];
      child.stderr!.on('data', (d: Buffer) => err.push(d));
      // Close the reading end at the first chunk, before the whole analysis is written.
      child.stdout!.once('data', () => child.stdout!.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(Buffer.concat(err).toString('utf8')).not.toMatch(/EPIPE|Unhandled/);
      expect(code).toBe(0);
    },
  );
});

describe('lazy imports', () => {
  it('name their module literally, so the bundler can follow them', () => {
    const files = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !/\.test\.ts$|__fixtures__|(^|\/)scripts\//.test(f),
    );
    const computed = files.filter((f) =>
      /\bimport\((?!\s*['"])/.test(readFileSync(path.join(root, 'src', f), 'utf8')),
    );
    expect(computed).toEqual([]);
  });
});
