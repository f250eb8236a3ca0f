/** The outlet graph: who credits and cites whom across the corpus, and the relays behind each edge. */
import { listRelays, outletGraph } from '../../corpus/index.js';
import { Page, queryOf, ShortText, wholeNumber } from '../params.js';
import type { Api, RouteContext } from './context.js';

export function outletRoutes(app: Api, { store }: RouteContext): void {
  app.get(
    '/api/outlets/graph',
    {
      schema: {
        tags: ['outlets'],
        summary:
          'The outlet graph from relay chains: an edge `credits` when an article of one outlet credits another ("…, the Wire reported", "told AFP", "according to Reuters"), `cites` when the credited outlet is said to cite a third ("citing Russian media"); with counts, heaviest first',
        querystring: queryOf({
          minCount: wholeNumber(1, 1_000_000).default(1),
          limit: wholeNumber(1, 2000).default(500),
        }),
      },
    },
    async (req) => ({ ok: true, ...(await outletGraph(store, req.query)) }),
  );

  app.get(
    '/api/relays',
    {
      schema: {
        tags: ['outlets'],
        summary:
          'The relays behind the outlet graph (filter by the crediting outlet `from` and the credited or cited one `to`, any spelling), newest first; each with its report’s statement and the relayed outlet’s own report of it when the corpus holds one',
        querystring: queryOf({ ...Page, from: ShortText.optional(), to: ShortText.optional() }),
      },
    },
    async (req) => ({ ok: true, ...(await listRelays(store, req.query)) }),
  );
}
