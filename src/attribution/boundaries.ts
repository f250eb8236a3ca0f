import { existsSync } from 'node:fs';
import { z } from 'zod';
import { loadData, projectPath } from '../util/data.js';
import type { RoleSpan } from './link.js';

/*
 * PolNeAR's cue-boundary conventions, learnt from the training split: given a cue that contains
 * word x, how often do annotators also include the word y right after it ("said Friday" → no,
 * "accused … of" → yes) or right before it ("then pointed out" → no, "has said" → often)? The
 * tagger decides boundaries token by token and is inconsistent at the edges; this table, applied
 * as a deterministic repair, moves each cue edge to the annotators' majority choice.
 */

export const BOUNDARIES_FILE = 'attribution/cue-boundaries.json';

/** [times included, times left out] */
const CountsSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
const CueBoundariesSchema = z.object({
  /** Keys "x y" (x inside the cue, y the word after it) and "* y" (any x). */
  right: z.record(z.string(), CountsSchema),
  /** Keys "y x" (y the word before the cue, x inside it) and "y *". */
  left: z.record(z.string(), CountsSchema),
});
export type CueBoundaries = z.infer<typeof CueBoundariesSchema>;

/** Pairs seen fewer times than this fall back to the single word; single words need MIN_WORD. */
const MIN_PAIR = 3;
const MIN_WORD = 8;
/** Learnt entries rarer than this are not stored (they would never be used). */
const MIN_STORED = Math.min(MIN_PAIR, MIN_WORD);

/** One training document as the boundary learner reads it. */
export interface BoundaryDoc {
  words: readonly string[];
  cues: readonly RoleSpan[];
  sentenceOf: Int32Array;
}

/**
 * Counts edge decisions over gold cue spans. `words[d]` are the lower-cased tokens of document d,
 * `cues[d]` its gold cue runs (token ranges) and `sentenceOf[d]` each token's sentence.
 */
export function learnCueBoundaries(docs: readonly BoundaryDoc[]): CueBoundaries {
  const right = new Map<string, [number, number]>();
  const left = new Map<string, [number, number]>();
  const bump = (m: Map<string, [number, number]>, key: string, included: boolean) => {
    const c = m.get(key) ?? [0, 0];
    c[included ? 0 : 1]++;
    m.set(key, c);
  };
  for (const { words, cues, sentenceOf } of docs) {
    for (const cue of cues) {
      // Every adjacent pair inside the cue is an inclusion on both sides.
      for (let i = cue.from; i + 1 < cue.to; i++) {
        bump(right, `${words[i]} ${words[i + 1]}`, true);
        bump(right, `* ${words[i + 1]}`, true);
        bump(left, `${words[i]} ${words[i + 1]}`, true);
        bump(left, `${words[i]} *`, true);
      }
      const last = cue.to - 1;
      if (cue.to < words.length && sentenceOf[cue.to] === sentenceOf[last]) {
        bump(right, `${words[last]} ${words[cue.to]}`, false);
        bump(right, `* ${words[cue.to]}`, false);
      }
      if (cue.from > 0 && sentenceOf[cue.from - 1] === sentenceOf[cue.from]) {
        bump(left, `${words[cue.from - 1]} ${words[cue.from]}`, false);
        bump(left, `${words[cue.from - 1]} *`, false);
      }
    }
  }
  const keep = (m: Map<string, [number, number]>) =>
    Object.fromEntries(
      [...m].filter(([, [a, b]]) => a + b >= MIN_STORED).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  return { right: keep(right), left: keep(left) };
}

/** Share of times the pair (or, when rare, the single word) was included; null when unknown. */
function inclusion(table: CueBoundaries['right'], pair: string, word: string): number | null {
  const p = table[pair];
  if (p && p[0] + p[1] >= MIN_PAIR) return p[0] / (p[0] + p[1]);
  const w = table[word];
  if (w && w[0] + w[1] >= MIN_WORD) return w[0] / (w[0] + w[1]);
  return null;
}

/** How far an edge may move, so one odd entry cannot swallow a clause. */
const MAX_MOVES = 4;

/**
 * Moves the edges of a cue to the annotators' majority: drops edge words they usually leave out,
 * takes in adjacent untagged words (`free(i)`) they usually include. `head` is the cue verb's token
 * (-1 when none is known). Never empties the cue and never crosses the sentence (`sameSentence`).
 */
export function repairCue(
  cue: RoleSpan,
  words: readonly string[],
  table: CueBoundaries,
  free: (i: number) => boolean,
  sameSentence: (a: number, b: number) => boolean,
  head = -1,
): RoleSpan {
  let { from, to } = cue;
  const rightShare = (x: number, y: number) =>
    inclusion(table.right, `${words[x]} ${words[y]}`, `* ${words[y]}`);
  const leftShare = (y: number, x: number) =>
    inclusion(table.left, `${words[y]} ${words[x]}`, `${words[y]} *`);
  // From the cue verb outwards, cut at the first word annotators usually leave out: "said | in a
  // statement", "then | pointed out". Trimming from the ends alone would keep "said in a statement"
  // because "a statement" is itself a common cue ending.
  if (head >= from && head < to) {
    for (let i = head; i + 1 < to; i++) {
      const s = rightShare(i, i + 1);
      if (s !== null && s < 0.5) {
        to = i + 1;
        break;
      }
    }
    for (let i = head; i - 1 >= from; i--) {
      const s = leftShare(i - 1, i);
      if (s !== null && s < 0.5) {
        from = i;
        break;
      }
    }
  }
  for (let k = 0; k < MAX_MOVES && to - from >= 2; k++) {
    const s = rightShare(to - 2, to - 1);
    if (s === null || s >= 0.5) break;
    to--;
  }
  for (let k = 0; k < MAX_MOVES && to - from >= 2; k++) {
    const s = leftShare(from, from + 1);
    if (s === null || s >= 0.5) break;
    from++;
  }
  for (let k = 0; k < MAX_MOVES && to < words.length && free(to) && sameSentence(to - 1, to); k++) {
    const s = rightShare(to - 1, to);
    if (s === null || s <= 0.5) break;
    to++;
  }
  for (let k = 0; k < MAX_MOVES && from > 0 && free(from - 1) && sameSentence(from - 1, from); k++) {
    const s = leftShare(from - 1, from);
    if (s === null || s <= 0.5) break;
    from--;
  }
  return from === cue.from && to === cue.to ? cue : { role: 'cue', from, to };
}

let loaded: CueBoundaries | null | undefined;

/** The learnt table, loaded once; null when it has not been built (the repair is then skipped). */
export function cueBoundaries(): CueBoundaries | null {
  if (loaded !== undefined) return loaded;
  loaded = existsSync(projectPath('data', BOUNDARIES_FILE))
    ? loadData(BOUNDARIES_FILE, CueBoundariesSchema)
    : null;
  return loaded;
}
