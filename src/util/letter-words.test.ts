import { describe, expect, it } from 'vitest';
import { isSpaceCode, someLetterWord, startsWithLetter } from './letter-words.js';

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/** Every word the scanner reads, in order. */
function scanned(s: string, start = 0, end = s.length): string[] {
  const out: string[] = [];
  someLetterWord(
    s,
    (w) => {
      out.push(w);
      return false;
    },
    start,
    end,
  );
  return out;
}

describe('someLetterWord', () => {
  it('reads the words the regular expression matches, in order', () => {
    const texts = [
      "The U.S.-led coalition's 3rd strike — on al-Qaeda’s base — didn't stop 'em.",
      'Café São Tomé e Príncipe, naïve coöperation; İstanbul ΟΔΟΣ Ελλάδα 東京 𝐀𝐁𝐂 x\u0301y',
      "-'’ ' - 42 -abc- a'b'c ’x’",
      'a\ud835', // a lone high surrogate
      '',
    ];
    for (const t of texts) expect(scanned(t)).toEqual(t.match(WORD) ?? []);
  });

  it('reads a range as the slice of it (a pair cut at the end is a lone half)', () => {
    const t = 'Nations 𝐀𝐁 united';
    for (let a = 0; a <= t.length; a++)
      for (let b = a; b <= t.length; b++) expect(scanned(t, a, b)).toEqual(t.slice(a, b).match(WORD) ?? []);
  });

  it('stops at the first word that passes', () => {
    const seen: string[] = [];
    expect(
      someLetterWord('one two three', (w) => {
        seen.push(w);
        return w === 'two';
      }),
    ).toBe(true);
    expect(seen).toEqual(['one', 'two']);
  });
});

describe('isSpaceCode', () => {
  it('is /\\s/ for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe('startsWithLetter', () => {
  it('is /^\\p{L}/u', () => {
    for (const w of ['', 'a', 'É', '1a', "'s", '-', '𝐀b', '\ud835', 'ΟΔΟΣ', '東京', '\u0301a'])
      expect(startsWithLetter(w), w).toBe(/^\p{L}/u.test(w));
  });
});
