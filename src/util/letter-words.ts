/*
 * Character classes for scanners that run over every word of every sentence, without regular
 * expressions. The words of a text as `/\p{L}[\p{L}\p{M}'’-]*\/gu` matches them (a letter, then letters, marks,
 * apostrophes and hyphens), read one at a time by a hand scanner: a test over every sentence of
 * every article stops at the first word it wants instead of building the list of all of them.
 */

const LETTER = 1;
const MARK = 2;
const JOINER = 3;
const OTHER = 4;
const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;

/** Class of each code point below 0x10000 once read (0: not read yet). */
const classes = new Uint8Array(0x10000);

function classify(cp: number): number {
  if (cp === 39 || cp === 0x2019 || cp === 45) return JOINER;
  const ch = String.fromCodePoint(cp);
  return IS_LETTER.test(ch) ? LETTER : IS_MARK.test(ch) ? MARK : OTHER;
}

function classOf(cp: number): number {
  if (cp > 0xffff) return classify(cp);
  let c = classes[cp]!;
  if (c === 0) c = classes[cp] = classify(cp);
  return c;
}

/** Whether `s` starts with a letter: `/^\p{L}/u.test(s)`. */
export function startsWithLetter(s: string): boolean {
  return s.length > 0 && classOf(s.codePointAt(0)!) === LETTER;
}

/** The code point at `at`, as in `s.slice(0, end)`: a pair cut by `end` is its lone first half. */
function codePointBefore(s: string, at: number, end: number): number {
  const cp = s.codePointAt(at)!;
  return cp > 0xffff && at + 1 >= end ? s.charCodeAt(at) : cp;
}

/**
 * Whether `found` holds for some word of `s.slice(start, end)`, asked of each word in turn (the same
 * words, in the same order, as `s.slice(start, end).match(/\p{L}[\p{L}\p{M}'’-]*\/gu)`).
 */
export function someLetterWord(
  s: string,
  found: (word: string) => boolean,
  start = 0,
  end = s.length,
): boolean {
  const n = end;
  let k = start;
  while (k < n) {
    const cp = codePointBefore(s, k, n);
    if (classOf(cp) !== LETTER) {
      k += cp > 0xffff ? 2 : 1;
      continue;
    }
    let e = k + (cp > 0xffff ? 2 : 1);
    while (e < n) {
      const c = codePointBefore(s, e, n);
      if (classOf(c) === OTHER) break;
      e += c > 0xffff ? 2 : 1;
    }
    if (found(s.slice(k, e))) return true;
    k = e;
  }
  return false;
}

/** Whether a UTF-16 code unit is one of `\s` (JavaScript's white space and line terminators). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
