import type { Doc, Stage } from '../model/index.js';
import { codeEvents, type CoderInput } from './coder.js';
import type { VerbEntry } from './lexicon.js';

export { codeEvents, type CoderInput } from './coder.js';
export { codeFacts, type VerbEntry } from './lexicon.js';
export {
  EVENTS_MODEL_FILE,
  deserialiseEventModel,
  serialiseEventModel,
  useEventModel,
  type EventModel,
} from './model.js';
export { ploverActorCode } from './codes.js';
export { loadPetrarchVerbs, parsePetrarchVerbs, petrarchToEntries } from './petrarch.js';

/**
 * Events stage: CAMEO-coded events with PLOVER type/mode, Goldstein and QuadClass, each with its
 * trigger, evidence, source and target spans. A trained coder (models/events.bin, see coder.ts)
 * types the triggers and finds the source and target words; actor codes come from the actors layer
 * when it has them and the coder's fallback vocabulary otherwise (actors.ts).
 */
export const eventsStage: Stage = makeEventsStage();

/** What the coder reads of a document the earlier stages have filled. */
export function coderInputOf(doc: Doc): CoderInput {
  return {
    text: doc.text,
    tokens: doc.tokens,
    pos: doc.pos,
    quotations: doc.quotations,
    sentences: doc.sentences,
    mentions: doc.mentions,
    actors: doc.actors,
    attributions: doc.attributions,
    ...(doc.byline ? { byline: doc.byline } : {}),
  };
}

/** An events stage with extra verb entries (e.g. `loadPetrarchVerbs(file)` for `--verbs FILE`). */
export function makeEventsStage(options: { extraVerbs?: readonly VerbEntry[] } = {}): Stage {
  return {
    name: 'events',
    requires: ['tokens', 'pos', 'quotations', 'sentences', 'mentions', 'actors', 'attributions'],
    provides: ['events'],
    run(doc) {
      return {
        events: codeEvents({
          ...coderInputOf(doc),
          ...(options.extraVerbs ? { extraVerbs: options.extraVerbs } : {}),
        }),
      };
    },
  };
}
