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

/** One CSV line per event (first evidence span), with a header line; lines end in CRLF as RFC 4180 says. */
export function* toCsv(analyses: Iterable<Analysis>): Generator<string> {
  yield CSV_COLUMNS.join(',');
  const index = new Map<Analysis, number>();
  for (const { analysis, event } of eventRows(analyses)) {
    if (!index.has(analysis)) index.set(analysis, index.size);
    const ev = event.evidence[0];
    yield [
      articleId(analysis, index.get(analysis)!),
      event.id,
      analysis.meta.published ?? '',
      event.source?.code,
      event.source?.text,
      event.target?.code,
      event.target?.text,
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
