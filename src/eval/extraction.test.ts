import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../util/data.js';
import { predictExtraction } from './extraction.js';

const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared');
const DIR = path.join(SHARED, 'data', 'extraction');
const GOLD = path.join(DIR, 'ground-truth-dev.json');
const available = existsSync(GOLD);
if (!available) console.warn(`extraction benchmark skipped: ${GOLD} not found (../shared is absent)`);

interface Scorer {
  evaluate(
    gt: unknown,
    pred: unknown,
    opts: { nBootstrap: number },
  ): { f1: number; precision: number; recall: number };
}

describe.skipIf(!available)('predictExtraction on the extraction dev split', () => {
  it('reaches F1 >= 0.955 with the benchmark scorer, reading only ids and urls', async () => {
    // The predictor gets a copy of the ground truth with the labels removed.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'extraction-'));
    try {
      const gt = JSON.parse(readFileSync(GOLD, 'utf8')) as Record<
        string,
        { url?: string; articleBody: string }
      >;
      const inputs = Object.fromEntries(Object.entries(gt).map(([id, v]) => [id, { url: v.url }]));
      const inputFile = path.join(tmp, 'inputs.json');
      writeFileSync(inputFile, JSON.stringify(inputs));
      const lines: string[] = [];
      for await (const line of predictExtraction(inputFile, { htmlDir: path.join(DIR, 'html') }))
        lines.push(line);
      expect(lines).toHaveLength(1);
      const pred = JSON.parse(lines[0]) as Record<string, { articleBody: string }>;
      expect(Object.keys(pred).sort()).toEqual(Object.keys(gt).sort());
      const scorer = (await import(
        pathToFileURL(path.join(SHARED, 'tools', 'score-extraction.mjs')).href
      )) as Scorer;
      const m = scorer.evaluate(gt, pred, { nBootstrap: 0 });
      console.log(
        `extraction dev: F1 ${m.f1.toFixed(3)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)}`,
      );
      expect(m.f1).toBeGreaterThanOrEqual(0.955);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('honours the limit option', async () => {
    const lines: string[] = [];
    for await (const line of predictExtraction(GOLD, { htmlDir: path.join(DIR, 'html'), limit: 3 }))
      lines.push(line);
    expect(Object.keys(JSON.parse(lines[0]))).toHaveLength(3);
  });
});
