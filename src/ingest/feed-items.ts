import { contentHash } from './dedup.js';
import { extractArticle, pageFields } from './extract.js';
import type { FeedEntry, ParsedFeed } from './feeds.js';
import { safeFetch, type FetchedResource } from './fetch.js';
import { htmlToParagraphs } from './html-text.js';
import { detectLanguage } from './language.js';
import type { Out, ReadOptions } from './source-common.js';
import { compact, isUrl, normLang, problem, safeCanonical } from './source-common.js';

/** How one feed entry turned out, for callers that track entries (the poller). */
export interface EntryOutcome {
  entry: FeedEntry;
  /** An item was produced. */
  produced: boolean;
  /** The failure may pass (a fetch error), so the entry is worth trying again later. */
  retryable: boolean;
}

/**
 * The items of a parsed feed, in feed order: an entry whose own content is full (≥
 * `fullContentChars` of text) is used as is; otherwise its link is fetched and extracted (when
 * `fetchLinks`; up to `linkConcurrency` pages at a time), else its summary is used with a note.
 */
export async function* feedItems(
  feed: ParsedFeed,
  feedRef: string,
  options: ReadOptions,
  onEntry?: (outcome: EntryOutcome) => void,
): AsyncGenerator<Out> {
  const window = Math.max(1, options.linkConcurrency ?? 4);
  const pending: Array<Promise<{ outs: Out[]; outcome: EntryOutcome }>> = [];
  let next = 0;
  const entries = feed.entries;
  while (next < entries.length || pending.length > 0) {
    while (next < entries.length && pending.length < window) {
      pending.push(entryOutputs(feed, feedRef, entries[next], next, options));
      next++;
    }
    const { outs, outcome } = await pending.shift()!;
    onEntry?.(outcome);
    yield* outs;
  }
}

/** Fewer words than this in a feed entry's own text is a teaser or a stub, not an article. */
const MIN_ENTRY_WORDS = 5;

interface EntryOutputs {
  outs: Out[];
  outcome: EntryOutcome;
}

/** One feed entry as the steps below read it: where it is, its link, and the fields the feed gives. */
interface EntryContext {
  feed: ParsedFeed;
  feedRef: string;
  entry: FeedEntry;
  options: ReadOptions;
  /** The entry for messages: the feed, its number and title. */
  where: string;
  /** The entry's http(s) link, if any. */
  link: string | undefined;
  canonicalUrl: string | undefined;
  base: ReturnType<typeof entryBase>;
  outs: Out[];
  done: (produced: boolean, retryable?: boolean) => EntryOutputs;
}

async function entryOutputs(
  feed: ParsedFeed,
  feedRef: string,
  entry: FeedEntry,
  i: number,
  options: ReadOptions,
): Promise<EntryOutputs> {
  const full = options.fullContentChars ?? 600;
  const outs: Out[] = [];
  const done = (produced: boolean, retryable = false): EntryOutputs => ({
    outs,
    outcome: { entry, produced, retryable },
  });
  const where = `${feedRef} item ${i + 1}${entry.title ? ` ("${entry.title.slice(0, 60)}")` : ''}`;
  // Only an http(s) link is a page of the entry: file:, javascript: and the like are never keys or URLs.
  const link = entry.url && isUrl(entry.url) ? entry.url : undefined;
  if (entry.url && !link)
    outs.push(problem(where, `entry link is not an http(s) URL, ignored: ${entry.url.slice(0, 200)}`));
  const entryKey = entry.id && (entry.id !== entry.url || link) ? entry.id : undefined;
  const own = entryText(entry);
  const canonicalUrl = link ? safeCanonical(link) : undefined;
  const base = entryBase(feed, feedRef, entry, link, canonicalUrl);
  const ctx: EntryContext = { feed, feedRef, entry, options, where, link, canonicalUrl, base, outs, done };
  const linkUsable = !!link && options.fetchLinks !== false;
  if (own.length >= full || (own && !linkUsable)) return ownTextOutputs(ctx, own, full, entryKey);
  return linkedPageOutputs(ctx);
}

/** The fields the feed gives an entry's article, whatever its text comes from. */
function entryBase(
  feed: ParsedFeed,
  feedRef: string,
  entry: FeedEntry,
  link: string | undefined,
  canonicalUrl: string | undefined,
) {
  return compact({
    title: entry.title,
    byline: entry.author,
    published: entry.published,
    publishedFrom: entry.published ? ('feed' as const) : undefined,
    outlet: feed.title,
    outletFrom: feed.title ? ('feed' as const) : undefined,
    url: link,
    canonicalUrl,
    feed: isUrl(feedRef) ? feedRef : undefined,
  });
}

/** The entry's own text is the article (full content, or a summary with no page to fetch). */
function ownTextOutputs(
  { feed, feedRef, entry, options, where, canonicalUrl, base, outs, done }: EntryContext,
  own: string,
  full: number,
  entryKey: string | undefined,
): EntryOutputs {
  const words = own.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words < MIN_ENTRY_WORDS) {
    outs.push(
      problem(
        where,
        `the entry's text has ${words} word(s) (${own.length} characters): not an article; skipped`,
      ),
    );
    return done(false);
  }
  if (own.length < full && options.fetchLinks !== false) {
    outs.push(problem(where, `only a ${own.length}-character summary and no link to fetch; used as is`));
  }
  outs.push(
    compact({
      ...base,
      key: canonicalUrl ?? (entryKey ? `${feedRef}#${entryKey}` : `sha256:${contentHash(own)}`),
      origin: 'feed' as const,
      text: own,
      language: normLang(entry.language ?? feed.language) ?? detectLanguage(own),
    }),
  );
  return done(true);
}

/** The article is the entry's linked page: fetched and extracted, the feed's fields first. */
async function linkedPageOutputs({
  feed,
  entry,
  options,
  where,
  link,
  canonicalUrl,
  base,
  outs,
  done,
}: EntryContext): Promise<EntryOutputs> {
  if (!link) {
    outs.push(problem(where, 'entry has neither content nor an http(s) link'));
    return done(false);
  }
  if (options.fetchLinks === false) {
    outs.push(problem(where, 'entry has no content of its own and link fetching is off'));
    return done(false);
  }
  const fetcher = options.fetch ?? safeFetch;
  let res: FetchedResource;
  try {
    res = await fetcher(link, options.fetchOptions);
  } catch (err) {
    outs.push(problem(link, err));
    return done(false, true);
  }
  const a = extractArticle(res.text, res.finalUrl);
  if (!a.text) {
    outs.push(problem(link, 'no article text found in the linked page'));
    return done(false);
  }
  const pageCanonical = a.canonicalUrl ? safeCanonical(a.canonicalUrl) : undefined;
  outs.push(
    compact({
      ...base,
      key: pageCanonical ?? canonicalUrl ?? link,
      origin: 'feed' as const,
      text: a.text,
      ...pageFields(a),
      title: entry.title ?? a.title,
      byline: entry.author ?? a.byline,
      ...(entry.published ? { published: entry.published, publishedFrom: 'feed' as const } : {}),
      outlet: a.outlet ?? feed.title,
      canonicalUrl: pageCanonical ?? canonicalUrl,
      language: a.language ?? normLang(entry.language ?? feed.language),
    }),
  );
  return done(true);
}

/** The entry's own article text: full content first, then the summary. */
function entryText(entry: FeedEntry): string {
  if (entry.contentText?.trim()) return entry.contentText.trim();
  const html = entry.contentHtml ?? entry.summaryHtml;
  if (!html) return '';
  const content = htmlToParagraphs(html).join('\n\n');
  if (entry.contentHtml && entry.summaryHtml && content.length < 50)
    return htmlToParagraphs(entry.summaryHtml).join('\n\n');
  return content;
}
