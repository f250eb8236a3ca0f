import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { splitSentences, tokenize } from '../text/index.js';
import type { Sentence, Token } from '../model/index.js';
import { decode, type Learner, type Scorer } from './decode.js';
import { CAP_LOWER, buildDocView, caseClassOf, isRunningTextPosition, type DocView } from './doc-view.js';
import { seededRandom } from './hash.js';
import { keyedRows, MulticlassPerceptron, runEpochs } from '../learn/perceptron.js';
import { Gazetteer, type Lexicon } from './lexicon.js';
import { honorificList } from './titles.js';
import { MODEL_VERSION, NerModel } from './model.js';
import { NER_TYPES, TAG_COUNT, tagsFromEntities, type TokenEntity } from './tags.js';

const NerRecordSchema = z.object({
  id: z.string(),
  text: z.string(),
  entities: z.array(z.object({ start: z.number().int(), end: z.number().int(), type: z.enum(NER_TYPES) })),
});
export type NerRecord = z.infer<typeof NerRecordSchema>;

export function readNerJsonl(file: string): NerRecord[] {
  const out: NerRecord[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = NerRecordSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
    out.push(parsed.data);
  });
  return out;
}

interface TrainDoc {
  record: NerRecord;
  tokens: Token[];
  sentences: Sentence[];
  entities: TokenEntity[];
  gold: Uint8Array;
  fold: number;
  view?: DocView;
}

/** Gold character spans onto tokens; spans not on token boundaries are counted and dropped. */
function alignEntities(
  record: NerRecord,
  tokens: readonly Token[],
): { entities: TokenEntity[]; dropped: number } {
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  tokens.forEach((t, i) => {
    byStart.set(t.start, i);
    byEnd.set(t.end, i);
  });
  const entities: TokenEntity[] = [];
  let dropped = 0;
  for (const e of record.entities) {
    const first = byStart.get(e.start);
    const last = byEnd.get(e.end);
    if (first === undefined || last === undefined || last < first) {
      dropped++;
      continue;
    }
    entities.push({ first, end: last + 1, type: NER_TYPES.indexOf(e.type) });
  }
  return { entities, dropped };
}

export interface TrainOptions {
  epochs: number;
  folds: number;
  seed: number;
  /** Features whose largest |averaged weight| is below this are dropped. */
  pruneBelow: number;
  /**
   * Case augmentation: one extra copy of each document in which each sentence is, with these
   * probabilities, written in capitals or in lower case, so the tagger learns names from more than
   * capitalisation (CoNLL has only a few all-caps headlines and no lower-case text).
   */
  upperProbability: number;
  lowerProbability: number;
  /** In the same copy, the probability of writing an honorific ("Mr.") before a person's name. */
  honorificProbability: number;
  /** Probability of hiding a token's word-identity features in training (word dropout). */
  wordDropout: number;
  /** Independent runs (shuffle seeds seed, seed+1, …) whose averaged weights are averaged again. */
  runs: number;
  log?: (message: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 10,
  folds: 10,
  seed: 20250401,
  pruneBelow: 0.05,
  upperProbability: 0.1,
  lowerProbability: 0,
  honorificProbability: 0.15,
  wordDropout: 0,
  runs: 1,
};

function typeMaskOf(entity: TokenEntity): number {
  return 1 << entity.type;
}

function buildGazetteer(
  docs: readonly TrainDoc[],
  views: Map<TrainDoc, Uint32Array>,
  skipFold: number,
): Gazetteer {
  const g = new Gazetteer();
  for (const d of docs) {
    if (d.fold === skipFold) continue;
    const words = views.get(d)!;
    for (const e of d.entities) g.add(words, e.first, e.end, typeMaskOf(e));
  }
  return g;
}

/** Word → bit mask of the types of the names it occurs in, from the folds other than `skipFold`. */
function buildNameWords(
  docs: readonly TrainDoc[],
  views: Map<TrainDoc, Uint32Array>,
  skipFold: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of docs) {
    if (d.fold === skipFold) continue;
    const words = views.get(d)!;
    for (const e of d.entities) {
      for (let i = e.first; i < e.end; i++) out.set(words[i], (out.get(words[i]) ?? 0) | typeMaskOf(e));
    }
  }
  return out;
}

/** Word → usual casing in running text, over the whole training text (casing is not a label). */
function buildCasing(views: readonly DocView[]): Map<number, number> {
  const counts = new Map<number, [number, number]>();
  for (const v of views) {
    for (let i = 0; i < v.n; i++) {
      if (!isRunningTextPosition(v, i)) continue;
      let c = counts.get(v.lower[i]);
      if (!c) counts.set(v.lower[i], (c = [0, 0]));
      if (v.cap[i] === CAP_LOWER) c[1]++;
      else c[0]++;
    }
  }
  const casing = new Map<number, number>();
  for (const [k, [capital, lower]] of counts) casing.set(k, caseClassOf(capital, lower));
  return casing;
}

/** Changes case character by character where that keeps the length, so spans stay valid. */
function recase(text: string, upper: boolean): string {
  let out = '';
  for (const ch of text) {
    const c = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/**
 * Puts an honorific ("Mr.", "Sen.") before some person names, shifting the spans after it:
 * Reuters rarely writes them, news text constantly does, and the tagger must learn that the
 * honorific stays outside the name and that what follows it is a person.
 */
function addHonorifics(record: NerRecord, options: TrainOptions, random: () => number): NerRecord {
  const titles = honorificTitles();
  let text = '';
  let from = 0;
  let shift = 0;
  const entities = [...record.entities]
    .sort((a, b) => a.start - b.start)
    .map((e) => {
      // Only names after a word that is not capitalised, not "Prime Minister John Major".
      const previous = /(\S+)\s*$/u.exec(record.text.slice(Math.max(0, e.start - 40), e.start))?.[1] ?? '';
      const free = !/^\p{Lu}/u.test(previous);
      if (e.type === 'PER' && free && random() < options.honorificProbability) {
        const title = titles[Math.floor(random() * titles.length)];
        const word = `${title[0].toUpperCase()}${title.slice(1)}. `;
        text += record.text.slice(from, e.start) + word;
        from = e.start;
        shift += word.length;
      }
      return { ...e, start: e.start + shift, end: e.end + shift };
    });
  text += record.text.slice(from);
  const sorted = [...record.entities].sort((a, b) => a.start - b.start);
  entities.forEach((e, i) => {
    if (text.slice(e.start, e.end) !== record.text.slice(sorted[i].start, sorted[i].end)) {
      throw new Error(`honorific augmentation broke a span in ${record.id}`);
    }
  });
  return { ...record, text, entities };
}

let titlesCache: string[] | undefined;
function honorificTitles(): string[] {
  titlesCache ??= honorificList();
  return titlesCache;
}

/** Re-cased and titled copy; each augmentation draws from its own stream so they vary independently. */
function augment(
  record: NerRecord,
  options: TrainOptions,
  random: () => number,
  honorificRandom: () => number,
): NerRecord {
  const titled = options.honorificProbability > 0 ? addHonorifics(record, options, honorificRandom) : record;
  const lines = titled.text.split('\n');
  const text = lines
    .map((line) => {
      const r = random();
      if (r < options.upperProbability) return recase(line, true);
      if (r < options.upperProbability + options.lowerProbability) return recase(line, false);
      return line;
    })
    .join('\n');
  return { ...titled, id: `${record.id}#aug`, text };
}

/**
 * One averaged-perceptron run (src/learn/perceptron.ts) over the prepared documents: a row per
 * feature key, float64 weights, documents in one seeded shuffle carried from epoch to epoch, and the
 * averaging clock ticking per token scored, so each greedy decision counts once.
 */
function trainRun(
  docs: readonly TrainDoc[],
  options: TrainOptions,
  seed: number,
): { keys: Uint32Array; weights: Float64Array } {
  const log = options.log ?? (() => {});
  const rows = keyedRows();
  const perceptron = new MulticlassPerceptron(TAG_COUNT, rows, 'f64');
  const dropRandom = seededRandom(seed ^ 0x0d0d0d0d);
  const dropWord = options.wordDropout > 0 ? () => dropRandom() < options.wordDropout : undefined;
  const ticking: Scorer = {
    addScores(features, count, scores) {
      perceptron.tick();
      perceptron.addScores(features, count, scores);
    },
  };
  let errors = 0;
  let tokens = 0;
  const plan = { epochs: options.epochs, order: 'carried-shuffle', random: seededRandom(seed) } as const;
  runEpochs(
    docs.length,
    plan,
    (di) => {
      const d = docs[di];
      const view = d.view!;
      const learner: Learner = {
        gold: d.gold,
        dropWord,
        update(features, count, gold, predicted) {
          errors++;
          perceptron.update(features, count, gold, predicted);
        },
      };
      decode(view, ticking, new Uint8Array(view.n), learner);
      tokens += view.n;
    },
    (epoch) => {
      log(
        `epoch ${epoch + 1}: ${errors} token errors of ${tokens} (${((100 * errors) / tokens).toFixed(2)}%), ${rows.size} features`,
      );
      errors = tokens = 0;
    },
  );
  return { keys: rows.keys(), weights: perceptron.averaged() as Float64Array };
}

/** Averages the weights of several runs (a feature missing from a run weighs 0 there). */
function averageRuns(runs: readonly { keys: Uint32Array; weights: Float64Array }[]): {
  keys: Uint32Array;
  weights: Float64Array;
} {
  if (runs.length === 1) return runs[0];
  const rowOf = new Map<number, number>();
  for (const run of runs) for (const key of run.keys) if (!rowOf.has(key)) rowOf.set(key, rowOf.size);
  const keys = new Uint32Array(rowOf.size);
  const weights = new Float64Array(rowOf.size * TAG_COUNT);
  for (const [key, row] of rowOf) keys[row] = key;
  for (const run of runs) {
    run.keys.forEach((key, r) => {
      const row = rowOf.get(key)!;
      for (let t = 0; t < TAG_COUNT; t++)
        weights[row * TAG_COUNT + t] += run.weights[r * TAG_COUNT + t] / runs.length;
    });
  }
  return { keys, weights };
}

export function trainNer(
  records: readonly NerRecord[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): NerModel {
  const log = options.log ?? (() => {});
  const docs = trainingDocs(records, options, log);
  const { words, casing } = attachOutOfFoldViews(docs, records.length, options);
  const runs = [];
  for (let run = 0; run < options.runs; run++) {
    if (options.runs > 1) log(`run ${run + 1} of ${options.runs}`);
    runs.push(trainRun(docs, options, options.seed + run));
  }
  const { keys, weights } = averageRuns(runs);
  const { qKeys, qWeights, scale } = pruneAndQuantise(keys, weights, options.pruneBelow, log);

  const finalLexicon: Lexicon = {
    gazetteer: buildGazetteer(docs, words, -1),
    nameWords: buildNameWords(docs, words, -1),
    casing,
  };
  return new NerModel(
    {
      version: MODEL_VERSION,
      types: [...NER_TYPES],
      tagCount: TAG_COUNT,
      scale,
      features: qKeys.length,
      gazNames: 0,
      gazPrefixes: 0,
      casing: 0,
      nameWords: 0,
      trainedOn: {
        data: 'CoNLL-2003 English train (conll-train.jsonl)',
        documents: docs.length,
        epochs: options.epochs,
        runs: options.runs,
        folds: options.folds,
        seed: options.seed,
      },
    },
    qKeys,
    qWeights,
    finalLexicon,
  );
}

/** The training records and their augmented copies, tokenized, split and tagged, each in a fold. */
function trainingDocs(
  records: readonly NerRecord[],
  options: TrainOptions,
  log: (line: string) => void,
): TrainDoc[] {
  const docs: TrainDoc[] = [];
  let dropped = 0;
  let total = 0;
  const augmentRandom = seededRandom(options.seed ^ 0x5a5a5a5a);
  const honorificRandom = seededRandom(options.seed ^ 0x3c3c3c3c);
  const augmented =
    options.upperProbability + options.lowerProbability + options.honorificProbability > 0
      ? records.map((r) => augment(r, options, augmentRandom, honorificRandom))
      : [];
  [...records, ...augmented].forEach((record, i) => {
    const tokens = tokenize(record.text);
    const sentences = splitSentences(record.text, tokens);
    const aligned = alignEntities(record, tokens);
    dropped += aligned.dropped;
    total += record.entities.length;
    const gold = new Uint8Array(tokens.length);
    tagsFromEntities(aligned.entities, gold);
    // A copy shares its original's fold, so out-of-fold name lists stay out of fold.
    const fold = (i % records.length) % options.folds;
    docs.push({ record, tokens, sentences, entities: aligned.entities, gold, fold });
  });
  log(`${docs.length} documents, ${total} entities, ${dropped} not on token boundaries (dropped)`);
  return docs;
}

/**
 * Gives each document its view with an out-of-fold lexicon; returns the word hashes of every
 * document and the casing statistics of the `originals` first documents (the records themselves).
 */
function attachOutOfFoldViews(
  docs: readonly TrainDoc[],
  originals: number,
  options: TrainOptions,
): { words: Map<TrainDoc, Uint32Array>; casing: Lexicon['casing'] } {
  // First pass without a lexicon: word hashes and casing statistics.
  const plainViews = docs.map((d) => buildDocView(d.record.text, d.tokens, d.sentences, null));
  const words = new Map<TrainDoc, Uint32Array>();
  docs.forEach((d, i) => words.set(d, plainViews[i].lower));
  // Casing statistics from the original text only: the re-cased copies would blur them.
  const casing = buildCasing(plainViews.slice(0, originals));

  // Out-of-fold gazetteers: a document sees only names from the other folds, as at run time a
  // new article's names are not all in the list.
  for (let f = 0; f < options.folds; f++) {
    const lexicon: Lexicon = {
      gazetteer: buildGazetteer(docs, words, f),
      nameWords: buildNameWords(docs, words, f),
      casing,
    };
    for (const d of docs) {
      if (d.fold === f) d.view = buildDocView(d.record.text, d.tokens, d.sentences, lexicon);
    }
  }
  return { words, casing };
}

/** Prunes features with only tiny weights, then quantises to int16 with one global scale. */
function pruneAndQuantise(
  keys: Uint32Array,
  weights: Float64Array,
  pruneBelow: number,
  log: (line: string) => void,
): { qKeys: Uint32Array; qWeights: Int16Array; scale: number } {
  const keep: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    let max = 0;
    for (let t = 0; t < TAG_COUNT; t++) max = Math.max(max, Math.abs(weights[r * TAG_COUNT + t]));
    if (max >= pruneBelow) keep.push(r);
  }
  let maxAbs = 0;
  for (const r of keep)
    for (let t = 0; t < TAG_COUNT; t++) maxAbs = Math.max(maxAbs, Math.abs(weights[r * TAG_COUNT + t]));
  const scale = (maxAbs || 1) / 32767;
  const qKeys = new Uint32Array(keep.length);
  const qWeights = new Int16Array(keep.length * TAG_COUNT);
  keep.forEach((r, i) => {
    qKeys[i] = keys[r];
    for (let t = 0; t < TAG_COUNT; t++)
      qWeights[i * TAG_COUNT + t] = Math.round(weights[r * TAG_COUNT + t] / scale);
  });
  log(`kept ${keep.length} of ${keys.length} features; int16 scale ${scale.toPrecision(4)}`);
  return { qKeys, qWeights, scale };
}
