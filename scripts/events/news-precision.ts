/**
 * Precision of the event coder on ordinary news: every event it codes in the 84 PolNeAR dev articles
 * (../shared/data/attribution/polnear-dev.jsonl, 2016 US politics, never trained on) is looked up in a
 * hand-labelled list (test/fixtures/events-news-dev.jsonl: article id, trigger and source offsets, PLOVER
 * type, and whether a reader finds it real, of the right type and with the right source). PLV holds an
 * event in every sentence, so its cross-validation cannot see events coded where there are none.
 *
 *   npx tsx scripts/events/news-precision.ts [--model FILE] [--threshold N] [--filter FILE] [--list]
 *
 * N replaces the events model's NONE margin; FILE of --filter replaces the committed news filter.
 *
 * Events the list does not hold are counted apart (and printed with --list, to be labelled).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../src/util/data.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { POLNEAR_FILE } from './corpus.js';
import { useModelArgs } from './model-args.js';

const LABELS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'events-news-dev.jsonl');
const DEV = POLNEAR_FILE.replace('polnear-train', 'polnear-dev');
const Label = z.object({
  id: z.string(),
  trigger: z.number().int(),
  source: z.number().int(),
  type: z.string(),
  right: z.boolean(),
});

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
const labels = new Map(
  lines(LABELS).map((l) => {
    const x = Label.parse(JSON.parse(l));
    return [`${x.id}|${x.trigger}|${x.source}|${x.type}`, x.right];
  }),
);
useModelArgs();
const list = process.argv.includes('--list');
let events = 0;
let right = 0;
let unlabelled = 0;
for (const line of lines(DEV)) {
  const doc = z.object({ id: z.string(), text: z.string() }).parse(JSON.parse(line));
  for (const e of analyze(doc.text, {}, { id: doc.id }).events) {
    events++;
    const key = `${doc.id}|${e.trigger.start}|${e.source?.start ?? -1}|${e.plover?.type ?? ''}`;
    const verdict = labels.get(key);
    if (verdict === undefined) {
      unlabelled++;
      if (list)
        console.log(`unlabelled\t${key}\t${e.cameo}\t[${e.trigger.text}]\t${e.sourceText} → ${e.targetText}`);
    } else if (verdict) right++;
  }
}
const labelled = events - unlabelled;
console.log(
  `events ${events}, labelled ${labelled}, right ${right}: precision ${(right / Math.max(1, labelled)).toFixed(3)} of the labelled` +
    ` (${(right / Math.max(1, events)).toFixed(3)}–${((right + unlabelled) / Math.max(1, events)).toFixed(3)} of all)`,
);
