/**
 * Builds data/statements/idf.json: in how many PolNeAR train articles each word occurs (words of
 * the statements stage, occurring in at least 2 articles). The matcher weighs shared words by it, so
 * a shared rare word counts for more than a shared common one. Deterministic (sorted keys).
 *
 *   npx tsx scripts/statements/build-idf.ts [--data ../shared/data]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { reportWords } from '../../src/corpus/statements/index.js';
import { sharedRoot } from '../../src/eval/index.js';
import { PolnearDocSchema, readJsonl } from '../../src/eval/statements-gold.js';
import { PROJECT_ROOT } from '../../src/util/data.js';

const dataFlag = process.argv.indexOf('--data');
const { data } = sharedRoot(dataFlag > 0 ? process.argv[dataFlag + 1] : undefined);
const docs = readJsonl(path.join(data, 'attribution', 'polnear-train.jsonl'), PolnearDocSchema);
const df = new Map<string, number>();
for (const d of docs) {
  const words = new Set(
    reportWords([{ start: 0, end: d.text.length, text: d.text }]).words.map((w) => w.text),
  );
  for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
}
const kept = [...df].filter(([, n]) => n >= 2).sort((a, b) => (a[0] < b[0] ? -1 : 1));
const out = path.join(PROJECT_ROOT, 'data', 'statements', 'idf.json');
writeFileSync(
  out,
  JSON.stringify({
    about:
      'Article frequency of words in PolNeAR train (scripts/statements/build-idf.ts); words in fewer than 2 articles are left out.',
    articles: docs.length,
    df: Object.fromEntries(kept),
  }) + '\n',
);
process.stdout.write(`wrote ${out}: ${kept.length} words from ${docs.length} articles\n`);
