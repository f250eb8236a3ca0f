/**
 * What a republication changed against its original: word runs added, removed or rewritten, each
 * with its spans in both texts — the statements drift's word alignment, over whole articles.
 */
import { align } from '../statements/index.js';

export type ChangeKind = 'added' | 'removed' | 'rewritten';

export interface ChangeSide {
  /** `[start, end)` in that article's text; empty when the side has no words. */
  spans: Array<[number, number]>;
  text: string;
}

export interface Change {
  kind: ChangeKind;
  original: ChangeSide;
  copy: ChangeSide;
}

export interface CopyDiff {
  /** Words of the original and of the copy. */
  words: { original: number; copy: number };
  added: number;
  removed: number;
  rewritten: number;
  changes: Change[];
}

/**
 * Longest texts compared word by word: the alignment table grows with the product of the lengths
 * (3,000 × 3,000 words is 18 MB), so longer pairs are refused rather than stall a request.
 */
export const MAX_DIFF_WORDS = 3000;

interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

function words(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0].toLowerCase().replace(/’/g, "'"),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

function side(text: string, tokens: Token[], from: number, to: number): ChangeSide {
  if (from >= to) return { spans: [], text: '' };
  const span: [number, number] = [tokens[from].start, tokens[to - 1].end];
  return { spans: [span], text: text.slice(span[0], span[1]) };
}

/** How many words a text has, as the diff counts them. */
export function wordCount(text: string): number {
  return words(text).length;
}

/** The changes of `copy` against `original`, or null when either is longer than MAX_DIFF_WORDS. */
export function diffCopy(original: string, copy: string): CopyDiff | null {
  const a = words(original);
  const b = words(copy);
  if (a.length > MAX_DIFF_WORDS || b.length > MAX_DIFF_WORDS) return null;
  const matched = align(
    a.map((w) => w.text),
    b.map((w) => w.text),
  );
  const diff: CopyDiff = {
    words: { original: a.length, copy: b.length },
    added: 0,
    removed: 0,
    rewritten: 0,
    changes: [],
  };
  const gap = (a0: number, a1: number, b0: number, b1: number) => {
    if (a1 <= a0 && b1 <= b0) return;
    const kind: ChangeKind = a1 <= a0 ? 'added' : b1 <= b0 ? 'removed' : 'rewritten';
    diff[kind] += Math.max(a1 - a0, b1 - b0);
    diff.changes.push({ kind, original: side(original, a, a0, a1), copy: side(copy, b, b0, b1) });
  };
  let i = 0;
  let j = 0;
  for (const [mi, mj] of matched) {
    gap(i, mi, j, mj);
    i = mi + 1;
    j = mj + 1;
  }
  gap(i, a.length, j, b.length);
  return diff;
}
