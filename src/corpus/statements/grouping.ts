/**
 * Statements as groups of reports: two reports are linked when the precise comparison says they
 * report the same utterance, and a statement is a connected group of linked reports. Links are a
 * pure function of the two reports and candidates come from fixed LSH keys, so adding reports one
 * article at a time gives the same statements as a batch build over all of them.
 */
import { bandKeys, namespacedKey, type LshShape } from './minhash.js';
import { Entries } from './entries.js';
import { KeyTable } from './key-table.js';
import {
  expandProfile,
  matchable,
  profileCore,
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

/**
 * Reports in disjoint sets (union-find over report numbers), each set also a cycle through its
 * members, so one statement's reports are listed without scanning the others.
 */
class DisjointSets {
  private parent = new Int32Array(1024);
  private nextMember = new Int32Array(1024);

  /** Adds `n`, the next number, as a set of its own. */
  add(n: number): void {
    if (n === this.parent.length) {
      for (const name of ['parent', 'nextMember'] as const) {
        const grown = new Int32Array(n * 2);
        grown.set(this[name]);
        this[name] = grown;
      }
    }
    this.parent[n] = n;
    this.nextMember[n] = n;
  }

  find(n: number): number {
    let r = n;
    while (this.parent[r] !== r) r = this.parent[r];
    for (let x = n; x !== r;) {
      const next = this.parent[x];
      this.parent[x] = r;
      x = next;
    }
    return r;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent[ra] = rb;
    // Splicing two cycles into one: swap their successors.
    const t = this.nextMember[ra];
    this.nextMember[ra] = this.nextMember[rb];
    this.nextMember[rb] = t;
  }

  members(n: number): number[] {
    const out = [n];
    for (let x = this.nextMember[n]; x !== n; x = this.nextMember[x]) out.push(x);
    return out;
  }
}

export class StatementIndex {
  readonly model: MatcherModel;
  readonly lsh: LshShape;
  private readonly keep: boolean;
  private readonly vocab = new Vocabulary();
  /** Report id → report number (its row in `entries`, in order of adding). */
  private readonly numbers = new Map<string, number>();
  private readonly entries = new Entries();
  private readonly buckets = new KeyTable();
  private readonly sets = new DisjointSets();
  /** Shared bands per candidate while one report is looked up (zeroed after). */
  private shared = new Int32Array(1024);
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

  /** LSH keys and postings filed (for the bench). */
  get keyCount(): { keys: number; postings: number } {
    return this.buckets.size;
  }

  /** Adds one report, links it to the reports it matches, and returns their ids. */
  add(report: Report): string[] {
    return this.addArticle([report])[0];
  }

  /**
   * Adds the reports of one article and returns, for each, the ids it linked to (in order of
   * adding). Reports of one article never link to each other, so every report looks up its
   * candidates before any of the article's own are filed: the cost grows with the article's reports
   * times their candidates in other articles, never with the square of its own (an article
   * repeating one attribution 3,000 times would otherwise scan its own growing buckets each time).
   */
  addArticle(reports: readonly Report[]): string[][] {
    const ids = new Set<string>();
    for (const r of reports) {
      if (this.numbers.has(r.id) || ids.has(r.id)) throw new Error(`report ${r.id} is already in the index`);
      ids.add(r.id);
    }
    const added = reports.map((report) => {
      const core = profileCore(report, this.vocab);
      const p = expandProfile(core, this.vocab);
      const { file, look } = blockKeys(p, this.lsh, this.model);
      return { report, core, p, file, candidates: this.candidates(look) };
    });
    this.lastComparisons = added.reduce((n, a) => n + a.candidates.length, 0);
    const linkedIds = added.map(({ report, core, p, candidates }) => {
      // The context has served the profile; the kept report need not hold it.
      const { context: _context, ...kept } = report;
      const n = this.entries.add(kept, core, this.keep);
      this.numbers.set(p.id, n);
      this.sets.add(n);
      const linked: string[] = [];
      for (const c of candidates) {
        const q = this.entries.profile(c, this.vocab);
        // The pair in id order, as the batch build and the store compare it.
        if (q.id < p.id ? sameStatement(this.model, q, p) : sameStatement(this.model, p, q)) {
          this.sets.union(c, n);
          linked.push(q.id);
        }
      }
      return linked;
    });
    for (const { p, file } of added) {
      const n = this.numbers.get(p.id)!;
      for (const key of file) this.buckets.add(key, n);
    }
    return linkedIds;
  }

  /**
   * Reports sharing at least MIN_SHARED_BANDS of these keys, in order of adding: a pairwise rule
   * (the same from either side, whatever else is filed), so incremental and batch builds compare
   * the same pairs.
   */
  private candidates(look: readonly number[]): number[] {
    if (this.shared.length < this.entries.size) {
      this.shared = new Int32Array(Math.max(this.entries.size, this.shared.length * 2));
    }
    const shared = this.shared;
    const seen: number[] = [];
    const count = (n: number) => {
      if (shared[n]++ === 0) seen.push(n);
    };
    for (const key of look) this.buckets.forEach(key, count);
    const out = seen.filter((n) => shared[n] >= MIN_SHARED_BANDS).sort((a, b) => a - b);
    for (const n of seen) shared[n] = 0;
    return out;
  }

  protected profileOf(id: string): Profile {
    return this.entries.profile(this.numbers.get(id)!, this.vocab);
  }

  report(id: string): Report | undefined {
    const n = this.numbers.get(id);
    return n === undefined ? undefined : this.entries.report(n);
  }

  /** Whether two reports are in one statement. */
  together(a: string, b: string): boolean {
    const na = this.numbers.get(a);
    const nb = this.numbers.get(b);
    return na !== undefined && nb !== undefined && this.sets.find(na) === this.sets.find(nb);
  }

  /** The statement a report belongs to (its own reports only are read). */
  statementOf(id: string): Statement | undefined {
    const n = this.numbers.get(id);
    return n === undefined ? undefined : this.describe(this.sets.members(n));
  }

  /** Every statement with at least `minReports` reports, largest first, then by origin id. */
  statements(minReports = 2): Statement[] {
    const groups = new Map<number, number[]>();
    for (let n = 0; n < this.entries.size; n++) {
      const root = this.sets.find(n);
      const g = groups.get(root);
      if (g) g.push(n);
      else groups.set(root, [n]);
    }
    return [...groups.values()]
      .filter((g) => g.length >= minReports)
      .map((g) => this.describe(g))
      .sort((a, b) => b.reports.length - a.reports.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private describe(members: number[]): Statement {
    const e = this.entries;
    const entries = members
      .map((n) => ({ n, order: e.order(n) }))
      .sort((a, b) => compareReports(a.order, b.order));
    const fullest = entries.reduce((best, x) => (e.words(x.n) > e.words(best.n) ? x : best), entries[0]);
    const outlets = [
      ...new Set(entries.map((x) => e.outlet(x.n)).filter((o): o is string => o !== null)),
    ].sort();
    const origin = entries[0].order.id;
    return {
      id: origin,
      origin,
      fullest: fullest.order.id,
      reports: entries.map((x) => x.order.id),
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
