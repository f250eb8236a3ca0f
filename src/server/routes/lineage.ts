/** Syndication lineage: a story as wire original → republications, with what each copy changed. */
import { getLineage } from '../../corpus/index.js';
import { getByIdRoute } from './by-id.js';
import type { Api, RouteContext } from './context.js';

export function lineageRoutes(app: Api, { store }: RouteContext): void {
  getByIdRoute(app, {
    path: '/api/lineage/:id',
    tags: ['stories'],
    summary:
      'The syndication lineage of a story (by its id or any of its articles’ ids): the original, each near-copy and exact republication as a directed edge, with the words each copy added, removed or rewrote (spans in both texts)',
    key: 'lineage',
    missing: 'article or story',
    load: (id) => getLineage(store, id),
  });
}
