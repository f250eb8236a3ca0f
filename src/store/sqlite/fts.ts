/** Most terms one search uses: bounds the work a hostile query can ask for. */
const MAX_TERMS = 16;
const MAX_TERM_CHARS = 64;

/**
 * Turns any user string into a safe FTS5 MATCH expression: the words are kept, each quoted as a
 * literal (so `AND`, `NEAR`, `"`, `*`, `:`, `(` in user input are never syntax), all required,
 * the last one also matching as a prefix. Returns null when the string has no searchable word.
 */
export function ftsQuery(input: string): string | null {
  const terms = (input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [])
    .slice(0, MAX_TERMS)
    .map((t) => t.slice(0, MAX_TERM_CHARS));
  if (terms.length === 0) return null;
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** Escapes `%`, `_` and the escape character itself for `LIKE … ESCAPE '\'`. */
export function likePattern(input: string): string {
  return `%${input.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
