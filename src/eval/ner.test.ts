import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { predictNer } from './ner.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const DEV = path.join(SHARED, 'data', 'ner', 'conll-dev.jsonl');
const haveDev = existsSync(DEV);
if (!haveDev) console.warn(`skipping the NER dev smoke check: ${DEV} not found (../shared is absent)`);

const dir = mkdtempSync(path.join(tmpdir(), 'ner-predict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(file: string, limit?: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of predictNer(file, { limit })) lines.push(line);
  return lines;
}

describe('predictNer', () => {
  it('reads only id and text, honours limit, and writes score-ner lines', async () => {
    const file = path.join(dir, 'gold.jsonl');
    const records = [
      // Deliberately wrong labels: predictions must not echo them.
      { id: 'a', text: 'Angela Merkel visited Paris .', entities: [{ start: 0, end: 5, type: 'ORG' }] },
      { id: 'b', text: 'Nothing to see here .' },
      { id: 'c', text: 'The United Nations met in Geneva .' },
    ];
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const lines = await collect(file);
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0]) as {
      id: string;
      entities: { start: number; end: number; type: string }[];
    };
    expect(first.id).toBe('a');
    expect(first.entities).toContainEqual({ start: 0, end: 13, type: 'PER' });
    expect(first.entities).not.toContainEqual({ start: 0, end: 5, type: 'ORG' });
    for (const e of first.entities) expect(['PER', 'ORG', 'LOC', 'MISC']).toContain(e.type);
    expect(await collect(file, 2)).toHaveLength(2);
  });

  it('reports a malformed line with its position', async () => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, '{"id":"x","text":"ok"}\n{"id":"y"}\n');
    await expect(collect(file)).rejects.toThrow(/bad\.jsonl:2/);
  });
});

describe.skipIf(!haveDev)('NER on CoNLL dev (smoke check, first 40 documents)', () => {
  it('scores well above a capitalisation baseline', async () => {
    const { score } = (await import(path.join(SHARED, 'tools', 'score-ner.mjs'))) as {
      score: (g: Map<string, unknown[]>, p: Map<string, unknown[]>) => { micro: { f1: number } };
    };
    const { readFileSync } = await import('node:fs');
    const gold = new Map<string, unknown[]>();
    for (const line of readFileSync(DEV, 'utf8').split('\n').filter(Boolean).slice(0, 40)) {
      const o = JSON.parse(line) as { id: string; entities: unknown[] };
      gold.set(o.id, o.entities);
    }
    const pred = new Map<string, unknown[]>();
    for (const line of await collect(DEV, 40)) {
      const o = JSON.parse(line) as { id: string; entities: unknown[] };
      pred.set(o.id, o.entities);
    }
    expect(pred.size).toBe(40);
    expect(score(gold, pred).micro.f1).toBeGreaterThan(0.85);
  });
});
