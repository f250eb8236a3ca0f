import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.js';

/**
 * Who may talk to the server. Without a token the server is on loopback and answers only requests
 * addressed to the names it was bound to (so a DNS-rebinding page, whose Host is its own domain,
 * gets nothing); writes then need no token but must not come from another origin. With a token,
 * writes need it, whatever the name.
 */

export interface GuardOptions {
  token?: string;
  /** The host the server binds to (default 127.0.0.1). */
  host?: string;
  /** More names the server answers to without a token (a hosts-file alias, a reverse proxy's name). */
  allowedHosts?: readonly string[];
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** The name part of a Host header or URL host: lower case, port and IPv6 brackets removed. */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']'));
  return h.replace(/:\d*$/, '').replace(/\.$/, '');
}

/** The names a token-less server answers to: the bound host, the loopback names, and configured ones. */
export function allowedHostNames(options: GuardOptions): Set<string> {
  const bound = hostName(options.host ?? '127.0.0.1');
  const names = new Set([bound, ...(options.allowedHosts ?? []).map(hostName)]);
  if (isLoopback(bound)) for (const n of ['localhost', '127.0.0.1', '::1']) names.add(n);
  return names;
}

/** onRequest hook: refuses requests addressed to any other name than the allowed ones (no token set). */
export function makeHostGuard(options: GuardOptions) {
  if (options.token) return null;
  const allowed = allowedHostNames(options);
  const list = [...allowed].join(', ');
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const name = hostName(req.headers.host ?? '');
    if (!allowed.has(name)) {
      return sendError(
        reply,
        403,
        `this server answers only to ${list}, not to ${JSON.stringify(name.slice(0, 100))} (a guard against DNS rebinding); add the name with --allow-host`,
      );
    }
  };
}

/** The token of an `Authorization: Bearer …` header (the scheme is case-insensitive, RFC 7235). */
export function bearerToken(header: string | undefined): string | null {
  const m = /^\s*bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1] : null;
}

/**
 * preHandler of writes: the bearer token when one is set (always, when the host is not loopback); a
 * browser request from another origin is refused, so a web page cannot make a visitor's browser write.
 */
export function makeWriteGuard(options: GuardOptions) {
  const expected = options.token ? createHash('sha256').update(options.token).digest() : null;
  const host = options.host ?? '127.0.0.1';
  const allowed = allowedHostNames(options);
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (expected) {
      const given = bearerToken(req.headers.authorization);
      const digest = createHash('sha256')
        .update(given ?? '')
        .digest();
      if (given === null || !timingSafeEqual(digest, expected))
        return sendError(
          reply,
          401,
          'a valid bearer token is required to write (Authorization: Bearer <token>)',
        );
    } else if (!isLoopback(host)) {
      return sendError(reply, 403, 'writes are disabled: the server is not on loopback and has no token');
    }
    const origin = req.headers.origin;
    if (origin && !sameSite(origin, req.headers.host ?? '', expected ? null : allowed)) {
      return sendError(reply, 403, 'cross-origin writes are refused');
    }
  };
}

/** The Origin is the server itself: the same host as the request's, and (without a token) an allowed name. */
function sameSite(origin: string, requestHost: string, allowed: Set<string> | null): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.host.toLowerCase() !== requestHost.trim().toLowerCase()) return false;
  return allowed === null || allowed.has(hostName(url.host));
}
