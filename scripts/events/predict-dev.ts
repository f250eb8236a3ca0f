/**
 * Writes event predictions for a gold file without a build (same code as `newsgraph predict events`):
 *   npx tsx scripts/events/predict-dev.ts GOLD.jsonl [plover|cameo] [VERBS_FILE] > pred.jsonl
 */
import { predictEvents } from '../../src/eval/events.js';

const [gold, scheme, verbs] = process.argv.slice(2);
if (!gold) {
  process.stderr.write('usage: predict-dev.ts GOLD.jsonl [plover|cameo] [VERBS_FILE]\n');
  process.exit(2);
}
const options = {
  scheme: scheme === 'cameo' ? ('cameo' as const) : ('plover' as const),
  ...(verbs ? { verbs } : {}),
};
for await (const line of predictEvents(gold, options)) process.stdout.write(line + '\n');
