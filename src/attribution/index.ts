import type { Stage } from '../model/index.js';

/** First cut: provides an empty layer until the stage is built (see the issue for this stage). */
export const attributionStage: Stage = {
  name: 'attribution',
  requires: ['sentences', 'mentions', 'actors'],
  provides: ['attributions', 'claims'],
  run() {
    return {};
  },
};
