import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../util/data.js';
import { scoreMetadata } from './metadata.js';

const DIR = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'extraction');
const TRUTH = path.join(DIR, 'ground-truth-dev.json');
const available = existsSync(TRUTH);
if (!available) console.warn(`metadata dev check skipped: ${TRUTH} not found (../shared is absent)`);

describe.skipIf(!available)(
  'metadata on the 95 extraction dev pages (test/fixtures/metadata-dev.json)',
  () => {
    it('gets publication date, outlet and language right on ≥ 95 % of pages, and a date wherever one is shown', () => {
      const truth = JSON.parse(readFileSync(TRUTH, 'utf8')) as Record<string, { url?: string }>;
      const urls = Object.fromEntries(Object.entries(truth).map(([id, v]) => [id, v.url]));
      const s = scoreMetadata(
        path.join(PROJECT_ROOT, 'test/fixtures/metadata-dev.json'),
        path.join(DIR, 'html'),
        urls,
      );
      expect(s.pages).toBe(95);
      expect(s.published.accuracy).toBeGreaterThanOrEqual(0.95);
      expect(s.outlet.accuracy).toBeGreaterThanOrEqual(0.95);
      expect(s.language.accuracy).toBeGreaterThanOrEqual(0.95);
      expect(s.datedPagesWithDate).toBe(s.datedPages);
    }, 120_000);
  },
);
