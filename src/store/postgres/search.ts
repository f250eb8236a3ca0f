/** Most terms one search uses: bounds the work a hostile query can ask for. */
const MAX_TERMS = 16;
const MAX_TERM_CHARS = 64;

export interface TextQuery {
  /** All words but the last, for `plainto_tsquery` (which never raises a syntax error). */
  words: string;
  /** The last word as a prefix term for `to_tsquery`: letters and digits only, so never syntax. */
  prefix: string;
}

/**
 * Turns any user string into the parameters of a safe text-search query: only the words are kept
 * (so quotes, `&`, `|`, `!`, `:`, parentheses and NUL in user input are never syntax), all required,
 * the last one also matching as a prefix (`valmor` finds `Valmora`). Null when there is no word.
 */
export function textQuery(input: string): TextQuery | null {
  const terms = (input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [])
    .slice(0, MAX_TERMS)
    .map((t) => t.slice(0, MAX_TERM_CHARS));
  if (terms.length === 0) return null;
  return { words: terms.slice(0, -1).join(' '), prefix: `${terms[terms.length - 1]}:*` };
}

/** The SQL tsquery for parameters $n (words) and $n+1 (prefix). */
export function tsquerySql(n: number): string {
  return `(plainto_tsquery('english', $${n}) && to_tsquery('english', $${n + 1}))`;
}

/** A `%…%` pattern for `ILIKE … ESCAPE '\'`; NUL (which PostgreSQL text cannot hold) is dropped. */
export function likePattern(input: string): string {
  return `%${input.replaceAll('\u0000', '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A user string as a plain text parameter: PostgreSQL text cannot hold NUL. */
export function textParam(input: string): string {
  return input.replaceAll('\u0000', '');
}
