import { keyedRows, MulticlassPerceptron, runEpochs } from '../../learn/perceptron.js';
import { seededRandom } from '../../util/random.js';
import type { TeacherTag } from './align.js';
import { fnv1a } from '../../util/hash.js';
import { clauseVerbAfter, FEATURES_PER_WORD, featuresAt, sentenceFeatures } from './features.js';
import { MAX_SUFFIX, Lemmatiser, type LemmaData } from './lemmas.js';
import { quantise, type PosModel } from './model.js';
import { POS_TAGS } from './tagged.js';

/*
 * Training the tagger by distillation: the teacher's tags on our tokens (align.ts) are the gold
 * labels of a greedy averaged perceptron (src/learn/perceptron.ts, one row per feature key), which
 * learns from its own earlier choices as it will tag; the clock ticks per word. Words without a
 * teacher tag are tagged but not learnt from.
 */

export interface TrainingSentence {
  words: readonly string[];
  gold: ReadonlyArray<TeacherTag | undefined>;
}

export interface TaggerTraining {
  epochs: number;
  seed: number;
  trainedOn: Record<string, string | number>;
}

const TAG_INDEX = new Map<string, number>(POS_TAGS.map((t, i) => [t, i]));
const X = TAG_INDEX.get('X')!;

/** The gold tag indices of a sentence (-1: none). */
function goldIndices(s: TrainingSentence): Int8Array {
  return Int8Array.from(s.gold, (g) => (g ? (TAG_INDEX.get(g.pos) ?? X) : -1));
}

/**
 * A word joins the tag dictionary when seen this often with one tag at least this share of the time:
 * 2,402 words, 61 % of PolNeAR dev's tokens. Chosen by PLV cross-validation of the events coder over
 * three tagger variants (no dictionary: type recall 0.747, precision LB 0.842, dyads 0.561; 20 and
 * 99.5 %: 0.747 / 0.836 / 0.562; 50 and 99.9 %: 0.748 / 0.851 / 0.569), differences within fold noise.
 */
const DICTIONARY_MIN_COUNT = 50;
const DICTIONARY_MIN_SHARE = 0.999;

/** Frequent words (as written) that (nearly) always take one tag: exact word hash → tag index. */
export function tagDictionary(sentences: readonly TrainingSentence[]): Map<number, number> {
  const counts = new Map<string, Uint32Array>();
  for (const s of sentences)
    s.gold.forEach((g, i) => {
      if (!g) return;
      let c = counts.get(s.words[i]!);
      if (!c) counts.set(s.words[i]!, (c = new Uint32Array(POS_TAGS.length)));
      c[TAG_INDEX.get(g.pos) ?? X]! += 1;
    });
  const out = new Map<number, number>();
  for (const [word, c] of counts) {
    let total = 0;
    let best = 0;
    for (let l = 0; l < c.length; l++) {
      total += c[l]!;
      if (c[l]! > c[best]!) best = l;
    }
    if (total >= DICTIONARY_MIN_COUNT && c[best]! >= DICTIONARY_MIN_SHARE * total) out.set(fnv1a(word), best);
  }
  return out;
}

export function trainPosModel(sentences: readonly TrainingSentence[], options: TaggerTraining): PosModel {
  const dictionary = tagDictionary(sentences);
  const perceptron = new MulticlassPerceptron(POS_TAGS.length, keyedRows(), 'f64', 1 << 20);
  const feats = new Uint32Array(FEATURES_PER_WORD);
  const golds = sentences.map(goldIndices);
  runEpochs(
    sentences.length,
    { epochs: options.epochs, order: 'carried-shuffle', random: seededRandom(options.seed) },
    (unit) => {
      const s = sentenceFeatures(sentences[unit]!.words);
      const gold = golds[unit]!;
      const tags = new Uint8Array(s.length);
      let verbBefore = false;
      for (let i = 0; i < s.length; i++) {
        const known = dictionary.get(s.exact[i]!);
        if (known !== undefined) {
          // As the tagger will: a dictionary word takes its tag unscored.
          tags[i] = known;
          verbBefore = clauseVerbAfter(s, i, known, verbBefore);
          continue;
        }
        featuresAt(s, i, tags, verbBefore, feats);
        const guess = perceptron.predict(feats, FEATURES_PER_WORD);
        const g = gold[i]!;
        if (g >= 0 && guess !== g) perceptron.update(feats, FEATURES_PER_WORD, g, guess);
        // Later words see the tag as the tagger will have chosen it.
        tags[i] = guess;
        verbBefore = clauseVerbAfter(s, i, guess, verbBefore);
        perceptron.tick();
      }
    },
  );
  const rows = perceptron.rows as ReturnType<typeof keyedRows>;
  return quantise(
    {
      version: 2,
      tags: [...POS_TAGS],
      trainedOn: { ...options.trainedOn, epochs: options.epochs, seed: options.seed },
    },
    rows.keys(),
    perceptron.averaged(),
    dictionary,
  );
}

/** (lower-cased word, part of speech, lemma) as the teacher gave them, once per word token. */
export type LemmaObservation = readonly [string, string, string];

/** How `word` becomes `lemma`: characters stripped from the end, text appended. */
function ruleOf(word: string, lemma: string): readonly [number, string] {
  let c = 0;
  while (c < word.length && c < lemma.length && word[c] === lemma[c]) c++;
  return [word.length - c, lemma.slice(c)];
}

const sortedRecord = <V>(m: Map<string, V>): Record<string, V> =>
  Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** A rule needs this many word types behind it. */
const MIN_RULE_TYPES = 2;

/**
 * The lemma data: each (word, tag)'s most frequent teacher lemma; per tag, each suffix's most common
 * rule over word types where it differs from the rule of the suffix one shorter; and the words the
 * rules then get wrong.
 */
export function buildLemmaData(observations: Iterable<LemmaObservation>): LemmaData {
  const counts = new Map<string, Map<string, Map<string, number>>>();
  for (const [word, pos, lemma] of observations) {
    let byWord = counts.get(pos);
    if (!byWord) counts.set(pos, (byWord = new Map()));
    let lemmas = byWord.get(word);
    if (!lemmas) byWord.set(word, (lemmas = new Map()));
    lemmas.set(lemma, (lemmas.get(lemma) ?? 0) + 1);
  }
  const rules: LemmaData['rules'] = {};
  const words: LemmaData['words'] = {};
  for (const pos of [...counts.keys()].sort()) {
    const lemmaOf = new Map<string, string>();
    for (const [word, lemmas] of counts.get(pos)!) {
      let best = '';
      let n = -1;
      for (const [lemma, c] of lemmas) if (c > n || (c === n && lemma < best)) [best, n] = [lemma, c];
      lemmaOf.set(word, best);
    }
    rules[pos] = suffixRules(lemmaOf);
    const rulesOnly = new Lemmatiser({ rules: { [pos]: rules[pos] }, words: {} });
    const wrong = new Map<string, string>();
    for (const [word, lemma] of lemmaOf) if (rulesOnly.byRule(word, pos) !== lemma) wrong.set(word, lemma);
    words[pos] = sortedRecord(wrong);
  }
  return { rules, words };
}

/** Per suffix (shortest first), the majority rule of the word types ending in it, kept when it changes the answer. */
function suffixRules(lemmaOf: ReadonlyMap<string, string>): Record<string, [number, string]> {
  const votes = new Map<string, Map<string, number>>();
  for (const [word, lemma] of lemmaOf) {
    const [strip, add] = ruleOf(word, lemma);
    const key = `${strip} ${add}`;
    for (let k = 1; k <= Math.min(MAX_SUFFIX, word.length - 1); k++) {
      const suffix = word.slice(-k);
      let v = votes.get(suffix);
      if (!v) votes.set(suffix, (v = new Map()));
      v.set(key, (v.get(key) ?? 0) + 1);
    }
  }
  const chosen = new Map<string, string>();
  const suffixes = [...votes.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const kept = new Map<string, [number, string]>();
  for (const suffix of suffixes) {
    let best = '';
    let n = 0;
    let total = 0;
    for (const [key, c] of votes.get(suffix)!) {
      total += c;
      if (c > n || (c === n && key < best)) [best, n] = [key, c];
    }
    const inherited = chosen.get(suffix.slice(1)) ?? '0 ';
    if (total < MIN_RULE_TYPES || best === inherited) {
      chosen.set(suffix, inherited);
      continue;
    }
    chosen.set(suffix, best);
    const space = best.indexOf(' ');
    kept.set(suffix, [Number(best.slice(0, space)), best.slice(space + 1)]);
  }
  return sortedRecord(kept);
}
