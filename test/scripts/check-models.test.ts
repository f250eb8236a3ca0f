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

describe('npm run check:models (committed models against fresh ones)', () => {
  it('passes when the fresh model has the committed bytes', () => {
    const same = path.join(tmp, 'same');
    mkdirSync(same);
    copyFileSync(path.join(ROOT, 'models', 'events.bin'), path.join(same, 'events.bin'));
    const r = run(SCRIPT, ['--only', 'events', '--fresh', same]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/up to date/);
  });

  it('fails, saying what to run, when the committed model differs from a fresh one', () => {
    const other = path.join(tmp, 'other');
    mkdirSync(other);
    const bytes = readFileSync(path.join(ROOT, 'models', 'events.bin'));
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(path.join(other, 'events.bin'), bytes);
    const r = run(SCRIPT, ['--only', 'events', '--fresh', other]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/models\/events\.bin is stale/);
    expect(r.stderr).toMatch(/npm run train:events/);
  });

  it('compares every output of a trainer: a stale cue-edge model fails even when the others match', () => {
    const dir = path.join(tmp, 'attribution');
    mkdirSync(dir);
    copyFileSync(
      path.join(ROOT, 'data', 'attribution', 'word-classes.json'),
      path.join(dir, 'word-classes.json'),
    );
    copyFileSync(path.join(ROOT, 'models', 'attribution.bin'), path.join(dir, 'attribution.bin'));
    const cue = readFileSync(path.join(ROOT, 'models', 'cue-spans.bin'));
    cue[cue.length - 1] ^= 1;
    writeFileSync(path.join(dir, 'cue-spans.bin'), cue);
    const r = run(SCRIPT, ['--only', 'attribution', '--fresh', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/models\/attribution\.bin is up to date/);
    expect(r.stderr).toMatch(/models\/cue-spans\.bin is stale/);
    expect(r.stderr).toMatch(/npm run train:attribution/);
  });

  it('refuses a check it does not know', () => {
    const r = run(SCRIPT, ['--only', 'nonesuch']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown check nonesuch/);
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
