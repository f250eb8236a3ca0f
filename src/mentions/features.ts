import { hashString, mix } from './hash.js';
import { OTHER_MAX, type DocView } from './doc-view.js';

/* The feature templates of the NER model over a document's view (doc-view.ts). */

/** Stand-ins for the words before the sentence start and after its end. */
const BOUNDARY_BEFORE = hashString('<s>');
const BOUNDARY_AFTER = hashString('</s>');

/** Template ids; each feature is mix(template, values…). */
const enum T {
  Bias = 1,
  Word,
  Cased,
  WordPrev,
  WordNext,
  WordPrev2,
  WordNext2,
  BigramPrev,
  BigramNext,
  Shape,
  ShapePrev,
  ShapeNext,
  ShapeTriple,
  ShapePrevCur,
  ShapeCurNext,
  Prefix,
  Suffix,
  FirstShape,
  CapsLineShape,
  CapsLineWord,
  UsualCase,
  UsualCasePrev,
  UsualCaseNext,
  DocCase,
  Gaz,
  GazShape,
  GazPrev,
  GazNext,
  WordShapeNext,
  PrevTag,
  PrevTags,
  PrevTagWord,
  PrevTagShape,
  History,
  HistoryShape,
  HistoryNext,
  GazTag,
  NameWord,
  NameWordPrev,
  NameWordNext,
  OtherPrev,
  OtherNext,
  RunBefore,
  RunAfter,
  RunShape,
}

/**
 * Appends the static features of token i (those not depending on earlier decisions) to `out`
 * starting at `at`; returns the new end. `out` must have room for STATIC_MAX features.
 */
export const STATIC_MAX = 72;

/**
 * Positions, in what staticFeatures writes, of the features naming the word itself (word, cased
 * word, the two bigrams). Training sometimes blanks them so context and shape learn to carry
 * unseen names too.
 */
export const WORD_IDENTITY_SLOTS = [1, 2, 7, 8] as const;

export function staticFeatures(v: DocView, i: number, out: Uint32Array, at: number): number {
  const s = v.sentStart[i];
  const e = v.sentEnd[i];
  const w0 = v.lower[i];
  const wp = i - 1 >= s ? v.lower[i - 1] : BOUNDARY_BEFORE;
  const wn = i + 1 < e ? v.lower[i + 1] : BOUNDARY_AFTER;
  const wp2 = i - 2 >= s ? v.lower[i - 2] : BOUNDARY_BEFORE;
  const wn2 = i + 2 < e ? v.lower[i + 2] : BOUNDARY_AFTER;
  const s0 = v.shape[i];
  const sp = i - 1 >= s ? v.shape[i - 1] : BOUNDARY_BEFORE;
  const sn = i + 1 < e ? v.shape[i + 1] : BOUNDARY_AFTER;
  const caps = v.capsLine[i];
  const cap0 = v.cap[i];
  let k = at;
  out[k++] = mix(T.Bias, 0);
  out[k++] = mix(T.Word, w0);
  out[k++] = mix(T.Cased, v.cased[i]);
  out[k++] = mix(T.WordPrev, wp);
  out[k++] = mix(T.WordNext, wn);
  out[k++] = mix(T.WordPrev2, wp2);
  out[k++] = mix(T.WordNext2, wn2);
  out[k++] = mix(mix(T.BigramPrev, wp), w0);
  out[k++] = mix(mix(T.BigramNext, w0), wn);
  out[k++] = mix(T.Shape, s0);
  out[k++] = mix(T.ShapePrev, sp);
  out[k++] = mix(T.ShapeNext, sn);
  out[k++] = mix(mix(mix(T.ShapeTriple, sp), s0), sn);
  out[k++] = mix(mix(T.ShapePrevCur, sp), s0);
  out[k++] = mix(mix(T.ShapeCurNext, s0), sn);
  out[k++] = mix(mix(T.WordShapeNext, w0), sn);
  for (let a = 0; a < 4; a++) {
    const p = v.prefix[i * 4 + a];
    if (p === 0) break;
    out[k++] = mix(mix(T.Prefix, a), p);
    out[k++] = mix(mix(T.Suffix, a), v.suffix[i * 4 + a]);
  }
  out[k++] = mix(mix(T.FirstShape, i === s ? 1 : 0), s0);
  out[k++] = mix(mix(T.CapsLineShape, caps), s0);
  if (caps) out[k++] = mix(T.CapsLineWord, w0);
  out[k++] = mix(mix(mix(T.UsualCase, v.usualCase[i]), cap0), caps);
  out[k++] = mix(mix(T.UsualCasePrev, i - 1 >= s ? v.usualCase[i - 1] * 8 + v.cap[i - 1] : 99), cap0);
  out[k++] = mix(mix(T.UsualCaseNext, i + 1 < e ? v.usualCase[i + 1] * 8 + v.cap[i + 1] : 99), cap0);
  out[k++] = mix(mix(mix(T.DocCase, v.docCase[i]), cap0), caps);
  const g = v.gaz[i];
  if (g !== 0) {
    for (let b = 0; b < 16; b++) {
      if ((g & (1 << b)) === 0) continue;
      out[k++] = mix(T.Gaz, b);
      out[k++] = mix(mix(T.GazShape, b), cap0 * 2 + caps);
    }
  }
  out[k++] = mix(mix(mix(T.NameWord, v.nameWord[i]), cap0), caps);
  out[k++] = mix(mix(T.NameWordPrev, i - 1 >= s ? v.nameWord[i - 1] * 8 + v.cap[i - 1] : 99), cap0);
  out[k++] = mix(mix(T.NameWordNext, i + 1 < e ? v.nameWord[i + 1] * 8 + v.cap[i + 1] : 99), cap0);
  for (let o = 0; o < OTHER_MAX; o++) {
    const j = v.others[i * OTHER_MAX + o];
    if (j < 0) break;
    out[k++] = mix(T.OtherPrev, j > v.sentStart[j] ? v.lower[j - 1] : BOUNDARY_BEFORE);
    out[k++] = mix(T.OtherNext, j + 1 < v.sentEnd[j] ? v.lower[j + 1] : BOUNDARY_AFTER);
  }
  const rs = v.runStart[i];
  const re = v.runEnd[i];
  if (re - rs > 1) {
    out[k++] = mix(T.RunBefore, rs > s ? v.lower[rs - 1] : BOUNDARY_BEFORE);
    out[k++] = mix(T.RunAfter, re < e ? v.lower[re] : BOUNDARY_AFTER);
    out[k++] = mix(mix(T.RunShape, Math.min(re - rs, 5)), (i === rs ? 1 : 0) + (i === re - 1 ? 2 : 0));
  }
  out[k++] = mix(T.GazPrev, i - 1 >= s ? v.gaz[i - 1] : 0xffff);
  out[k++] = mix(T.GazNext, i + 1 < e ? v.gaz[i + 1] : 0xffff);
  return k;
}

/** Number of dynamic features `dynamicFeatures` writes at `out[at…]`. */
export const DYNAMIC_COUNT = 8;

/**
 * Features of decisions already made: the previous two tags, and `history`/`historyNext`, the
 * tag last predicted for the same word (and the next word) earlier in the document (0 = never seen).
 */
export function dynamicFeatures(
  v: DocView,
  i: number,
  prev: number,
  prev2: number,
  history: number,
  historyNext: number,
  out: Uint32Array,
  at: number,
): void {
  out[at] = mix(T.PrevTag, prev);
  out[at + 1] = mix(mix(T.PrevTags, prev2), prev);
  out[at + 2] = mix(mix(T.PrevTagWord, prev), v.lower[i]);
  out[at + 3] = mix(mix(T.PrevTagShape, prev), v.shape[i]);
  out[at + 4] = mix(T.History, history);
  out[at + 5] = mix(mix(T.HistoryShape, history), v.cap[i] * 2 + v.capsLine[i]);
  out[at + 6] = mix(T.HistoryNext, historyNext);
  out[at + 7] = mix(mix(T.GazTag, prev), v.gaz[i]);
}
