import { codeFacts } from './lexicon.js';
import { wordKnowledge } from './knowledge.js';
import { h, hash, sideOf, staticArgHashes, type Side } from './feature-hash.js';
import { FNV_OFFSET, fnvOn } from '../util/hash.js';
import type { Candidate, PreparedSentence } from './sentence.js';
import type { WordInfo } from './knowledge.js';

/*
 * Hashed features of the two learnt parts of the coder: the type of a candidate trigger (from the
 * word, its WordNet classes, vector clusters and CAMEO dictionary codes, its object, subject,
 * governing verb, a noun's light verb, modifiers and modality) and the argument tags of each word
 * given a trigger (its words and classes, entity type, side and distance from the trigger, the
 * preposition before it).
 */

/** The type classes: PLV's fifteen (earlier PLOVER) types, which fold the current eighteen, and NONE. */
export const TYPES = [
  'NONE',
  'ACCUSE',
  'AGREE',
  'AID',
  'ASSAULT',
  'COERCE',
  'CONSULT',
  'COOPERATE',
  'MOBILIZE',
  'PROTEST',
  'REJECT',
  'REQUEST',
  'SANCTION',
  'SUPPORT',
  'THREATEN',
  'YIELD',
] as const;
export type FoldedType = (typeof TYPES)[number];
export const NUM_TYPES = TYPES.length;

/** Current PLOVER types folded into PLV's (as the shared scorer folds them). */
const FOLD: Record<string, FoldedType> = {
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  DEMAND: 'REQUEST',
  CONCEDE: 'YIELD',
  RETREAT: 'YIELD',
  FIGHT: 'ASSAULT',
};
export function foldType(t: string): FoldedType | undefined {
  const u = t.toUpperCase();
  const f = FOLD[u] ?? u;
  return (TYPES as readonly string[]).includes(f) && f !== 'NONE' ? (f as FoldedType) : undefined;
}

/** The folded PLOVER type of a CAMEO code, or "-" for codes without one (01x statements). */
export function codeType(code: string): string {
  if (!code) return '';
  const facts = codeFacts(code);
  return facts?.plover ? (foldType(facts.plover.type) ?? '-') : '-';
}

export { hash } from './feature-hash.js';

const OBJECT_WINDOW = 6;
const CLAUSE_BREAK = new Set([',', ';', ':', 'that', 'which', 'who', '(', ')', '"', '“', '”', '.']);

/** The object head after a candidate: the last noun of the first noun group within a few words. */
function objectAfter(s: PreparedSentence, i: number): number {
  let found = -1;
  for (let k = i + 1; k < Math.min(s.toks.length, i + OBJECT_WINDOW + 1); k++) {
    const t = s.toks[k]!;
    if (CLAUSE_BREAK.has(t.lower) || t.pos === 'VERB') break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') found = k;
    else if (found >= 0) break;
  }
  return found;
}

/** The subject head before a candidate: the nearest noun, name or pronoun within 8 words. */
function subjectBefore(s: PreparedSentence, i: number): number {
  for (let k = i - 1; k >= Math.max(0, i - 8); k--) {
    const t = s.toks[k]!;
    if (t.lower === ';') break;
    if (s.blocked[k]) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') return k;
  }
  return -1;
}

/** The CAMEO dictionary's code for the candidate: a pattern's object within the window, else the verb's own. */
export function dictionaryCode(s: PreparedSentence, c: Candidate): { code: string; byObject: boolean } {
  const k = wordKnowledge();
  // Most verbs have no object patterns: their table is empty and the window is not read.
  const objects = k.cameoObjects(c.lemma);
  for (let o = c.i + 1; objects.size > 0 && o < Math.min(s.toks.length, c.i + 9); o++) {
    const t = s.toks[o]!;
    if (t.lower === '.' || t.lower === ';') break;
    const hit = objects.get(t.lemma) ?? objects.get(t.lower);
    if (hit) return { code: hit, byObject: true };
  }
  return { code: k.word(c.lemma).cameo, byObject: false };
}

function bucket(d: number): string {
  const a = Math.abs(d);
  const b = a <= 3 ? String(a) : a <= 6 ? '4-6' : a <= 10 ? '7-10' : '11+';
  return d < 0 ? `-${b}` : b;
}

const BIAS = hash('b');
const NO_OBJECT = hash('o:-');
const NO_GOVERNOR = hash('g:-');
const BLOCKED = hash('blocked');

/**
 * The type features a word's knowledge gives, hashed once per word: its WordInfo is the knowledge's
 * own (one a word, kept), and the candidates, objects and subjects of news repeat their words, so
 * hashing these strings again for every candidate was a tenth of the events stage.
 */
interface InfoHashes {
  /** c1:, c2: (the trigger's clusters). */
  c1: number;
  c2: number;
  /** vx: of each verb file, vh: of each verb hypernym. */
  vx: number[];
  vh: number[];
  /** nx: of each noun file, nh: of the first three noun hypernyms. */
  nx: number[];
  nh: number[];
  /** As the object: oc:, oc2:, ox: of each noun file, oh: of the second to fourth noun hypernyms. */
  oc: number;
  oc2: number;
  ox: number[];
  oh: number[];
  /** As the subject: sc:, sx: of each noun file. */
  sc: number;
  sx: number[];
  /** As another candidate of the sentence: ov:. */
  ov: number;
}

const infoHashes = new WeakMap<WordInfo, InfoHashes>();

function hashesOf(info: WordInfo): InfoHashes {
  let out = infoHashes.get(info);
  if (out) return out;
  out = {
    c1: h`c1:${info.coarse}`,
    c2: h`c2:${info.fine}`,
    vx: info.verbLex.map((x) => h`vx:${x}`),
    vh: info.verbHyp.map((y) => h`vh:${y}`),
    nx: info.nounLex.map((x) => h`nx:${x}`),
    nh: info.nounHyp.slice(0, 3).map((y) => h`nh:${y}`),
    oc: h`oc:${info.coarse}`,
    oc2: h`oc2:${info.fine}`,
    ox: info.nounLex.map((x) => h`ox:${x}`),
    oh: info.nounHyp.slice(1, 4).map((y) => h`oh:${y}`),
    sc: h`sc:${info.coarse}`,
    sx: info.nounLex.map((x) => h`sx:${x}`),
    ov: h`ov:${info.coarse}`,
  };
  infoHashes.set(info, out);
  return out;
}

/** The ov: hash of each candidate of a sentence (each candidate's features list the others'). */
const otherHashes = new WeakMap<PreparedSentence, number[]>();

function candidateHashes(s: PreparedSentence): number[] {
  let out = otherHashes.get(s);
  if (!out) {
    const k = wordKnowledge();
    otherHashes.set(s, (out = s.candidates.map((c) => hashesOf(k.word(c.lemma)).ov)));
  }
  return out;
}

/** Hashed features of a candidate trigger, for the type classifier (h`…` hashes a feature string as written). */
export function typeFeatures(s: PreparedSentence, c: Candidate): number[] {
  const f: number[] = [];
  const k = wordKnowledge();
  const t = s.toks[c.i]!;
  const w = k.word(c.lemma);
  const own = s.info[c.i]!;
  const wh = hashesOf(w);
  const oh = hashesOf(own);
  const dict = dictionaryCode(s, c);
  const dt = codeType(dict.code);
  f.push(BIAS, h`l:${c.lemma}`, h`w:${t.lower}`, h`p:${t.pos}`, h`n:${c.noun}`, h`s3:${t.lower.slice(-3)}`);
  if (c.noun) f.push(h`nl:${t.lemma}`);
  for (const info of c.noun ? [wh, oh] : [wh]) f.push(info.c1, info.c2, ...info.vx, ...info.vh);
  if (c.noun) f.push(...oh.nx, ...oh.nh);
  if (dict.code) {
    f.push(
      h`k:${dict.code.slice(0, 2)}`,
      h`k3:${dict.code.slice(0, 3)}`,
      h`kp:${dt}`,
      h`ko:${dict.byObject}|${dt}`,
    );
  }
  // The object and the preposition after the trigger.
  const o = objectAfter(s, c.i);
  if (o >= 0) {
    const oi = hashesOf(s.info[o]!);
    const ot = s.toks[o]!;
    f.push(
      h`o:${ot.lemma}`,
      oi.oc,
      oi.oc2,
      h`oe:${s.ent[o]}`,
      h`lo:${c.lemma}|${ot.lemma}`,
      ...oi.ox,
      ...oi.oh,
    );
  } else f.push(NO_OBJECT);
  for (let p = c.i + 1; p < Math.min(s.toks.length, c.i + 5); p++) {
    const x = s.toks[p]!;
    if (x.pos === 'ADP' || x.lower === 'to') {
      f.push(h`pa:${x.lower}`, h`lp:${c.lemma}|${x.lower}`);
      break;
    }
  }
  f.push(h`w-1:${s.toks[c.i - 1]?.lower ?? '^'}`, h`w+1:${s.toks[c.i + 1]?.lower ?? '$'}`);
  f.push(h`w-2:${s.toks[c.i - 2]?.lower ?? '^'}|${s.toks[c.i - 1]?.lower ?? '^'}`);
  // The subject.
  const sj = subjectBefore(s, c.i);
  if (sj >= 0) {
    const si = hashesOf(s.info[sj]!);
    f.push(si.sc, h`se:${s.ent[sj]}`, h`sp:${s.toks[sj]!.pos}`, ...si.sx);
  }
  if (c.noun) lightVerbFeatures(s, c, f);
  modifierFeatures(s, c, o, f);
  // Modality and the governing word.
  const m = c.modality;
  const flags = `${m.negated ? 'N' : ''}${m.future ? 'F' : ''}${m.hypothetical ? 'H' : ''}${m.obligation ? 'O' : ''}${m.passive ? 'P' : ''}`;
  f.push(h`m:${flags}`, h`mk:${flags}|${dt}`, h`mc:${flags}|${w.coarse}`);
  if (m.governor) {
    const gi = k.word(m.governor.lemma);
    f.push(
      h`g:${m.governor.lemma}`,
      h`gk:${m.governor.kind ?? '-'}`,
      h`gc:${gi.coarse}`,
      h`gK:${codeType(gi.cameo)}`,
    );
    f.push(h`gkd:${m.governor.kind ?? '-'}|${dt}`, h`gcl:${gi.coarse}|${w.coarse}`);
  } else f.push(NO_GOVERNOR);
  // Where the candidate sits among the others.
  const rank = s.candidates.indexOf(c);
  f.push(h`r:${Math.min(rank, 4)}`, h`nc:${Math.min(s.candidates.length, 6)}`);
  const others = candidateHashes(s);
  for (let x = 0; x < others.length; x++) if (s.candidates[x] !== c) f.push(others[x]!);
  return f;
}

/** The folded type the CAMEO dictionary gives a word as a verb ("" when none). */
function verbType(lemma: string): string {
  return codeType(wordKnowledge().word(lemma).cameo);
}

/** Words between a light verb and its act noun ("launched a new attack"). */
const LIGHT_VERB_GAP: ReadonlySet<string> = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PRON', 'PART']);

/**
 * "launched an attack", "held talks", "cancelled a visit": the verb whose object a noun trigger is (or the
 * part of speech before it when no verb is). The noun's type depends on what is done with the act, which
 * its own features did not see. With `modifierFeatures`, PLV CV (type recall / precision LB / dyad) seed 12
 * 0.752 / 0.845 / 0.585 → 0.756 / 0.853 / 0.584, seed 99 0.755 / 0.842 / 0.588 → 0.758 / 0.851 / 0.588;
 * PLOVER-GSR out of sample code F1 0.695 → 0.720, exact 0.296 → 0.314.
 */
function lightVerbFeatures(s: PreparedSentence, c: Candidate, f: number[]): void {
  let v = c.i - 1;
  while (v >= 0 && c.i - v <= 4 && LIGHT_VERB_GAP.has(s.toks[v]!.pos)) v--;
  const t = s.toks[v];
  if (!t || t.pos !== 'VERB') {
    f.push(h`lv:${t ? t.pos : '^'}`);
    return;
  }
  const info = s.info[v]!;
  f.push(h`lv:${t.lemma}`, h`lvc:${info.coarse}`, h`lvk:${verbType(t.lemma)}`, h`lvl:${t.lemma}|${c.lemma}`);
  for (const lx of info.verbLex.slice(0, 1)) f.push(h`lvx:${lx}`);
}

/**
 * "a scathing attack", "medical supplies": the modifiers (adjectives, nouns) before a noun trigger and before
 * the object head, by word and fine vector cluster; a word attack or a military one, aid or arms.
 */
function modifierFeatures(s: PreparedSentence, c: Candidate, o: number, f: number[]): void {
  const before = (i: number, tag: string) => {
    for (let a = i - 1; a >= 0 && i - a <= 3; a--) {
      const t = s.toks[a]!;
      if (t.pos !== 'ADJ' && t.pos !== 'NOUN') break;
      const info = s.info[a]!;
      f.push(h`${tag}:${t.lemma}`, h`${tag}c:${info.fine}`);
    }
  };
  if (c.noun) before(c.i, 'am');
  if (o >= 0) before(o, 'om');
}

/** Labels of the argument tagger. */
export const ARG_LABELS = ['O', 'B-S', 'I-S', 'B-T', 'I-T'] as const;
export const NUM_ARG_LABELS = ARG_LABELS.length;

/** A word's shape: runs of capitals, small letters and digits as A, a, 0; its first four characters. */
export function shape(text: string): string {
  // ASCII words (nearly all) without the three regular expressions: the same runs, read once.
  let out = '';
  let last = -1;
  for (let i = 0; i < text.length && out.length < 4; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return shapeByClasses(text);
    const run = c >= 65 && c <= 90 ? 65 : c >= 97 && c <= 122 ? 97 : c >= 48 && c <= 57 ? 48 : -1;
    if (run < 0) out += text[i];
    else if (run !== last) out += run === 65 ? 'A' : run === 97 ? 'a' : '0';
    last = run;
  }
  return out;
}

function shapeByClasses(text: string): string {
  return text
    .replace(/\p{Lu}+/gu, 'A')
    .replace(/\p{Ll}+/gu, 'a')
    .replace(/\d+/g, '0')
    .slice(0, 4);
}

const staticFeatures = new WeakMap<PreparedSentence, string[][]>();

/** Per-word features that do not depend on the trigger, computed once per sentence (typed and composed acts share them). */
export function staticArgFeatures(s: PreparedSentence): string[][] {
  let out = staticFeatures.get(s);
  if (!out) staticFeatures.set(s, (out = wordArgFeatures(s)));
  return out;
}

function wordArgFeatures(s: PreparedSentence): string[][] {
  return s.toks.map((t, x) => {
    const info = s.info[x]!;
    const ph = s.phraseAt[x]!;
    const p = ph >= 0 ? s.phrases[ph]! : undefined;
    const kind = p ? (p.pronoun ? 'pro' : p.coded || p.org ? 'org' : p.country ? 'cty' : 'agt') : '-';
    return [
      `w:${t.lower}`,
      `p:${t.pos}`,
      `sh:${shape(t.text)}`,
      `c1:${info.coarse}`,
      `c2:${info.fine}`,
      `nx:${info.nounLex[0] ?? '-'}`,
      `e:${s.ent[x]}`,
      `ph:${kind}`,
      `p-1:${s.toks[x - 1]?.pos ?? '^'}|${t.pos}`,
      `p+1:${t.pos}|${s.toks[x + 1]?.pos ?? '$'}`,
      `w-1:${s.toks[x - 1]?.lower ?? '^'}`,
      `w+1:${s.toks[x + 1]?.lower ?? '$'}`,
    ];
  });
}

const CLAUSE_BREAKS = new Set([',', ';', 'that', 'which', 'who']);
const breaksBefore = new WeakMap<PreparedSentence, Int32Array>();

/**
 * Running count of clause-break words before each token, once per sentence: counting them between
 * every word and the trigger made the tagger cubic in the sentence's length on text with no full stop.
 */
function clauseBreaksBefore(s: PreparedSentence): Int32Array {
  let out = breaksBefore.get(s);
  if (out) return out;
  out = new Int32Array(s.toks.length + 1);
  for (let k = 0; k < s.toks.length; k++)
    out[k + 1] = out[k]! + (CLAUSE_BREAKS.has(s.toks[k]!.lower) ? 1 : 0);
  breaksBefore.set(s, out);
  return out;
}

/** Hashed features of word x given the trigger candidate and its type. */
export function argFeatures(
  s: PreparedSentence,
  stat: readonly string[][],
  c: Candidate,
  type: string,
  x: number,
): number[] {
  // The bias and the per-word features, plain and by side (`${side}|${f}`), then those of the trigger.
  return [...staticArgHashes(stat, x, sideOf(x - c.i)), ...argTriggerFeatures(s, c, type, x)];
}

/** `bucket(d)`'s index: 0–6 for 0, 1, 2, 3, 4-6, 7-10, 11+, and 7 more for the same to the left. */
function bucketIndex(d: number): number {
  const a = Math.abs(d);
  const b = a <= 3 ? a : a <= 6 ? 4 : a <= 10 ? 5 : 6;
  return d < 0 ? b + 7 : b;
}
const BUCKET_NAMES = [0, 1, 2, 3, 5, 8, 11, 0, -1, -2, -3, -5, -8, -11].map(bucket);
const SIDES: readonly Side[] = ['L', 'R', 'T'];
const on = (prefix: string) => fnvOn(FNV_OFFSET, prefix);
/** The end of a feature hash read on from an FNV state, as `h` ends one. */
const finish = (state: number, s: string) => fnvOn(state, s) >>> 0 || 1;

/*
 * The argument features of a word given a trigger, hashed without building strings: the states after
 * each feature's fixed prefix (by distance bucket, side, voice) are computed once, and the features of
 * the trigger itself once per trigger. Each number is the hash of the feature's string, as before.
 */
const D_HASH = BUCKET_NAMES.map((b) => h`d:${b}`);
const DP_STATE = BUCKET_NAMES.map((b) => on(`dp:${b}|`));
const DE_STATE = BUCKET_NAMES.map((b) => on(`de:${b}|`));
const sided = <T>(f: (side: Side) => T) => Object.fromEntries(SIDES.map((d) => [d, f(d)])) as Record<Side, T>;
const TP_STATE = sided((d) => ({ P: on(`tp:${d}|P|`), A: on(`tp:${d}|A|`) }));
const CB_HASH = sided((d) => [0, 1, 2].map((k) => h`cb:${d}|${k}`));
const PG_STATE = sided((d) => on(`pg:${d}|`));
const PGT_STATE = sided((d) => on(`pgt:${d}|`));
const PGP_STATE = sided((d) => on(`pgp:${d}|`));

/** The last trigger's own features by side (a trigger's words are tagged one after another). */
let lastTrigger: { c: Candidate; type: string; own: Record<Side, [number, number, number]> } | undefined;

function triggerHashes(c: Candidate, type: string): Record<Side, [number, number, number]> {
  if (lastTrigger?.c !== c || lastTrigger.type !== type) {
    const own = sided((d): [number, number, number] => [
      h`ty:${d}|${type}`,
      h`tl:${d}|${c.lemma}`,
      h`tn:${d}|${c.noun}`,
    ]);
    lastTrigger = { c, type, own };
  }
  return lastTrigger.own;
}

/** The part of `argFeatures` after the per-word features: the trigger's type, lemma, distance, clause breaks. */
export function argTriggerFeatures(s: PreparedSentence, c: Candidate, type: string, x: number): number[] {
  const d = x - c.i;
  const side = sideOf(d);
  const t = s.toks[x]!;
  const out: number[] = [];
  const pass = c.modality.passive ? 'P' : 'A';
  const bi = bucketIndex(d);
  const own = triggerHashes(c, type)[side];
  // d:, dp:, de:, ty:, then tp:, tl:, tn:.
  out.push(D_HASH[bi]!, finish(DP_STATE[bi]!, t.pos), finish(DE_STATE[bi]!, s.ent[x]!), own[0]);
  out.push(finish(TP_STATE[side][pass], t.pos), own[1], own[2]);
  // Clause breaks between the word and the trigger.
  let prep = '-';
  const [a, b] = d < 0 ? [x + 1, c.i] : [c.i + 1, x];
  const before = clauseBreaksBefore(s);
  const breaks = b > a ? before[b]! - before[a]! : 0;
  // The preposition that introduces the word's phrase.
  for (let k = x - 1; k >= Math.max(0, x - 5); k--) {
    const pk = s.toks[k]!;
    if (pk.pos === 'ADP' || pk.lower === 'to') {
      prep = pk.lower;
      break;
    }
    if (pk.pos === 'VERB' || pk.lower === ',') break;
  }
  // cb:, pg:, pgt:, pgp:.
  out.push(
    CB_HASH[side][Math.min(breaks, 2)]!,
    finish(PG_STATE[side], prep),
    finish(fnvOn(fnvOn(PGT_STATE[side], prep), '|'), type),
    finish(fnvOn(fnvOn(PGP_STATE[side], prep), '|'), pass),
  );
  if (s.blocked[x]) out.push(BLOCKED);
  return out;
}
