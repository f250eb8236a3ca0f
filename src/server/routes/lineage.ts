/** Syndication lineage: a story as wire original → republications, with what each copy changed. */
import { getLineage } from '../../corpus/index.js';
import { sendError } from '../errors.js';
import { Id } from '../params.js';
import type { Api, RouteContext } from './context.js';

export function lineageRoutes(app: Api, { store }: RouteContext): void {
  app.get(
    '/api/lineage/:id',
    {
      schema: {
        tags: ['stories'],
        summary:
          'The syndication lineage of a story (by its id or any of its articles’ ids): the original, each near-copy and exact republication as a directed edge, with the words each copy added, removed or rewrote (spans in both texts)',
        params: Id,
      },
    },
    async (req, reply) => {
      const lineage = await getLineage(store, req.params.id);
      if (!lineage) return sendError(reply, 404, `no article or story ${req.params.id}`);
      return { ok: true, lineage };
    },
  );
}
