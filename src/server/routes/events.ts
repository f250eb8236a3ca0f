/** Events: filtered lists, timelines and the actor network. */
import { z } from 'zod';
import { IsoDay, Page, queryOf, ShortText, wholeNumber } from '../params.js';
import type { Api, RouteContext } from './context.js';

export function eventRoutes(app: Api, { store }: RouteContext): void {
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
}
