/** Articles: list and search, one article through a layer window, and posting one to analyse and store. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { IngestItem } from '../../ingest/types.js';
import { sendError } from '../errors.js';
import { Id, Page, queryOf, ShortText, wholeNumber } from '../params.js';
import type { Api, RouteContext } from './context.js';

/** Items of each list layer an article answer holds by default, and at most (a page of a large analysis). */
const DEFAULT_LAYER_ITEMS = 1000;
const MAX_LAYER_ITEMS = 5000;

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

export function articleRoutes(app: Api, { store, ingest, readArticle, writeGuard }: RouteContext): void {
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
}
