import type { FastifyInstance } from 'fastify';
import { openWorkspace } from '../service/open.js';
import { buildServer, isLoopback, type ServerOptions } from './app.js';
import { ArticleReadPool, IngestPool } from './ingest-pool.js';

export { buildServer, ErrorBodySchema, isLoopback } from './app.js';
export { QueueFullError } from './errors.js';
export { boundedIngest } from './ingest-queue.js';
export type { Ingest, IngestQueueOptions } from './ingest-queue.js';

export type { ErrorBody, ServerOptions } from './app.js';

export interface StartOptions extends Omit<ServerOptions, 'store' | 'ingest' | 'readArticle'> {
  db: string;
  host: string;
  port: number;
  /** Worker threads that analyse and store posted articles. Default 1. */
  workers?: number;
}

/** Refuses an exposed server without a token: anyone on the network could otherwise write articles. */
export function checkExposure(host: string, token: string | undefined): void {
  if (!isLoopback(host) && !token) {
    throw new Error(
      `refusing to listen on ${host} without --token: on a non-loopback host writes need a bearer token (or bind 127.0.0.1)`,
    );
  }
}

/**
 * Opens the database and listens; resolves once the server accepts connections. Posted articles are
 * stored by worker threads; reads wait out a locked SQLite file without blocking (then 503).
 */
export async function startServer(options: StartOptions): Promise<{ app: FastifyInstance; url: string }> {
  checkExposure(options.host, options.token);
  const store = await openWorkspace(options.db, { busyTimeoutMs: 0, busyRetryMs: 1000 });
  const pool = new IngestPool(options.db, options.workers ?? 1);
  const reader = new ArticleReadPool(options.db);
  const app = await buildServer({
    ...options,
    store,
    ingest: pool.ingest,
    readArticle: reader.read,
    ingestQueue: options.ingestQueue ?? { concurrency: pool.threads, maxWaiting: 4 * pool.threads },
  });
  app.addHook('onClose', async () => {
    await pool.close();
    await reader.close();
    await store.close();
  });
  try {
    const address = await app.listen({ host: options.host, port: options.port });
    return { app, url: address };
  } catch (err) {
    await app.close();
    throw err;
  }
}
