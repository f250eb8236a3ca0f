import { describe, expect, it } from 'vitest';
import type { DriftItem } from '../../src/corpus/statements/index.js';
import { driftSegments, droppedWords } from '../../web/src/drift-marks.js';

const side = (report: string, spans: Array<[number, number]>, text: string) => ({ report, spans, text });

describe('statement page drift marks', () => {
  it('cuts each content piece into unchanged and changed segments that slice the article text', () => {
    const text = 'Lopes claimed "the crossing will surely reopen on Monday" and "lorries" too.';
    const piece = (needle: string) => {
      const start = text.indexOf(needle);
      return { start, end: start + needle.length, text: needle };
    };
    const content = [piece('the crossing will surely reopen on Monday'), piece('lorries')];
    const surely = piece('surely');
    const drift: DriftItem[] = [
      { kind: 'words-added', from: side('o', [], ''), to: side('r', [[surely.start, surely.end]], 'surely') },
      { kind: 'words-removed', from: side('o', [[3, 9]], 'to the'), to: side('r', [], '') },
      { kind: 'stance-changed', from: side('o', [[0, 4]], 'said'), to: side('r', [[6, 13]], 'claimed') },
    ];
    const segs = driftSegments(content, drift);
    expect(segs.map((p) => p.map((s) => s.text).join(''))).toEqual(content.map((p) => p.text));
    for (const s of segs.flat()) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(segs[0].filter((s) => s.kinds.length).map((s) => [s.text, s.kinds])).toEqual([
      ['surely', ['words-added']],
    ]);
    // Only word kinds mark words: the cue's stance is shown with the cue, not in the content.
    expect(segs[1]).toEqual([{ text: 'lorries', start: content[1].start, end: content[1].end, kinds: [] }]);
    expect(droppedWords(drift)).toEqual([{ kind: 'words-removed', text: 'to the' }]);
  });
});
