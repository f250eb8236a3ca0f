/** Health, counts and the job queue's dead letters. */
import { deadLetters, statsWithJobs } from '../../service/jobs.js';
import { sendError } from '../errors.js';
import { Page, queryOf } from '../params.js';
import type { Api, RouteContext } from './context.js';

export function metaRoutes(app: Api, { store }: RouteContext): void {
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
        querystring: queryOf({ limit: Page.limit }),
      },
    },
    async (req, reply) => {
      const items = await deadLetters(store, req.query.limit ?? 100);
      if (items === null)
        return sendError(reply, 404, 'this store has no job queue: dead letters exist only with PostgreSQL');
      return { ok: true, items };
    },
  );
}
