import { sideOf, sideSlot, staticArgHashes, type Side } from './feature-hash.js';
import {
  argTriggerFeatures,
  NUM_ARG_LABELS,
  staticArgFeatures,
  TYPES,
  typeFeatures,
  type FoldedType,
} from './features.js';
import { argScores, typeScores, viterbi, type EventModel } from './model.js';
import {
  insideName,
  isAsserted,
  reportedObligation,
  type Candidate,
  type PreparedSentence,
} from './sentence.js';

/** A typed trigger with its source and target word ranges ([i, j) token indices). */
export interface Decoded {
  c: Candidate;
  type: FoldedType;
  /** How far the type's score beats NONE's. */
  margin: number;
  source?: [number, number];
  target?: [number, number];
}

/** The best event type of each candidate, when it beats NONE by more than the model's threshold; the strongest and those beyond the secondary margin. */
export function typeCandidates(s: PreparedSentence, model: EventModel): Decoded[] {
  return strongest(typedCandidates(s, model), model.secondary);
}

/** A sentence's strongest act, and the others whose margin beats `secondary`. */
export function strongest<T extends Pick<Decoded, 'margin'>>(acts: T[], secondary: number): T[] {
  if (acts.length < 2) return acts;
  const top = Math.max(...acts.map((d) => d.margin));
  return acts.filter((d) => d.margin === top || d.margin > secondary);
}

/** The best event type of each candidate, when it beats NONE by more than the model's threshold. */
export function typedCandidates(s: PreparedSentence, model: EventModel): Decoded[] {
  const out: Decoded[] = [];
  const scores = new Float64Array(TYPES.length);
  for (const c of s.candidates) {
    // Acts governed by another word are composed (compose.ts), not typed; so is what a speaker says
    // another must or should do.
    if (!isAsserted(c) || reportedObligation(s, c.i) || insideName(s.toks, c.i)) continue;
    typeScores(model, typeFeatures(s, c), scores);
    let best = 1;
    for (let l = 2; l < TYPES.length; l++) if (scores[l]! > scores[best]!) best = l;
    const margin = scores[best]! - scores[0]!;
    if (margin > model.threshold) out.push({ c, type: TYPES[best]!, margin });
  }
  return out;
}

/** Spans of one role in a label sequence: B-X then I-X… */
function spansOf(labels: Uint8Array, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let x = 0; x < labels.length; x++) {
    if (labels[x] !== b) continue;
    let y = x + 1;
    while (y < labels.length && labels[y] === b + 1) y++;
    out.push([x, y]);
    x = y - 1;
  }
  return out;
}

function nearest(spans: Array<[number, number]>, i: number): [number, number] | undefined {
  let best: [number, number] | undefined;
  let dist = Infinity;
  for (const sp of spans) {
    const d = sp[1] <= i ? i - sp[1] : sp[0] - i;
    if (d < dist) {
      dist = d;
      best = sp;
    }
  }
  return best;
}

/**
 * The last sentence's per-word scores (its per-word table and model), in buffers kept across
 * sentences: a sentence's triggers are tagged one after another, typed then composed. A WeakMap entry
 * and new arrays for every sentence with an event cost more than the scores they kept (the arrays are
 * as long as the sentence, and some "sentences" are whole lists).
 */
const prefix = {
  stat: undefined as readonly string[][] | undefined,
  model: undefined as EventModel | undefined,
  scores: new Float64Array(0),
  done: new Uint8Array(0),
};

/**
 * Scores of each word's per-word argument features (`staticArgHashes`) by side, computed once per
 * sentence and model: the same additions, in the same order, as scoring `argFeatures` from zero.
 */
function staticScores(
  model: EventModel,
  stat: readonly string[][],
): (x: number, side: Side, into: Float64Array, at: number) => void {
  if (prefix.stat !== stat || prefix.model !== model) {
    prefix.stat = stat;
    prefix.model = model;
    if (prefix.done.length < stat.length * 3) {
      prefix.scores = new Float64Array(stat.length * 3 * NUM_ARG_LABELS);
      prefix.done = new Uint8Array(stat.length * 3);
    } else prefix.done.fill(0, 0, stat.length * 3);
  }
  const { scores, done } = prefix;
  return (x, side, into, at) => {
    const slot = sideSlot(x, side);
    const from = slot * NUM_ARG_LABELS;
    if (!done[slot]) {
      scores.fill(0, from, from + NUM_ARG_LABELS);
      argScores(model, staticArgHashes(stat, x, side), scores, from);
      done[slot] = 1;
    }
    for (let l = 0; l < NUM_ARG_LABELS; l++) into[at + l] = scores[from + l]!;
  };
}

/** Words on each side of a trigger that may hold its source or target. */
export const ARGUMENT_WINDOW = 100;

/** Argument labels of every word of the sentence for one trigger ('O' outside its window). */
export function tagArguments(
  s: PreparedSentence,
  model: EventModel,
  c: Candidate,
  type: string,
  stat: readonly string[][] = staticArgFeatures(s),
): Uint8Array {
  // Arguments are sought within a window around the trigger, wider than any real sentence needs,
  // so text without full stops costs time linear in its length for each trigger.
  const lo = Math.max(0, c.i - ARGUMENT_WINDOW);
  const hi = Math.min(s.toks.length, c.i + ARGUMENT_WINDOW + 1);
  const n = hi - lo;
  const scores = new Float64Array(n * NUM_ARG_LABELS);
  const prefix = staticScores(model, stat);
  for (let x = lo; x < hi; x++) {
    // argFeatures' scores: those of its per-word start, the same for every trigger, then the rest.
    const at = (x - lo) * NUM_ARG_LABELS;
    prefix(x, sideOf(x - c.i), scores, at);
    argScores(model, argTriggerFeatures(s, c, type, x), scores, at);
  }
  // The trigger itself is no argument.
  const blocked = s.blocked.slice(lo, hi);
  blocked[c.i - lo] = 1;
  const labels = viterbi(model.trans, scores, n, blocked);
  if (n === s.toks.length) return labels;
  const out = new Uint8Array(s.toks.length);
  out.set(labels, lo);
  return out;
}

/** The source and target ranges nearest trigger i in a label sequence. */
export function argumentRanges(labels: Uint8Array, i: number): Pick<Decoded, 'source' | 'target'> {
  const out: Pick<Decoded, 'source' | 'target'> = {};
  const source = nearest(spansOf(labels, 1), i);
  const target = nearest(spansOf(labels, 3), i);
  if (source) out.source = source;
  if (target) out.target = target;
  return out;
}

/**
 * Typed events of a sentence with their source and target word ranges: the strongest and those beyond
 * the secondary margin, or (`all`) every candidate typed above the threshold.
 */
export function decodeSentence(s: PreparedSentence, model: EventModel, all = false): Decoded[] {
  const events = all ? typedCandidates(s, model) : typeCandidates(s, model);
  if (events.length === 0) return events;
  const stat = staticArgFeatures(s);
  for (const e of events) {
    Object.assign(e, argumentRanges(tagArguments(s, model, e.c, e.type, stat), e.c.i));
  }
  return events;
}
