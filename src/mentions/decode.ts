import { CAP_INITIAL, type DocView } from './doc-view.js';
import {
  DYNAMIC_COUNT,
  STATIC_MAX,
  WORD_IDENTITY_SLOTS,
  dynamicFeatures,
  staticFeatures,
} from './features.js';
import { ALLOWED, NER_TYPES, POS_U, TAG_COUNT, TAG_O, posOfTag, typeOfTag } from './tags.js';

/** Anything that can score a feature set: the trained model at run time, the perceptron in training. */
export interface Scorer {
  /** Adds the weights of `features[0, count)` for every tag to `scores`. */
  addScores(features: Uint32Array, count: number, scores: Float64Array): void;
}

/** Called in training on every wrong greedy decision. */
export interface Learner {
  readonly gold: Uint8Array;
  update(features: Uint32Array, count: number, gold: number, predicted: number): void;
  /** True when this token's word-identity features should be hidden (feature 0 never matches). */
  dropWord?: () => boolean;
}

/** Tag symbol used in features for "before the sentence start". */
const START = TAG_COUNT;
/** History slots: one per type, then O. */
const SLOTS = NER_TYPES.length + 1;

/**
 * The document memory's verdict on a word: 0 when unseen, else 1 + the slot (type, or O last)
 * with the most votes, plus SLOTS when every earlier vote agreed. Names of several words vote
 * double, being stronger evidence than a lone capitalised word.
 */
function verdict(votes: Uint16Array | undefined): number {
  if (!votes) return 0;
  let best = 0;
  let total = 0;
  for (let k = 0; k < SLOTS; k++) {
    total += votes[k];
    if (votes[k] > votes[best]) best = k;
  }
  return 1 + best + (votes[best] === total ? SLOTS : 0);
}

/**
 * Greedy left-to-right BILOU decoding under the transition constraints, with a document memory:
 * the types given to the same capitalised word earlier in the text are a feature, so a name
 * recognised once ("Rutte" after "Mark Rutte") keeps its type later.
 */
export function decode(view: DocView, scorer: Scorer, tags: Uint8Array, learner?: Learner): void {
  const features = new Uint32Array(STATIC_MAX + DYNAMIC_COUNT);
  const scores = new Float64Array(TAG_COUNT);
  const history = new Map<number, Uint16Array>();
  for (let i = 0; i < view.n; i++) {
    const s = view.sentStart[i];
    const last = i === view.sentEnd[i] - 1;
    const prevSym = i > s ? tags[i - 1] : START;
    const prev2Sym = i - 1 > s ? tags[i - 2] : START;
    const k = staticFeatures(view, i, features, 0);
    if (learner?.dropWord?.()) for (const slot of WORD_IDENTITY_SLOTS) features[slot] = 0;
    const hist = view.cap[i] >= CAP_INITIAL ? verdict(history.get(view.lower[i])) : 0;
    const histNext =
      i + 1 < view.sentEnd[i] && view.cap[i + 1] >= CAP_INITIAL ? verdict(history.get(view.lower[i + 1])) : 0;
    dynamicFeatures(view, i, prevSym, prev2Sym, hist, histNext, features, k);
    const count = k + DYNAMIC_COUNT;
    scores.fill(0);
    scorer.addScores(features, count, scores);
    let best = -1;
    let bestScore = -Infinity;
    const allowedBase = prevSym * TAG_COUNT * 2 + (last ? 1 : 0);
    for (let t = 0; t < TAG_COUNT; t++) {
      if (scores[t] > bestScore && ALLOWED[allowedBase + t * 2] === 1) {
        bestScore = scores[t];
        best = t;
      }
    }
    if (view.honorific[i] === 1 && ALLOWED[allowedBase] === 1) best = TAG_O;
    if (learner && best !== learner.gold[i]) learner.update(features, count, learner.gold[i], best);
    tags[i] = best;
    if (view.cap[i] >= CAP_INITIAL) {
      let votes = history.get(view.lower[i]);
      if (!votes) history.set(view.lower[i], (votes = new Uint16Array(SLOTS)));
      const type = typeOfTag(best);
      const slot = type < 0 ? SLOTS - 1 : type;
      if (votes[slot] < 60000) votes[slot] += type >= 0 && posOfTag(best) !== POS_U ? 2 : 1;
    }
  }
}
