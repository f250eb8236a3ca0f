/**
 * Trains the event coder on ../shared/data/events (PLV's and PLOVER-GSR dev's marked sentences and
 * NGEC's synthetic stories; never the petrarch dev records) and writes models/events.bin. Since GSR dev
 * trains the shipped model, its out-of-sample figure is scripts/events/cv-gsr.ts's.
 * Deterministic: fixed seed, fixed order, the one model file format — the committed model reproduces byte for byte.
 *
 *   npm run train:events [-- --out FILE --type-epochs N --arg-epochs N --ngec-weight W --ngec-sentences K --gsr 0|1]
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../src/util/data.js';
import { EVENTS_MODEL_FILE, serialiseEventModel } from '../../src/events/model.js';
import { DEFAULT_TRAIN, trainEventModel, type TrainSentence } from '../../src/events/train.js';
import { extraTrainingData, plvExample, readPlv } from './corpus.js';
import { strArg, trainOptions } from './options.js';

const t0 = performance.now();
const seconds = () => ((performance.now() - t0) / 1000).toFixed(0);
const plv = readPlv()
  .map(plvExample)
  .filter((x): x is TrainSentence => x !== undefined);
const { ngec, negatives, news, gsr } = extraTrainingData();
console.log(
  `prepared ${plv.length} PLV sentences, ${ngec.length} NGEC sentences, ${negatives.length} negative news sentences and ${news.length} labelled news sentences in ${seconds()}s`,
);
const model = trainEventModel([...plv, ...ngec, ...negatives, ...news, ...gsr], {
  ...trainOptions(DEFAULT_TRAIN),
  log: (m) => console.log(m),
});
const out = strArg('out', projectPath(EVENTS_MODEL_FILE));
const bytes = serialiseEventModel(model);
writeFileSync(out, bytes);
console.log(
  `wrote ${path.relative(process.cwd(), out)} (${(bytes.length / 1e3).toFixed(0)} kB, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}) in ${seconds()}s`,
);
