/** Stories: an article and its copies. */
import { Page, queryOf } from '../params.js';
import { getByIdRoute } from './by-id.js';
import type { Api, RouteContext } from './context.js';

export function storyRoutes(app: Api, { store }: RouteContext): void {
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

  getByIdRoute(app, {
    path: '/api/stories/:id',
    tags: ['stories'],
    summary: 'One story with every copy and what it copies',
    key: 'story',
    load: (id) => store.getStory(id),
  });
}
