import { describe, expect, it } from 'vitest';
import { expectTenfoldGrowth } from '../util/__fixtures__/growth.js';
import { link, roleSpans, type RoleSpan } from './link.js';

// Labels: 0 O, 1 B-SRC, 2 I-SRC, 3 B-CUE, 4 I-CUE, 5 B-CON, 6 I-CON.
const ctxOf = (
  n: number,
  sentenceBreaks: number[] = [],
  paragraphBreaks: number[] = [],
  filler: number[] = [],
) => {
  const sentence = new Int32Array(n);
  const segment = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    sentence[i] = sentenceBreaks.filter((b) => b <= i).length;
    segment[i] = paragraphBreaks.filter((b) => b <= i).length;
  }
  const f = new Uint8Array(n);
  for (const i of filler) f[i] = 1;
  return { sentence, segment, filler: f };
};

describe('role spans', () => {
  it('splits runs at B- labels and role changes', () => {
    const spans = roleSpans(Uint8Array.from([1, 2, 3, 5, 6, 6, 5, 6, 0]));
    expect(spans).toEqual([
      { role: 'source', from: 0, to: 2 },
      { role: 'cue', from: 2, to: 3 },
      { role: 'content', from: 3, to: 6 },
      { role: 'content', from: 6, to: 8 },
    ]);
  });
});

describe('linking', () => {
  it('joins content to the nearest cue of its sentence and the cue to its source', () => {
    // [Trump] [said] [content] . [Clinton] [argued] [content]
    const labels = Uint8Array.from([1, 3, 5, 6, 0, 1, 3, 5, 6]);
    const out = link(roleSpans(labels), ctxOf(9, [5]), () => false);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ source: { from: 0 }, cue: { from: 1 }, content: [{ from: 2, to: 4 }] });
    expect(out[1]).toMatchObject({ source: { from: 5 }, cue: { from: 6 }, content: [{ from: 7, to: 9 }] });
  });

  it('shares one source between two cues of a sentence', () => {
    // [Trump] [reiterated] [content] , [noting] [content]
    const labels = Uint8Array.from([1, 3, 5, 6, 0, 3, 5, 6]);
    const out = link(roleSpans(labels), ctxOf(8), () => false);
    expect(out).toHaveLength(2);
    expect(out.map((a) => a.source?.from)).toEqual([0, 0]);
  });

  it('prefers the trailing "…,” X said" of a quotation over a cue before it', () => {
    // [stating] , [“quote”] , ” [Rutte] [said]
    const labels = Uint8Array.from([3, 0, 5, 6, 6, 0, 1, 3]);
    const quoted = (s: RoleSpan) => s.role === 'content';
    const out = link(roleSpans(labels), ctxOf(8, [], [], [1, 5]), quoted);
    const withContent = out.filter((a) => a.content.length);
    expect(withContent).toHaveLength(1);
    expect(withContent[0].cue?.from).toBe(7);
    expect(withContent[0].source?.from).toBe(6);
  });

  it('keeps a quotation without any cue, unlinked, rather than guessing across paragraphs', () => {
    const labels = Uint8Array.from([1, 3, 5, 0, 5, 6]);
    const out = link(roleSpans(labels), ctxOf(6, [3], [3]), () => false);
    expect(out.find((a) => a.content[0].from === 4)?.cue).toBeNull();
  });

  it('links n quotations with trailing speakers in time linear in n', async () => {
    // Per sentence: [“quote] [quote”] , [Rutte] [said] . [Officials] . [Aides] . — every quotation
    // checks the tokens up to its cue, which a scan over all sources made quadratic.
    const unit = [5, 6, 0, 1, 3, 0, 1, 0, 1, 0];
    const linkMany = (n: number) => {
      const labels = new Uint8Array(unit.length * n);
      const sentence = new Int32Array(labels.length);
      const filler = new Uint8Array(labels.length);
      for (let i = 0; i < labels.length; i++) {
        labels[i] = unit[i % unit.length];
        sentence[i] = Math.floor(i / unit.length);
        filler[i] = labels[i] === 0 ? 1 : 0;
      }
      const ctx = { sentence, segment: sentence, filler };
      return link(roleSpans(labels), ctx, (s) => s.role === 'content');
    };
    linkMany(5000); // warm-up: code compiles
    const out = await expectTenfoldGrowth(
      () => linkMany(5000),
      () => linkMany(50_000),
      50,
    );
    expect(out).toHaveLength(50_000);
    const last = 49_999 * unit.length;
    expect(out[49_999]).toMatchObject({ source: { from: last + 3 }, cue: { from: last + 4 } });
  });
});
