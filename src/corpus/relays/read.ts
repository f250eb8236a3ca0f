/**
 * Reading the relay table: the outlet graph (publishing outlet → outlet it credits → what that one
 * cites, with counts) and the relays behind one edge, each taken back to the relayed outlet's own
 * report of the same statement when the corpus holds it.
 */
import type { Row, SqlRunner, Store } from '../../store/index.js';
import { outletKey, sameOutlet } from './names.js';

export type RelayEdgeKind = 'credits' | 'cites';

export interface OutletNode {
  /** The outlet's key (lower case, no leading article). */
  id: string;
  /** Its most frequent spelling. */
  label: string;
  /** Articles of this outlet the corpus holds. */
  articles: number;
  /** How often others credit or cite it. */
  cited: number;
  /** How often it credits or cites another. */
  citing: number;
}

export interface OutletEdge {
  from: string;
  to: string;
  /** `credits`: an article of `from` credits `to` ("…, the Wire reported"); `cites`: `from` is credited citing `to`. */
  kind: RelayEdgeKind;
  count: number;
}

export interface OutletGraph {
  nodes: OutletNode[];
  edges: OutletEdge[];
}

export interface RelayQuery {
  /** The publishing (or, for `cites`, the credited) outlet, any spelling. */
  from?: string;
  /** The credited (or cited) outlet, any spelling. */
  to?: string;
  limit: number;
  offset: number;
}

/** A report elsewhere in the corpus: the relayed outlet's own article of the same statement. */
export interface RelayedReport {
  report: string;
  article: string;
  outlet: string | null;
  published: string | null;
}

export interface Relay {
  article: string;
  attribution: string;
  /** The report id of the statements analysis (`<article>#<attribution>`). */
  report: string;
  outlet: string | null;
  published: string | null;
  relay: { text: string; start: number | null; end: number | null };
  cue: string;
  citing: { text: string; start: number | null; end: number | null } | null;
  /** The statement the report belongs to, when the statements analysis holds it. */
  statement: string | null;
  relayed: RelayedReport[];
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Most frequent spelling of each key, ties to the shortest then the first in code order; a short
 * name keyed as a fuller one ("Post" as "washington post") labels it only when no full spelling does.
 */
function labels(spellings: Array<[string, string, number]>): Map<string, string> {
  const full = new Set(spellings.filter(([key, text]) => outletKey(text) === key).map(([key]) => key));
  const counts = new Map<string, Map<string, number>>();
  for (const [key, text, n] of spellings) {
    if (full.has(key) && outletKey(text) !== key) continue;
    const clean = text.replace(/^the\s+/iu, '').trim();
    const m = counts.get(key) ?? new Map<string, number>();
    m.set(clean, (m.get(clean) ?? 0) + n);
    counts.set(key, m);
  }
  const out = new Map<string, string>();
  for (const [key, m] of counts) {
    const best = [...m].sort(
      (a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
    )[0];
    out.set(key, best[0]);
  }
  return out;
}

async function edgeRows(db: SqlRunner): Promise<Row[]> {
  return db.all(
    `SELECT 'credits' AS kind, outlet_key AS a, relay_key AS b,
       count(DISTINCT article_id || ':' || coalesce(relay_start, -1)) AS n FROM relays_edges
       WHERE outlet_key IS NOT NULL AND outlet_key <> '' AND own = 0 GROUP BY outlet_key, relay_key
     UNION ALL
     SELECT 'cites' AS kind, relay_key AS a, citing_key AS b,
       count(DISTINCT article_id || ':' || coalesce(citing_start, -1)) AS n FROM relays_edges
       WHERE citing_key IS NOT NULL AND citing_key <> '' AND citing_key <> relay_key GROUP BY relay_key, citing_key`,
  );
}

async function spellingRows(db: SqlRunner): Promise<Array<[string, string, number]>> {
  const rows = await db.all(
    `SELECT outlet_key AS k, outlet AS t, count(*) AS n FROM relays_edges WHERE outlet_key IS NOT NULL GROUP BY outlet_key, outlet
     UNION ALL SELECT relay_key AS k, relay AS t, count(*) AS n FROM relays_edges GROUP BY relay_key, relay
     UNION ALL SELECT citing_key AS k, citing AS t, count(*) AS n FROM relays_edges WHERE citing_key IS NOT NULL GROUP BY citing_key, citing`,
  );
  return rows.map((r) => [String(r.k), String(r.t), Number(r.n)]);
}

/**
 * The outlet graph: every credit and citation with its count, heaviest first, and the outlets they
 * join. A count is of places in articles: one "told CNN" that two attributions share counts once.
 */
export async function outletGraph(
  store: Store,
  q: { minCount: number; limit: number },
): Promise<OutletGraph> {
  return store.sql.read(async (db) => {
    const edges: OutletEdge[] = (await edgeRows(db))
      .map((r) => ({
        from: String(r.a),
        to: String(r.b),
        kind: String(r.kind) as RelayEdgeKind,
        count: Number(r.n),
      }))
      .filter((e) => e.count >= q.minCount)
      .sort(
        (x, y) => y.count - x.count || (x.from + x.to < y.from + y.to ? -1 : 1) || (x.kind < y.kind ? -1 : 1),
      )
      .slice(0, q.limit);
    const names = labels(await spellingRows(db));
    const held = new Map<string, number>();
    for (const r of await db.all(
      'SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet',
    )) {
      const k = outletKey(String(r.outlet));
      held.set(k, (held.get(k) ?? 0) + Number(r.n));
    }
    const nodes = new Map<string, OutletNode>();
    const node = (id: string) => {
      let n = nodes.get(id);
      if (!n)
        nodes.set(
          id,
          (n = { id, label: names.get(id) ?? id, articles: held.get(id) ?? 0, cited: 0, citing: 0 }),
        );
      return n;
    };
    for (const e of edges) {
      node(e.from).citing += e.count;
      node(e.to).cited += e.count;
    }
    return { nodes: [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), edges };
  });
}

/** The relayed outlet's own reports of the statement this report belongs to. */
async function relayedReports(
  db: SqlRunner,
  report: string,
  article: string,
  relayKey: string,
): Promise<{ statement: string | null; relayed: RelayedReport[] }> {
  const owner = await db.get('SELECT statement_id FROM statements_reports WHERE report_id = ?', [report]);
  if (!owner) return { statement: null, relayed: [] };
  const rows = await db.all(
    `SELECT report_id, article_id, outlet, published FROM statements_reports
     WHERE statement_id = ? AND article_id <> ? AND outlet IS NOT NULL ORDER BY published, report_id`,
    [owner.statement_id, article],
  );
  return {
    statement: String(owner.statement_id),
    relayed: rows
      .filter((r) => sameOutlet(outletKey(String(r.outlet)), relayKey))
      .map((r) => ({
        report: String(r.report_id),
        article: String(r.article_id),
        outlet: str(r.outlet),
        published: str(r.published),
      })),
  };
}

/** The relays behind an edge (or all), newest first, each with the relayed outlet's own report when held. */
export async function listRelays(store: Store, q: RelayQuery): Promise<{ total: number; items: Relay[] }> {
  return store.sql.read(async (db) => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.from) {
      where.push('(outlet_key = ? OR (citing_key IS NOT NULL AND relay_key = ?))');
      params.push(outletKey(q.from), outletKey(q.from));
    }
    if (q.to) {
      where.push('(relay_key = ? OR citing_key = ?)');
      params.push(outletKey(q.to), outletKey(q.to));
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = Number((await db.get(`SELECT count(*) AS n FROM relays_edges ${filter}`, params))?.n ?? 0);
    const rows = await db.all(
      `SELECT * FROM relays_edges ${filter}
       ORDER BY published DESC, article_id, attribution_id, seq LIMIT ? OFFSET ?`,
      [...params, q.limit, q.offset],
    );
    const items: Relay[] = [];
    for (const r of rows) {
      const article = String(r.article_id);
      const report = `${article}#${String(r.attribution_id)}`;
      items.push({
        article,
        attribution: String(r.attribution_id),
        report,
        outlet: str(r.outlet),
        published: str(r.published),
        relay: { text: String(r.relay), start: num(r.relay_start), end: num(r.relay_end) },
        cue: String(r.cue),
        citing:
          r.citing === null || r.citing === undefined
            ? null
            : { text: String(r.citing), start: num(r.citing_start), end: num(r.citing_end) },
        ...(await relayedReports(db, report, article, String(r.relay_key))),
      });
    }
    return { total, items };
  });
}
