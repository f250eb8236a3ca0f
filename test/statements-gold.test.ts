import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DRIFT_KINDS as DRIFT } from '../src/corpus/statements/index.js';

/*
 * Reads the statements gold (test/fixtures/statements/pairs.jsonl, described in its README.md) and
 * checks that it is well formed, and — when ../shared is present — that every attribution it names
 * exists in PolNeAR with exactly the spans the record copies.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GOLD = path.join(ROOT, 'test', 'fixtures', 'statements', 'pairs.jsonl');
const POLNEAR = ['train', 'dev'].map((s) =>
  path.join(ROOT, '..', 'shared', 'data', 'attribution', `polnear-${s}.jsonl`),
);
const haveShared = POLNEAR.every((f) => existsSync(f));
if (!haveShared)
  console.warn(`skipping the statements gold offset check: ${POLNEAR[0]} not found (../shared is absent)`);

const WORD_KINDS = ['words-added', 'words-removed', 'words-changed', 'truncated', 'ellipsis'];

const Spans = z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()]));
const Report = z.object({
  doc: z.string().min(1),
  attr: z.string().regex(/^E\d+$/),
  source: Spans,
  cue: Spans,
  content: Spans,
});
const Pair = z
  .object({
    id: z.string().regex(/^p\d{4}$/),
    a: Report,
    b: Report,
    label: z.enum(['same', 'different']),
    hard: z.boolean(),
    drift: z.array(z.enum(DRIFT)).min(1).optional(),
    note: z.string().min(1).max(200),
  })
  .strict();
type Pair = z.infer<typeof Pair>;

const pairs: Pair[] = readFileSync(GOLD, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => Pair.parse(JSON.parse(l)));

describe('statements gold: format', () => {
  it('has at least 400 pairs, 150 of them the same statement, ids in order', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(400);
    expect(pairs.filter((p) => p.label === 'same').length).toBeGreaterThanOrEqual(150);
    expect(pairs.map((p) => p.id)).toEqual(pairs.map((_, i) => `p${String(i + 1).padStart(4, '0')}`));
  });

  it('pairs attributions of two different articles, each pair once', () => {
    const keys = pairs.map((p) => `${p.a.doc} ${p.a.attr} ${p.b.doc} ${p.b.attr}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(pairs.filter((p) => p.a.doc === p.b.doc)).toEqual([]);
  });

  it('gives drift kinds, in the README order, only to same-statement pairs; hard only to different ones', () => {
    for (const p of pairs) {
      if (p.label === 'different') {
        expect(p.drift, p.id).toBeUndefined();
        continue;
      }
      expect(p.hard, p.id).toBe(false);
      const kinds = p.drift ?? [];
      expect(kinds.length, p.id).toBeGreaterThan(0);
      expect(
        [...kinds].sort((x, y) => DRIFT.indexOf(x) - DRIFT.indexOf(y)),
        p.id,
      ).toEqual(kinds);
      if (kinds.includes('identical'))
        expect(
          kinds.filter((k) => WORD_KINDS.includes(k)),
          p.id,
        ).toEqual([]);
    }
  });

  it('keeps notes free of quoted article text', () => {
    expect(pairs.filter((p) => /["“”]|''/.test(p.note)).map((p) => p.id)).toEqual([]);
  });
});

interface PolnearDoc {
  id: string;
  date: string;
  text: string;
  attributions: Array<{ id: string; source: number[][]; cue: number[][]; content: number[][] }>;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+)*/gu;

/** The README's words of a report: lower-cased, apostrophes unified, a leading complementiser dropped. */
function words(text: string, content: number[][]): string[] {
  const out = content.flatMap(([s, e]) =>
    Array.from(text.slice(s, e).matchAll(TOKEN), (m) => m[0].toLowerCase().replace(/[’‘ʼ]/g, "'")),
  );
  const first = text.slice(content[0][0], content[0][1]).trimStart();
  return out[0] === 'that' && /^that\b/i.test(first) ? out.slice(1) : out;
}

describe.skipIf(!haveShared)('statements gold against PolNeAR (../shared)', () => {
  const docs = new Map<string, PolnearDoc>();
  if (haveShared) {
    for (const file of POLNEAR) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const doc = JSON.parse(line) as PolnearDoc;
        docs.set(doc.id, doc);
      }
    }
  }
  const attr = (r: Pair['a']) => docs.get(r.doc)?.attributions.find((x) => x.id === r.attr);

  it('names attributions that exist, with exactly the spans PolNeAR gives them', () => {
    const wrong = pairs.flatMap((p) =>
      [p.a, p.b]
        .filter((r) => {
          const g = attr(r);
          const text = docs.get(r.doc)?.text ?? '';
          const inside = [...r.source, ...r.cue, ...r.content].every(([s, e]) => s < e && e <= text.length);
          return (
            !g ||
            !inside ||
            JSON.stringify([g.source, g.cue, g.content]) !== JSON.stringify([r.source, r.cue, r.content])
          );
        })
        .map((r) => `${p.id} ${r.doc} ${r.attr}`),
    );
    expect(wrong).toEqual([]);
  });

  it('puts the earlier article (date, then id) as a', () => {
    const late = pairs.filter((p) => {
      const [a, b] = [docs.get(p.a.doc)!, docs.get(p.b.doc)!];
      return a.date > b.date || (a.date === b.date && a.id >= b.id);
    });
    expect(late.map((p) => p.id)).toEqual([]);
  });

  it('marks identical exactly the same-statement pairs whose reported words are equal', () => {
    const off = pairs
      .filter((p) => p.label === 'same')
      .filter((p) => {
        const same =
          words(docs.get(p.a.doc)!.text, p.a.content).join(' ') ===
          words(docs.get(p.b.doc)!.text, p.b.content).join(' ');
        return same !== (p.drift ?? []).includes('identical');
      });
    expect(off.map((p) => p.id)).toEqual([]);
  });
});
