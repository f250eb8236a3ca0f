/**
 * Drift of one report against a reference report: word-level differences (from the alignment) and
 * the kinds the README of the statements gold defines — form, speaker, cue stance, a condition or a
 * negation the reference has and the report lost, or the report added. Every item carries spans and
 * text on both sides.
 */
import { align } from './align.js';
import { statementsLexicon } from './lexicon.js';
import { matchingSpeaker, nameWords, sameSpeaker } from './speaker.js';
import { reportWords, type ReportWords } from './words.js';
import type { DriftItem, DriftKind, DriftSide, Report, Word } from './types.js';
import { DRIFT_KINDS } from './types.js';

interface Side {
  report: Report;
  rw: ReportWords;
}

/** Spans of a run of words, consecutive words of one content piece merged into one span. */
function wordSide(side: Side, from: number, to: number): DriftSide {
  const { report, rw } = side;
  const spans: Array<[number, number]> = [];
  let lastPiece = -1;
  for (let k = from; k < to; k++) {
    const w = rw.words[k];
    const piece = report.content.findIndex((p) => w.start >= p.start && w.start < p.end);
    if (piece === lastPiece && spans.length) spans[spans.length - 1][1] = w.end;
    else spans.push([w.start, w.end]);
    lastPiece = piece;
  }
  return { report: report.id, spans, text: spans.map((s) => sliceOf(report, s)).join(' … ') };
}

function sliceOf(report: Report, [s, e]: [number, number]): string {
  const p = report.content.find((c) => s >= c.start && e <= c.end);
  return p ? p.text.slice(s - p.start, e - p.start) : '';
}

const hasMark = (marks: Set<number>, lo: number, hi: number): boolean => {
  for (const m of marks) if (m > lo && m <= hi) return true;
  return false;
};

/** Word-level kinds: added, removed, changed, truncated, ellipsis. */
function wordDrift(a: Side, b: Side): DriftItem[] {
  const wa = a.rw.words.map((w) => w.text);
  const wb = b.rw.words.map((w) => w.text);
  const items: DriftItem[] = [];
  const push = (kind: DriftKind, a0: number, a1: number, b0: number, b1: number) =>
    items.push({ kind, from: wordSide(a, a0, a1), to: wordSide(b, b0, b1) });
  const m = align(wa, wb);
  if (m.length === 0) {
    push('words-changed', 0, wa.length, 0, wb.length);
    return items;
  }
  const edge = (a0: number, a1: number, b0: number, b1: number) => {
    const na = a1 - a0;
    const nb = b1 - b0;
    if (na > 0 && nb > 0) push('words-changed', a0, a1, b0, b1);
    else if (na > 0 || nb > 0) push('truncated', a0, a1, b0, b1);
  };
  edge(0, m[0][0], 0, m[0][1]);
  for (let k = 0; k + 1 < m.length; k++) {
    const [i0, j0] = m[k];
    const [i1, j1] = m[k + 1];
    const ea = hasMark(a.rw.ellipsisBefore, i0, i1);
    const eb = hasMark(b.rw.ellipsisBefore, j0, j1);
    const na = i1 - i0 - 1;
    const nb = j1 - j0 - 1;
    if (ea !== eb) push('ellipsis', i0 + 1, i1, j0 + 1, j1);
    else if (na > 0 && nb > 0) push('words-changed', i0 + 1, i1, j0 + 1, j1);
    else if (nb > 0) push('words-added', i0 + 1, i1, j0 + 1, j1);
    else if (na > 0) push('words-removed', i0 + 1, i1, j0 + 1, j1);
  }
  const [li, lj] = m[m.length - 1];
  edge(li + 1, wa.length, lj + 1, wb.length);
  return items;
}

/** The stance class of a cue: that of its first word found in the lexicon, else neutral. */
export function cueStance(cue: string | undefined): string {
  const { stanceOf } = statementsLexicon();
  for (const w of (cue ?? '').toLowerCase().match(/\p{L}+/gu) ?? []) {
    const cls = stanceOf.get(w);
    if (cls) return cls;
  }
  return 'neutral';
}

/** Words that are a condition marker ("if", "as long as"), with their indices. */
function conditionWords(words: Word[]): number[] {
  const lex = statementsLexicon();
  const out: number[] = [];
  words.forEach((w, i) => {
    if (lex.conditionWords.has(w.text)) out.push(i);
    for (const seq of lex.conditionSequences)
      if (seq.every((s, k) => words[i + k]?.text === s)) for (let k = 0; k < seq.length; k++) out.push(i + k);
  });
  return out;
}

/**
 * Words that negate, with their indices. A negation right before a focus word ("you aren't just a
 * loser, you are a liar", "not only … but") adds to what it scopes rather than denying it, and an
 * affirming idiom ("nothing short of a revolution") asserts: neither is counted.
 */
function negationWords(words: Word[]): number[] {
  const lex = statementsLexicon();
  const out: number[] = [];
  words.forEach((w, i) => {
    const negates = lex.negationWords.has(w.text) || lex.negationSuffixes.some((s) => w.text.endsWith(s));
    if (!negates || lex.negationFocus.has(words[i + 1]?.text ?? '')) return;
    if (lex.negationAffirming.some((seq) => seq.every((x, k) => words[i + k]?.text === x))) return;
    out.push(i);
  });
  return out;
}

function markerSide(side: Side, indices: number[]): DriftSide {
  const spans = indices.map((i): [number, number] => [side.rw.words[i].start, side.rw.words[i].end]);
  return { report: side.report.id, spans, text: spans.map((s) => sliceOf(side.report, s)).join(' ') };
}

/** A marker kind: lost when only the reference report has it, added when only the compared one does. */
const MARKERS: Array<{ lost: DriftKind; added: DriftKind; find: (w: Word[]) => number[] }> = [
  { lost: 'condition-lost', added: 'condition-added', find: conditionWords },
  { lost: 'negation-lost', added: 'negation-added', find: negationWords },
];

/** Kinds by marker: present in exactly one of the two reports, named by which one. */
function markerDrift(a: Side, b: Side): DriftItem[] {
  const items: DriftItem[] = [];
  for (const { lost, added, find } of MARKERS) {
    const ia = find(a.rw.words);
    const ib = find(b.rw.words);
    if (ia.length > 0 === ib.length > 0) continue;
    items.push({ kind: ia.length > 0 ? lost : added, from: markerSide(a, ia), to: markerSide(b, ib) });
  }
  return items;
}

const cueSide = (r: Report, value: string): DriftSide => ({
  report: r.id,
  spans: r.cue.map((p): [number, number] => [p.start, p.end]),
  text: r.cue.map((p) => p.text).join(' '),
  value,
});
const contentSide = (r: Report, value: string): DriftSide => ({
  report: r.id,
  spans: r.content.map((p): [number, number] => [p.start, p.end]),
  text: r.content.map((p) => p.text).join(' … '),
  value,
});

/**
 * Two reports credit different persons or bodies: both name someone, read as the matcher reads them
 * (a spokesperson, head or office as the principal it speaks for at the article's date; a
 * description such as "the Romanian hacker" as no name), and the names cannot be one person —
 * compared by their name words, not the surname alone, so Bill Clinton is not Hillary Clinton. An
 * article that wrote only a name the other speaker also bears ("Clinton said") credited no one else:
 * only the analysis's reading of the name differs, which is no drift of the report.
 */
function differentSpeakers(a: Report, b: Report): boolean {
  const na = matchingSpeaker(a.speaker, a.published);
  const nb = matchingSpeaker(b.speaker, b.published);
  if (na === null || nb === null || sameSpeaker(na, nb)) return false;
  const fits = (credit: string | undefined, name: string) =>
    credit !== undefined && nameWords(credit).length > 0 && sameSpeaker(credit, name);
  return !fits(a.credit, nb) && !fits(b.credit, na);
}

/** Every drift of report `to` against the reference report `from`, in the README's kind order. */
export function drift(from: Report, to: Report): DriftItem[] {
  const a: Side = { report: from, rw: reportWords(from.content) };
  const b: Side = { report: to, rw: reportWords(to.content) };
  const items: DriftItem[] = [];
  const same =
    a.rw.words.length === b.rw.words.length && a.rw.words.every((w, i) => w.text === b.rw.words[i].text);
  if (same) items.push({ kind: 'identical', from: contentSide(from, ''), to: contentSide(to, '') });
  else items.push(...wordDrift(a, b));
  if (from.form !== to.form)
    items.push({ kind: 'form-changed', from: contentSide(from, from.form), to: contentSide(to, to.form) });
  if (differentSpeakers(from, to))
    items.push({
      kind: 'speaker-changed',
      from: { report: from.id, spans: [], text: from.speaker ?? '', value: from.speaker ?? '' },
      to: { report: to.id, spans: [], text: to.speaker ?? '', value: to.speaker ?? '' },
    });
  const sa = cueStance(from.cue.map((p) => p.text).join(' '));
  const sb = cueStance(to.cue.map((p) => p.text).join(' '));
  if (sa !== sb) items.push({ kind: 'stance-changed', from: cueSide(from, sa), to: cueSide(to, sb) });
  items.push(...markerDrift(a, b));
  const order = (k: DriftKind) => DRIFT_KINDS.indexOf(k);
  return items.sort((x, y) => order(x.kind) - order(y.kind));
}

/** The distinct kinds of a drift, in the README's order. */
export function driftKinds(items: readonly DriftItem[]): DriftKind[] {
  const present = new Set(items.map((i) => i.kind));
  return DRIFT_KINDS.filter((k) => present.has(k));
}
