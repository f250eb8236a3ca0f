/**
 * Cross-validation of the news filter on the hand-labelled news triggers, split by article: each fold
 * trains the filter on the other articles' labelled events and PLV's positives, and decides the events
 * of its own articles. Prints, over all folds, the precision of the coded events (right type of the
 * labelled ones) before and after the filter and the share of right events it keeps, for each PLV
 * weight and threshold asked for. The events are coded once, by the committed events model.
 *
 *   npx tsx scripts/events/cv-news-filter.ts [--models DIR --folds 5 --grid-plv-weight 0,0.3,1 --grid-ngec-weight 0,0.3 --ngec-every K --ngec-max N --grid-threshold 0 --epochs N --bits N --bags N --seed N --events-threshold T]
 *
 * --events-threshold T codes the events (news and PLV) at the typer's NONE margin T instead of the
 * model's own, as a coder with a lower threshold would hand them to the filter.
 */
import { seededRandom } from '../../src/util/random.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialiseEventModel, eventModel, type EventModel } from '../../src/events/model.js';
import { filterScore } from '../../src/events/news-filter.js';
import { DEFAULT_FILTER_TRAIN, trainNewsFilter } from '../../src/events/news-filter-train.js';
import { plvFolds, readNgec, readPlv } from './corpus.js';
import { filterExamples, ngecFilterDocs, newsFilterDocs, plvFilterDocs } from './news-filter-data.js';
import { listArg, numArg, strArg } from './options.js';
import { intentStoriesArg, NEWS_FILTER_DEFAULTS } from './train-news-filter-options.js';

const folds = numArg('folds', 5);
const t0 = performance.now();
const eventsThreshold = strArg('events-threshold', '');
const atThreshold = (m: EventModel): EventModel =>
  eventsThreshold ? { ...m, threshold: Number(eventsThreshold) } : m;
const model = atThreshold(eventModel());
const newsDocs = newsFilterDocs();
const news = newsDocs.flatMap((d) => filterExamples(d, model, 1));
// PLV's positives coded out of fold by the fold models of `npm run cv:events -- --models DIR`, as the
// shipped filter's are (else by the committed model, which trained on them).
const modelDir = strArg('models', '');
const records = readPlv();
const foldModels = modelDir
  ? Array.from({ length: 5 }, (_, f) =>
      atThreshold(deserialiseEventModel(readFileSync(path.join(modelDir, `fold${f}.bin.gz`)))),
    )
  : [];
const plvFold = plvFolds(records.length, 5);
const plv = plvFilterDocs(records).flatMap((d, i) =>
  filterExamples(d, modelDir ? foldModels[plvFold[i]!]! : model, 1),
);
// NGEC's stories: article-domain positives of international news, coded by the committed model.
const ngecEvery = numArg('ngec-every', NEWS_FILTER_DEFAULTS.ngecEvery);
const ngecMax = numArg('ngec-max', NEWS_FILTER_DEFAULTS.ngecMax);
const ngecWeights = listArg('grid-ngec-weight', NEWS_FILTER_DEFAULTS.ngecWeight);
const ngec = ngecWeights.some((w) => w > 0)
  ? ngecFilterDocs(readNgec(), ngecEvery, ngecMax, intentStoriesArg()).flatMap((d) =>
      filterExamples(d, model, 1),
    )
  : [];
// Folds over every labelled article, not only those the coder gives events in: a change of the coder
// that codes no event in one article would otherwise move every article to another fold.
const docs = [...new Set(newsDocs.map((d) => d.id))].sort();
const random = seededRandom(2025);
for (let i = docs.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [docs[i], docs[j]] = [docs[j]!, docs[i]!];
}
const foldOf = new Map(docs.map((d, k) => [d, k % folds]));
console.log(
  `${news.length} labelled news events (${news.filter((x) => x.keep).length} right) in ` +
    `${new Set(news.map((x) => x.doc)).size} of ${docs.length} labelled articles, ` +
    `${plv.length} PLV positives, ${ngec.length} NGEC positives; coded in ${((performance.now() - t0) / 1000).toFixed(0)}s`,
);
const epochs = numArg('epochs', DEFAULT_FILTER_TRAIN.epochs);
const bits = numArg('bits', DEFAULT_FILTER_TRAIN.bits);
const bags = numArg('bags', NEWS_FILTER_DEFAULTS.bags);
// Another base seed retrains every fold on other shuffles: how much the filter's decisions move.
const seed = numArg('seed', DEFAULT_FILTER_TRAIN.seed);
const thresholds = listArg('grid-threshold', NEWS_FILTER_DEFAULTS.threshold);
const grid = listArg('grid-plv-weight', NEWS_FILTER_DEFAULTS.plvWeight).flatMap((w) =>
  ngecWeights.map((nw) => [w, nw] as const),
);
for (const [w, nw] of grid) {
  // Held-out scores of every news example, and the PLV positives' in-sample scores.
  const scores = new Float64Array(news.length);
  for (let f = 0; f < folds; f++) {
    const train = [
      ...news.filter((x) => foldOf.get(x.doc) !== f),
      ...(w > 0 ? plv.map((x) => ({ ...x, weight: w })) : []),
      ...(nw > 0 ? ngec.map((x) => ({ ...x, weight: nw })) : []),
    ];
    const filter = trainNewsFilter(train, { ...DEFAULT_FILTER_TRAIN, epochs, bits, bags, seed: seed + f });
    news.forEach((x, k) => {
      if (foldOf.get(x.doc) === f) scores[k] = filterScore(filter, x.features);
    });
  }
  if (process.argv.includes('--list'))
    news.forEach((x, k) => console.log(`case\t${x.doc}\t${x.trigger}\t${x.keep}\t${scores[k]!.toFixed(1)}`));
  for (const th of thresholds) {
    const right = news.filter((x) => x.keep).length;
    const kept = news.filter((_, k) => scores[k]! > th);
    const keptRight = kept.filter((x) => x.keep).length;
    console.log(
      `plv weight ${w}, ngec weight ${nw}, threshold ${th}: before ${right}/${news.length} right (precision ${(right / news.length).toFixed(3)}); ` +
        `after ${keptRight}/${kept.length} (precision ${(keptRight / Math.max(1, kept.length)).toFixed(3)}), ` +
        `right kept ${keptRight}/${right} (recall ${(keptRight / Math.max(1, right)).toFixed(3)})`,
    );
  }
}
