import { describe, expect, it } from 'vitest';
import { PrefixCursor } from './prefix-cursor.js';

const sorted = ['al', 'al-qaeda', 'alabama', 'the hague', 'the united states', 'théâtre', 'u.s.', 'un'].sort(
  (a, b) => (a < b ? -1 : a > b ? 1 : 0),
);

/** What the cursor says after reading `s`: whether an entry starts with it, and the entry equal to it. */
function read(s: string): [boolean, string | undefined] {
  const cursor = new PrefixCursor(sorted);
  const any = cursor.readString(s);
  return [any, any ? cursor.whole() : undefined];
}

describe('PrefixCursor', () => {
  it('keeps the entries that start with what was read, and finds the one equal to it', () => {
    const probes = [
      'a',
      'al',
      'al-',
      'al-q',
      'alb',
      'ala',
      'the',
      'the ',
      'the u',
      'thé',
      'théâtre',
      'u',
      'u.s.',
      'un',
      'x',
    ];
    for (const p of probes) {
      const starts = sorted.some((e) => e.startsWith(p));
      expect(read(p), p).toEqual([starts, starts && sorted.includes(p) ? p : undefined]);
    }
  });

  it('reads on from where it stopped, and starts again after reset', () => {
    const cursor = new PrefixCursor(sorted);
    expect(cursor.readString('the')).toBe(true);
    expect(cursor.whole()).toBeUndefined();
    expect(cursor.readString(' hague')).toBe(true);
    expect(cursor.whole()).toBe('the hague');
    expect(cursor.read(0x73)).toBe(false);
    cursor.reset();
    expect(cursor.readString('un')).toBe(true);
    expect(cursor.whole()).toBe('un');
  });
});
