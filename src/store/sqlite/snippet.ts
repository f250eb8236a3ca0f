/**
 * Search snippets for the SQLite store, built here instead of by FTS5's snippet(): snippet() scores
 * every window against every instance of every phrase, so its cost grows with the square of the
 * matches in a long article (a 4 M-character article took 12 s and held the server). Here the cost is
 * that of finding the first match: a linear regular-expression scan that stops at it.
 */

/** Characters of context before and after the match. */
const BEFORE = 80;
const AFTER = 140;
/** Characters scanned token by token (case and diacritics folded) when no literal match is found. */
const FOLDED_SCAN_CHARS = 200_000;

const WORD = /[\p{L}\p{N}]/u;

/** Lower case without diacritics, as FTS5's unicode61 tokenizer folds tokens. */
export function foldToken(token: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(token)) return token.toLowerCase();
  return token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the first term of the query occurs as a word (the last term also as a word's prefix), or -1.
 * `terms` are the query's words as the FTS query uses them.
 */
export function firstMatch(text: string, terms: readonly string[]): { start: number; end: number } | null {
  if (terms.length === 0) return null;
  const alternatives = terms.map((t, i) =>
    i === terms.length - 1 ? `${escapeRegExp(t)}` : `${escapeRegExp(t)}(?![\\p{L}\\p{N}])`,
  );
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'iu');
  const m = re.exec(text);
  if (m) return { start: m.index, end: m.index + m[0].length };
  // Folded comparison (café matches cafe), over a bounded prefix.
  const folded = terms.map(foldToken);
  const tokens = /[\p{L}\p{N}]+/gu;
  const scan = text.length > FOLDED_SCAN_CHARS ? text.slice(0, FOLDED_SCAN_CHARS) : text;
  for (let t = tokens.exec(scan); t; t = tokens.exec(scan)) {
    const f = foldToken(t[0]);
    for (let i = 0; i < folded.length; i++) {
      if (f === folded[i] || (i === folded.length - 1 && f.startsWith(folded[i])))
        return { start: t.index, end: t.index + t[0].length };
    }
  }
  return null;
}

/** A plain-text excerpt around `match` (or the text's start), cut at word boundaries, with ellipses. */
export function excerpt(text: string, match: { start: number; end: number } | null): string {
  const at = match?.start ?? 0;
  let from = Math.max(0, at - BEFORE);
  let to = Math.min(text.length, (match?.end ?? 0) + AFTER);
  while (from > 0 && from < at && WORD.test(text[from - 1] ?? '')) from++;
  while (to < text.length && to > (match?.end ?? 0) && WORD.test(text[to] ?? '')) to--;
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
