/**
 * Share of news sentences the events gate lets through (tagged and typed), per model file: the last
 * 300 PolNeAR training articles through the text, mentions and actors stages, then gate.ts.
 *
 *   npx tsx scripts/events/gatecount.ts MODEL.bin.gz [MODEL2.bin.gz …]
 */
import { readFileSync } from 'node:fs';
import { deserialiseEventModel, vocabularyOf } from '../../src/events/model.js';
import { withCompositionWords } from '../../src/events/compose.js';
import { mayHoldEvent } from '../../src/events/gate.js';
import { emptyDoc, runStages } from '../../src/pipeline/pipeline.js';
import { textStage } from '../../src/text/index.js';
import { mentionsStage } from '../../src/mentions/index.js';
import { actorsStage } from '../../src/actors/index.js';
import { POLNEAR_FILE } from './corpus.js';
const vocabs = process.argv
  .slice(2)
  .map((f) => withCompositionWords(vocabularyOf(deserialiseEventModel(readFileSync(f)))));
const lines = readFileSync(POLNEAR_FILE, 'utf8').split('\n').filter(Boolean).slice(-300);
const pass = vocabs.map(() => 0);
let n = 0;
for (const l of lines) {
  const { text } = JSON.parse(l) as { text: string };
  const doc = runStages([textStage, mentionsStage, actorsStage], emptyDoc(text, {}));
  for (const s of doc.sentences) {
    n++;
    const inside = doc.mentions.filter((m) => m.start < s.end && m.end > s.start);
    vocabs.forEach((v, k) => (pass[k]! += mayHoldEvent(text, s.start, s.end, inside, v) ? 1 : 0));
  }
}
console.log(n, pass.map((p) => (p / n).toFixed(3)).join(' '));
