import type { Stage } from '../model/index.js';
import type { KnowledgeBase } from './kb/index.js';
import { defaultKnowledgeBase } from './kb/index.js';
import { resolveActors } from './resolve.js';

export { resolveActors } from './resolve.js';
export type { ActorLayers } from './resolve.js';
export {
  KnowledgeBase,
  authoredCountries,
  authoredOrganizations,
  authoredRoleWords,
  defaultKnowledgeBase,
  knowledgeBaseWith,
  loadAuthoredSources,
} from './kb/index.js';
export type { KbSources } from './kb/index.js';
export { CameoAgent } from './kb/schema.js';
export type { Country, Organization, RoleWord } from './kb/schema.js';
export {
  loadPetrarchActors,
  loadPetrarchAgents,
  parsePetrarchActors,
  parsePetrarchAgents,
  agentsToRoleWords,
} from './petrarch/index.js';

/** An actors stage over a given knowledge base (or a function that builds it on first use). */
export function createActorsStage(kb: KnowledgeBase | (() => KnowledgeBase)): Stage {
  let resolved: KnowledgeBase | undefined = typeof kb === 'function' ? undefined : kb;
  return {
    name: 'actors',
    requires: ['tokens', 'pos', 'quotations', 'sentences', 'mentions'],
    provides: ['mentions', 'actors'],
    run(doc) {
      resolved ??= (kb as () => KnowledgeBase)();
      return resolveActors(doc, resolved);
    },
  };
}

/** Actors: roles, coreference, time-aware KB resolution and CAMEO codes, over data/actors/. */
export const actorsStage: Stage = createActorsStage(defaultKnowledgeBase);
