/** What every route file is given: the app to add routes to and what they answer from. */
import type { preHandlerHookHandler } from 'fastify';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LayerWindow, Store, StoredArticle } from '../../store/types.js';
import type { Ingest } from '../ingest-queue.js';

/** The Fastify instance with zod schemas for params, queries and bodies. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteContext {
  store: Store;
  /** Stores a posted article (bounded queue in front of worker threads or this process). */
  ingest: Ingest;
  /** Reads one article through a layer window. */
  readArticle: (id: string, layers: LayerWindow) => Promise<StoredArticle | null>;
  /** Refuses writes without the token (when one is needed). */
  writeGuard: preHandlerHookHandler;
}
