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

export class StatementIndex {
  readonly model: MatcherModel;
  readonly lsh: LshShape;
  private readonly keep: boolean;
  private readonly vocab = new Vocabulary();
  private readonly entries = new Map<string, Entry>();
  /** LSH buckets; a bucket of one report holds its id alone (most do: no array for them). */
  private readonly buckets = new Map<number, string | string[]>();
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
    if (this.entries.has(report.id)) throw new Error(`report ${report.id} is already in the index`);
    const entry = this.entry(report);
    const { file, look } = blockKeys(entry.profile, this.lsh, this.model);
    const candidates = this.candidates(look, report.id);
    this.lastComparisons = candidates.length;
    const linked: string[] = [];
    this.entries.set(report.id, entry);
    this.parent.set(report.id, report.id);
    for (const id of candidates) {
      if (sameStatement(this.model, this.entries.get(id)!.profile, entry.profile)) {
        this.union(id, report.id);
        linked.push(id);
      }
    }
    for (const key of file) this.file(key, report.id);
    return linked;
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

  private bucket(key: number): readonly string[] {
    const b = this.buckets.get(key);
    return b === undefined ? [] : typeof b === 'string' ? [b] : b;
  }

  private file(key: number, id: string): void {
    const b = this.buckets.get(key);
    if (b === undefined) this.buckets.set(key, id);
    else if (typeof b === 'string') this.buckets.set(key, [b, id]);
    else b.push(id);
  }

  /** Adds the reports of one article (they never link to each other). */
  addArticle(reports: readonly Report[]): void {
    for (const r of reports) this.add(r);
  }

  /** Files reports without comparing (for a batch build that links them itself). */
  protected fileOnly(report: Report): { entry: Entry; file: number[] } {
    const entry = this.entry(report);
    this.entries.set(report.id, entry);
    this.parent.set(report.id, report.id);
    return { entry, file: blockKeys(entry.profile, this.lsh, this.model).file };
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

  /** Compares every pair that shares a filed key; used by the batch build. */
  protected linkFiled(keysById: Map<string, number[]>): void {
    for (const [id, keys] of keysById) for (const key of keys) this.file(key, id);
    const done = new Set<string>();
    for (const id of keysById.keys()) {
      const p = this.profileOf(id);
      for (const other of this.candidates(blockKeys(p, this.lsh, this.model).look, id)) {
        const pairKey = id < other ? `${id}\u0000${other}` : `${other}\u0000${id}`;
        if (done.has(pairKey)) continue;
        done.add(pairKey);
        const q = this.profileOf(other);
        const [first, second] = id < other ? [p, q] : [q, p];
        if (sameStatement(this.model, first, second)) this.union(id, other);
      }
    }
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
  build(reports: readonly Report[]): void {
    const keys = new Map<string, number[]>();
    for (const r of reports) keys.set(r.id, this.fileOnly(r).file);
    this.linkFiled(keys);
  }
}
