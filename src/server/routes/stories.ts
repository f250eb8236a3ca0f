/** Stories: an article and its copies. */
import { sendError } from '../errors.js';
import { Id, Page, queryOf } from '../params.js';
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

  app.get(
    '/api/stories/:id',
    { schema: { tags: ['stories'], summary: 'One story with every copy and what it copies', params: Id } },
    async (req, reply) => {
      const story = await store.getStory(req.params.id);
      if (!story) return sendError(reply, 404, `no story ${req.params.id}`);
      return { ok: true, story };
    },
  );
}
