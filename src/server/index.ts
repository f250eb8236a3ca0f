import type { FastifyInstance } from 'fastify';
import { openStore } from '../store/index.js';
import { buildServer, isLoopback, type ServerOptions } from './app.js';

export { buildServer, ErrorBodySchema, isLoopback } from './app.js';

export type { ErrorBody, ServerOptions } from './app.js';

export interface StartOptions extends Omit<ServerOptions, 'store'> {
  db: string;
  host: string;
  port: number;
}

/** Refuses an exposed server without a token: anyone on the network could otherwise write articles. */
export function checkExposure(host: string, token: string | undefined): void {
  if (!isLoopback(host) && !token) {
    throw new Error(
      `refusing to listen on ${host} without --token: on a non-loopback host writes need a bearer token (or bind 127.0.0.1)`,
    );
  }
}

/** Opens the database and listens; resolves once the server accepts connections. */
export async function startServer(options: StartOptions): Promise<{ app: FastifyInstance; url: string }> {
  checkExposure(options.host, options.token);
  const store = await openStore(options.db);
  const app = await buildServer({ ...options, store });
  app.addHook('onClose', async () => store.close());
  const address = await app.listen({ host: options.host, port: options.port });
  return { app, url: address };
}
