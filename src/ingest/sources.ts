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
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentHash } from './dedup.js';
import { decodeHtmlBytes, decodeTextBytes } from './encoding.js';
import { looksBinary, looksLikeMarkup, missingInput, readBytes, STDIN_NAMES } from './read-bytes.js';
import { extractArticle, pageFields } from './extract.js';
import { parseFeed, parseOpml, sniffDocument, type ParsedFeed } from './feeds.js';
import { safeFetch, type FetchedResource } from './fetch.js';
import { detectLanguage } from './language.js';
import { IngestError } from './types.js';
import { compact, isUrl, problem, safeCanonical, type Out, type ReadOptions } from './source-common.js';
import { feedItems } from './feed-items.js';
import { jsonlLines, readJsonl } from './jsonl.js';

export type { Fetcher, ReadOptions } from './source-common.js';
export { feedItems, type EntryOutcome } from './feed-items.js';

const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const FEED_EXT = new Set(['.xml', '.rss', '.atom', '.rdf', '.json', '.feed']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const OPML_EXT = new Set(['.opml']);

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
