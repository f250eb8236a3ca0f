/**
 * Trains the news filter (src/events/news-filter.ts) and writes models/events-filter.bin: the events
 * the committed models/events.bin codes, with the filter off, in the PolNeAR training articles that
 * hold hand-labelled triggers (data/events/news-triggers.jsonl) and in PLV's sentences (their marked
 * types as positives). Run after `npm run train:events` (the filter reads the typer's types and
 * margins); deterministic, so the committed model reproduces byte for byte.
 *
 *   npm run train:events-filter [-- --out FILE --plv-weight W --ngec-weight W --ngec-every K --ngec-max N --threshold T --bags N --seed N --events-model FILE --events-threshold T]
 *
 * --events-threshold T codes the training events at the typer's NONE margin T instead of the model's own.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../src/util/data.js';
import { deserialiseEventModel, EVENTS_MODEL_FILE } from '../../src/events/model.js';
import { NEWS_FILTER_FILE, serialiseNewsFilter } from '../../src/events/news-filter.js';
import { DEFAULT_FILTER_TRAIN, trainNewsFilter } from '../../src/events/news-filter-train.js';
import { readPlv } from './corpus.js';
import { filterTexts, filterTrainingExamples } from './news-filter-data.js';
import { numArg, strArg } from './options.js';
import { NEWS_FILTER_DEFAULTS } from './train-news-filter-options.js';

const t0 = performance.now();
const typer = deserialiseEventModel(readFileSync(strArg('events-model', projectPath(EVENTS_MODEL_FILE))));
const eventsThreshold = strArg('events-threshold', '');
const model = eventsThreshold ? { ...typer, threshold: Number(eventsThreshold) } : typer;
const weights = {
  plv: numArg('plv-weight', NEWS_FILTER_DEFAULTS.plvWeight),
  ngec: numArg('ngec-weight', NEWS_FILTER_DEFAULTS.ngecWeight),
};
const { news, plv, ngec, all } = filterTrainingExamples(filterTexts(readPlv(), weights.ngec), model, weights);
console.log(
  `${news.length} labelled news events (${news.filter((x) => x.keep).length} to keep), ${plv.length} PLV positives, ${ngec.length} NGEC positives`,
);
const filter = trainNewsFilter(all, {
  ...DEFAULT_FILTER_TRAIN,
  threshold: numArg('threshold', NEWS_FILTER_DEFAULTS.threshold),
  bags: numArg('bags', NEWS_FILTER_DEFAULTS.bags),
  seed: numArg('seed', DEFAULT_FILTER_TRAIN.seed),
  log: (m) => console.log(m),
});
const out = strArg('out', projectPath(NEWS_FILTER_FILE));
const bytes = serialiseNewsFilter(filter);
writeFileSync(out, bytes);
console.log(
  `wrote ${path.relative(process.cwd(), out)} (${(bytes.length / 1e3).toFixed(0)} kB, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}) in ${((performance.now() - t0) / 1000).toFixed(0)}s`,
);
