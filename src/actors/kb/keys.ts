import { tokenize } from '../../text/tokenize.js';

/*
 * Lookup keys. Names in the knowledge base and words in the text are compared as sequences of
 * token keys, so "U.S." and "US", "Zelenskyy" and "ZELENSKYY", "O’Neill" and "O'Neill" meet.
 */

const DIACRITICS = /\p{M}+/gu;
const CURLY_APOSTROPHE = /[’‘`´]/g;
const DOTS = /\./g;
const HAS_LETTER = /[\p{L}\p{N}]/u;

/** The comparison key of one word: no diacritics, lower case, straight apostrophes, no dots. */
export function wordKey(word: string): string {
  const plain = word.normalize('NFKD').replace(DIACRITICS, '').replace(CURLY_APOSTROPHE, "'");
  // Dots inside words go ("U.S." = "US"); a lone period stays a token of its own ("Sen." = sen + .).
  const key = HAS_LETTER.test(plain) ? plain.replace(DOTS, '') : plain;
  return key.toLowerCase();
}

/** The token keys of a name as the project tokenizer splits it ("Lavrov's" → ["lavrov", "'s"]). */
export function nameKeys(name: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(name)) {
    const k = wordKey(name.slice(t.start, t.end));
    if (k.length > 0) out.push(k);
  }
  return out;
}

/** One string key for a whole name: its token keys joined by spaces. */
export function nameKey(name: string): string {
  return nameKeys(name).join(' ');
}
