/**
 * The schema.org objects of a page's JSON-LD blocks (top level, arrays, `@graph`), ranked for
 * what they say about the article: article types first, then `WebPage`, then any other type that
 * carries a date (a `ClaimReview`, a `CreativeWork`).
 */
type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
type JsonObject = { [k: string]: JsonValue };

/** What the page's JSON-LD says about the article, each field from the best-ranked object that has it. */
export interface JsonLdFacts {
  headline?: string;
  authors?: string[];
  datePublished?: string;
  dateModified?: string;
  publisher?: string;
  url?: string;
  inLanguage?: string;
  description?: string;
  articleBody?: string;
}

const MAX_BLOCK_CHARS = 2_000_000;

/** Reads the facts of the JSON-LD blocks; broken blocks are skipped (pages often ship them). */
export function readJsonLd(blocks: readonly string[], articleTypes: ReadonlySet<string>): JsonLdFacts {
  const objects: Array<{ obj: JsonObject; rank: number; order: number }> = [];
  const visit = (v: JsonValue, depth: number): void => {
    if (depth > 5 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const types = (Array.isArray(v['@type']) ? v['@type'] : [v['@type']]).filter(
      (t): t is string => typeof t === 'string',
    );
    const rank = types.some((t) => articleTypes.has(t.replace(/^schema:/, '')))
      ? 0
      : types.some((t) => /WebPage$/.test(t))
        ? 1
        : 2;
    if (types.length > 0) objects.push({ obj: v, rank, order: objects.length });
    if (v['@graph']) visit(v['@graph'], depth + 1);
  };
  for (const raw of blocks) {
    if (raw.length > MAX_BLOCK_CHARS) continue;
    try {
      visit(JSON.parse(raw.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '')) as JsonValue, 0);
    } catch {
      // Broken JSON-LD is optional metadata.
    }
  }
  objects.sort((a, b) => a.rank - b.rank || a.order - b.order);
  const first = <T>(read: (o: JsonObject) => T | undefined, maxRank = 2): T | undefined => {
    for (const { obj, rank } of objects) {
      if (rank > maxRank) break;
      const v = read(obj);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  return compact({
    headline: first((o) => str(o.headline) ?? str(o.name), 1),
    authors: first((o) => names(o.author) ?? names(o.creator), 1),
    datePublished: first((o) => str(o.datePublished) ?? str(o.dateCreated)),
    dateModified: first((o) => str(o.dateModified)),
    publisher: first((o) => names(o.publisher)?.[0] ?? names(o.sourceOrganization)?.[0], 1),
    url: first((o) => str(o.url) ?? str(o.mainEntityOfPage), 0),
    inLanguage: first((o) => str(o.inLanguage) ?? str(asObject(o.inLanguage)?.alternateName), 1),
    description: first((o) => str(o.description), 1),
    articleBody: first((o) => str(o.articleBody), 0),
  });
}

function asObject(v: JsonValue | undefined): JsonObject | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

function str(v: JsonValue | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  const o = asObject(v);
  if (o && typeof o['@id'] === 'string') return o['@id'];
  return undefined;
}

/** Person or organisation names: strings, `{name}` objects, or arrays of either. */
function names(v: JsonValue | undefined): string[] | undefined {
  const list = Array.isArray(v) ? v : v !== undefined && v !== null ? [v] : [];
  const out: string[] = [];
  for (const x of list) {
    const name = typeof x === 'string' ? x : str(asObject(x)?.name);
    const t = name?.replace(/\s+/g, ' ').trim();
    if (t && !/^https?:/i.test(t) && !out.includes(t)) out.push(t);
  }
  return out.length > 0 ? out : undefined;
}

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}
