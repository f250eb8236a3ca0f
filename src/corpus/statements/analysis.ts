/**
 * Statements as a corpus analysis: each stored article's reports are filed in tables of their own
 * (`statements_*`), with their LSH keys, their links to matching reports of other articles and the
 * statement each belongs to. A new report finds its candidates through the key table (cost bounded
 * by bucket sizes, not by the corpus), is linked by the precise comparison, and the statements it
 * links are merged. Links are a pure function of two reports and statements are the connected
 * groups of links, so any order of stored articles — and a batch rebuild — gives the same grouping.
 */
import type { Migration, Row, SqlRunner, StoredAnalysis } from '../../store/index.js';
import { inList } from '../../store/sql/adapter.js';
import type { CorpusAnalysis } from '../analysis.js';
import { blockKeys, compareReports, DEFAULT_LSH } from './grouping.js';
import { reportsFromAnalysis } from './reports.js';
import {
  profile,
  sameStatement,
  shippedModel,
  Vocabulary,
  type MatcherModel,
  type Profile,
} from './similarity.js';
import type { Report } from './types.js';

export const STATEMENTS_ANALYSIS_NAME = 'statements';

/** Serialises the statement steps of concurrent writers (PostgreSQL), so no two miss each other. */
export const STATEMENTS_LOCK = 'newsgraph:statements';

/** Candidates share at least this many LSH keys (the pure index's rule, `MIN_SHARED_BANDS`). */
const MIN_SHARED_KEYS = 2;

export const STATEMENTS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `CREATE TABLE statements_reports (report_id TEXT PRIMARY KEY, article_id TEXT NOT NULL,
        statement_id TEXT NOT NULL, outlet TEXT, published TEXT, ingest_order BIGINT NOT NULL,
        speaker TEXT, words INTEGER NOT NULL, report TEXT NOT NULL);
      CREATE INDEX statements_reports_article ON statements_reports (article_id);
      CREATE INDEX statements_reports_statement ON statements_reports (statement_id);
      CREATE TABLE statements_keys (band TEXT NOT NULL, report_id TEXT NOT NULL, PRIMARY KEY (band, report_id));
      CREATE INDEX statements_keys_report ON statements_keys (report_id);
      CREATE TABLE statements_links (a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b));
      CREATE INDEX statements_links_b ON statements_links (b);
      CREATE TABLE statements_groups (id TEXT PRIMARY KEY, fullest TEXT NOT NULL, speaker TEXT,
        reports INTEGER NOT NULL, outlets INTEGER NOT NULL, outlet_list TEXT NOT NULL, published TEXT,
        ingest_order BIGINT NOT NULL);
      CREATE INDEX statements_groups_size ON statements_groups (outlets, reports)`,
  },
];

/** A report row as the grouping reads it back. */
interface Member {
  id: string;
  outlet: string | null;
  published: string | null;
  ingestOrder: number;
  speaker: string | null;
  words: number;
}

const memberOf = (r: Row): Member => ({
  id: String(r.report_id),
  outlet: r.outlet === null || r.outlet === undefined ? null : String(r.outlet),
  published: r.published === null || r.published === undefined ? null : String(r.published),
  ingestOrder: Number(r.ingest_order),
  speaker: r.speaker === null || r.speaker === undefined ? null : String(r.speaker),
  words: Number(r.words),
});

const MEMBER_COLUMNS = 'report_id, outlet, published, ingest_order, speaker, words';

/** The article's position in ingest order: its input order, else its insertion order. */
async function ingestOrderOf(tx: SqlRunner, articleId: string): Promise<number> {
  const row = await tx.get(
    `SELECT input_order, ${tx.dialect.insertionOrder} AS inserted FROM articles WHERE id = ?`,
    [articleId],
  );
  if (!row) return 0;
  return Number(row.input_order ?? row.inserted ?? 0);
}

/** Reports of other articles sharing at least MIN_SHARED_KEYS of `look` keys. */
async function candidateIds(tx: SqlRunner, look: readonly number[], articleId: string): Promise<string[]> {
  if (look.length === 0) return [];
  const keys = [...new Set(look.map(String))];
  const rows = await tx.all(
    `SELECT k.report_id FROM statements_keys k JOIN statements_reports r ON r.report_id = k.report_id
     WHERE k.band IN ${inList(keys)} AND r.article_id <> ?
     GROUP BY k.report_id HAVING count(*) >= ?`,
    [...keys, articleId, MIN_SHARED_KEYS],
  );
  return rows.map((r) => String(r.report_id));
}

async function profilesOf(tx: SqlRunner, ids: readonly string[], vocab: Vocabulary): Promise<Profile[]> {
  if (ids.length === 0) return [];
  const rows = await tx.all(`SELECT report FROM statements_reports WHERE report_id IN ${inList(ids)}`, ids);
  return rows.map((r) => profile(JSON.parse(String(r.report)) as Report, vocab));
}

/**
 * Files one report, links it to the stored reports it matches, and returns the linked ids and how
 * many candidates it was compared with.
 */
async function fileReport(
  tx: SqlRunner,
  model: MatcherModel,
  report: Report,
  vocab: Vocabulary,
): Promise<{ linked: string[]; compared: number }> {
  const own = profile(report, vocab);
  const { file, look } = blockKeys(own, DEFAULT_LSH, model);
  const candidates = await profilesOf(tx, await candidateIds(tx, look, report.article), vocab);
  const linked = candidates
    // The pair in id order, as the batch build compares it.
    .filter((c) => (c.id < own.id ? sameStatement(model, c, own) : sameStatement(model, own, c)))
    .map((c) => c.id);
  await tx.run(
    `INSERT INTO statements_reports (report_id, article_id, statement_id, outlet, published, ingest_order,
       speaker, words, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      report.id,
      report.article,
      report.id,
      report.outlet ?? null,
      report.published,
      report.ingestOrder,
      report.speaker,
      own.words.length,
      JSON.stringify(report),
    ],
  );
  for (const key of new Set(file.map(String)))
    await tx.run('INSERT INTO statements_keys (band, report_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [
      key,
      report.id,
    ]);
  for (const other of linked) {
    const [a, b] = other < report.id ? [other, report.id] : [report.id, other];
    await tx.run('INSERT INTO statements_links (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING', [a, b]);
  }
  return { linked, compared: candidates.length };
}

/** The statements these reports belong to. */
async function statementsOf(tx: SqlRunner, reportIds: readonly string[]): Promise<string[]> {
  if (reportIds.length === 0) return [];
  const rows = await tx.all(
    `SELECT DISTINCT statement_id FROM statements_reports WHERE report_id IN ${inList(reportIds)}`,
    reportIds,
  );
  return rows.map((r) => String(r.statement_id));
}

/**
 * Re-derives the given statements from their members' links: each connected group becomes one
 * statement named by its origin (earliest publication, then ingest order), with its summary row.
 * Cost grows with the statements' sizes only.
 */
async function settle(tx: SqlRunner, statementIds: readonly string[]): Promise<void> {
  if (statementIds.length === 0) return;
  const ids = [...new Set(statementIds)];
  await tx.run(`DELETE FROM statements_groups WHERE id IN ${inList(ids)}`, ids);
  const members = (
    await tx.all(`SELECT ${MEMBER_COLUMNS} FROM statements_reports WHERE statement_id IN ${inList(ids)}`, ids)
  ).map(memberOf);
  if (members.length === 0) return;
  const memberIds = members.map((m) => m.id);
  const links = await tx.all(
    `SELECT a, b FROM statements_links WHERE a IN ${inList(memberIds)} OR b IN ${inList(memberIds)}`,
    [...memberIds, ...memberIds],
  );
  for (const group of components(members, links)) await writeGroup(tx, group);
}

/** Connected groups of members by their links. */
function components(members: readonly Member[], links: readonly Row[]): Member[][] {
  const parent = new Map(members.map((m) => [m.id, m.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const l of links) {
    const a = String(l.a);
    const b = String(l.b);
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  }
  const groups = new Map<string, Member[]>();
  for (const m of members) {
    const root = find(m.id);
    const g = groups.get(root);
    if (g) g.push(m);
    else groups.set(root, [m]);
  }
  return [...groups.values()];
}

async function writeGroup(tx: SqlRunner, group: Member[]): Promise<void> {
  const sorted = [...group].sort(compareReports);
  const origin = sorted[0];
  const fullest = sorted.reduce((best, m) => (m.words > best.words ? m : best), origin);
  const outlets = [...new Set(sorted.map((m) => m.outlet).filter((o): o is string => o !== null))].sort();
  const moved = sorted.map((m) => m.id);
  await tx.run(`UPDATE statements_reports SET statement_id = ? WHERE report_id IN ${inList(moved)}`, [
    origin.id,
    ...moved,
  ]);
  await tx.run(
    `INSERT INTO statements_groups (id, fullest, speaker, reports, outlets, outlet_list, published, ingest_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      origin.id,
      fullest.id,
      origin.speaker ?? sorted.find((m) => m.speaker !== null)?.speaker ?? null,
      sorted.length,
      outlets.length,
      JSON.stringify(outlets),
      origin.published,
      origin.ingestOrder,
    ],
  );
}

/** Takes an article's reports out: their keys, links and rows, and re-derives their statements. */
async function removeArticle(tx: SqlRunner, articleId: string): Promise<void> {
  const rows = await tx.all('SELECT report_id, statement_id FROM statements_reports WHERE article_id = ?', [
    articleId,
  ]);
  if (rows.length === 0) return;
  const ids = rows.map((r) => String(r.report_id));
  const list = inList(ids);
  await tx.run(`DELETE FROM statements_keys WHERE report_id IN ${list}`, ids);
  await tx.run(`DELETE FROM statements_links WHERE a IN ${list} OR b IN ${list}`, [...ids, ...ids]);
  await tx.run(`DELETE FROM statements_reports WHERE report_id IN ${list}`, ids);
  await settle(
    tx,
    rows.map((r) => String(r.statement_id)),
  );
}

/** The statements corpus analysis, with the shipped matcher unless a test gives another. */
/** The analysis, and how many stored reports the last article's reports were compared with. */
export type StatementsAnalysis = CorpusAnalysis & { readonly lastComparisons: number };

export function statementsAnalysis(model?: MatcherModel): StatementsAnalysis {
  // Loaded at the first article, not when the registry is imported.
  let matcher = model;
  let comparisons = 0;
  return {
    get lastComparisons() {
      return comparisons;
    },
    name: STATEMENTS_ANALYSIS_NAME,
    version: 1,
    migrations: STATEMENTS_MIGRATIONS,
    async stored(tx, article: StoredAnalysis) {
      await tx.dialect.lock(tx, [STATEMENTS_LOCK]);
      await removeArticle(tx, article.id);
      const ingestOrder = await ingestOrderOf(tx, article.id);
      const reports = reportsFromAnalysis(article.analysis, {
        id: article.id,
        ...(article.outlet ? { outlet: article.outlet } : {}),
        published: article.published,
        ingestOrder,
      });
      matcher ??= shippedModel();
      const vocab = new Vocabulary();
      const touched: string[] = [];
      comparisons = 0;
      for (const report of reports) {
        const { linked, compared } = await fileReport(tx, matcher, report, vocab);
        comparisons += compared;
        touched.push(report.id, ...(await statementsOf(tx, linked)));
      }
      await settle(tx, touched);
    },
    async removed(tx, articleId) {
      await tx.dialect.lock(tx, [STATEMENTS_LOCK]);
      await removeArticle(tx, articleId);
    },
    async reset(tx) {
      for (const table of ['statements_keys', 'statements_links', 'statements_reports', 'statements_groups'])
        await tx.run(`DELETE FROM ${table}`);
    },
  };
}
