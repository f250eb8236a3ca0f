/**
 * The words of a report to highlight on a statement page: the spans its drift against the origin
 * gives on the report's own side (words added, changed, cut or elided), cut into segments of its
 * content pieces, so the page renders text and marks without ever building HTML from article text.
 */
import type { DriftItem, Piece } from '../../src/corpus/statements/index.js';

/** Drift kinds about the report's own words: their `to` spans are words it changed. */
export const WORD_KINDS = new Set(['words-added', 'words-changed', 'truncated', 'ellipsis']);

export interface DriftSegment {
  text: string;
  start: number;
  end: number;
  /** The kinds that mark this stretch (empty: unchanged words). */
  kinds: string[];
}

/** Each content piece as segments, changed stretches carrying their drift kinds. */
export function driftSegments(content: readonly Piece[], drift: readonly DriftItem[]): DriftSegment[][] {
  const marks = drift
    .filter((d) => WORD_KINDS.has(d.kind))
    .flatMap((d) => d.to.spans.map(([start, end]) => ({ start, end, kind: d.kind })));
  return content.map((piece) => {
    const cuts = new Set([piece.start, piece.end]);
    for (const m of marks) {
      if (m.end <= piece.start || m.start >= piece.end) continue;
      cuts.add(Math.max(m.start, piece.start));
      cuts.add(Math.min(m.end, piece.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: DriftSegment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [start, end] = [points[i], points[i + 1]];
      const kinds = [...new Set(marks.filter((m) => m.start < end && m.end > start).map((m) => m.kind))];
      segments.push({ text: piece.text.slice(start - piece.start, end - piece.start), start, end, kinds });
    }
    return segments;
  });
}

/** Words of the origin this report dropped: the origin's side of removed, cut and changed runs. */
export function droppedWords(drift: readonly DriftItem[]): Array<{ kind: string; text: string }> {
  return drift
    .filter(
      (d) =>
        (d.kind === 'words-removed' || d.kind === 'truncated' || d.kind === 'words-changed') && d.from.text,
    )
    .map((d) => ({ kind: d.kind, text: d.from.text }));
}
