import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
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
import { InputError } from '../pipeline/index.js';
import { StanceSchema } from '../model/index.js';
import { loadIngestApi, storeItem, type Analyzer, type Fingerprinter } from '../store/ingest.js';
import type { Store } from '../store/types.js';
import { deadLetters, statsWithJobs } from '../store/open.js';
import { projectPath } from '../util/data.js';

export interface ServerOptions {
  store: Store;
  /** Bearer token required for writes; when absent, writes are allowed only on a loopback host. */
  token?: string;
  /** The host the server binds to: decides whether writes without a token are allowed. */
  host?: string;
  /** Built dashboard to serve at `/` (default `web/dist`); none is served when it is missing. */
  webRoot?: string | null;
  fingerprinter?: Fingerprinter;
  analyzer?: Analyzer;
  logger?: boolean;
}

/** The one error shape every failure has, whatever raised it. */
export const ErrorBodySchema = z.object({
  ok: z.literal(false),
  error: z.string(),
  status: z.number().int(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Largest POSTed body: an article of analyze()'s maximum size in UTF-8, with JSON overhead. */
const BODY_LIMIT = 16 * 1024 * 1024;

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

const Limit = z.coerce.number().int().min(1).max(500).default(50);
const Offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
const Page = { limit: Limit, offset: Offset };
const Id = z.object({ id: z.string().min(1).max(300) });
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2025-04-03');
const ShortText = z.string().max(500);

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
  }).withTypeProvider<ZodTypeProvider>();
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

  app.setErrorHandler(
    (err: Error & { statusCode?: number; validation?: unknown; code?: string }, _req, reply) => {
      let status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
      let message = err.message;
      if (err.validation || err.code === 'FST_ERR_VALIDATION') status = 400;
      if (err instanceof InputError) status = 422;
      if (status >= 500) {
        reply.log.error(err);
        message = 'internal error';
      }
      return sendError(reply, status, message);
    },
  );
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
        querystring: z.object({ limit: Page.limit }),
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
        querystring: z.object({ ...Page, q: ShortText.optional(), outlet: ShortText.optional() }),
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

  app.get(
    '/api/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary: 'One article with its full analysis and its copies',
        params: Id,
      },
    },
    async (req, reply) => {
      const article = await store.getArticle(req.params.id);
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
      const fp = options.fingerprinter ?? (await loadIngestApi());
      const key =
        body.key ?? body.url ?? `post:${createHash('sha256').update(body.text).digest('hex').slice(0, 32)}`;
      const result = await storeItem(
        store,
        {
          key,
          origin: 'text',
          text: body.text,
          ...(body.title ? { title: body.title } : {}),
          ...(body.url ? { url: body.url } : {}),
          ...(body.outlet ? { outlet: body.outlet } : {}),
          ...(body.published ? { published: body.published } : {}),
        },
        fp,
        options.analyzer,
      );
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
        querystring: z.object(Page),
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
        querystring: z.object({ ...Page, q: ShortText.optional() }),
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
        querystring: z.object({
          ...Page,
          text: ShortText.optional(),
          speaker: ShortText.optional(),
          outlet: ShortText.optional(),
          stance: StanceSchema.optional(),
        }),
      },
    },
    async (req) => ({ ok: true, ...(await store.searchQuotes(req.query)) }),
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
        querystring: z.object({
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
          quadClass: z.coerce.number().int().min(1).max(4).optional(),
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
        querystring: z.object(EventFilter),
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
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(2000).default(200) }),
      },
    },
    async (req) => ({ ok: true, ...(await store.network(req.query)) }),
  );

  return app;
}

function sendError(reply: FastifyReply, status: number, error: string): FastifyReply {
  const body: ErrorBody = { ok: false, error, status };
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/**
 * Writes need the bearer token when one is set (always, when the host is not loopback); a browser
 * request from another origin is refused, so a web page cannot make a visitor's browser post articles.
 */
function makeWriteGuard(options: ServerOptions) {
  const expected = options.token ? createHash('sha256').update(options.token).digest() : null;
  const host = options.host ?? '127.0.0.1';
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (expected) {
      const header = req.headers.authorization ?? '';
      const m = /^Bearer (.+)$/.exec(header);
      const given = createHash('sha256')
        .update(m ? m[1] : '')
        .digest();
      if (!m || !timingSafeEqual(given, expected))
        return sendError(reply, 401, 'a valid bearer token is required to write');
    } else if (!isLoopback(host)) {
      return sendError(reply, 403, 'writes are disabled: the server is not on loopback and has no token');
    }
    const origin = req.headers.origin;
    if (origin && originHost(origin) !== req.headers.host) {
      return sendError(reply, 403, 'cross-origin writes are refused');
    }
  };
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
