import type { Token, TokenKind } from '../model/index.js';
import { countEndingBy } from '../util/sorted-spans.js';
import { QUOTE_MARK_CHARS } from './quote-marks.js';

/*
 * Offset-preserving tokenizer: the text is never rewritten, tokens are ranges into it.
 * Alternatives, in order: dotted acronyms ("U.S."), words with inner apostrophes, periods,
 * hyphens and ampersands ("Caliber.Az", "O'Neill", "AT&T"), numbers ("1,200.5"), quote marks,
 * and any other single non-space character.
 */
const TOKEN_RE = new RegExp(
  String.raw`(\p{L}\.(?:\p{L}\.)+)|([\p{L}\p{M}\p{N}]+(?:(?:['’.\-&]|(?<=\p{N}),(?=\p{N}{3}(?!\p{N})))[\p{L}\p{M}\p{N}]+)*)` +
    String.raw`|([${QUOTE_MARK_CHARS}]{1,2})|(\S)`,
  'gu',
);
const QUOTE_CHARS = new RegExp(`^[${QUOTE_MARK_CHARS}]+$`);
const NUMBER = /^\p{N}/u;
const LETTER = /\p{L}/u;
/** Clitics split off a word so "Trump’s" is `Trump` + `’s`, as CoNLL and PolNeAR tokenise. */
const CLITIC = /^(.+?)((?:['’](?:s|S|re|ve|ll|d|m|RE|VE|LL|D|M))|(?:n['’]t|N['’]T))$/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      out.push({ start, end, kind: 'word' });
    } else if (m[2] !== undefined) {
      const word = m[2];
      const clitic = word.length > 2 && /['’]/.test(word) ? CLITIC.exec(word) : null;
      if (clitic && LETTER.test(clitic[1])) {
        const cut = start + clitic[1].length;
        out.push({ start, end: cut, kind: kindOf(clitic[1]) }, { start: cut, end, kind: 'word' });
      } else {
        out.push({ start, end, kind: kindOf(word) });
      }
    } else if (m[3] !== undefined) {
      // Two quote marks in a row ("''" or "’”") are separate tokens.
      for (let i = start; i < end; i++) out.push({ start: i, end: i + 1, kind: 'quote' });
    } else {
      out.push({ start, end, kind: /[\p{P}]/u.test(m[0]) ? 'punct' : 'symbol' });
    }
  }
  return out;
}

function kindOf(word: string): TokenKind {
  if (NUMBER.test(word) && !LETTER.test(word)) return 'number';
  if (QUOTE_CHARS.test(word)) return 'quote';
  return 'word';
}

/** Index of the first token ending after `offset` (tokens.length when none): binary search. */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  return countEndingBy(tokens, offset);
}
