// Metadata accuracy (publication date, outlet, language) on the extraction dev pages: npm run eval:metadata
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedRoot } from '../src/eval/index.js';
import { scoreMetadata } from '../src/eval/metadata.js';
import { projectPath } from '../src/util/data.js';

const dir = path.join(sharedRoot(process.argv[2]).data, 'extraction');
const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth-dev.json'), 'utf8')) as Record<
  string,
  { url?: string }
>;
const urls = Object.fromEntries(Object.entries(truth).map(([id, v]) => [id, v.url]));
const s = scoreMetadata(projectPath('test/fixtures/metadata-dev.json'), path.join(dir, 'html'), urls);
const pct = (f: { correct: number; total: number; accuracy: number }): string =>
  `${f.accuracy.toFixed(3)} (${f.correct}/${f.total})`;
console.log(
  `metadata (extraction dev, ${s.pages} pages): published ${pct(s.published)}  outlet ${pct(s.outlet)}  language ${pct(s.language)}`,
);
console.log(
  `pages showing a date: ${s.datedPages}, given one: ${s.datedPagesWithDate}; dates from ${JSON.stringify(s.publishedFrom)}`,
);
for (const m of s.misses) console.log(`  miss ${m}`);
