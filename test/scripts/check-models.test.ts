import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'check-models.mjs');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-check-models-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

describe('npm run check:models (the committed events model against a fresh one)', () => {
  it('passes when the fresh model has the committed bytes', () => {
    const same = path.join(tmp, 'same.bin');
    copyFileSync(path.join(ROOT, 'models', 'events.bin'), same);
    const r = run(SCRIPT, ['--fresh', same]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/up to date/);
  });

  it('fails, saying what to run, when the committed model differs from a fresh one', () => {
    const other = path.join(tmp, 'other.bin');
    const bytes = readFileSync(path.join(ROOT, 'models', 'events.bin'));
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(other, bytes);
    const r = run(SCRIPT, ['--fresh', other]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/models\/events\.bin is stale/);
    expect(r.stderr).toMatch(/npm run train:events/);
  });

  it('skips, saying so, without the shared training data beside the repository', () => {
    const repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, 'scripts'), { recursive: true });
    mkdirSync(path.join(repo, 'models'), { recursive: true });
    copyFileSync(SCRIPT, path.join(repo, 'scripts', 'check-models.mjs'));
    const r = run(path.join(repo, 'scripts', 'check-models.mjs'), []);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/SKIPPED/);
  });
});
