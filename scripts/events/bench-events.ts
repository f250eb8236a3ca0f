/**
 * Events-stage throughput on the PolNeAR train texts (../shared): share of analyze() time and
 * tokens/s of the events stage.  npx tsx scripts/events/bench-events.ts [N_ARTICLES]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/pipeline/analyze.js';
import { PROJECT_ROOT } from '../../src/util/data.js';

const file = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'attribution', 'polnear-train.jsonl');
const limit = Number(process.argv[2] ?? 200);
const texts = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, limit)
  .map((l) => (JSON.parse(l) as { text: string }).text);
const timings = new Map<string, number>();
let tokens = 0;
let events = 0;
analyze(texts[0]!); // warm-up: loads models and lexicons
for (const t of texts) {
  const a = analyze(t, {}, { timings, tokens: true });
  tokens += a.tokens?.length ?? 0;
  events += a.events.length;
}
const total = [...timings.values()].reduce((x, y) => x + y, 0);
const ev = timings.get('events') ?? 0;
console.log(`articles=${texts.length} tokens=${tokens} events=${events}`);
console.log(
  `analyze total ${total.toFixed(0)} ms; events stage ${ev.toFixed(0)} ms = ${((100 * ev) / total).toFixed(1)}% of analyze`,
);
console.log(
  `events stage ${(tokens / (ev / 1000)).toFixed(0)} tokens/s; whole analyze ${(tokens / (total / 1000)).toFixed(0)} tokens/s`,
);
console.log([...timings].map(([k, v]) => `${k}=${v.toFixed(0)}ms`).join(' '));
