#!/usr/bin/env node
// Extraction speed: decodes and extracts every page of ../shared/data/extraction/html (95 pages) three
// times in one process and prints pages/s per round as JSON. Usage: npm run bench:extraction
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { root, sharedPath } from './common.mjs';

const dir = sharedPath('data/extraction/html');
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
