import { describe, expect, it } from 'vitest';
import { marksOf, segment, type Mark } from '../../web/src/highlight.js';
import { AGREED_EVENT, fixtureAnalysis } from '../../src/store/store.suite.js';
import { expectLinearGrowth } from '../../src/util/__fixtures__/growth.js';

const mark = (kind: Mark['kind'], start: number, end: number, ref: string): Mark => ({
  kind,
  start,
  end,
  label: kind,
  details: [],
  ref,
});

describe('dashboard span segmentation', () => {
  it('cuts overlapping marks into segments that each slice the text and list every covering mark', () => {
    const text = 'Rutte said "we will help Trump" today.';
    const marks = [
      mark('source', 0, 5, 'att:Q1'),
      mark('content', 11, 31, 'att:Q1'),
      mark('mention', 25, 30, 'actor:A2'),
      mark('mention', 0, 5, 'actor:A1'),
    ];
    const segs = segment(text, marks);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    for (const s of segs) expect(text.slice(s.start, s.end)).toBe(s.text);
    const trump = segs.find((s) => s.text === 'Trump')!;
    expect(trump.marks.map((m) => m.ref).sort()).toEqual(['actor:A2', 'att:Q1']);
    const rutte = segs.find((s) => s.text === 'Rutte')!;
    expect(rutte.marks.map((m) => m.kind).sort()).toEqual(['mention', 'source']);
    expect(segs.find((s) => s.text === ' today.')!.marks).toEqual([]);
  });

  it('turns every layer of an analysis into marks inside the text', () => {
    const text = 'Ana Lopes said "we will open the border" and Valmora agreed.';
    const a = fixtureAnalysis(text, {
      quote: { speaker: 'Ana Lopes', cue: 'said', content: 'we will open the border' },
      event: AGREED_EVENT,
    });
    const marks = marksOf(a);
    expect(new Set(marks.map((m) => m.kind))).toEqual(
      new Set(['content', 'cue', 'source', 'mention', 'event']),
    );
    for (const m of marks) expect(m.end).toBeLessThanOrEqual(text.length);
    expect(marks.find((m) => m.kind === 'content')!.label).toBe('direct quote by Ana Lopes');
  });

  it('handles a large article in linear-ish time', async () => {
    const segmented = (n: number) => {
      const text = 'word '.repeat(10 * n);
      const marks: Mark[] = [];
      for (let i = 0; i < n; i++)
        marks.push(
          mark('mention', i * 50, i * 50 + 4, `actor:${i}`),
          mark('content', i * 50, i * 50 + 30, `att:${i}`),
        );
      return segment(text, marks);
    };
    const segs = await expectLinearGrowth(segmented, 2000);
    expect(segs.length).toBeGreaterThan(40_000);
  });
});
