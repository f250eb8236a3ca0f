import { readFileSync } from 'node:fs';
import path from 'node:path';
import type winkNLPFunction from 'wink-nlp';
import type { Model } from 'wink-eng-lite-web-model';
import { z } from 'zod';
import { decodeModel, encodeModel } from '../learn/model-file.js';
import { bytesHash, derivedData, recordDerived } from './data-stamps.js';
import { once, presetCommonJs, requireCommonJs, resolveCommonJs } from './modules.js';
import { PackedWords, packedWordIndex, packedWordList } from './packed-words.js';

type WinkNLP = typeof winkNLPFunction;

/**
 * wink-nlp and its English model (wink-eng-lite-web-model 1.8), loaded on first use. The package's
 * own entry reads its 3 MB core model three times over (`require` of the JSON when the package loads,
 * then a `JSON.stringify`/`JSON.parse` copy per engine), which was most of the events stage's start-up;
 * this model object is the package's, part for part, except that `core()` parses the file once per
 * engine. The test beside this file checks it against the package's own `core()`.
 */
export const winkEnglish = once((): { winkNLP: WinkNLP; model: Model } => {
  const winkNLP = requireCommonJs<WinkNLP>('wink-nlp');
  const dist = path.join(path.dirname(resolveCommonJs('wink-eng-lite-web-model/package.json')), 'dist');
  const part = (file: string) => requireCommonJs<unknown>(path.join(dist, file));
  presetExceptionLists(dist);
  const coreFile = path.join(dist, 'languages', 'cur', 'models', 'eng-core-web-model.json');
  // The same fields, in the same order, as the package's dist/model.js.
  const model = Object.create(null) as Record<string, unknown>;
  model.core = () => readCoreModel(coreFile);
  model.sbd = part('load-sbd-model.js');
  model.pos = part('load-pos-model.js');
  model.ner = part('load-ner-model.js');
  model.negation = part('load-negation-model.js');
  model.sa = part('load-sa-model.js');
  model.metaCER = part('load-cer-meta-model.js');
  model.featureFn = part('feature.js');
  const addons = Object.create(null) as Record<string, unknown>;
  addons.stem = part('porter-stemmer.js');
  addons.lemmatize = part('lemmatize.js');
  addons.readabilityStats = part('readability-stats.js');
  addons.wordVectors = undefined;
  model.addons = addons;
  return { winkNLP, model: model as unknown as Model };
});

/** The WordNet exception lists lemmatize.js requires: generated code, thousands of `const`s each. */
const EXCEPTION_LISTS = ['wn-adjective-exceptions.js', 'wn-noun-exceptions.js', 'wn-verb-exceptions.js'];
const EXCEPTIONS_DATA = 'wink-eng-lite-web-model/wn-exceptions';

/**
 * Compiling the three exception lists was a fifth of wink's start-up; from the bundle, they come from
 * the JSON the build derived from these very files (word → lemma, in objects without a prototype).
 */
function presetExceptionLists(dist: string): void {
  const files = EXCEPTION_LISTS.map((f) => path.join(dist, f));
  const source = bytesHash(Buffer.concat(files.map((f) => readFileSync(f))));
  const derived = derivedData(EXCEPTIONS_DATA, Buffer.from(source));
  if (!derived) {
    recordDerived(EXCEPTIONS_DATA, () =>
      Buffer.from(JSON.stringify({ source, lists: files.map((f) => ({ ...requireCommonJs<object>(f) })) })),
    );
    return;
  }
  const packed = JSON.parse(derived.toString('utf8')) as {
    source: string;
    lists: Array<Record<string, string>>;
  };
  if (packed.source !== source || packed.lists.length !== files.length) return;
  files.forEach((f, k) => presetCommonJs(f, Object.assign(Object.create(null), packed.lists[k])));
}

interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
interface CoreModelFile {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: unknown[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/**
 * The package's read-core-model + load-core-model, from one parse of the file; or, from the bundle,
 * from the fast-load form the build derived from these bytes (`packCore`): no 3 MB JSON parse, and the
 * 87,593-word lexeme table looked up by binary search instead of built into a hash on every start.
 */
export function readCoreModel(file: string): CoreModelFile {
  const bytes = readFileSync(file);
  const derived = derivedData(CORE_DATA, bytes);
  const model = (derived && unpackCore(derived, bytesHash(bytes))) ?? parseCore(bytes);
  const { packing, features, pos } = model;
  for (const f in packing.layout)
    if (packing.layout[f]![3] === 0) features[f]!.hash = indexOf(features[f]!.list);
  features.lexeme.hash ??= indexOf(features.lexeme.list);
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1)
    clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    if (layout[3] === 0) {
      const feature = features[f]!;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

/** The name the derived form of the core model is kept under (src/util/data-stamps.ts). */
const CORE_DATA = 'wink-eng-lite-web-model/eng-core-web-model.json';
const SEPARATOR = '\u0000';

function parseCore(bytes: Buffer): CoreModelFile {
  const model = JSON.parse(bytes.toString('utf8')) as CoreModelFile;
  const lexemes = model.features.lexeme.list;
  if (!lexemes.some((w) => w.includes(SEPARATOR))) recordDerived(CORE_DATA, () => packCore(bytes, model));
  model.lexicon = u32FromBase64(model.lexicon as string);
  model.xpansions = u32FromBase64(model.xpansions as string);
  return model;
}

/** The core model's parts in the model file format: the big ones as arrays, the rest as JSON. */
function packCore(bytes: Buffer, model: CoreModelFile): Buffer {
  const list = model.features.lexeme.list;
  // Each word once, at its last position (as `indexOf` keeps it), in sorted order.
  const last = new Map<string, number>();
  list.forEach((w, k) => last.set(w, k));
  const order = Uint32Array.from(
    [...last.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    (w) => last.get(w)!,
  );
  const rest = {
    ...model,
    lexicon: '',
    xpansions: '',
    features: { ...model.features, lexeme: { list: [] } },
  };
  return encodeModel(
    'wink-core',
    { source: bytesHash(bytes), rest },
    {
      lexicon: u32FromBase64(model.lexicon as string),
      xpansions: u32FromBase64(model.xpansions as string),
      lexemes: new Uint8Array(Buffer.from(list.join(SEPARATOR), 'utf8')),
      order,
    },
  );
}

const PackedCoreMeta = z.object({ source: z.string(), rest: z.unknown() });

function unpackCore(packed: Buffer, source: string): CoreModelFile | undefined {
  const file = decodeModel(packed, 'wink-core', PackedCoreMeta);
  if (file.meta.source !== source) return undefined;
  const model = file.meta.rest as CoreModelFile;
  // Copies: each engine owns (and may change) its model.
  model.lexicon = file.array('lexicon', 'u32').slice();
  model.xpansions = file.array('xpansions', 'u32').slice();
  const text = file.array('lexemes', 'u8');
  // One string and its offsets rather than a string per word (src/util/packed-words.ts).
  const words = new PackedWords(
    Buffer.from(text.buffer, text.byteOffset, text.length).toString('utf8'),
    SEPARATOR,
  );
  model.features.lexeme.list = packedWordList(words);
  // A copy, so that nothing keeps the whole file's buffer (2.5 MB) alive, in memory or in a snapshot.
  model.features.lexeme.hash = packedWordIndex(words, file.array('order', 'u32').slice());
  return model;
}

/** A word → position table, later duplicates winning, as the package builds it. */
function indexOf(list: readonly string[]): Record<string, number> {
  const hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < list.length; k += 1) hash[list[k]!] = k;
  return hash;
}

/** Base64 to 32-bit words in a buffer of their own (the package decodes with atob, byte by byte). */
function u32FromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, 'base64');
  const own = new Uint8Array(bytes.length);
  own.set(bytes);
  return new Uint32Array(own.buffer);
}
