/** The one shape every "one resource by its id" route has: load it, or answer a JSON 404 naming it. */
import { sendError } from '../errors.js';
import { Id } from '../params.js';
import type { Api } from './context.js';

export interface ByIdRoute {
  path: string;
  tags: string[];
  summary: string;
  /** The key the resource is answered under (`{ ok: true, story: … }`). */
  key: string;
  /** What the 404 message calls a missing one (defaults to `key`). */
  missing?: string;
  load: (id: string) => Promise<unknown>;
}

export function getByIdRoute(app: Api, { path, tags, summary, key, missing = key, load }: ByIdRoute): void {
  app.get(path, { schema: { tags, summary, params: Id } }, async (req, reply) => {
    const found = await load(req.params.id);
    if (!found) return sendError(reply, 404, `no ${missing} ${req.params.id}`);
    return { ok: true, [key]: found };
  });
}
