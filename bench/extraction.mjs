#!/usr/bin/env node
// Extraction speed: decodes and extracts every page of ../shared/data/extraction/html (95 pages) three
// times in one process and prints pages/s per round as JSON. Usage: npm run bench:extraction
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.NEWSGRAPH_SHARED ?? path.resolve(root, '..', 'shared');
const dir = path.join(shared, 'data/extraction/html');
if (!existsSync(dir)) {
  console.error(
    `bench: ${dir} not found — the benchmark needs the shared data beside the project (../shared)`,
  );
  process.exit(1);
}
const { extractArticle, decodeHtmlBytes } = await import(path.join(root, 'dist/ingest/index.js'));
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html.gz'))
  .map((f) => gunzipSync(readFileSync(path.join(dir, f))));
const rounds = [];
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  let chars = 0;
  for (const bytes of pages) chars += extractArticle(decodeHtmlBytes(bytes).text).text.length;
  const seconds = (performance.now() - t0) / 1000;
  rounds.push({
    seconds: Math.round(seconds * 100) / 100,
    pagesPerSec: Math.round((pages.length / seconds) * 10) / 10,
    chars,
  });
}
console.log(
  JSON.stringify(
    { pages: pages.length, rounds, peakRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10 },
    null,
    2,
  ),
);
