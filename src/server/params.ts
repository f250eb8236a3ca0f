import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendError } from './errors.js';

/** Request parameter schemas shared by the routes, and the checks every request's parameters pass. */

/** A whole number parameter from `min` to `max`, with messages that name the range. */
export function wholeNumber(min: number, max: number) {
  const message = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

export const Limit = wholeNumber(1, 500).default(50);
export const Offset = wholeNumber(0, 1_000_000).default(0);
export const Page = { limit: Limit, offset: Offset };
/** Longest path parameter (ids); the router answers 414 above it. */
export const MAX_ID_CHARS = 300;
export const Id = z.object({ id: z.string().min(1).max(MAX_ID_CHARS) });
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2025-04-03');
export const ShortText = z.string().max(500);

/**
 * A query-string schema that refuses parameters it does not know, naming them and the known ones
 * (a misspelt filter must not silently return everything).
 */
export function queryOf<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape).join(', ') || 'none';
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown query parameter ${issue.keys.map((k) => JSON.stringify(k.slice(0, 60))).join(', ')}; known: ${known}`
        : undefined,
  });
}

/** Validation errors as `query parameter "limit": expected …` instead of the framework's paths. */
export function formatSchemaErrors(
  errors: readonly { instancePath?: string; message?: string }[],
  dataVar: string,
): Error {
  const where =
    dataVar === 'querystring' ? 'query parameter' : dataVar === 'params' ? 'path parameter' : dataVar;
  const text = errors
    .slice(0, 5)
    .map((e) => {
      const name = (e.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
      return name ? `${where} "${name}": ${e.message ?? 'invalid'}` : (e.message ?? `invalid ${where}`);
    })
    .join('; ');
  return Object.assign(new Error(text), { statusCode: 400 });
}

/**
 * preValidation hook: a query parameter given twice (`limit=10&limit=20`) and NUL in any parameter
 * are refused with a message that says which, before any schema coerces them into nonsense.
 */
export async function checkParameters(req: FastifyRequest, reply: FastifyReply) {
  const query = (req.query ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value))
      return sendError(
        reply,
        400,
        `query parameter "${key.slice(0, 60)}" is given ${value.length} times; give it once`,
      );
    if (typeof value === 'string' && value.includes('\u0000'))
      return sendError(reply, 400, `query parameter "${key.slice(0, 60)}" contains a NUL character`);
  }
  for (const [key, value] of Object.entries((req.params ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' && value.includes('\u0000'))
      return sendError(reply, 400, `path parameter "${key}" contains a NUL character`);
  }
}
