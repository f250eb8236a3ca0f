/** Claim traces: unattributed claims and the reports elsewhere that assert them with a source. */
import { z } from 'zod';
import { getClaim, listClaims } from '../../corpus/index.js';
import { Page, queryOf } from '../params.js';
import { getByIdRoute } from './by-id.js';
import type { Api, RouteContext } from './context.js';

export function claimRoutes(app: Api, { store }: RouteContext): void {
  app.get(
    '/api/claims',
    {
      schema: {
        tags: ['claims'],
        summary:
          'Unattributed claims (asserted as fact with no source), most traced first; `traced=false` lists untraced claims too',
        querystring: queryOf({
          ...Page,
          traced: z
            .enum(['true', 'false'], { error: 'expected true or false' })
            .default('true')
            .transform((v) => v === 'true'),
        }),
      },
    },
    async (req) => ({ ok: true, ...(await listClaims(store, req.query)) }),
  );

  getByIdRoute(app, {
    path: '/api/claims/:id',
    tags: ['claims'],
    summary:
      'One claim with the reports in other articles that assert it with a source — speaker, cue, content spans, outlet, date — and the statement each belongs to',
    key: 'claim',
    load: (id) => getClaim(store, id),
  });
}
