import type { Stage } from '../model/index.js';
import { createActorsStage, knowledgeBaseWith, loadPetrarchActors } from '../actors/index.js';
import { loadPetrarchVerbs, makeEventsStage } from '../events/index.js';
import { DEFAULT_STAGES } from './analyze.js';

/** Optional extra knowledge: PETRARCH/Phoenix-format actor and verb dictionaries. */
export interface ExtraKnowledge {
  /** Phoenix-format actor dictionaries (`--actors FILE`), consulted after the authored knowledge base. */
  actors?: readonly string[];
  /** A CAMEO.2.0-style verb dictionary (`--verbs FILE`), added to the authored verb patterns. */
  verbs?: string;
}

/** The default stages, with the actors and events stages extended by extra dictionaries when given. */
export function stagesWith(extra: ExtraKnowledge): readonly Stage[] {
  if (!extra.actors?.length && !extra.verbs) return DEFAULT_STAGES;
  const actors = extra.actors?.length
    ? createActorsStage(knowledgeBaseWith(extra.actors.flatMap((file) => loadPetrarchActors(file))))
    : undefined;
  const events = extra.verbs ? makeEventsStage({ extraVerbs: loadPetrarchVerbs(extra.verbs) }) : undefined;
  return DEFAULT_STAGES.map((s) =>
    s.name === 'actors' && actors ? actors : s.name === 'events' && events ? events : s,
  );
}
