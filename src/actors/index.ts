import type { Stage } from '../model/index.js';

/** First cut: provides an empty layer until the stage is built (see the issue for this stage). */
export const actorsStage: Stage = {
  name: 'actors',
  requires: ['mentions'],
  provides: ['mentions', 'actors'],
  run() {
    return {};
  },
};
