import { z } from 'zod';
import type { Report } from './types.js';

const PieceSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

/** A report as the store keeps it (the JSON column of a statement report row); other keys pass through. */
const StoredReportSchema = z.looseObject({
  id: z.string(),
  article: z.string(),
  outlet: z.string().optional(),
  published: z.string().nullable(),
  ingestOrder: z.number(),
  speaker: z.string().nullable(),
  credit: z.string().optional(),
  cue: z.array(PieceSchema),
  content: z.array(PieceSchema),
  form: z.enum(['direct', 'indirect', 'mixed']),
  context: z.string().optional(),
}) satisfies z.ZodType<Report>;

/** The report in a stored row's JSON column, checked: a row written by another version fails loudly. */
export function parseStoredReport(json: unknown): Report {
  return StoredReportSchema.parse(JSON.parse(String(json)));
}
