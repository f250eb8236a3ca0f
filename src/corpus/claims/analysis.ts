/**
 * Claim tracing as a corpus analysis: an unattributed claim of one article (the attribution stage's
 * `claims`: asserted as fact, no source) is linked to reports in other articles that assert it with
 * a source. A claim is read as a report without a speaker and compared with the statements matcher
 * (its LSH keys and its precise comparison, through the statements module's public entry): a new
 * claim looks up the stored reports, a new report looks up the stored claims, so a link is found
 * whichever article came first, and links are a pure function of the two — any order and a batch
 * rebuild give the same traces. It runs after the statements analysis, whose tables it reads.
 */
import type { Analysis } from '../../model/index.js';
import type { Migration, SqlRunner, StoredAnalysis } from '../../store/index.js';
import { inList } from '../../store/sql/adapter.js';
import type { CorpusAnalysis } from '../analysis.js';
import { STATEMENTS_LOCK, statementsAnalysis } from '../statements/analysis.js';
import {
  blockKeys,
  contextAround,
  DEFAULT_LSH,
  MIN_SHARED_BANDS,
  profile,
  sameStatement,
  shippedModel,
  Vocabulary,
  type MatcherModel,
  type Profile,
  type Report,
} from '../statements/index.js';
import { parseStoredReport } from '../statements/stored.js';

export const CLAIMS_ANALYSIS_NAME = 'claims';

/** The version of what `stored` writes; the analysis's version also follows the statements'. */
const CLAIMS_VERSION = 1;

export const CLAIMS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `CREATE TABLE claims_items (claim_id TEXT PRIMARY KEY, article_id TEXT NOT NULL, outlet TEXT,
        published TEXT, reason TEXT NOT NULL, report TEXT NOT NULL);
      CREATE INDEX claims_items_article ON claims_items (article_id);
      CREATE TABLE claims_keys (band TEXT NOT NULL, claim_id TEXT NOT NULL, PRIMARY KEY (band, claim_id));
      CREATE INDEX claims_keys_claim ON claims_keys (claim_id);
      CREATE TABLE claims_links (claim_id TEXT NOT NULL, report_id TEXT NOT NULL, claim_article TEXT NOT NULL,
        report_article TEXT NOT NULL, PRIMARY KEY (claim_id, report_id));
      CREATE INDEX claims_links_report ON claims_links (report_article);
      CREATE INDEX claims_links_claim ON claims_links (claim_article)`,
  },
];

/** An article's claims as reports without a speaker, cue or via: what the matcher compares. */
export function claimReports(analysis: Analysis, article: StoredAnalysis): Report[] {
  return analysis.claims.map((c) => ({
    id: `${article.id}#${c.id}`,
    article: article.id,
    ...(article.outlet ? { outlet: article.outlet } : {}),
    published: article.published,
    ingestOrder: 0,
    speaker: null,
    cue: [],
    content: [{ start: c.start, end: c.end, text: c.text }],
    form: 'indirect' as const,
    context: contextAround(analysis.text, [c]),
  }));
}

/** Reports of other articles sharing at least MIN_SHARED_BANDS of the keys (as the statements analysis finds them). */
async function candidateReports(
  tx: SqlRunner,
  look: readonly number[],
  articleId: string,
): Promise<string[]> {
  const keys = [...new Set(look.map(String))];
  if (keys.length === 0) return [];
  const rows = await tx.all(
    `SELECT k.report_id FROM statements_keys k JOIN statements_reports r ON r.report_id = k.report_id
     WHERE k.band IN ${inList(keys)} AND r.article_id <> ? GROUP BY k.report_id HAVING count(*) >= ?`,
    [...keys, articleId, MIN_SHARED_BANDS],
  );
  return rows.map((r) => String(r.report_id));
}

async function reportsById(
  tx: SqlRunner,
  table: string,
  column: string,
  ids: readonly string[],
): Promise<Report[]> {
  if (ids.length === 0) return [];
  const rows = await tx.all(`SELECT report FROM ${table} WHERE ${column} IN ${inList(ids)}`, ids);
  return rows.map((r) => parseStoredReport(r.report));
}

/** The pair in id order, as the statements analysis compares it. */
const same = (model: MatcherModel, x: Profile, y: Profile) =>
  x.id < y.id ? sameStatement(model, x, y) : sameStatement(model, y, x);

async function link(tx: SqlRunner, claim: Profile, report: Profile): Promise<void> {
  await tx.run(
    `INSERT INTO claims_links (claim_id, report_id, claim_article, report_article) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
    [claim.id, report.id, claim.article, report.article],
  );
}

/** Files the article's claims and links them to stored reports of other articles. */
async function fileClaims(tx: SqlRunner, model: MatcherModel, article: StoredAnalysis, vocab: Vocabulary) {
  for (const [i, claim] of claimReports(article.analysis, article).entries()) {
    const own = profile(claim, vocab);
    const { file, look } = blockKeys(own, DEFAULT_LSH, model);
    await tx.run(
      'INSERT INTO claims_items (claim_id, article_id, outlet, published, reason, report) VALUES (?, ?, ?, ?, ?, ?)',
      [
        claim.id,
        article.id,
        article.outlet,
        article.published,
        article.analysis.claims[i].reason,
        JSON.stringify(claim),
      ],
    );
    for (const key of new Set(file.map(String)))
      await tx.run('INSERT INTO claims_keys (band, claim_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [
        key,
        claim.id,
      ]);
    const found = await reportsById(
      tx,
      'statements_reports',
      'report_id',
      await candidateReports(tx, look, article.id),
    );
    for (const r of found) {
      const other = profile(r, vocab);
      if (same(model, own, other)) await link(tx, own, other);
    }
  }
}

/** Keys looked up per query: well under the parameter limits of both backends. */
const KEY_CHUNK = 500;

/** Stored claims of other articles filed under any of `keys`: claim id → its keys among them. */
async function claimKeys(
  tx: SqlRunner,
  keys: readonly string[],
  articleId: string,
): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  for (let i = 0; i < keys.length; i += KEY_CHUNK) {
    const chunk = keys.slice(i, i + KEY_CHUNK);
    const rows = await tx.all(
      `SELECT k.band, k.claim_id FROM claims_keys k JOIN claims_items c ON c.claim_id = k.claim_id
       WHERE k.band IN ${inList(chunk)} AND c.article_id <> ?`,
      [...chunk, articleId],
    );
    for (const r of rows) {
      const id = String(r.claim_id);
      const set = found.get(id) ?? new Set<string>();
      set.add(String(r.band));
      found.set(id, set);
    }
  }
  return found;
}

/**
 * Links the article's reports (already filed by the statements analysis) to stored claims of other
 * articles. The keys of all its reports are looked up together, so an article of thousands of
 * reports costs a few queries, not one per report.
 */
async function traceReports(tx: SqlRunner, model: MatcherModel, articleId: string, vocab: Vocabulary) {
  const reports = (await reportsById(tx, 'statements_reports', 'article_id', [articleId])).map((r) => {
    const own = profile(r, vocab);
    return { own, look: new Set(blockKeys(own, DEFAULT_LSH, model).look.map(String)) };
  });
  const stored = await claimKeys(tx, [...new Set(reports.flatMap((r) => [...r.look]))], articleId);
  if (stored.size === 0) return;
  const claims = new Map(
    (await reportsById(tx, 'claims_items', 'claim_id', [...stored.keys()])).map((c) => [
      c.id,
      profile(c, vocab),
    ]),
  );
  for (const { own, look } of reports)
    for (const [id, keys] of stored) {
      let shared = 0;
      for (const k of keys) if (look.has(k)) shared++;
      const claim = claims.get(id);
      if (claim && shared >= MIN_SHARED_BANDS && same(model, claim, own)) await link(tx, claim, own);
    }
}

async function removeArticle(tx: SqlRunner, articleId: string): Promise<void> {
  await tx.run(
    'DELETE FROM claims_keys WHERE claim_id IN (SELECT claim_id FROM claims_items WHERE article_id = ?)',
    [articleId],
  );
  await tx.run('DELETE FROM claims_items WHERE article_id = ?', [articleId]);
  await tx.run('DELETE FROM claims_links WHERE claim_article = ? OR report_article = ?', [
    articleId,
    articleId,
  ]);
}

/** The claims analysis, with the shipped statements matcher unless a test gives another. */
export function claimsAnalysis(model?: MatcherModel): CorpusAnalysis {
  let matcher = model;
  // Links are the statements matcher's verdicts: a new statements version (a new matcher) rebuilds them too.
  const version = 1000 * CLAIMS_VERSION + statementsAnalysis().version;
  return {
    name: CLAIMS_ANALYSIS_NAME,
    version,
    migrations: CLAIMS_MIGRATIONS,
    async stored(tx, article) {
      // The statements lock: a concurrent writer's reports and this article's claims never miss each other.
      await tx.dialect.lock(tx, [STATEMENTS_LOCK]);
      await removeArticle(tx, article.id);
      matcher ??= shippedModel();
      const vocab = new Vocabulary();
      await fileClaims(tx, matcher, article, vocab);
      await traceReports(tx, matcher, article.id, vocab);
    },
    async removed(tx, articleId) {
      await tx.dialect.lock(tx, [STATEMENTS_LOCK]);
      await removeArticle(tx, articleId);
    },
    async reset(tx) {
      for (const table of ['claims_keys', 'claims_links', 'claims_items'])
        await tx.run(`DELETE FROM ${table}`);
    },
  };
}
