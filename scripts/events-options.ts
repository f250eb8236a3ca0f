/** Command-line options shared by the event coder's training and cross-validation scripts. */
import type { TrainOptions } from '../src/events/train.js';

export function numArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
}
export function strArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
}

/** NGEC stories: how many first sentences of each, at what update weight. */
export const NGEC_DEFAULTS = { weight: 0.5, sentences: 1 };

export function trainOptions(defaults: Omit<TrainOptions, 'log'>): Omit<TrainOptions, 'log'> {
  return {
    typeBits: numArg('type-bits', defaults.typeBits),
    argBits: numArg('arg-bits', defaults.argBits),
    typeEpochs: numArg('type-epochs', defaults.typeEpochs),
    argEpochs: numArg('arg-epochs', defaults.argEpochs),
    seed: numArg('seed', defaults.seed),
    threshold: numArg('threshold', defaults.threshold),
  };
}
