import { createHash } from 'node:crypto';
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
import { z } from 'zod';
import type { IngestItem } from '../ingest/types.js';
import { StanceSchema } from '../model/index.js';
import { loadIngestApi, storeItem, type Analyzer, type Fingerprinter } from '../service/item.js';
import type { LayerWindow, Store, StoredArticle } from '../store/types.js';
import { deadLetters, statsWithJobs } from '../service/jobs.js';
import { projectPath } from '../util/data.js';
import { handleError, handleFrameworkError, sendError } from './errors.js';
import { makeHostGuard, makeWriteGuard } from './guard.js';
import { boundedIngest, type Ingest, type IngestQueueOptions } from './ingest-queue.js';
import {
  checkParameters,
  formatSchemaErrors,
  Id,
  IsoDay,
  MAX_ID_CHARS,
  Page,
  queryOf,
  ShortText,
  wholeNumber,
} from './params.js';

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

/** Items of each list layer an article answer holds by default, and at most (a page of a large analysis). */
const DEFAULT_LAYER_ITEMS = 1000;
const MAX_LAYER_ITEMS = 5000;

/** Largest POSTed body: an article of analyze()'s maximum size in UTF-8, with JSON overhead. */
const BODY_LIMIT = 16 * 1024 * 1024;

const PostArticleSchema = z.object({
  text: z.string().min(1).max(5_000_000),
  key: z.string().min(1).max(2000).optional(),
  title: z.string().max(2000).optional(),
  url: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/[^\s]+$/i, 'expected an http(s) URL')
    .optional(),
  outlet: z.string().max(300).optional(),
  published: z.string().max(40).optional(),
});

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

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'newsgraph API',
        description: 'Articles with their analysis, actors, quotes, events, timelines and the actor network.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });

  app.setErrorHandler(handleError);
  const webRoot = options.webRoot === undefined ? projectPath('web', 'dist') : options.webRoot;
  const webRootReady = webRoot !== null && existsSync(`${webRoot}/index.html`);
  // The dashboard routes with the URL hash (#/article/…), so every unknown path is a plain 404.
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, `no route ${req.method} ${req.url.split('?')[0]}`),
  );

  if (webRootReady) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: false });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(
          'newsgraph API is running; the dashboard is not built (npm run build:web). See /openapi.json.\n',
        ),
    );
  }

  const writeGuard = makeWriteGuard(options);
  const ingest = boundedIngest(options.ingest ?? inProcessIngest(options), options.ingestQueue);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/health', { schema: { tags: ['meta'] } }, async () => ({ ok: true }));

  app.get(
    '/api/stats',
    {
      schema: { tags: ['meta'], summary: 'Counts of everything stored, and of the job queue on PostgreSQL' },
    },
    async () => ({ ok: true, stats: await statsWithJobs(store) }),
  );

  app.get(
    '/api/jobs/dead-letters',
    {
      schema: {
        tags: ['meta'],
        summary: 'Articles whose analysis failed every attempt (PostgreSQL job queue), most recent first',
        querystring: queryOf({ limit: Page.limit }),
      },
    },
    async (req, reply) => {
      const items = await deadLetters(store, req.query.limit ?? 100);
      if (items === null)
        return sendError(reply, 404, 'this store has no job queue: dead letters exist only with PostgreSQL');
      return { ok: true, items };
    },
  );

  app.get(
    '/api/articles',
    {
      schema: {
        tags: ['articles'],
        summary: 'List articles, newest first; with q, full-text search',
        querystring: queryOf({ ...Page, q: ShortText.optional(), outlet: ShortText.optional() }),
      },
    },
    async (req) => {
      const { q, limit, offset, outlet } = req.query;
      const result = q
        ? await store.searchArticles(q, { limit, offset })
        : await store.listArticles({ limit, offset, outlet });
      return { ok: true, ...result };
    },
  );

  const readArticle = options.readArticle ?? ((id, layers) => store.getArticle(id, { layers }));
  app.get(
    '/api/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary:
          'One article with its analysis and its copies. Each list layer (sentences, mentions, quotes…) comes ' +
          'in a window of at most layerLimit items from layerOffset; `layers` gives every layer’s total and ' +
          '`layers.truncated` says when more remain.',
        params: Id,
        querystring: queryOf({
          layerOffset: wholeNumber(0, 10_000_000).default(0),
          layerLimit: wholeNumber(1, MAX_LAYER_ITEMS).default(DEFAULT_LAYER_ITEMS),
        }),
      },
    },
    async (req, reply) => {
      const { layerOffset, layerLimit } = req.query;
      const article = await readArticle(req.params.id, { offset: layerOffset, limit: layerLimit });
      if (!article) return sendError(reply, 404, `no article ${req.params.id}`);
      return { ok: true, article };
    },
  );

  app.post(
    '/api/articles',
    {
      preHandler: writeGuard,
      schema: {
        tags: ['articles'],
        summary: 'Analyse and store an article (needs the bearer token when the server is not on loopback)',
        body: PostArticleSchema,
      },
    },
    async (req, reply) => {
      const body = req.body;
      const key =
        body.key ?? body.url ?? `post:${createHash('sha256').update(body.text).digest('hex').slice(0, 32)}`;
      const item: IngestItem = {
        key,
        origin: 'text',
        text: body.text,
        ...(body.title ? { title: body.title } : {}),
        ...(body.url ? { url: body.url } : {}),
        ...(body.outlet ? { outlet: body.outlet } : {}),
        ...(body.published ? { published: body.published } : {}),
      };
      const result = await ingest(item);
      reply.code(result.status === 'stored' ? 201 : 200);
      return {
        ok: true,
        result: {
          status: result.status,
          articleId: result.articleId,
          storyId: result.storyId,
          copyOf: result.copyOf ?? null,
        },
      };
    },
  );

  app.get(
    '/api/stories',
    {
      schema: {
        tags: ['stories'],
        summary: 'Stories (an article and its copies), largest first',
        querystring: queryOf(Page),
      },
    },
    async (req) => ({ ok: true, ...(await store.listStories(req.query)) }),
  );

  app.get(
    '/api/stories/:id',
    { schema: { tags: ['stories'], summary: 'One story with every copy and what it copies', params: Id } },
    async (req, reply) => {
      const story = await store.getStory(req.params.id);
      if (!story) return sendError(reply, 404, `no story ${req.params.id}`);
      return { ok: true, story };
    },
  );

  app.get(
    '/api/actors',
    {
      schema: {
        tags: ['actors'],
        summary: 'Actors across all articles, most mentioned first',
        querystring: queryOf({ ...Page, q: ShortText.optional() }),
      },
    },
    async (req) => ({ ok: true, ...(await store.listActors(req.query)) }),
  );

  app.get(
    '/api/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: 'One actor: roles, quotes over time, events given and received',
        params: Id,
      },
    },
    async (req, reply) => {
      const actor = await store.getActor(req.params.id);
      if (!actor) return sendError(reply, 404, `no actor ${req.params.id}`);
      return { ok: true, actor };
    },
  );

  app.get(
    '/api/quotes',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Search attributions by content text, speaker, outlet and stance',
        querystring: queryOf({
          ...Page,
          text: ShortText.optional(),
          /** Alias of `text`, as on /api/articles. */
          q: ShortText.optional(),
          speaker: ShortText.optional(),
          outlet: ShortText.optional(),
          stance: StanceSchema.optional(),
        }),
      },
    },
    async (req) => {
      const { q, text, ...rest } = req.query;
      return { ok: true, ...(await store.searchQuotes({ ...rest, text: text ?? q })) };
    },
  );

  const EventFilter = {
    actor: ShortText.optional(),
    from: IsoDay.optional(),
    to: IsoDay.optional(),
  };

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Events filtered by actor, CAMEO code or root, QuadClass and date range',
        querystring: queryOf({
          ...Page,
          ...EventFilter,
          code: z
            .string()
            .regex(/^\d{2,4}$/)
            .optional(),
          root: z
            .string()
            .regex(/^\d{1,2}$/)
            .optional(),
          quadClass: wholeNumber(1, 4).optional(),
        }),
      },
    },
    async (req) => ({ ok: true, ...(await store.searchEvents(req.query)) }),
  );

  app.get(
    '/api/timeline',
    {
      schema: {
        tags: ['events'],
        summary: 'Event counts and mean Goldstein score per day per actor pair',
        querystring: queryOf(EventFilter),
      },
    },
    async (req) => ({ ok: true, points: await store.timeline(req.query) }),
  );

  app.get(
    '/api/network',
    {
      schema: {
        tags: ['events'],
        summary: 'Actors and their interactions (events between them)',
        querystring: queryOf({ limit: wholeNumber(1, 2000).default(200) }),
      },
    },
    async (req) => ({ ok: true, ...(await store.network(req.query)) }),
  );

  return app;
}

/** Stores posted articles in this process (the default of tests and embedders). */
function inProcessIngest(options: ServerOptions): Ingest {
  return async (item) =>
    storeItem(options.store, item, options.fingerprinter ?? (await loadIngestApi()), options.analyzer);
}
