import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliReference, withReference } from './reference.js';

describe('README CLI reference', () => {
  it('matches the commands’ --help (regenerate with npm run docs:cli)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withReference(readme, cliReference())).toBe(readme);
  });
});
