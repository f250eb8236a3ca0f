/**
 * `newsgraph predict extraction <ground-truth.json> --html-dir DIR`: extracts every benchmark page
 * with `extractArticle` and yields one JSON line `{"<id>": {"articleBody": "…"}}` for
 * ../shared/tools/score-extraction.mjs. Only the ids and urls of the ground truth are read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { decodeHtmlBytes } from '../ingest/encoding.js';
import { extractArticle } from '../ingest/extract.js';
import type { Predictor } from './types.js';

/** Only the fields the predictor may read: never the articleBody labels. */
const GroundTruthInputsSchema = z.record(z.string(), z.object({ url: z.string().optional() }));

export const predictExtraction: Predictor = async function* (goldFile, options) {
  const raw: unknown = JSON.parse(readFileSync(goldFile, 'utf8'));
  const pages = GroundTruthInputsSchema.parse(raw);
  const htmlDir = options.htmlDir ?? path.join(path.dirname(goldFile), 'html');
  let ids = Object.keys(pages);
  if (options.limit !== undefined) ids = ids.slice(0, options.limit);
  const out: Record<string, { articleBody: string }> = {};
  for (const id of ids) {
    let body = '';
    try {
      const bytes = gunzipSync(readFileSync(path.join(htmlDir, `${id}.html.gz`)));
      const { text: html } = decodeHtmlBytes(bytes);
      body = extractArticle(html, pages[id].url).text;
    } catch (err) {
      process.stderr.write(`extraction: ${id}: ${(err as Error).message}\n`);
    }
    out[id] = { articleBody: body };
  }
  yield JSON.stringify(out);
};
