/**
 * Reading claim traces: unattributed claims (those traced to a sourced report elsewhere first) and
 * one claim with the reports that assert it with a source, each with its statement.
 */
import type { Row, Store } from '../../store/index.js';
import type { Piece } from '../statements/index.js';
import type { StatementReport } from '../statements/read.js';
import { parseStoredReport } from '../statements/stored.js';

export interface ClaimQuery {
  /** Only claims traced to at least one sourced report (the default), or every claim. */
  traced: boolean;
  limit: number;
  offset: number;
}

export interface ClaimSummary {
  id: string;
  article: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** The claim: its span in its article and the text. */
  span: Piece;
  /** Why the attribution stage flagged it. */
  reason: string;
  /** Reports elsewhere that assert it with a source. */
  traces: number;
}

/**
 * A report that asserts the claim with a source: a statement's report (the source as the statements
 * analysis names it, null when unnamed or unresolved) without its drift, keyed `report` rather than
 * `id`, with its article's title and its statement.
 */
export type ClaimTrace = Omit<StatementReport, 'id' | 'drift' | 'driftFromFullest'> & {
  report: string;
  title: string | null;
  /** The statement the report belongs to, and how many reports and outlets it has. */
  statement: string;
  statementReports: number;
  statementOutlets: string[];
};

export interface ClaimDetail extends ClaimSummary {
  /** Earliest first. */
  sources: ClaimTrace[];
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function summaryOf(r: Row): ClaimSummary {
  const report = parseStoredReport(r.report);
  return {
    id: String(r.claim_id),
    article: String(r.article_id),
    title: str(r.title),
    outlet: str(r.outlet),
    published: str(r.published),
    span: report.content[0],
    reason: String(r.reason),
    traces: Number(r.traces),
  };
}

const SUMMARY_SELECT = `SELECT c.claim_id, c.article_id, c.outlet, c.published, c.reason, c.report, a.title,
    (SELECT count(*) FROM claims_links l WHERE l.claim_id = c.claim_id) AS traces
  FROM claims_items c LEFT JOIN articles a ON a.id = c.article_id`;

/** A page of claims, most traced first, then newest. */
export async function listClaims(
  store: Store,
  q: ClaimQuery,
): Promise<{ total: number; items: ClaimSummary[] }> {
  return store.sql.read(async (db) => {
    const filter = q.traced
      ? 'WHERE EXISTS (SELECT 1 FROM claims_links l WHERE l.claim_id = c.claim_id)'
      : '';
    const total = Number((await db.get(`SELECT count(*) AS n FROM claims_items c ${filter}`))?.n ?? 0);
    const rows = await db.all(
      `${SUMMARY_SELECT} ${filter} ORDER BY traces DESC, c.published DESC, c.claim_id LIMIT ? OFFSET ?`,
      [q.limit, q.offset],
    );
    return { total, items: rows.map(summaryOf) };
  });
}

/** One claim with every sourced report it was traced to. */
export async function getClaim(store: Store, id: string): Promise<ClaimDetail | null> {
  return store.sql.read(async (db) => {
    const row = await db.get(`${SUMMARY_SELECT} WHERE c.claim_id = ?`, [id]);
    if (!row) return null;
    const links = await db.all(
      `SELECT r.report, r.statement_id, g.reports, g.outlet_list, a.title FROM claims_links l
       JOIN statements_reports r ON r.report_id = l.report_id
       LEFT JOIN statements_groups g ON g.id = r.statement_id
       LEFT JOIN articles a ON a.id = r.article_id
       WHERE l.claim_id = ?`,
      [id],
    );
    const sources = links
      .map((l): ClaimTrace => {
        const r = parseStoredReport(l.report);
        return {
          report: r.id,
          article: r.article,
          title: str(l.title),
          outlet: r.outlet ?? null,
          published: r.published,
          speaker: r.speaker,
          form: r.form,
          cue: r.cue,
          content: r.content,
          statement: String(l.statement_id),
          statementReports: Number(l.reports ?? 1),
          statementOutlets: l.outlet_list ? (JSON.parse(String(l.outlet_list)) as string[]) : [],
        };
      })
      .sort((a, b) =>
        (a.published ?? '\uffff') < (b.published ?? '\uffff')
          ? -1
          : a.published === b.published
            ? a.report < b.report
              ? -1
              : 1
            : 1,
      );
    return { ...summaryOf(row), sources };
  });
}
