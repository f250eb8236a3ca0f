import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetCommonJs } from './modules.js';

describe('presetCommonJs', () => {
  it('makes require of a CommonJS file return the given exports without running the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-preset-'));
    try {
      const file = path.join(dir, 'list.cjs');
      writeFileSync(file, 'throw new Error("compiled")');
      const list = Object.assign(Object.create(null) as Record<string, string>, { geese: 'goose' });
      presetCommonJs(file, list);
      expect(createRequire(path.join(dir, 'other.cjs'))('./list.cjs')).toBe(list);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
