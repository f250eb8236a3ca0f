/**
 * The words of a report and the marks between them, as test/fixtures/statements/README.md defines
 * them: maximal letter/digit runs joined by apostrophes, lower-cased, curly apostrophes folded; a
 * leading complementiser "that" dropped; ellipsis marks placed between the words around them.
 */
import type { Piece, Report, ReportForm, Word } from './types.js';
import { statementsLexicon } from './lexicon.js';

const WORD = /[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+)*/gu;
const ELLIPSIS = /\.\s?\.\s?\.|…/g;

export interface ReportWords {
  words: Word[];
  /** Indices i (0 < i < words.length) with an ellipsis mark between word i-1 and word i. */
  ellipsisBefore: Set<number>;
}

const normalise = (w: string): string => w.toLowerCase().replace(/[’‘ʼ]/g, "'");

/** The words of a report's content, with their spans in the article. */
export function reportWords(content: readonly Piece[]): ReportWords {
  const words: Word[] = [];
  const marks: number[] = [];
  for (const piece of content) {
    const ends: Array<{ at: number; word?: Word }> = [];
    for (const m of piece.text.matchAll(WORD)) {
      const start = piece.start + (m.index ?? 0);
      ends.push({ at: start, word: { text: normalise(m[0]), start, end: start + m[0].length } });
    }
    for (const m of piece.text.matchAll(ELLIPSIS)) ends.push({ at: piece.start + (m.index ?? 0) });
    ends.sort((x, y) => x.at - y.at);
    for (const e of ends) {
      if (e.word) words.push(e.word);
      else marks.push(words.length);
    }
  }
  const first = content[0];
  let dropped = 0;
  const comp = statementsLexicon().complementiser;
  if (first && words[0]?.text === comp && first.text.slice(0, words[0].start - first.start).trim() === '') {
    words.shift();
    dropped = 1;
  }
  const ellipsisBefore = new Set<number>();
  for (const m of marks) {
    const i = m - dropped;
    if (i > 0 && i < words.length) ellipsisBefore.add(i);
  }
  return { words, ellipsisBefore };
}

/**
 * Direct, indirect or mixed, by scanning the quotation state over the article from the first content
 * span to the end of the last and counting the words that start inside a content span.
 */
export function contentForm(
  text: string,
  content: ReadonlyArray<{ start: number; end: number }>,
): ReportForm {
  if (content.length === 0) return 'indirect';
  const from = content[0].start;
  const to = content[content.length - 1].end;
  const before = text.slice(Math.max(0, from - 40), from).trimEnd();
  // Which quotation is open: a double one (“ ” " '') or a single one (‘ ’ ').
  let open: 'double' | 'single' | null = /(?:“|"|'')$/.test(before) ? 'double' : null;
  const inSpan = (i: number) => content.some((c) => i >= c.start && i < c.end);
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let quoted = 0;
  let unquoted = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    const prev = text[i - 1];
    const next = text[i + 1];
    if (ch === '“') open = 'double';
    else if (ch === '”') open = open === 'double' ? null : open;
    else if (ch === '"') open = open === 'double' ? null : 'double';
    else if (ch === "'" && next === "'") {
      open = open === 'double' ? null : 'double';
      i++;
    } else if (
      (ch === '‘' || ch === "'") &&
      open === null &&
      /[\s([—-]/.test(prev ?? ' ') &&
      /\p{L}/u.test(next ?? '')
    ) {
      open = 'single';
    } else if ((ch === '’' || ch === "'") && open === 'single' && !/\p{L}/u.test(next ?? '')) {
      open = null;
    } else if (
      isWordChar(ch) &&
      !isWordChar(prev) &&
      !(/['’‘ʼ]/.test(prev ?? ' ') && isWordChar(text[i - 2])) &&
      inSpan(i)
    ) {
      if (open) quoted++;
      else unquoted++;
    }
  }
  if (quoted > 0 && unquoted === 0) return 'direct';
  if (quoted > 0) return 'mixed';
  return 'indirect';
}

/** The text of a report's content pieces, joined with " … " where they are apart. */
export function contentText(report: Pick<Report, 'content'>): string {
  return report.content.map((p) => p.text).join(' … ');
}
