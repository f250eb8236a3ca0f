import type { Analysis } from '../model/index.js';
import { articleId, eventRows } from './rows.js';

export const CSV_COLUMNS = [
  'article',
  'event',
  'date',
  'source_code',
  'source_text',
  'target_code',
  'target_text',
  'cameo',
  'plover_type',
  'plover_mode',
  'goldstein',
  'quad_class',
  'negated',
  'attribution',
  'trigger_start',
  'trigger_end',
  'trigger',
  'evidence_start',
  'evidence_end',
  'evidence',
  'url',
] as const;

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(v: string | number | boolean | undefined | null): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One CSV line per event dyad (first evidence span; a reciprocal act both ways, as its CAMEO code says),
 * with a header line; lines end in CRLF as RFC 4180 says.
 */
export function* toCsv(analyses: Iterable<Analysis>): Generator<string> {
  yield CSV_COLUMNS.join(',');
  const index = new Map<Analysis, number>();
  for (const { analysis, event, dyad, id } of eventRows(analyses, 'cameo')) {
    if (!index.has(analysis)) index.set(analysis, index.size);
    const ev = event.evidence[0];
    yield [
      articleId(analysis, index.get(analysis)!),
      id,
      analysis.meta.published ?? '',
      dyad.source?.code,
      dyad.source?.text,
      dyad.target?.code,
      dyad.target?.text,
      event.cameo,
      event.plover?.type,
      event.plover?.mode,
      event.goldstein,
      event.quadClass,
      event.negated === true,
      event.attribution,
      event.trigger.start,
      event.trigger.end,
      event.trigger.text,
      ev?.start,
      ev?.end,
      ev?.text,
      analysis.meta.url,
    ]
      .map(csvField)
      .join(',');
  }
}
