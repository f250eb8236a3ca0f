/** Command-line options shared by the event coder's training and cross-validation scripts. */
import type { TrainOptions } from '../../src/events/train.js';

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

/**
 * NGEC stories: how many first sentences of each, at what update weight. PLV cross-validation (type
 * recall / type precision lower bound / dyad recall): weight 0 → 0.728 / 0.848 / 0.526, 0.2 → 0.755 /
 * 0.816 / 0.552; 0.5 without the one-event gate cost 5 points of top-1 type accuracy, and training
 * NGEC's other candidates as NONE cost more.
 */
export const NGEC_DEFAULTS = { weight: 0.2, sentences: 1 };
/**
 * PLOVER-GSR dev records as training sentences (1) or not (0). Their own 5-fold CV (cv-gsr.ts), out of
 * sample: plover-gsr-dev type F1 0.673 → 0.715, exact 0.279 → 0.330; PLV CV seed 12 type recall 0.751 →
 * 0.750, precision LB 0.836 → 0.845, dyad 0.574 → 0.576 (seed 99 in the CHANGELOG).
 */
export const GSR_DEFAULTS = { use: 1 };

/**
 * Each of a trainer's options from its flag, the option's name in kebab case (`typeEpochs`:
 * `--type-epochs N`), else its default: one reader for every trainer's defaults object.
 */
export function numericOptions<D extends Record<string, number>>(defaults: D): D {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(defaults)) {
    const flag = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    out[name] = numArg(flag, value);
  }
  return out as D;
}

/** The event coder's training options (`--type-bits`, `--arg-epochs`, `--gate-slack` …). */
export function trainOptions(defaults: Omit<TrainOptions, 'log'>): Omit<TrainOptions, 'log'> {
  return numericOptions(defaults);
}

/** A comma-separated list of numbers (`--grid-threshold 0,2,4`), or the fallback alone. */
export function listArg(name: string, fallback: number): number[] {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return [fallback];
  return (process.argv[i + 1] ?? '').split(',').map(Number).filter(Number.isFinite);
}

/**
 * Negative news sentences: every k-th sentence of the PolNeAR training articles, at most n, at weight w.
 * PLV cross-validation (type recall / type precision lower bound / dyad recall): none → 0.755 / 0.816 /
 * 0.552, 0.3 → 0.714 / 0.865 / 0.512, 1 → 0.664 / 0.862 / 0.482. Without them the coder, which never saw
 * a sentence without an event, coded ~10 events per article of ordinary news (100 on the ten hand-read
 * pages, 20% of them right); at 0.3, 20 events on those pages. Precision first: 0.3.
 */
export const NEGATIVE_DEFAULTS = { every: 5, max: 4000, weight: 0.3 };

/**
 * Hand-labelled news triggers (data/events/news-triggers.jsonl; these figures with its first 399 triggers
 * of 127 PolNeAR training articles, now 576 of 175): the update weight of each; 0 leaves them out. They trade PLV recall for precision on
 * ordinary news. PLV CV (type recall / precision LB / dyad) and events right of coded on the 84 PolNeAR
 * dev articles (scripts/events/news-precision.ts): off 0.749 / 0.847 / 0.560, 82 of 278 (0.295);
 * weight 1 0.715 / 0.840 / 0.546, 85 of 218 (0.390); the first 205 at weight 1 cost 0.014 recall; weight
 * 0.3 cost 0.02–0.03 on the two folds run. CV first: off.
 */
export const NEWS_LABEL_DEFAULTS = { weight: 0 };
