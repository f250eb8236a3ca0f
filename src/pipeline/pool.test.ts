import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisPool } from './pool.js';

/*
 * The pool runs the compiled worker (dist/), which `npm ci` builds through the prepare script; the
 * serial reference runs the same compiled code, so both sides are the same build.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const built = existsSync(path.join(root, 'dist/pipeline/worker.js'));
if (!built) console.warn('pool tests skipped: dist/ is not built (npm run build)');

describe.skipIf(!built)('AnalysisPool', () => {
  const seed = readFileSync(path.join(root, 'test/fixtures/seed.txt'), 'utf8');
  const texts = Array.from(
    { length: 12 },
    (_, i) =>
      `${seed
        .split('\n')
        .slice(0, 1 + (i % 6))
        .join('\n')}\nItem ${i} ends here.`,
  );

  it('returns the same analyses as a serial run, in input order', async () => {
    const { analyze } = (await import(path.join(root, 'dist/index.js'))) as typeof import('../index.js');
    const pool = new AnalysisPool(2);
    try {
      const out = [];
      for await (const r of pool.map(
        texts.map((text, i) => ({ id: `d${i}`, text, meta: { published: '2025-04-20' } })),
        3,
      ))
        out.push(r);
      expect(out.map((r) => r.task.id)).toEqual(texts.map((_, i) => `d${i}`));
      out.forEach((r, i) =>
        expect(r.result).toEqual(analyze(texts[i], { published: '2025-04-20' }, { id: `d${i}` })),
      );
    } finally {
      await pool.close();
    }
  });

  it('reports a bad task as an error and goes on with the rest', async () => {
    const pool = new AnalysisPool(2);
    try {
      const out = [];
      for await (const r of pool.map([
        { id: 'a', text: 'Fine text.' },
        { id: 'b', text: '   ' },
        { id: 'c', text: 'Also fine.' },
      ]))
        out.push(r);
      expect(
        out.map((r) => [r.task.id, Boolean(r.result), r.error?.message.includes('empty') ?? false]),
      ).toEqual([
        ['a', true, false],
        ['b', false, true],
        ['c', true, false],
      ]);
    } finally {
      await pool.close();
    }
  });
});
