/**
 * Reading the statements the corpus analysis stored: a page of statements (filtered by speaker and
 * by how many outlets reported them) and one statement with its reports and their drift.
 */
import type { Row, Store } from '../../store/index.js';
import { likePattern } from '../../store/rules.js';
import { drift } from './drift.js';
import { compareReports } from './grouping.js';
import type { DriftItem, Piece, Report, ReportForm } from './types.js';
import { parseStoredReport } from './stored.js';

export interface StatementQuery {
  /** Part of the name of a speaker credited in any report. */
  speaker?: string;
  minOutlets?: number;
  minReports?: number;
  limit: number;
  offset: number;
}

export interface StatementSummary {
  id: string;
  speaker: string | null;
  reports: number;
  outlets: string[];
  /** The origin's publication date or time. */
  published: string | null;
  /** The origin's content text. */
  content: string;
}

export interface StatementReport {
  id: string;
  article: string;
  outlet: string | null;
  published: string | null;
  speaker: string | null;
  form: ReportForm;
  cue: Piece[];
  content: Piece[];
  /** Against the statement's origin (empty for the origin itself). */
  drift: DriftItem[];
  /** Against the fullest wording (empty for the fullest report itself). */
  driftFromFullest: DriftItem[];
}

export interface StatementDetail {
  id: string;
  origin: string;
  fullest: string;
  speaker: string | null;
  outlets: string[];
  /** Earliest first. */
  reports: StatementReport[];
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const contentOf = (r: Report) => r.content.map((p) => p.text).join(' … ');

/** A page of statements, most outlets first, then most reports, then earliest. */
export async function listStatements(
  store: Store,
  q: StatementQuery,
): Promise<{ total: number; items: StatementSummary[] }> {
  return store.sql.read(async (db) => {
    const where = ['g.outlets >= ?', 'g.reports >= ?'];
    const params: unknown[] = [q.minOutlets ?? 1, q.minReports ?? 2];
    if (q.speaker) {
      where.push(
        `EXISTS (SELECT 1 FROM statements_reports s WHERE s.statement_id = g.id AND s.speaker ${db.dialect.ilike} ? ESCAPE '\\')`,
      );
      params.push(likePattern(q.speaker));
    }
    const filter = `WHERE ${where.join(' AND ')}`;
    const total = Number(
      (await db.get(`SELECT count(*) AS n FROM statements_groups g ${filter}`, params))?.n ?? 0,
    );
    const rows = await db.all(
      `SELECT g.id, g.speaker, g.reports, g.outlet_list, g.published, r.report
       FROM statements_groups g JOIN statements_reports r ON r.report_id = g.id ${filter}
       ORDER BY g.outlets DESC, g.reports DESC, g.published, g.ingest_order, g.id LIMIT ? OFFSET ?`,
      [...params, q.limit, q.offset],
    );
    return { total, items: rows.map(summaryOf) };
  });
}

function summaryOf(r: Row): StatementSummary {
  return {
    id: String(r.id),
    speaker: str(r.speaker),
    reports: Number(r.reports),
    outlets: JSON.parse(String(r.outlet_list)) as string[],
    published: str(r.published),
    content: contentOf(parseStoredReport(r.report)),
  };
}

/** One statement with its reports and their drift; a report's id finds its statement too. */
export async function getStatement(store: Store, id: string): Promise<StatementDetail | null> {
  const found = await store.sql.read(async (db) => {
    const owner = await db.get('SELECT statement_id FROM statements_reports WHERE report_id = ?', [id]);
    if (!owner) return null;
    const group = await db.get('SELECT * FROM statements_groups WHERE id = ?', [owner.statement_id]);
    if (!group) return null;
    const rows = await db.all('SELECT report FROM statements_reports WHERE statement_id = ?', [group.id]);
    return { group, reports: rows.map((r) => parseStoredReport(r.report)) };
  });
  if (!found) return null;
  const { group, reports } = found;
  const byId = new Map(reports.map((r) => [r.id, r]));
  const origin = byId.get(String(group.id));
  const fullest = byId.get(String(group.fullest));
  if (!origin || !fullest) return null;
  // The origin is the earliest report, so it comes first.
  const ordered = [...reports].sort(compareReports);
  return {
    id: origin.id,
    origin: origin.id,
    fullest: fullest.id,
    speaker: str(group.speaker),
    outlets: JSON.parse(String(group.outlet_list)) as string[],
    reports: ordered.map((r) => ({
      id: r.id,
      article: r.article,
      outlet: r.outlet ?? null,
      published: r.published,
      speaker: r.speaker,
      form: r.form,
      cue: r.cue,
      content: r.content,
      drift: r === origin ? [] : drift(origin, r),
      driftFromFullest: r === fullest ? [] : drift(fullest, r),
    })),
  };
}
