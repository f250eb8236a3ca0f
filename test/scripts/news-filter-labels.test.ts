import { describe, expect, it } from 'vitest';
import { labelledRight } from '../../scripts/events/news-filter-data.js';

describe('news filter labels (scripts/events/news-filter-data.ts)', () => {
  it('an event is right when its type is the label’s and, when the label has a source, its source overlaps it', () => {
    // Type only (a label without a source): the type decides.
    expect(labelledRight({ type: 'ACCUSE' }, 'ACCUSE', [0, 5])).toBe(true);
    expect(labelledRight({ type: 'ACCUSE' }, 'SUPPORT', [0, 5])).toBe(false);
    // "Daniel, one of 20 students killed at the school": no actor of the text does the act.
    expect(labelledRight({ type: 'ASSAULT', source: null }, 'ASSAULT', [0, 6])).toBe(false);
    // The labelled source's words against the coded ones: overlapping or not.
    expect(labelledRight({ type: 'SUPPORT', source: [10, 25] }, 'SUPPORT', [20, 30])).toBe(true);
    expect(labelledRight({ type: 'SUPPORT', source: [10, 25] }, 'SUPPORT', [25, 30])).toBe(false);
    expect(labelledRight({ type: 'SUPPORT', source: [10, 25] }, 'ACCUSE', [10, 25])).toBe(false);
  });
});
