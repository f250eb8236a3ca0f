import { searchTerms } from '../rules.js';

/**
 * Turns any user string into a safe FTS5 MATCH expression: the words are kept, each quoted as a
 * literal (so `AND`, `NEAR`, `"`, `*`, `:`, `(` in user input are never syntax), all required,
 * the last one also matching as a prefix. Returns null when the string has no searchable word.
 */
export function ftsQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}
