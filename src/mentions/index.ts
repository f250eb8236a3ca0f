import type { Stage } from '../model/index.js';

/** First cut: provides an empty layer until the stage is built (see the issue for this stage). */
export const mentionsStage: Stage = {
  name: 'mentions',
  requires: ['tokens', 'sentences'],
  provides: ['mentions'],
  run() {
    return {};
  },
};
