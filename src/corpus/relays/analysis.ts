/**
 * Relay chains as a corpus analysis: every `via` of every attribution ("…, the Continental Wire
 * reported", "told AFP", "according to Reuters", "citing Russian media") filed as one row — the
 * publishing outlet, the outlet it credits, and what that outlet cites — so the outlet graph (who
 * cites whom, how often) is a GROUP BY over a table, whatever the size of the corpus. Rows are a pure
 * function of one article, so any order of stored articles and a batch rebuild give the same table.
 */
import type { Analysis } from '../../model/index.js';
import type { Migration, SqlRunner, StoredAnalysis } from '../../store/index.js';
import type { CorpusAnalysis } from '../analysis.js';
import { fullerName, namedOutletKeys, outletKey, sameOutlet } from './names.js';

export const RELAYS_ANALYSIS_NAME = 'relays';

export const RELAYS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `CREATE TABLE relays_edges (article_id TEXT NOT NULL, attribution_id TEXT NOT NULL, seq INTEGER NOT NULL,
        outlet TEXT, outlet_key TEXT, relay TEXT NOT NULL, relay_key TEXT NOT NULL, relay_start INTEGER,
        relay_end INTEGER, cue TEXT NOT NULL, citing TEXT, citing_key TEXT, citing_start INTEGER,
        citing_end INTEGER, published TEXT, own INTEGER NOT NULL, PRIMARY KEY (article_id, attribution_id, seq));
      CREATE INDEX relays_edges_relay ON relays_edges (relay_key);
      CREATE INDEX relays_edges_outlet ON relays_edges (outlet_key)`,
  },
];

/** Outlet keys the article names in full: its relays, what they cite, and its news-media actors. */
function namedOutlets(analysis: Analysis): string[] {
  const names = analysis.attributions.flatMap((a) =>
    a.via.flatMap((v) => [v.outlet, ...(v.citing ? [v.citing.text] : [])]),
  );
  for (const actor of analysis.actors) if (actor.cameo?.endsWith('MED')) names.push(actor.name);
  return namedOutletKeys(names);
}

async function fileArticle(tx: SqlRunner, article: StoredAnalysis): Promise<void> {
  const outlet = article.outlet ?? article.analysis.meta.outlet ?? null;
  const key = outlet === null ? null : outletKey(outlet);
  // "the Post" after "the Washington Post reported": the short name is the one the article named.
  const named = namedOutlets(article.analysis);
  const keyOf = (name: string) => fullerName(outletKey(name), named);
  for (const a of article.analysis.attributions) {
    for (const [seq, via] of a.via.entries()) {
      const relayKey = keyOf(via.outlet);
      if (!relayKey) continue;
      const citing = via.citing?.text ?? null;
      await tx.run(
        `INSERT INTO relays_edges (article_id, attribution_id, seq, outlet, outlet_key, relay, relay_key,
           relay_start, relay_end, cue, citing, citing_key, citing_start, citing_end, published, own)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          article.id,
          a.id,
          seq,
          outlet,
          key,
          via.outlet,
          relayKey,
          via.outletSpan?.start ?? null,
          via.outletSpan?.end ?? null,
          via.cue.text,
          citing,
          citing === null ? null : keyOf(citing),
          via.citing?.start ?? null,
          via.citing?.end ?? null,
          article.published,
          key !== null && sameOutlet(key, relayKey) ? 1 : 0,
        ],
      );
    }
  }
}

export function relaysAnalysis(): CorpusAnalysis {
  return {
    name: RELAYS_ANALYSIS_NAME,
    // 2: a short name ("the Post") keyed as the fuller one its article names ("Washington Post").
    version: 2,
    migrations: RELAYS_MIGRATIONS,
    async stored(tx, article) {
      await tx.run('DELETE FROM relays_edges WHERE article_id = ?', [article.id]);
      await fileArticle(tx, article);
    },
    async removed(tx, articleId) {
      await tx.run('DELETE FROM relays_edges WHERE article_id = ?', [articleId]);
    },
    async reset(tx) {
      await tx.run('DELETE FROM relays_edges');
    },
  };
}
