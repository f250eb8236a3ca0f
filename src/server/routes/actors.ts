/** Actors across all articles. */
import { sendError } from '../errors.js';
import { Id, Page, queryOf, ShortText } from '../params.js';
import type { Api, RouteContext } from './context.js';

export function actorRoutes(app: Api, { store }: RouteContext): void {
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
}
