import { readFileSync } from 'node:fs';
import path from 'node:path';
import type winkNLPFunction from 'wink-nlp';
import type { Model } from 'wink-eng-lite-web-model';
import { once, requireCommonJs, resolveCommonJs } from './modules.js';

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

/** The package's read-core-model + load-core-model, from one parse of the file. */
export function readCoreModel(file: string): CoreModelFile {
  const model = JSON.parse(readFileSync(file, 'utf8')) as CoreModelFile;
  const { packing, features, pos } = model;
  model.lexicon = u32FromBase64(model.lexicon as string);
  model.xpansions = u32FromBase64(model.xpansions as string);
  for (const f in packing.layout)
    if (packing.layout[f]![3] === 0) features[f]!.hash = indexOf(features[f]!.list);
  features.lexeme.hash = indexOf(features.lexeme.list);
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
