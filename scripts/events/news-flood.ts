/**
 * Whether the coder floods ordinary news: the events it codes on the 127 PolNeAR training articles that
 * data/events/news-triggers.jsonl labels (triggers the coder produced in session 10, NONE when the word
 * states no event there), per article, and how many labelled-NONE triggers come back as events.
 * PLV holds an event in every sentence, so its cross-validation cannot see this.
 *
 *   npx tsx scripts/events/news-flood.ts [--model FILE] [--threshold N] [--filter FILE]
 *
 * N replaces the model's NONE margin; FILE of --filter replaces the committed news filter.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { analyze } from '../../src/pipeline/analyze.js';
import { foldType } from '../../src/events/features.js';
import { NEWS_TRIGGERS_FILE, POLNEAR_FILE } from './corpus.js';
import { useModelArgs } from './model-args.js';

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
const Label = z.object({ id: z.string(), start: z.number().int(), end: z.number().int(), type: z.string() });
const labels = new Map<string, string>();
const articles = new Set<string>();
for (const l of lines(NEWS_TRIGGERS_FILE)) {
  const x = Label.parse(JSON.parse(l));
  labels.set(`${x.id}|${x.start}`, x.type);
  articles.add(x.id);
}
useModelArgs();
let events = 0;
let docs = 0;
const noneBack = new Set<string>();
const rightBack = new Set<string>();
let eventLabels = 0;
for (const l of [...labels.values()]) if (l !== 'NONE') eventLabels++;
for (const line of lines(POLNEAR_FILE)) {
  const doc = z.object({ id: z.string(), text: z.string() }).parse(JSON.parse(line));
  if (!articles.has(doc.id)) continue;
  docs++;
  for (const e of analyze(doc.text, {}, { id: doc.id }).events) {
    events++;
    const key = `${doc.id}|${e.trigger.start}`;
    const label = labels.get(key);
    if (label === 'NONE') noneBack.add(key);
    else if (label && foldType(e.plover?.type ?? '') === label) rightBack.add(key);
  }
}
console.log(
  `articles ${docs}, events ${events} (${(events / docs).toFixed(2)} per article); labelled-NONE triggers coded as events ${noneBack.size} of ${labels.size - eventLabels}; labelled event triggers coded with their type ${rightBack.size} of ${eventLabels}`,
);
