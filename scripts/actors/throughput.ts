import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/pipeline/index.js';
import type { Doc, Stage } from '../../src/model/index.js';
import { textStage } from '../../src/text/index.js';
import { mentionsStage } from '../../src/mentions/index.js';
import { PROJECT_ROOT } from '../../src/util/data.js';
import { createActorsStage, defaultKnowledgeBase } from '../../src/actors/index.js';
import { naiveMentions } from '../../src/actors/__fixtures__/naive-ner.js';

/*
 * Throughput of the actors stage alone on the PolNeAR train texts (../shared). Usage:
 *   npx tsx scripts/actors/throughput.ts [--naive]
 * --naive feeds the test-only capitalised-run NER instead of the project's mentions stage.
 */
const file = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'attribution', 'polnear-train.jsonl');
const texts = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim().length > 0)
  .map((l) => JSON.parse(l) as { text: string; date?: string });
const kb = defaultKnowledgeBase();
const naive = process.argv.includes('--naive');
const ner: Stage = naive
  ? {
      name: 'mentions',
      requires: ['tokens'],
      provides: ['mentions'],
      run: (d: Doc) => ({ mentions: naiveMentions(d, kb) }),
    }
  : mentionsStage;
const stages = [textStage, ner, createActorsStage(kb)];
const timings = new Map<string, number>();
let tokens = 0;
let mentions = 0;
let actors = 0;
for (const { text, date } of texts) {
  const a = analyze(text, date ? { published: date } : {}, { stages, timings, tokens: true });
  tokens += a.tokens?.length ?? 0;
  mentions += a.mentions.length;
  actors += a.actors.length;
}
const ms = timings.get('actors') ?? 0;
console.log(
  JSON.stringify({
    ner: naive ? 'naive (test-only)' : 'mentions stage',
    articles: texts.length,
    tokens,
    mentionsOut: mentions,
    actors,
    actorsStageMs: Math.round(ms),
    nerMs: Math.round(timings.get('mentions') ?? 0),
    actorsTokensPerSecond: Math.round(tokens / (ms / 1000)),
  }),
);
