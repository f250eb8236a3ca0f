import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InputError } from '../model/input.js';
import { StoreBusyError } from '../store/rules.js';

/** The one error shape every failure has, whatever raised it. */
export const ErrorBodySchema = z.object({
  ok: z.literal(false),
  error: z.string(),
  status: z.number().int(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Too many articles are waiting for analysis: the client should come back after `retryAfterSeconds`. */
export class QueueFullError extends Error {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.name = 'QueueFullError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function sendError(
  reply: FastifyReply,
  status: number,
  error: string,
  retryAfterSeconds?: number,
): FastifyReply {
  const body: ErrorBody = { ok: false, error, status };
  if (retryAfterSeconds !== undefined)
    reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds))));
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

type RaisedError = Error & { statusCode?: number; validation?: unknown; code?: string };

/** PostgreSQL unreachable for now (the store's pool reports it so): the request may be retried. */
function isUnavailable(err: RaisedError): boolean {
  return (
    typeof err.code === 'string' &&
    (err.code.startsWith('08') ||
      ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(err.code))
  );
}

/** Every error a route raises, as {ok:false, error, status}; internals are logged, never sent. */
export function handleError(err: RaisedError, _req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof StoreBusyError || err.name === 'StoreBusyError')
    return sendError(reply, 503, err.message, (err as StoreBusyError).retryAfterSeconds ?? 1);
  if (err instanceof QueueFullError) return sendError(reply, 503, err.message, err.retryAfterSeconds);
  if (err instanceof InputError || err.name === 'InputError') return sendError(reply, 422, err.message);
  if (isUnavailable(err))
    return sendError(reply, 503, 'the database is unreachable for now; retry shortly', 5);
  let status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
  if (err.validation || err.code === 'FST_ERR_VALIDATION') status = 400;
  if (status >= 500) {
    reply.log.error(err);
    return sendError(reply, status, 'internal error');
  }
  return sendError(reply, status, err.message);
}

/** Errors the framework raises before routing (a malformed URL, an over-long path parameter). */
export function handleFrameworkError(err: RaisedError, req: FastifyRequest, reply: FastifyReply): void {
  const path = (req.raw.url ?? '').split('?')[0];
  const shown = path.length > 80 ? `${path.slice(0, 80)}…` : path;
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    void sendError(
      reply,
      414,
      `a path parameter of ${JSON.stringify(shown)} is too long (at most 300 characters)`,
    );
  else if (err.code === 'FST_ERR_BAD_URL')
    void sendError(reply, 400, `malformed URL ${JSON.stringify(shown)}: a %-escape is not valid UTF-8`);
  else void sendError(reply, err.statusCode && err.statusCode < 500 ? err.statusCode : 400, err.message);
}
