/**
 * Metadata accuracy on the extraction dev pages: publication date, outlet and language as
 * `extractArticle` reads them, against the hand-read gold in test/fixtures/metadata-dev.json
 * (ids and values only; the pages are read from ../shared/data/extraction/html).
 * `npm run eval:metadata` prints the figures and every miss.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { decodeHtmlBytes } from '../ingest/encoding.js';
import { extractArticle } from '../ingest/extract.js';

const GoldSchema = z.object({
  description: z.string(),
  pages: z.record(
    z.string(),
    z.object({
      published: z.union([z.string(), z.array(z.string()), z.null()]),
      outlet: z.array(z.string()).min(1),
      language: z.string(),
    }),
  ),
});

export interface FieldScore {
  correct: number;
  total: number;
  accuracy: number;
}

export interface MetadataScore {
  pages: number;
  published: FieldScore;
  /** Pages that show a date, and how many of them got one (right or wrong). */
  datedPages: number;
  datedPagesWithDate: number;
  outlet: FieldScore;
  language: FieldScore;
  /** Where each publication date came from, counted over pages. */
  publishedFrom: Record<string, number>;
  misses: string[];
}

/** Names compared without case, punctuation or a leading "The". */
const normName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Scores `extractArticle` on every gold page found in `htmlDir`. */
export function scoreMetadata(
  goldFile: string,
  htmlDir: string,
  urls: Record<string, string | undefined>,
): MetadataScore {
  const gold = GoldSchema.parse(JSON.parse(readFileSync(goldFile, 'utf8')));
  const tally = (): FieldScore => ({ correct: 0, total: 0, accuracy: 0 });
  const s: MetadataScore = {
    pages: 0,
    published: tally(),
    datedPages: 0,
    datedPagesWithDate: 0,
    outlet: tally(),
    language: tally(),
    publishedFrom: {},
    misses: [],
  };
  const mark = (f: FieldScore, ok: boolean, id: string, field: string, got: unknown, want: unknown): void => {
    f.total++;
    if (ok) f.correct++;
    else
      s.misses.push(`${id.slice(0, 8)} ${field}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  for (const [id, g] of Object.entries(gold.pages)) {
    const { text: html } = decodeHtmlBytes(gunzipSync(readFileSync(path.join(htmlDir, `${id}.html.gz`))));
    const a = extractArticle(html, urls[id]);
    s.pages++;
    const day = a.published?.slice(0, 10) ?? null;
    const want = g.published === null ? [] : Array.isArray(g.published) ? g.published : [g.published];
    mark(
      s.published,
      want.length === 0 ? day === null : want.includes(day ?? ''),
      id,
      'published',
      a.published ?? null,
      g.published,
    );
    if (want.length > 0) {
      s.datedPages++;
      if (day) s.datedPagesWithDate++;
    }
    if (a.publishedFrom) s.publishedFrom[a.publishedFrom] = (s.publishedFrom[a.publishedFrom] ?? 0) + 1;
    const outlet = a.outlet ? normName(a.outlet) : '';
    mark(
      s.outlet,
      g.outlet.some((o) => normName(o) === outlet),
      id,
      'outlet',
      a.outlet ?? null,
      g.outlet,
    );
    mark(s.language, a.language === g.language, id, 'language', a.language ?? null, g.language);
  }
  for (const f of [s.published, s.outlet, s.language]) f.accuracy = f.total ? f.correct / f.total : 0;
  return s;
}
