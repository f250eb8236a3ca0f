/**
 * The statements gold (test/fixtures/statements/pairs.jsonl) turned into reports: text and spans
 * from PolNeAR, the speaker from the project's own analysis of the article (never the pair's
 * labels), the form by scanning quotation marks over the spans.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { analyze } from '../pipeline/index.js';
import type { Analysis } from '../model/index.js';
import { ATTRIBUTION_STAGES } from './attribution.js';
import { contentForm, contextAround, speakerName, type Report } from '../corpus/statements/index.js';

const Spans = z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()]));
const GoldReportSchema = z.object({
  doc: z.string(),
  attr: z.string(),
  source: Spans,
  cue: Spans,
  content: Spans,
});
export const StatementPairSchema = z.object({
  id: z.string(),
  a: GoldReportSchema,
  b: GoldReportSchema,
  label: z.enum(['same', 'different']),
  hard: z.boolean(),
  drift: z.array(z.string()).optional(),
});
export type StatementPair = z.infer<typeof StatementPairSchema>;
export type GoldReport = z.infer<typeof GoldReportSchema>;

export const PolnearDocSchema = z.object({
  id: z.string(),
  publisher: z.string(),
  date: z.string(),
  title: z.string().optional(),
  text: z.string(),
  attributions: z.array(z.object({ id: z.string(), source: Spans, cue: Spans, content: Spans })),
});
export type PolnearDoc = z.infer<typeof PolnearDocSchema>;

export function readJsonl<S extends z.ZodType>(file: string, schema: S): Array<z.infer<S>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = schema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** PolNeAR articles in ingest order: by date, then id (as the gold orders a before b). */
export function sortDocs(docs: PolnearDoc[]): PolnearDoc[] {
  return [...docs].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1));
}

export function analyzeDoc(doc: PolnearDoc): Analysis {
  return analyze(doc.text, { published: doc.date }, { id: doc.id, stages: ATTRIBUTION_STAGES });
}

const overlap = (s: number, e: number, spans: ReadonlyArray<{ start: number; end: number }>): number =>
  spans.reduce((n, x) => n + Math.max(0, Math.min(e, x.end) - Math.max(s, x.start)), 0);

/**
 * The speaker the analysis gives the attribution at these spans: the analysed attribution sharing
 * most content characters, else the actor of a mention inside the source span.
 */
export function resolveSpeaker(analysis: Analysis, gold: GoldReport): string | null {
  for (const [s, e] of gold.source) {
    const m = analysis.mentions.find((x) => x.actor && x.start < e && x.end > s);
    const name = m && analysis.actors.find((x) => x.id === m.actor)?.name;
    if (name) return name;
  }
  let best: { n: number; name: string | null } = { n: 0, name: null };
  for (const a of analysis.attributions) {
    const n = gold.content.reduce((sum, [s, e]) => sum + overlap(s, e, a.content), 0);
    if (n > best.n) best = { n, name: speakerName(analysis, a) };
  }
  return best.name;
}

export function goldToReport(
  doc: PolnearDoc,
  gold: GoldReport,
  analysis: Analysis,
  ingestOrder: number,
): Report {
  const piece = ([s, e]: [number, number]) => ({ start: s, end: e, text: doc.text.slice(s, e) });
  const content = gold.content.map(([start, end]) => ({ start, end }));
  return {
    id: `${gold.doc}#${gold.attr}`,
    article: gold.doc,
    outlet: doc.publisher,
    published: doc.date,
    ingestOrder,
    speaker: resolveSpeaker(analysis, gold),
    ...(gold.source.length ? { credit: gold.source.map(([s, e]) => doc.text.slice(s, e)).join(' ') } : {}),
    cue: gold.cue.map(piece),
    content: gold.content.map(piece),
    form: contentForm(doc.text, content),
    context: contextAround(doc.text, content),
  };
}
