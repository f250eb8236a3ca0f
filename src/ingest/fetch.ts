/**
 * HTTP(S) fetching that is safe to point at URLs from feeds and users: addresses in loopback,
 * private, link-local, multicast or reserved ranges are refused after DNS resolution, the checked
 * address is the one the socket connects to (the lookup is the connection's own), every redirect
 * hop is checked again, and responses are capped in size (also after decompression) and time.
 */
import dns from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { Agent, request } from 'undici';
import { decodeHtmlBytes } from './encoding.js';
import { IngestError } from './types.js';

export interface SafeFetchOptions {
  /** Allow loopback/private/reserved addresses everywhere (tests, intranets). Default false. */
  allowPrivate?: boolean;
  /** Host names (exact, lower case) exempt from the address check, e.g. an intranet feed server. */
  allowHosts?: readonly string[];
  /** Largest body accepted, in bytes after decompression. Default 10 MB. */
  maxBytes?: number;
  /** Time cap for the whole exchange, redirects included. Default 20 s. */
  timeoutMs?: number;
  /** Most redirects followed. Default 5. */
  maxRedirects?: number;
  /** Media types accepted (`text/html`, or a prefix ending in `/`: `text/`). Default: HTML, XML, feeds, JSON, plain text. */
  acceptTypes?: readonly string[];
  /** Conditional request validators from an earlier fetch. */
  etag?: string;
  lastModified?: string;
  userAgent?: string;
  signal?: AbortSignal;
  /** Undeclared non-UTF-8 bytes: replace (default, with a warning) or refuse. */
  invalidUtf8?: 'replace' | 'refuse';
}

/** A fetched document, decoded to text. */
export interface FetchedResource {
  /** The URL asked for. */
  url: string;
  /** The URL answered from, after redirects. */
  finalUrl: string;
  status: number;
  /** True for 304 Not Modified (text is then empty). */
  notModified: boolean;
  /** The media type without parameters, lower case (`text/html`). */
  contentType: string;
  /** The decoded body. */
  text: string;
  /** The encoding used to decode it. */
  encoding: string;
  /** Set when decoding replaced bad bytes or ignored an unknown charset. */
  warning?: string;
  etag?: string;
  lastModified?: string;
  /** Each URL redirected to, in order. */
  redirects: string[];
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_ACCEPT = [
  'text/html',
  'application/xhtml+xml',
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'text/plain',
  'application/x-rss+xml',
];

/** Whether an address may be connected to without `allowPrivate`: only global unicast passes. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address); // unwraps IPv4-mapped IPv6
  return parsed.range() === 'unicast';
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `net.connect` lookup that refuses non-public addresses: the socket connects to what it returns. */
function guardedLookup(exempt: ReadonlySet<string>) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = exempt.has(hostname.toLowerCase())
        ? undefined
        : addresses.find((a) => !isPublicAddress(a.address));
      if (bad) {
        const e: NodeJS.ErrnoException = new IngestError(
          `refused: ${hostname} resolves to ${bad.address}, a ${ipaddr.process(bad.address).range()} address (pass allowPrivate to permit it)`,
        );
        e.code = 'ERR_NEWSGRAPH_PRIVATE_ADDRESS';
        return callback(e, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      callback(null, first.address, first.family);
    });
  };
}

/** One connection pool per address policy (connections are pinned to addresses checked under it). */
const agents = new Map<string, Agent>();
function agentFor(allowPrivate: boolean, allowHosts: readonly string[]): Agent {
  const exempt = [...new Set(allowHosts.map((h) => h.toLowerCase()))].sort();
  const key = allowPrivate ? '*' : exempt.join(' ');
  let agent = agents.get(key);
  if (!agent) {
    agent = allowPrivate
      ? new Agent({ connections: 8 })
      : new Agent({ connections: 8, connect: { lookup: guardedLookup(new Set(exempt)) } });
    agents.set(key, agent);
  }
  return agent;
}

/** Closes the pooled connections (lets a CLI process exit promptly). */
export async function closeFetchAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((a) => a.close()));
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function checkUrl(raw: string, allowPrivate: boolean, allowHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IngestError(`not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IngestError(`refused: only http and https URLs are fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new IngestError('refused: URLs with credentials are not fetched');
  // IP literals never reach the DNS lookup, so they are checked here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    !allowPrivate &&
    !allowHosts.includes(host.toLowerCase()) &&
    ipaddr.isValid(host) &&
    !isPublicAddress(host)
  ) {
    throw new IngestError(
      `refused: ${host} is a ${ipaddr.process(host).range()} address (pass allowPrivate to permit it)`,
    );
  }
  return url;
}

function mediaTypeAccepted(type: string, accept: readonly string[]): boolean {
  return accept.some((a) => (a.endsWith('/') ? type.startsWith(a) : type === a));
}

/** Fetches a URL under the safety rules above; throws `IngestError` with a one-line reason. */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<FetchedResource> {
  const allowPrivate = options.allowPrivate ?? false;
  const allowHosts = options.allowHosts ?? [];
  const maxRedirects = options.maxRedirects ?? 5;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const redirects: string[] = [];
  let url = checkUrl(rawUrl, allowPrivate, allowHosts);
  for (;;) {
    let res: HttpResponse;
    try {
      res = await request(url, {
        method: 'GET',
        headers: requestHeaders(options),
        dispatcher: agentFor(allowPrivate, allowHosts),
        signal,
      });
    } catch (err) {
      throw describeNetworkError(err, url.href, timeout);
    }
    const status = res.statusCode;
    if (status >= 300 && status < 400 && status !== 304) {
      res.body.resume();
      const location = header(res.headers, 'location');
      if (!location) throw new IngestError(`${url.href}: redirect ${status} without a Location header`);
      if (redirects.length >= maxRedirects)
        throw new IngestError(`${rawUrl}: more than ${maxRedirects} redirects`);
      url = checkUrl(new URL(location, url).href, allowPrivate, allowHosts);
      redirects.push(url.href);
      continue;
    }
    return readResponse(res, { rawUrl, url, redirects, options, timeout });
  }
}

type HttpResponse = Awaited<ReturnType<typeof request>>;

function requestHeaders(options: SafeFetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? 'newsgraph/0.1 (+https://github.com/newsgraph)',
    accept:
      'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.8,*/*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

/** A response that is no redirect: not modified, refused (status, type, size), or read and decoded. */
async function readResponse(
  res: HttpResponse,
  {
    rawUrl,
    url,
    redirects,
    options,
    timeout,
  }: { rawUrl: string; url: URL; redirects: string[]; options: SafeFetchOptions; timeout: AbortSignal },
): Promise<FetchedResource> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const accept = options.acceptTypes ?? DEFAULT_ACCEPT;
  const status = res.statusCode;
  const etag = header(res.headers, 'etag');
  const lastModified = header(res.headers, 'last-modified');
  const base = {
    url: rawUrl,
    finalUrl: url.href,
    status,
    redirects,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
  };
  if (status === 304) {
    res.body.resume();
    return { ...base, notModified: true, contentType: '', text: '', encoding: 'utf-8' };
  }
  if (status < 200 || status >= 300) {
    res.body.resume();
    throw new IngestError(`${url.href}: HTTP ${status}`);
  }
  const contentTypeHeader = header(res.headers, 'content-type') ?? '';
  const contentType = contentTypeHeader.split(';')[0].trim().toLowerCase();
  if (contentType && !mediaTypeAccepted(contentType, accept)) {
    res.body.resume();
    throw new IngestError(`${url.href}: refused content type ${contentType}`);
  }
  const declared = Number(header(res.headers, 'content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.body.destroy();
    throw new IngestError(`${url.href}: response of ${declared} bytes is over the ${maxBytes}-byte cap`);
  }
  const bytes = await readCapped(
    res.body,
    header(res.headers, 'content-encoding'),
    maxBytes,
    url.href,
    timeout,
  );
  const decoded = decodeHtmlBytes(bytes, {
    contentType: contentTypeHeader,
    invalidUtf8: options.invalidUtf8,
  });
  return {
    ...base,
    notModified: false,
    contentType,
    text: decoded.text,
    encoding: decoded.encoding,
    ...(decoded.warning ? { warning: decoded.warning } : {}),
  };
}

/** Reads a body (decompressing it) and stops as soon as it passes the cap. */
async function readCapped(
  body: Readable,
  encoding: string | undefined,
  maxBytes: number,
  where: string,
  timeout: AbortSignal,
): Promise<Uint8Array> {
  const coding = (encoding ?? '').trim().toLowerCase();
  let stream: Readable = body;
  if (coding === 'gzip' || coding === 'x-gzip') stream = body.pipe(zlib.createGunzip());
  else if (coding === 'deflate') stream = body.pipe(zlib.createInflate());
  else if (coding === 'br') stream = body.pipe(zlib.createBrotliDecompress());
  else if (coding && coding !== 'identity') {
    body.destroy();
    throw new IngestError(`${where}: unsupported content encoding ${coding}`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > maxBytes) {
        throw new IngestError(`${where}: response is over the ${maxBytes}-byte cap (stopped reading)`);
      }
      chunks.push(buf);
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw describeNetworkError(err, where, timeout);
  } finally {
    if (stream !== body) stream.destroy();
    body.destroy();
  }
  return Buffer.concat(chunks, total);
}

function describeNetworkError(err: unknown, where: string, timeout: AbortSignal): IngestError {
  if (err instanceof IngestError) return err;
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const cause = e.cause ?? e;
  if (cause instanceof IngestError) return cause;
  if (timeout.aborted) return new IngestError(`${where}: timed out`);
  if (e.name === 'AbortError') return new IngestError(`${where}: aborted`);
  const code = cause.code ? `${cause.code}: ` : '';
  return new IngestError(`${where}: ${code}${cause.message ?? String(err)}`);
}
