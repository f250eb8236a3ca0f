import { describe, expect, it } from 'vitest';
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
});
