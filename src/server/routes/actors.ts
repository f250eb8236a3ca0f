/** Actors across all articles. */
import { Page, queryOf, ShortText } from '../params.js';
import { getByIdRoute } from './by-id.js';
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

  getByIdRoute(app, {
    path: '/api/actors/:id',
    tags: ['actors'],
    summary: 'One actor: roles, quotes over time, events given and received',
    key: 'actor',
    load: (id) => store.getActor(id),
  });
}
