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
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { canonicalizeUrl, contentHash } from './dedup.js';
import { decodeHtmlBytes } from './encoding.js';
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
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      yield problem(
        input,
        (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : err,
      );
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

async function readBytes(file: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new IngestError(`file of ${size} bytes is over the ${maxBytes}-byte limit`);
    const buf = Buffer.alloc(size);
    await handle.read(buf, 0, size, 0);
    if (!file.toLowerCase().endsWith('.gz')) return buf;
    return gunzipSync(buf, { maxOutputLength: maxBytes });
  } finally {
    await handle.close();
  }
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
  try {
    const bytes = await readBytes(file, options.maxFileBytes ?? 20 * 1024 * 1024);
    if (looksBinary(bytes)) throw new IngestError('binary data, not text');
    const decoded = decodeHtmlBytes(bytes);
    text = decoded.text;
    if (decoded.warning) yield problem(file, `${decoded.warning} (read on)`);
  } catch (err) {
    yield problem(file, err);
    return;
  }
  if (JSONL_EXT.has(ext)) {
    yield* jsonlLines(text.split('\n'), file);
    return;
  }
  const kind = TEXT_EXT.has(ext) ? 'text' : sniffDocument(text);
  yield* readDocument(text, kind, { where: file, key: path.resolve(file) }, options);
}

/** NUL bytes in the first 8 KB mark binary files (UTF-16 has a BOM and is decoded earlier). */
function looksBinary(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
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
  const own = entryText(entry);
  const canonicalUrl = entry.url ? safeCanonical(entry.url) : undefined;
  const base = compact({
    title: entry.title,
    byline: entry.author,
    published: entry.published,
    publishedFrom: entry.published ? ('feed' as const) : undefined,
    outlet: feed.title,
    outletFrom: feed.title ? ('feed' as const) : undefined,
    url: entry.url,
    canonicalUrl,
    feed: isUrl(feedRef) ? feedRef : undefined,
  });
  const linkUsable = !!entry.url && isUrl(entry.url) && options.fetchLinks !== false;
  if (own.length >= full || (own && !linkUsable)) {
    if (own.length < full && options.fetchLinks !== false) {
      outs.push(problem(where, `only a ${own.length}-character summary and no link to fetch; used as is`));
    }
    outs.push(
      compact({
        ...base,
        key: canonicalUrl ?? (entry.id ? `${feedRef}#${entry.id}` : `sha256:${contentHash(own)}`),
        origin: 'feed' as const,
        text: own,
        language: normLang(entry.language ?? feed.language) ?? detectLanguage(own),
      }),
    );
    return done(true);
  }
  if (!entry.url) {
    outs.push(problem(where, 'entry has neither content nor a link'));
    return done(false);
  }
  if (!isUrl(entry.url)) {
    outs.push(problem(where, `entry link is not an http(s) URL: ${entry.url.slice(0, 200)}`));
    return done(false);
  }
  if (options.fetchLinks === false) {
    outs.push(problem(where, 'entry has no content of its own and link fetching is off'));
    return done(false);
  }
  const fetcher = options.fetch ?? safeFetch;
  let res: FetchedResource;
  try {
    res = await fetcher(entry.url, options.fetchOptions);
  } catch (err) {
    outs.push(problem(entry.url, err));
    return done(false, true);
  }
  const a = extractArticle(res.text, res.finalUrl);
  if (!a.text) {
    outs.push(problem(entry.url, 'no article text found in the linked page'));
    return done(false);
  }
  const pageCanonical = a.canonicalUrl ? safeCanonical(a.canonicalUrl) : undefined;
  outs.push(
    compact({
      ...base,
      key: pageCanonical ?? canonicalUrl ?? entry.url,
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
  .and(JsonlMetaSchema);

/** Streams a JSONL file line by line (any size), each line capped in length. */
async function* readJsonl(file: string, options: ReadOptions): AsyncGenerator<Out> {
  const maxLine = options.maxLineChars ?? 10_000_000;
  let stream;
  try {
    const h = await open(file, 'r');
    stream = createReadStream('', { fd: h, encoding: 'utf8', highWaterMark: 1 << 20 });
  } catch (err) {
    yield problem(file, err);
    return;
  }
  let buffer = '';
  let lineNo = 0;
  let skipping = false;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf('\n', start);
        if (nl < 0) {
          if (!skipping) buffer += chunk.slice(start);
          if (buffer.length > maxLine) {
            yield problem(`${file}:${lineNo + 1}`, `line longer than ${maxLine} characters; skipped`);
            buffer = '';
            skipping = true;
          }
          break;
        }
        const line = skipping ? '' : buffer + chunk.slice(start, nl);
        lineNo++;
        if (line.length > maxLine)
          yield problem(`${file}:${lineNo}`, `line longer than ${maxLine} characters; skipped`);
        else if (!skipping) yield* jsonlLine(line, file, lineNo);
        buffer = '';
        skipping = false;
        start = nl + 1;
      }
    }
    if (buffer && !skipping) yield* jsonlLine(buffer, file, lineNo + 1);
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
