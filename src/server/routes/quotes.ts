/** Quotes: attributions searched by content, speaker, outlet and stance. */
import { StanceSchema } from '../../model/index.js';
import { Page, queryOf, ShortText } from '../params.js';
import type { Api, RouteContext } from './context.js';

export function quoteRoutes(app: Api, { store }: RouteContext): void {
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
}
