import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { loadIngestApi, storeItem, type Analyzer, type Fingerprinter } from '../service/item.js';
import type { LayerWindow, Store, StoredArticle } from '../store/types.js';
import { projectPath } from '../util/data.js';
import { handleError, handleFrameworkError, sendError } from './errors.js';
import { makeHostGuard, makeWriteGuard } from './guard.js';
import { boundedIngest, type Ingest, type IngestQueueOptions } from './ingest-queue.js';
import { checkParameters, formatSchemaErrors, MAX_ID_CHARS } from './params.js';
import { actorRoutes } from './routes/actors.js';
import { articleRoutes } from './routes/articles.js';
import { claimRoutes } from './routes/claims.js';
import type { Api, RouteContext } from './routes/context.js';
import { eventRoutes } from './routes/events.js';
import { lineageRoutes } from './routes/lineage.js';
import { metaRoutes } from './routes/meta.js';
import { outletRoutes } from './routes/outlets.js';
import { quoteRoutes } from './routes/quotes.js';
import { statementRoutes } from './routes/statements.js';
import { storyRoutes } from './routes/stories.js';

export { ErrorBodySchema, type ErrorBody } from './errors.js';
export { isLoopback } from './guard.js';

export interface ServerOptions {
  store: Store;
  /** Bearer token required for writes; when absent, writes are allowed only on a loopback host. */
  token?: string;
  /** The host the server binds to: decides whether writes without a token are allowed. */
  host?: string;
  /** More names a token-less server answers to (DNS-rebinding guard); the bound host and loopback names always. */
  allowedHosts?: readonly string[];
  /** Built dashboard to serve at `/` (default `web/dist`); none is served when it is missing. */
  webRoot?: string | null;
  /**
   * Stores a posted article. Default: in this process with `fingerprinter` and `analyzer` (tests,
   * embedding); `startServer` passes worker threads, so analysis never holds the event loop.
   */
  ingest?: Ingest;
  fingerprinter?: Fingerprinter;
  analyzer?: Analyzer;
  /**
   * Reads one article through a layer window. Default: the store in this thread; `startServer` passes
   * a worker thread, so parsing a large analysis never holds the event loop.
   */
  readArticle?: (id: string, layers: LayerWindow) => Promise<StoredArticle | null>;
  /** Bounds of the queue of posted articles; a post beyond them gets 503 with Retry-After. */
  ingestQueue?: IngestQueueOptions;
  logger?: boolean;
}

/** Largest POSTed body: an article of analyze()'s maximum size in UTF-8, with JSON overhead. */
const BODY_LIMIT = 16 * 1024 * 1024;

/** Builds the HTTP API (and serves the dashboard): JSON under /api, OpenAPI at /openapi.json. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: MAX_ID_CHARS },
    // A malformed URL or an over-long id gets the API's error shape, not the framework's.
    frameworkErrors: handleFrameworkError,
    schemaErrorFormatter: formatSchemaErrors,
  }).withTypeProvider<ZodTypeProvider>();
  const hostGuard = makeHostGuard(options);
  if (hostGuard) app.addHook('onRequest', hostGuard);
  app.addHook('preValidation', checkParameters);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await registerSecurityHeaders(app);
  await registerOpenApi(app);

  app.setErrorHandler(handleError);
  const webRoot = options.webRoot === undefined ? projectPath('web', 'dist') : options.webRoot;
  const webRootReady = webRoot !== null && existsSync(`${webRoot}/index.html`);
  // The dashboard routes with the URL hash (#/article/…), so every unknown path is a plain 404.
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, `no route ${req.method} ${req.url.split('?')[0]}`),
  );

  await serveDashboard(app, webRootReady ? webRoot : null);

  const writeGuard = makeWriteGuard(options);
  const ingest = boundedIngest(options.ingest ?? inProcessIngest(options), options.ingestQueue);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const context: RouteContext = {
    store,
    ingest,
    readArticle: options.readArticle ?? ((id, layers) => store.getArticle(id, { layers })),
    writeGuard,
  };
  // One file per resource (./routes/); the order here is the order of the OpenAPI document.
  for (const routes of [
    metaRoutes,
    articleRoutes,
    storyRoutes,
    lineageRoutes,
    actorRoutes,
    quoteRoutes,
    statementRoutes,
    claimRoutes,
    outletRoutes,
    eventRoutes,
  ])
    routes(app, context);

  return app;
}

/** Security headers: a content security policy under which article text can never become code. */
async function registerSecurityHeaders(app: Api): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // No inline scripts and no eval: article text can never become code.
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}

/** The OpenAPI document, built from the routes' zod schemas. */
async function registerOpenApi(app: Api): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'newsgraph API',
        description:
          'Articles with their analysis, actors, quotes, statements across outlets, events, timelines and the actor network.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
}

/** The built dashboard at `/`, or a line saying how to build it. */
async function serveDashboard(app: Api, webRoot: string | null): Promise<void> {
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: false });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('newsgraph API is running; the dashboard is not built (npm run build). See /openapi.json.\n'),
    );
  }
}

/** Stores posted articles in this process (the default of tests and embedders). */
function inProcessIngest(options: ServerOptions): Ingest {
  return async (item) =>
    storeItem(options.store, item, options.fingerprinter ?? (await loadIngestApi()), options.analyzer);
}
