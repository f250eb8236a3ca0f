import type { Stage } from '../model/index.js';

/** First cut: provides an empty layer until the stage is built (see the issue for this stage). */
export const eventsStage: Stage = {
  name: 'events',
  requires: ['sentences', 'actors', 'attributions'],
  provides: ['events'],
  run() {
    return {};
  },
};
