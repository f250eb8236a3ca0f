import type { Stage } from '../model/index.js';
import { codeEvents } from './coder.js';
import type { VerbEntry } from './lexicon.js';

export { codeEvents, type CoderInput } from './coder.js';
export { codeFacts, type VerbEntry } from './lexicon.js';
export { ploverActorCode } from './codes.js';
export { loadPetrarchVerbs, parsePetrarchVerbs, petrarchToEntries } from './petrarch.js';

/**
 * Events stage: CAMEO-coded events with PLOVER type/mode, Goldstein and QuadClass, each with its
 * trigger and evidence spans. Uses the actors layer's CAMEO codes when present and the coder's own
 * fallback vocabulary otherwise (see coder.ts and actors.ts).
 */
export const eventsStage: Stage = makeEventsStage();

/** An events stage with extra verb entries (e.g. `loadPetrarchVerbs(file)` for `--verbs FILE`). */
export function makeEventsStage(options: { extraVerbs?: readonly VerbEntry[] } = {}): Stage {
  return {
    name: 'events',
    requires: ['sentences', 'mentions', 'actors', 'attributions'],
    provides: ['events'],
    run(doc) {
      return {
        events: codeEvents({
          text: doc.text,
          sentences: doc.sentences,
          mentions: doc.mentions,
          actors: doc.actors,
          attributions: doc.attributions,
          ...(options.extraVerbs ? { extraVerbs: options.extraVerbs } : {}),
        }),
      };
    },
  };
}
