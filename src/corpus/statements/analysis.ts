/**
 * Statements as a corpus analysis: each stored article's reports are filed in tables of their own
 * (`statements_*`), with their LSH keys, their links to matching reports of other articles and the
 * statement each belongs to. A new report finds its candidates through the key table (cost bounded
 * by bucket sizes, not by the corpus), is linked by the precise comparison, and the statements it
 * links are merged. Links are a pure function of two reports and statements are the connected
 * groups of links, so any order of stored articles — and a batch rebuild — gives the same grouping.
 */
import type { Migration, Row, SqlRunner, StoredAnalysis } from '../../store/index.js';
import { inList, type Column } from '../../store/sql/adapter.js';
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
import { parseStoredReport } from './stored.js';

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

export const KEY_COLUMNS: readonly Column[] = [
  { name: 'band', type: 'text' },
  { name: 'report_id', type: 'text' },
];
const LINK_COLUMNS: readonly Column[] = [
  { name: 'a', type: 'text' },
  { name: 'b', type: 'text' },
];

/** A report row as the grouping reads it back. */
interface Member {
  id: string;
  outlet: string | null;
  published: string | null;
  ingestOrder: number;
  speaker: string | null;
  words: number;
  /** The statement it is filed under now. */
  statement: string;
}

const memberOf = (r: Row): Member => ({
  id: String(r.report_id),
  outlet: r.outlet === null || r.outlet === undefined ? null : String(r.outlet),
  published: r.published === null || r.published === undefined ? null : String(r.published),
  ingestOrder: Number(r.ingest_order),
  speaker: r.speaker === null || r.speaker === undefined ? null : String(r.speaker),
  words: Number(r.words),
  statement: String(r.statement_id),
});

const MEMBER_COLUMNS = 'report_id, outlet, published, ingest_order, speaker, words, statement_id';

/** The article's position in ingest order: its input order, else its insertion order. */
async function ingestOrderOf(tx: SqlRunner, articleId: string): Promise<number> {
  const row = await tx.get(
    `SELECT input_order, ${tx.dialect.insertionOrder} AS inserted FROM articles WHERE id = ?`,
    [articleId],
  );
  if (!row) return 0;
  return Number(row.input_order ?? row.inserted ?? 0);
}

/**
 * Stored reports of other articles sharing at least MIN_SHARED_KEYS of one of these `look` key
 * lists, per list: one query for the whole article (the database keeps only reports sharing at least
 * that many keys with the article as a whole, a superset), then the count per report here.
 */
async function candidatesOf(
  tx: SqlRunner,
  looks: ReadonlyArray<readonly number[]>,
  articleId: string,
): Promise<string[][]> {
  const keys = [...new Set(looks.flat().map(String))];
  if (keys.length === 0) return looks.map(() => []);
  const rows = await tx.all(
    `SELECT k.band, k.report_id FROM statements_keys k WHERE k.band IN ${inList(keys)} AND k.report_id IN (
       SELECT s.report_id FROM statements_keys s JOIN statements_reports r ON r.report_id = s.report_id
       WHERE s.band IN ${inList(keys)} AND r.article_id <> ? GROUP BY s.report_id HAVING count(*) >= ?)`,
    [...keys, ...keys, articleId, MIN_SHARED_KEYS],
  );
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    const band = String(r.band);
    const list = byKey.get(band);
    if (list) list.push(String(r.report_id));
    else byKey.set(band, [String(r.report_id)]);
  }
  return looks.map((look) => {
    const shared = new Map<string, number>();
    for (const key of new Set(look.map(String)))
      for (const id of byKey.get(key) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared].filter(([, n]) => n >= MIN_SHARED_KEYS).map(([id]) => id);
  });
}

async function profilesOf(tx: SqlRunner, ids: readonly string[], vocab: Vocabulary): Promise<Profile[]> {
  if (ids.length === 0) return [];
  const rows = await tx.all(`SELECT report FROM statements_reports WHERE report_id IN ${inList(ids)}`, ids);
  return rows.map((r) => profile(parseStoredReport(r.report), vocab));
}

/** Columns of a report row and of a key row, for bulk inserts (the store bench fills with them too). */
export const REPORT_COLUMNS: readonly Column[] = (
  [
    ['report_id', 'text'],
    ['article_id', 'text'],
    ['statement_id', 'text'],
    ['outlet', 'text'],
    ['published', 'text'],
    ['ingest_order', 'int'],
    ['speaker', 'text'],
    ['words', 'int'],
    ['report', 'text'],
  ] as const
).map(([name, type]) => ({ name, type }));

/** A report's row, filed as its own statement (in REPORT_COLUMNS order). */
export function reportRow(r: Report, words: number): unknown[] {
  return [
    r.id,
    r.article,
    r.id,
    r.outlet ?? null,
    r.published,
    r.ingestOrder,
    r.speaker,
    words,
    JSON.stringify(r),
  ];
}

/**
 * Files one article's reports (their rows and keys), links each to the stored reports of other
 * articles it matches, and returns the linked ids and how many candidates were compared. A fixed
 * number of statements per article, whatever its number of reports and keys: on PostgreSQL every
 * round trip counts.
 */
async function fileArticle(
  tx: SqlRunner,
  model: MatcherModel,
  reports: readonly Report[],
): Promise<{ linked: string[]; compared: number }> {
  if (reports.length === 0) return { linked: [], compared: 0 };
  const vocab = new Vocabulary();
  const own = reports.map((r) => profile(r, vocab));
  const keys = own.map((p) => blockKeys(p, DEFAULT_LSH, model));
  const candidates = await candidatesOf(
    tx,
    keys.map((k) => k.look),
    reports[0].article,
  );
  const stored = new Map(
    (await profilesOf(tx, [...new Set(candidates.flat())], vocab)).map((p) => [p.id, p]),
  );
  const links: string[][] = [];
  own.forEach((p, i) => {
    for (const id of candidates[i]) {
      const c = stored.get(id);
      // The pair in id order, as the batch build compares it.
      if (c && (c.id < p.id ? sameStatement(model, c, p) : sameStatement(model, p, c)))
        links.push(c.id < p.id ? [c.id, p.id] : [p.id, c.id]);
    }
  });
  const rows = reports.map((r, i) => reportRow(r, own[i].words.length));
  await tx.dialect.insertRows(tx, 'statements_reports', REPORT_COLUMNS, rows);
  const keyRows = reports.flatMap((r, i) => [...new Set(keys[i].file.map(String))].map((k) => [k, r.id]));
  await tx.dialect.insertRows(tx, 'statements_keys', KEY_COLUMNS, keyRows, 'ON CONFLICT DO NOTHING');
  await tx.dialect.insertRows(tx, 'statements_links', LINK_COLUMNS, links, 'ON CONFLICT DO NOTHING');
  const ownIds = new Set(reports.map((r) => r.id));
  const linked = [...new Set(links.flat().filter((id) => !ownIds.has(id)))];
  return { linked, compared: candidates.reduce((n, c) => n + c.length, 0) };
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
  const rows: unknown[][] = [];
  for (const group of components(members, links)) rows.push(await writeGroup(tx, group));
  await tx.dialect.insertRows(tx, 'statements_groups', GROUP_COLUMNS, rows);
}

const GROUP_COLUMNS: readonly Column[] = (
  [
    ['id', 'text'],
    ['fullest', 'text'],
    ['speaker', 'text'],
    ['reports', 'int'],
    ['outlets', 'int'],
    ['outlet_list', 'text'],
    ['published', 'text'],
    ['ingest_order', 'int'],
  ] as const
).map(([name, type]) => ({ name, type }));

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

/** Files a group's members under its origin (those filed elsewhere) and returns its summary row. */
async function writeGroup(tx: SqlRunner, group: Member[]): Promise<unknown[]> {
  const sorted = [...group].sort(compareReports);
  const origin = sorted[0];
  const fullest = sorted.reduce((best, m) => (m.words > best.words ? m : best), origin);
  const outlets = [...new Set(sorted.map((m) => m.outlet).filter((o): o is string => o !== null))].sort();
  const moved = sorted.filter((m) => m.statement !== origin.id).map((m) => m.id);
  if (moved.length)
    await tx.run(`UPDATE statements_reports SET statement_id = ? WHERE report_id IN ${inList(moved)}`, [
      origin.id,
      ...moved,
    ]);
  return [
    origin.id,
    fullest.id,
    origin.speaker ?? sorted.find((m) => m.speaker !== null)?.speaker ?? null,
    sorted.length,
    outlets.length,
    JSON.stringify(outlets),
    origin.published,
    origin.ingestOrder,
  ];
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

/**
 * Files one article's reports (none stored yet), links them and settles the statements they touch;
 * returns how many stored reports they were compared with. The `stored` step, from reports on.
 */
export async function fileReports(
  tx: SqlRunner,
  matcher: MatcherModel,
  reports: readonly Report[],
): Promise<number> {
  const { linked, compared } = await fileArticle(tx, matcher, reports);
  await settle(tx, [...reports.map((r) => r.id), ...(await statementsOf(tx, linked))]);
  return compared;
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
    // 2: the matcher's occasion features and inner-CV threshold (stored groupings are rebuilt).
    // 3: paraphrase similarity, speaker aliases, names-only contents unmatchable.
    // 4: the matcher refit on the gold with its near-threshold corpus pairs (session 13).
    // 5: reports keep the article's words for their speaker (`credit`), which drift reads.
    version: 5,
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
      comparisons = await fileReports(tx, matcher, reports);
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
