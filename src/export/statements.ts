/**
 * Statements and their reports as JSONL and CSV: one line per statement (origin, report and article
 * ids, outlets, the drift kinds of its reports) or one line per report (its spans, its drift against
 * the statement's origin). The records are plain data (the corpus floor's statement detail fits),
 * so this floor needs nothing of the analysis that made them.
 */
import { csvField } from './csv.js';

export interface ExportPiece {
  start: number;
  end: number;
  text: string;
}

export interface ExportDriftSide {
  report: string;
  spans: Array<[number, number]>;
  text: string;
  value?: string;
}

export interface ExportDriftItem {
  kind: string;
  from: ExportDriftSide;
  to: ExportDriftSide;
}

export interface ExportReport {
  id: string;
  article: string;
  outlet: string | null;
  published: string | null;
  speaker: string | null;
  form: string;
  cue: ExportPiece[];
  content: ExportPiece[];
  /** Against the statement's origin (empty for the origin). */
  drift: ExportDriftItem[];
}

export interface ExportStatement {
  id: string;
  origin: string;
  fullest: string;
  speaker: string | null;
  outlets: string[];
  /** Earliest first. */
  reports: ExportReport[];
}

export const STATEMENT_EXPORTS = ['statements', 'reports'] as const;
export type StatementExport = (typeof STATEMENT_EXPORTS)[number];

export const STATEMENT_CSV_COLUMNS = [
  'statement',
  'origin',
  'fullest',
  'speaker',
  'reports',
  'report_ids',
  'article_ids',
  'outlets',
  'published',
  'drift_kinds',
] as const;

export const REPORT_CSV_COLUMNS = [
  'statement',
  'report',
  'article',
  'outlet',
  'published',
  'speaker',
  'form',
  'is_origin',
  'cue',
  'cue_spans',
  'content_spans',
  'content',
  'drift_kinds',
  'changed_spans',
] as const;

/** Kinds that are about words: their `to` spans are the report's changed words. */
const WORD_KINDS = new Set(['words-added', 'words-changed', 'truncated', 'ellipsis']);

const distinct = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
const kindsOf = (r: ExportReport) => distinct(r.drift.map((d) => d.kind));
/** Spans in a CSV cell: `start-end` joined by `;`. */
const spanList = (spans: ReadonlyArray<readonly [number, number]>) =>
  spans.map(([s, e]) => `${s}-${e}`).join(';');
const pieceSpans = (ps: readonly ExportPiece[]) => ps.map((p): [number, number] => [p.start, p.end]);
/** The report's own words that changed against the origin. */
const changed = (r: ExportReport) => r.drift.filter((d) => WORD_KINDS.has(d.kind)).flatMap((d) => d.to.spans);

function statementRecord(s: ExportStatement) {
  return {
    statement: s.id,
    origin: s.origin,
    fullest: s.fullest,
    speaker: s.speaker,
    reports: s.reports.map((r) => r.id),
    articles: distinct(s.reports.map((r) => r.article)),
    outlets: s.outlets,
    published: s.reports[0]?.published ?? null,
    driftKinds: distinct(s.reports.flatMap(kindsOf)),
  };
}

function reportRecord(s: ExportStatement, r: ExportReport) {
  return {
    statement: s.id,
    report: r.id,
    article: r.article,
    outlet: r.outlet,
    published: r.published,
    speaker: r.speaker,
    form: r.form,
    origin: r.id === s.origin,
    cue: r.cue,
    content: r.content,
    driftKinds: kindsOf(r),
    drift: r.drift,
  };
}

/** The lines of an export of statements or of their reports, in JSONL or CSV (with a header unless `header` is false). */
export function* statementLines(
  what: StatementExport,
  format: 'jsonl' | 'csv',
  statements: Iterable<ExportStatement>,
  header = true,
): Generator<string> {
  if (format === 'csv' && header)
    yield (what === 'statements' ? STATEMENT_CSV_COLUMNS : REPORT_CSV_COLUMNS).join(',');
  for (const s of statements) {
    if (what === 'statements') {
      const rec = statementRecord(s);
      if (format === 'jsonl') yield JSON.stringify(rec);
      else
        yield [
          rec.statement,
          rec.origin,
          rec.fullest,
          rec.speaker,
          rec.reports.length,
          rec.reports.join('|'),
          rec.articles.join('|'),
          rec.outlets.join('|'),
          rec.published,
          rec.driftKinds.join('|'),
        ]
          .map(csvField)
          .join(',');
      continue;
    }
    for (const r of s.reports) {
      if (format === 'jsonl') yield JSON.stringify(reportRecord(s, r));
      else
        yield [
          s.id,
          r.id,
          r.article,
          r.outlet,
          r.published,
          r.speaker,
          r.form,
          r.id === s.origin,
          r.cue.map((p) => p.text).join(' '),
          spanList(pieceSpans(r.cue)),
          spanList(pieceSpans(r.content)),
          r.content.map((p) => p.text).join(' … '),
          kindsOf(r).join('|'),
          spanList(changed(r)),
        ]
          .map(csvField)
          .join(',');
    }
  }
}
