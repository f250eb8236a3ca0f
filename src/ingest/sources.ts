/**
 * `readSources`: turns files, directories and URLs into `IngestItem`s, yielding an `IngestProblem`
 * for anything that cannot be read and going on with the rest.
 *
 * - `.txt`/`.text`/`.md`: the file is the article; its first line is taken as the title.
 * - `.html`/`.htm`/`.xhtml`: extracted with `extractArticle`.
 * - `.xml`/`.rss`/`.atom`/`.rdf`/`.json` feeds, and `.opml` lists of feeds (the feeds are read in turn).
 * - `.jsonl`/`.ndjson`: one article per line, `{id, text, meta}` or PolNeAR-like `{id, text, title, date, publisher}`.
 * - `.gz` of any of these; directories are walked recursively (sorted, hidden entries skipped).
 * - `http(s)://` URLs: fetched with `safeFetch` and handled by what they turn out to be.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { canonicalizeUrl, contentHash } from './dedup.js';
import { decodeHtmlBytes, decodeTextBytes } from './encoding.js';
import { looksBinary, looksLikeMarkup, missingInput, readBytes, STDIN_NAMES } from './read-bytes.js';
import { readTextLines } from './lines.js';
import { extractArticle, pageFields } from './extract.js';
import { parseFeed, parseOpml, sniffDocument, type FeedEntry, type ParsedFeed } from './feeds.js';
import { safeFetch, type FetchedResource, type SafeFetchOptions } from './fetch.js';
import { htmlToParagraphs } from './html-text.js';
import { detectLanguage } from './language.js';
import { dateProblem, toIsoDate } from './metadata.js';
import { IngestError, type IngestItem, type IngestProblem } from './types.js';

/** Fetches a URL; `safeFetch` unless a test injects another. */
export type Fetcher = (url: string, options?: SafeFetchOptions) => Promise<FetchedResource>;

export interface ReadOptions {
  /** Options for every fetch (allowPrivate, caps, timeouts). */
  fetchOptions?: SafeFetchOptions;
  /** Fetch and extract a feed entry's page when the feed holds only a summary. Default true. */
  fetchLinks?: boolean;
  /** A feed entry whose own content has at least this many characters of text is used as is. Default 600. */
  fullContentChars?: number;
  /** Largest file read whole (text, HTML, feeds), in bytes. Default 20 MB. */
  maxFileBytes?: number;
  /** Longest JSONL line, in characters. Default 10 M. */
  maxLineChars?: number;
  /** Linked pages of a summary-only feed fetched at once. Default 4. */
  linkConcurrency?: number;
  /** Directory walking: skip deeper than this. Default 20. */
  maxDepth?: number;
  fetch?: Fetcher;
}

type Out = IngestItem | IngestProblem;

const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const FEED_EXT = new Set(['.xml', '.rss', '.atom', '.rdf', '.json', '.feed']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const OPML_EXT = new Set(['.opml']);

const problem = (where: string, err: unknown): IngestProblem => ({
  where,
  reason: err instanceof Error ? err.message : String(err),
});

function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** Reads every input in order; see the module comment for what each kind gives. */
export async function* readSources(inputs: string[], options: ReadOptions = {}): AsyncGenerator<Out> {
  for (const input of inputs) {
    if (isUrl(input)) {
      yield* readUrl(input, options);
      continue;
    }
    if (STDIN_NAMES.has(input)) {
      yield* readFile(input, options, true);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      yield problem(input, missingInput(input, err));
      continue;
    }
    if (info.isDirectory()) yield* readDirectory(input, options, 0);
    else yield* readFile(input, options, true);
  }
}

async function* readDirectory(dir: string, options: ReadOptions, depth: number): AsyncGenerator<Out> {
  if (depth > (options.maxDepth ?? 20)) {
    yield problem(dir, 'directory nesting is too deep; skipped');
    return;
  }
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield problem(dir, err);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* readDirectory(p, options, depth + 1);
    else if (e.isFile()) yield* readFile(p, options, false);
  }
}

/** The kind-deciding extension of a file name, looking through `.gz`. */
function kindExtension(file: string): string {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  return path.extname(name);
}

async function* readFile(file: string, options: ReadOptions, explicit: boolean): AsyncGenerator<Out> {
  const ext = kindExtension(file);
  const known =
    TEXT_EXT.has(ext) || HTML_EXT.has(ext) || FEED_EXT.has(ext) || JSONL_EXT.has(ext) || OPML_EXT.has(ext);
  // In a directory, unknown kinds (images, PDFs) are passed over; a file named explicitly is sniffed.
  if (!known && !explicit) return;
  if (JSONL_EXT.has(ext) && !file.toLowerCase().endsWith('.gz')) {
    yield* readJsonl(file, options);
    return;
  }
  let text: string;
  let regular: boolean;
  try {
    const read = await readBytes(file, options.maxFileBytes ?? 20 * 1024 * 1024);
    const bytes = read.bytes;
    regular = read.regular;
    // Text and JSONL take the one decoder of every command (strict, exact offsets); documents may
    // declare a charset, and keep going past a bad byte with a warning.
    if (TEXT_EXT.has(ext) || JSONL_EXT.has(ext) || (!known && !looksLikeMarkup(bytes))) {
      text = decodeTextBytes(bytes, file).text;
    } else {
      if (looksBinary(bytes)) throw new IngestError('binary data, not text');
      const decoded = decodeHtmlBytes(bytes);
      text = decoded.text;
      if (decoded.warning) yield problem(file, `${decoded.warning} (read on)`);
    }
  } catch (err) {
    yield problem(file, err);
    return;
  }
  if (JSONL_EXT.has(ext)) {
    yield* jsonlLines(text.split('\n'), file);
    return;
  }
  const kind = TEXT_EXT.has(ext) ? 'text' : sniffDocument(text);
  if (FEED_EXT.has(ext) && kind === 'text') {
    yield problem(
      file,
      `a ${ext} file that is no feed (no <rss>, <feed>, <rdf:RDF> root or JSON Feed found)`,
    );
    return;
  }
  // A pipe (standard input) has no lasting name: its text is its identity.
  const key = regular ? path.resolve(file) : `sha256:${contentHash(text)}`;
  yield* readDocument(text, kind, { where: file, key }, options);
}

interface Origin {
  where: string;
  key: string;
  url?: string;
}

/** Handles a document by kind: text, HTML, feed, OPML. */
async function* readDocument(
  text: string,
  kind: ReturnType<typeof sniffDocument>,
  origin: Origin,
  options: ReadOptions,
): AsyncGenerator<Out> {
  switch (kind) {
    case 'rss':
    case 'rdf':
    case 'atom':
    case 'json-feed': {
      let feed: ParsedFeed;
      try {
        feed = parseFeed(text);
      } catch (err) {
        yield problem(origin.where, err);
        return;
      }
      yield* feedItems(feed, origin.url ?? origin.where, options);
      return;
    }
    case 'opml': {
      let feeds;
      try {
        feeds = parseOpml(text);
      } catch (err) {
        yield problem(origin.where, err);
        return;
      }
      if (feeds.length === 0)
        yield problem(origin.where, 'the OPML list names no feeds (no xmlUrl attributes)');
      for (const f of feeds) {
        if (isUrl(f.url)) yield* readUrl(f.url, options);
        else yield problem(origin.where, `feed ${f.url}: only http(s) feed URLs are read from OPML`);
      }
      return;
    }
    case 'html':
    case 'xml': {
      const a = extractArticle(text, origin.url);
      if (!a.text) {
        yield problem(origin.where, 'no article text found in the page');
        return;
      }
      const canonicalUrl = a.canonicalUrl ? safeCanonical(a.canonicalUrl) : undefined;
      yield compact({
        key: canonicalUrl ?? (origin.url ? safeCanonical(origin.url) : undefined) ?? origin.key,
        origin: origin.url ? ('url' as const) : ('html' as const),
        text: a.text,
        ...pageFields(a),
        url: origin.url,
        canonicalUrl,
      });
      return;
    }
    case 'json':
      yield problem(
        origin.where,
        'a JSON document that is not a JSON Feed (no jsonfeed.org version); use .jsonl for one article per line',
      );
      return;
    case 'text': {
      const body = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
      if (!body.trim()) {
        yield problem(origin.where, 'empty file');
        return;
      }
      const first = body.trimStart().split('\n', 1)[0].trim();
      const hasMore = body.trim().length > first.length;
      yield compact({
        key: origin.key,
        origin: 'text' as const,
        text: body,
        title: hasMore && first.length <= 200 && !/[.;:,]$/.test(first) ? first : undefined,
        language: detectLanguage(body),
      });
      return;
    }
  }
}

function safeCanonical(url: string): string | undefined {
  try {
    return canonicalizeUrl(url);
  } catch {
    return undefined;
  }
}

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

async function* readUrl(url: string, options: ReadOptions): AsyncGenerator<Out> {
  const fetcher = options.fetch ?? safeFetch;
  let res: FetchedResource;
  try {
    res = await fetcher(url, options.fetchOptions);
  } catch (err) {
    yield problem(url, err);
    return;
  }
  if (res.warning) yield problem(url, `${res.warning} (read on)`);
  const kind = sniffDocument(res.text, res.contentType);
  const textKind = kind === 'text' && res.contentType === 'text/plain' ? 'text' : kind;
  yield* readDocument(
    res.text,
    textKind,
    { where: url, key: safeCanonical(res.finalUrl) ?? res.finalUrl, url: res.finalUrl },
    options,
  );
}

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

async function entryOutputs(
  feed: ParsedFeed,
  feedRef: string,
  entry: FeedEntry,
  i: number,
  options: ReadOptions,
): Promise<{ outs: Out[]; outcome: EntryOutcome }> {
  const full = options.fullContentChars ?? 600;
  const outs: Out[] = [];
  const done = (produced: boolean, retryable = false): { outs: Out[]; outcome: EntryOutcome } => ({
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
  const base = compact({
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
  const linkUsable = !!link && options.fetchLinks !== false;
  if (own.length >= full || (own && !linkUsable)) {
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

function normLang(lang: string | undefined): string | undefined {
  return lang ? /^[a-z]{2,3}\b/i.exec(lang.trim())?.[0].toLowerCase() : undefined;
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

const JsonlMetaSchema = z
  .object({
    title: z.string().optional(),
    url: z.string().optional(),
    outlet: z.string().optional(),
    publisher: z.string().optional(),
    // null means unknown, as if the field were left out.
    published: z.string().nullish(),
    date: z.string().nullish(),
    byline: z.string().optional(),
    author: z.string().optional(),
    language: z.string().optional(),
  })
  .passthrough();

/** `{id, text, meta}` or PolNeAR-like `{id, text, title, date, publisher}`; other fields are ignored. */
const JsonlRecordSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    text: z.string({ message: 'missing "text" (a string)' }),
    meta: JsonlMetaSchema.optional(),
  })
  // The top-level fields without passthrough: a numeric "id" kept raw would clash with the string.
  .and(JsonlMetaSchema.strip());

/** Streams a JSONL file line by line (any size), each line capped in length and decoded strictly. */
async function* readJsonl(file: string, options: ReadOptions): AsyncGenerator<Out> {
  const maxLine = options.maxLineChars ?? 10_000_000;
  let stream;
  try {
    const h = await open(file, 'r');
    stream = createReadStream('', { fd: h, highWaterMark: 1 << 20 });
  } catch (err) {
    yield problem(file, err);
    return;
  }
  try {
    // Bytes, not characters: a line of maxLine characters takes up to 3 bytes each.
    for await (const line of readTextLines(stream as AsyncIterable<Buffer>, file, {
      maxLineBytes: maxLine * 3,
    })) {
      if ('problem' in line) yield problem(`${file}:${line.lineNo}`, line.problem);
      else if (line.text.length > maxLine)
        yield problem(`${file}:${line.lineNo}`, `line longer than ${maxLine} characters; skipped`);
      else yield* jsonlLine(line.text, file, line.lineNo);
    }
  } catch (err) {
    yield problem(file, err);
  } finally {
    stream.destroy();
  }
}

function* jsonlLines(lines: string[], file: string): Generator<Out> {
  for (let i = 0; i < lines.length; i++) yield* jsonlLine(lines[i], file, i + 1);
}

function* jsonlLine(raw: string, file: string, lineNo: number): Generator<Out> {
  const line = raw.replace(/\r$/, '');
  if (!line.trim()) return;
  const where = `${file}:${lineNo}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    yield problem(where, `bad JSON: ${(err as Error).message}`);
    return;
  }
  const parsed = JsonlRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    yield problem(
      where,
      `not an article record: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'schema mismatch'}`,
    );
    return;
  }
  const r = parsed.data;
  if (!r.text.trim()) {
    yield problem(where, 'empty "text"');
    return;
  }
  const m = { ...r, ...(r.meta ?? {}) };
  const rawDate = m.published ?? m.date;
  const published = rawDate ? toIsoDate(rawDate) : undefined;
  if (rawDate && !published) {
    yield problem(
      where,
      `"published": ${JSON.stringify(rawDate.slice(0, 40))} is not a date (${dateProblem(rawDate)}); use null when it is unknown`,
    );
    return;
  }
  const url = m.url && isUrl(m.url) ? m.url : undefined;
  const canonicalUrl = url ? safeCanonical(url) : undefined;
  yield compact({
    key:
      canonicalUrl ??
      (r.id !== undefined ? `${path.resolve(file)}#${r.id}` : `${path.resolve(file)}:${lineNo}`),
    origin: 'jsonl' as const,
    text: r.text,
    title: m.title,
    byline: m.byline ?? m.author,
    published,
    outlet: m.outlet ?? m.publisher,
    url,
    canonicalUrl,
    language: normLang(m.language) ?? detectLanguage(r.text),
  });
}
