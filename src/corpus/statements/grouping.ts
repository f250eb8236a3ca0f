/**
 * Statements as groups of reports: two reports are linked when the precise comparison says they
 * report the same utterance, and a statement is a connected group of linked reports. Links are a
 * pure function of the two reports and candidates come from fixed LSH keys, so adding reports one
 * article at a time gives the same statements as a batch build over all of them.
 */
import { bandKeys, namespacedKey, type LshShape } from './minhash.js';
import {
  matchable,
  profile,
  sameStatement,
  shippedModel,
  Vocabulary,
  type MatcherModel,
  type Profile,
} from './similarity.js';
import type { Report, Statement } from './types.js';

export interface StatementIndexOptions {
  model?: MatcherModel;
  lsh?: LshShape;
  /** Keep the reports themselves (for drift and listing); off to hold only what matching needs. */
  keepReports?: boolean;
}

export const DEFAULT_LSH: LshShape = { bands: 32, rows: 2 };

/**
 * Words in more than a tenth of the articles (idf below log(10)) — "president", "campaign" — are
 * left out of LSH keys: they make unrelated reports collide without finding more of the same.
 */
export const LSH_MIN_IDF = Math.log(10);

/** The words a report's LSH keys are made of: its rarer content words, or all when none is rare. */
function lshWords(p: Profile): string[] {
  const rare = p.contentText.filter((_, i) => p.contentTextIdf[i] >= LSH_MIN_IDF);
  return rare.length ? rare : p.contentText;
}

/**
 * Candidates share at least two LSH bands: one shared band is mostly chance between unrelated
 * reports of a large speaker block; two keep 121 of the 155 same pairs of the gold as candidates.
 */
export const MIN_SHARED_BANDS = 2;

/** Earliest first: publication time (unknown last), then ingest order, then id. */
export function compareReports(a: ReportOrder, b: ReportOrder): number {
  const pa = a.published ?? '\uffff';
  const pb = b.published ?? '\uffff';
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.ingestOrder !== b.ingestOrder) return a.ingestOrder - b.ingestOrder;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
type ReportOrder = Pick<Report, 'id' | 'published' | 'ingestOrder'>;

interface Entry {
  order: ReportOrder;
  outlet?: string;
  profile: Profile;
  words: number;
  report?: Report;
}

/**
 * Speaker blocking in LSH keys: a named report is filed under its speaker key and under "*" (any
 * named); an unnamed one under "?". A named report looks in its own key and "?", an unnamed one in
 * "*" and "?" — so every pair of compatible speakers is looked up once, from either side.
 */
export function blockKeys(
  p: Profile,
  shape: LshShape,
  model: MatcherModel,
): { file: number[]; look: number[] } {
  if (!matchable(model, p)) return { file: [], look: [] };
  const bands = bandKeys(lshWords(p), shape);
  const under = (ns: string) => bands.map((b) => namespacedKey(ns, b));
  if (p.speakerKey)
    return { file: [...under(p.speakerKey), ...under('*')], look: [...under(p.speakerKey), ...under('?')] };
  return { file: under('?'), look: [...under('*'), ...under('?')] };
}

const BUCKET_SHARDS = 16;

export class StatementIndex {
  readonly model: MatcherModel;
  readonly lsh: LshShape;
  private readonly keep: boolean;
  private readonly vocab = new Vocabulary();
  private readonly entries = new Map<string, Entry>();
  /**
   * LSH buckets; a bucket of one report holds its id alone (most do: no array for them). Sharded:
   * one Map holds at most 2^24 entries, and a million reports file ~50 million keys.
   */
  private readonly buckets = Array.from(
    { length: BUCKET_SHARDS },
    () => new Map<number, string | string[]>(),
  );
  private readonly parent = new Map<string, string>();
  /** Comparisons made by the last add (for the bench). */
  lastComparisons = 0;

  constructor(options: StatementIndexOptions = {}) {
    this.model = options.model ?? shippedModel();
    this.lsh = options.lsh ?? DEFAULT_LSH;
    this.keep = options.keepReports ?? true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds one report, links it to the reports it matches, and returns their ids. */
  add(report: Report): string[] {
    return this.addArticle([report])[0];
  }

  /**
   * Adds the reports of one article and returns, for each, the ids it linked to. Reports of one
   * article never link to each other, so every report looks up its candidates before any of the
   * article's own are filed: the cost grows with the article's reports times their candidates in
   * other articles, never with the square of its own (an article repeating one attribution 3,000
   * times would otherwise scan its own growing buckets each time).
   */
  addArticle(reports: readonly Report[]): string[][] {
    const ids = new Set<string>();
    for (const r of reports) {
      if (this.entries.has(r.id) || ids.has(r.id)) throw new Error(`report ${r.id} is already in the index`);
      ids.add(r.id);
    }
    const added = reports.map((report) => {
      const entry = this.entry(report);
      const { file, look } = blockKeys(entry.profile, this.lsh, this.model);
      return { entry, file, candidates: this.candidates(look, report.id) };
    });
    this.lastComparisons = added.reduce((n, a) => n + a.candidates.length, 0);
    const linkedIds = added.map(({ entry, candidates }) => {
      const p = entry.profile;
      this.entries.set(p.id, entry);
      this.parent.set(p.id, p.id);
      const linked: string[] = [];
      for (const id of candidates) {
        const q = this.entries.get(id)!.profile;
        // The pair in id order, as the batch build and the store compare it.
        if (id < p.id ? sameStatement(this.model, q, p) : sameStatement(this.model, p, q)) {
          this.union(id, p.id);
          linked.push(id);
        }
      }
      return linked;
    });
    for (const { entry, file } of added) for (const key of file) this.file(key, entry.profile.id);
    return linkedIds;
  }

  /**
   * Reports sharing at least MIN_SHARED_BANDS of these keys: a pairwise rule (the same from either
   * side, whatever else is filed), so incremental and batch builds compare the same pairs.
   */
  private candidates(look: readonly number[], self: string): string[] {
    const shared = new Map<string, number>();
    for (const key of look)
      for (const id of this.bucket(key)) if (id !== self) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared].filter(([, n]) => n >= MIN_SHARED_BANDS).map(([id]) => id);
  }

  private shard(key: number): Map<number, string | string[]> {
    return this.buckets[key % BUCKET_SHARDS];
  }

  private bucket(key: number): readonly string[] {
    const b = this.shard(key).get(key);
    return b === undefined ? [] : typeof b === 'string' ? [b] : b;
  }

  private file(key: number, id: string): void {
    const shard = this.shard(key);
    const b = shard.get(key);
    if (b === undefined) shard.set(key, id);
    else if (typeof b === 'string') shard.set(key, [b, id]);
    else b.push(id);
  }

  private entry(report: Report): Entry {
    const p = profile(report, this.vocab);
    // The context has served the profile; the kept report need not hold it.
    const { context: _context, ...kept } = report;
    return {
      order: { id: report.id, published: report.published, ingestOrder: report.ingestOrder },
      outlet: report.outlet,
      profile: p,
      words: p.words.length,
      report: this.keep ? kept : undefined,
    };
  }

  protected union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }

  private find(id: string): string {
    let r = id;
    while (this.parent.get(r) !== r) r = this.parent.get(r)!;
    for (let x = id; x !== r;) {
      const next = this.parent.get(x)!;
      this.parent.set(x, r);
      x = next;
    }
    return r;
  }

  protected profileOf(id: string): Profile {
    return this.entries.get(id)!.profile;
  }

  report(id: string): Report | undefined {
    return this.entries.get(id)?.report;
  }

  /** Whether two reports are in one statement. */
  together(a: string, b: string): boolean {
    return this.entries.has(a) && this.entries.has(b) && this.find(a) === this.find(b);
  }

  /** The statement a report belongs to. */
  statementOf(id: string): Statement | undefined {
    if (!this.entries.has(id)) return undefined;
    const root = this.find(id);
    return this.describe([...this.entries.keys()].filter((x) => this.find(x) === root));
  }

  /** Every statement with at least `minReports` reports, largest first, then by origin id. */
  statements(minReports = 2): Statement[] {
    const groups = new Map<string, string[]>();
    for (const id of this.entries.keys()) {
      const root = this.find(id);
      const g = groups.get(root);
      if (g) g.push(id);
      else groups.set(root, [id]);
    }
    return [...groups.values()]
      .filter((g) => g.length >= minReports)
      .map((g) => this.describe(g))
      .sort((a, b) => b.reports.length - a.reports.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private describe(ids: string[]): Statement {
    const entries = ids.map((id) => this.entries.get(id)!).sort((a, b) => compareReports(a.order, b.order));
    const fullest = entries.reduce((best, e) => (e.words > best.words ? e : best), entries[0]);
    const outlets = [
      ...new Set(entries.map((e) => e.outlet).filter((o): o is string => o !== undefined)),
    ].sort();
    const origin = entries[0].order.id;
    return {
      id: origin,
      origin,
      fullest: fullest.order.id,
      reports: entries.map((e) => e.order.id),
      outlets,
    };
  }
}

/** Builds the statements of a whole set of reports at once. */
export function buildStatementIndex(
  reports: readonly Report[],
  options: StatementIndexOptions = {},
): StatementIndex {
  const index = new BatchIndex(options);
  index.build(reports);
  return index;
}

class BatchIndex extends StatementIndex {
  /**
   * Article by article (in the order given): links are a pure function of two reports and the
   * candidate rule is the same from either side, so this gives the grouping of any incremental order.
   */
  build(reports: readonly Report[]): void {
    const byArticle = new Map<string, Report[]>();
    for (const r of reports) {
      const list = byArticle.get(r.article);
      if (list) list.push(r);
      else byArticle.set(r.article, [r]);
    }
    for (const list of byArticle.values()) this.addArticle(list);
  }
}
