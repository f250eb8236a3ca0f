/** Statements: reports of one utterance across articles and outlets, with their drift. */
import { getStatement, listStatements } from '../../corpus/index.js';
import { Page, queryOf, ShortText, wholeNumber } from '../params.js';
import { getByIdRoute } from './by-id.js';
import type { Api, RouteContext } from './context.js';

export function statementRoutes(app: Api, { store }: RouteContext): void {
  app.get(
    '/api/statements',
    {
      schema: {
        tags: ['statements'],
        summary:
          'Statements (one utterance reported by several articles), most outlets first; filter by speaker and by how many outlets or reports',
        querystring: queryOf({
          ...Page,
          speaker: ShortText.optional(),
          minOutlets: wholeNumber(1, 10_000).default(1),
          minReports: wholeNumber(1, 1_000_000).default(2),
        }),
      },
    },
    async (req) => ({ ok: true, ...(await listStatements(store, req.query)) }),
  );

  getByIdRoute(app, {
    path: '/api/statements/:id',
    tags: ['statements'],
    summary:
      'One statement (by its id or any of its reports’ ids) with every report — article, outlet, date, speaker, cue and content spans — and its drift against the origin and the fullest wording',
    key: 'statement',
    load: (id) => getStatement(store, id),
  });
}
