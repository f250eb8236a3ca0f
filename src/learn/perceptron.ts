/*
 * The one averaged-perceptron trainer of newsgraph's learnt models (NER, attribution tagger, cue
 * spans, event types and arguments). Its parts:
 *
 * - `AveragedWeights`: current weights w and Σ tick·Δ, so the average over every tick is
 *   w − Σ/tick (Daumé's lazy averaging). Every model's float order is fixed here: each update adds
 *   Δ to w[i] and tick·Δ to acc[i], in the order the caller makes them, in float32 or float64.
 * - Feature rows: `hashedRows(bits)` (a feature's row is its low bits) or `keyedRows()` (a row per
 *   distinct 32-bit key, created on its first update; key 0 is the hidden feature).
 * - `MulticlassPerceptron`: one weight per row and label; scores, argmax, the update towards the gold
 *   label and away from the predicted one, and one-sided `adjust` for ranking over candidates.
 * - `SequencePerceptron`: a linear-chain model (emissions by row and label, transitions with a start
 *   row) and the structured update after the caller's own constrained decoder.
 * - `runEpochs`: epochs over units in a seeded order, ticking the model after each unit.
 *
 * Decoders (Viterbi under each model's label constraints, greedy NER decoding) stay with their
 * models: they are what differs. What is shared is what must not: the update and the averaging.
 */

export type Precision = 'f32' | 'f64';
export type WeightArray = Float32Array | Float64Array;

function weightArray(size: number, precision: Precision): WeightArray {
  return precision === 'f32' ? new Float32Array(size) : new Float64Array(size);
}

/** Current weights and the tick-weighted sum of their changes, for the average over all ticks. */
export class AveragedWeights {
  w: WeightArray;
  acc: WeightArray;
  /** Starts at 1 and counts the units (or tokens) seen; an update at tick c counts for c·Δ. */
  tick = 1;

  constructor(
    size: number,
    readonly precision: Precision,
  ) {
    this.w = weightArray(size, precision);
    this.acc = weightArray(size, precision);
  }

  add(i: number, delta: number): void {
    this.w[i] += delta;
    this.acc[i] += this.tick * delta;
  }

  /** Makes room for `size` weights (doubling; the values kept). */
  ensure(size: number): void {
    if (size <= this.w.length) return;
    let length = Math.max(1, this.w.length);
    while (length < size) length *= 2;
    const w = weightArray(length, this.precision);
    w.set(this.w);
    this.w = w;
    const acc = weightArray(length, this.precision);
    acc.set(this.acc);
    this.acc = acc;
  }

  /** The averaged weights [0, length): w − acc / tick, in this precision. */
  averaged(length = this.w.length): WeightArray {
    const out = weightArray(length, this.precision);
    for (let i = 0; i < length; i++) out[i] = this.w[i] - this.acc[i] / this.tick;
    return out;
  }
}

/** How features map to weight rows. */
export interface FeatureRows {
  /** The row of a feature when scoring, or -1 when it has none. */
  find(feature: number): number;
  /** The row of a feature to update (created if need be), or -1 for a feature never learnt. */
  claim(feature: number): number;
  /** Rows in use (hashed: all of them). */
  readonly size: number;
  /** True when rows are created as features are first learnt (the weights grow with them). */
  readonly growing: boolean;
}

/** Hashed features: the row is the feature's low `bits` bits; collisions share a row. */
export function hashedRows(bits: number): FeatureRows {
  const mask = (1 << bits) - 1;
  return { find: (f) => f & mask, claim: (f) => f & mask, size: 1 << bits, growing: false };
}

/** One row per distinct feature key, numbered in order of first update; key 0 is hidden (never learnt). */
export class KeyedRows implements FeatureRows {
  readonly index = new Map<number, number>();
  readonly growing = true;

  get size(): number {
    return this.index.size;
  }

  find(feature: number): number {
    return this.index.get(feature) ?? -1;
  }

  claim(feature: number): number {
    if (feature === 0) return -1;
    let row = this.index.get(feature);
    if (row === undefined) this.index.set(feature, (row = this.index.size));
    return row;
  }

  /** The key of every row, by row. */
  keys(): Uint32Array {
    const keys = new Uint32Array(this.index.size);
    for (const [key, row] of this.index) keys[row] = key;
    return keys;
  }
}

export const keyedRows = (): KeyedRows => new KeyedRows();

/** A linear multiclass model over feature rows: a weight per row and label. */
export class MulticlassPerceptron {
  readonly weights: AveragedWeights;
  private readonly scratch: Float64Array;

  constructor(
    readonly labels: number,
    readonly rows: FeatureRows,
    precision: Precision,
    /** Initial room in rows for keyed features (grows as needed). */
    initialRows = 1 << 16,
  ) {
    this.weights = new AveragedWeights((rows.growing ? initialRows : rows.size) * labels, precision);
    this.scratch = new Float64Array(labels);
  }

  /** Adds the current weights of `features[0, count)` for every label to `scores`. */
  addScores(features: ArrayLike<number>, count: number, scores: Float64Array): void {
    const { w } = this.weights;
    const L = this.labels;
    for (let f = 0; f < count; f++) {
      const row = this.rows.find(features[f]);
      if (row < 0) continue;
      const base = row * L;
      for (let l = 0; l < L; l++) scores[l] += w[base + l];
    }
  }

  /** The current score of one label. */
  score(features: ArrayLike<number>, count: number, label: number): number {
    const { w } = this.weights;
    let v = 0;
    for (let f = 0; f < count; f++) {
      const row = this.rows.find(features[f]);
      if (row >= 0) v += w[row * this.labels + label];
    }
    return v;
  }

  /** The best-scoring label (ties: the lowest). */
  predict(features: ArrayLike<number>, count: number): number {
    const scores = this.scratch.fill(0);
    this.addScores(features, count, scores);
    let best = 0;
    for (let l = 1; l < this.labels; l++) if (scores[l] > scores[best]) best = l;
    return best;
  }

  /** The perceptron update: each feature's gold label up by `weight`, its predicted label down. */
  update(features: ArrayLike<number>, count: number, gold: number, predicted: number, weight = 1): void {
    for (let f = 0; f < count; f++) {
      const base = this.rowBase(features[f]);
      if (base < 0) continue;
      this.weights.add(base + gold, weight);
      this.weights.add(base + predicted, -weight);
    }
  }

  /** One label of every feature moved by `delta` (a ranking update is +1 for the gold candidate's, −1 for the chosen one's). */
  adjust(features: ArrayLike<number>, count: number, label: number, delta: number): void {
    for (let f = 0; f < count; f++) {
      const base = this.rowBase(features[f]);
      if (base >= 0) this.weights.add(base + label, delta);
    }
  }

  tick(): void {
    this.weights.tick++;
  }

  /** Averaged weights of the rows in use (row × label). */
  averaged(): WeightArray {
    return this.weights.averaged(this.rows.size * this.labels);
  }

  private rowBase(feature: number): number {
    const row = this.rows.claim(feature);
    if (row < 0) return -1;
    this.weights.ensure((row + 1) * this.labels);
    return row * this.labels;
  }
}

/**
 * Features of the positions of a sequence as row bases (row × labels): position t's are
 * `rows[t * stride + j]` for j < `count[t]`.
 */
export interface FeatureGrid {
  rows: Uint32Array;
  stride: number;
  count: ArrayLike<number>;
}

/** A grid from per-position hashed feature lists. */
export function featureGrid(
  features: readonly (readonly number[])[],
  bits: number,
  labels: number,
): FeatureGrid {
  const mask = (1 << bits) - 1;
  let stride = 0;
  for (const f of features) stride = Math.max(stride, f.length);
  const rows = new Uint32Array(features.length * stride);
  const count = new Uint16Array(features.length);
  features.forEach((list, t) => {
    count[t] = list.length;
    list.forEach((f, j) => (rows[t * stride + j] = (f & mask) * labels));
  });
  return { rows, stride, count };
}

/** A linear-chain model: emissions (hashed rows × labels) and transitions ((labels + 1) × labels, the last row from the start). */
export class SequencePerceptron {
  readonly emit: AveragedWeights;
  readonly trans: AveragedWeights;

  constructor(
    readonly labels: number,
    bits: number,
    precision: Precision,
  ) {
    this.emit = new AveragedWeights((1 << bits) * labels, precision);
    this.trans = new AveragedWeights((labels + 1) * labels, precision);
  }

  /** Adds the emission scores of positions [from, to) into `out[(t − from) × labels + l]`. */
  addEmissions(grid: FeatureGrid, from: number, to: number, out: WeightArray): void {
    const L = this.labels;
    const { w } = this.emit;
    for (let t = from; t < to; t++) {
      const base = (t - from) * L;
      const n = grid.count[t];
      for (let j = 0; j < n; j++) {
        const row = grid.rows[t * grid.stride + j];
        for (let l = 0; l < L; l++) out[base + l] += w[row + l];
      }
    }
  }

  /**
   * The structured update on positions [from, to) of a decoded sequence: a wrong label moves its
   * position's emissions (by `weightOf(gold, predicted)`, default 1); a wrong label or a wrong label
   * before it moves the transition. Returns the number of wrong labels.
   */
  update(
    gold: ArrayLike<number>,
    predicted: ArrayLike<number>,
    from: number,
    to: number,
    grid: FeatureGrid,
    weightOf?: (gold: number, predicted: number) => number,
  ): number {
    const L = this.labels;
    let errors = 0;
    for (let t = from; t < to; t++) {
      const g = gold[t];
      const p = predicted[t];
      const gPrev = t === from ? L : gold[t - 1];
      const pPrev = t === from ? L : predicted[t - 1];
      if (g !== p) {
        errors++;
        const u = weightOf ? weightOf(g, p) : 1;
        const n = grid.count[t];
        for (let j = 0; j < n; j++) {
          const row = grid.rows[t * grid.stride + j];
          this.emit.add(row + g, u);
          this.emit.add(row + p, -u);
        }
      }
      if (g !== p || gPrev !== pPrev) {
        this.trans.add(gPrev * L + g, 1);
        this.trans.add(pPrev * L + p, -1);
      }
    }
    return errors;
  }

  tick(): void {
    this.emit.tick++;
    this.trans.tick++;
  }

  averaged(): { emit: WeightArray; trans: WeightArray } {
    return { emit: this.emit.averaged(), trans: this.trans.averaged() };
  }
}

/**
 * A trainer's options, derived from one object of defaults (the committed model's values, each
 * documented where it is set) with the caller's log of the epochs: a trainer's settings are written
 * once, and a script reads any of them from its command line by name (scripts/events/options.ts).
 */
export type TrainerOptions<Defaults extends object> = Defaults & { log?: (msg: string) => void };

/**
 * The order units are visited in each epoch: as given; one seeded shuffle carried on from epoch to
 * epoch (each epoch shuffles the previous order); or a fresh seeded shuffle of the given order each
 * epoch. The models were trained with the one they name; both shuffles are Fisher–Yates from the end.
 */
export type EpochOrder = 'fixed' | 'carried-shuffle' | 'fresh-shuffle';

export interface EpochPlan {
  epochs: number;
  order: EpochOrder;
  /**
   * Required by the shuffles: seededRandom(seed) of src/util/random.ts (util reads model files
   * through learn, so learn does not import util).
   */
  random?: () => number;
  /** Ticked after every unit (the averaging clock); leave out to tick in `visit` instead. */
  clock?: { tick(): void };
}

/** Fisher–Yates shuffle in place, from the last element, drawing `random()` once per step. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Runs the epochs: `visit(unit, epoch)` for units 0…count−1 in the plan's order, `afterEpoch` after each. */
export function runEpochs(
  count: number,
  plan: EpochPlan,
  visit: (unit: number, epoch: number) => void,
  afterEpoch?: (epoch: number) => void,
): void {
  const { random } = plan;
  if (plan.order !== 'fixed' && !random) throw new Error(`runEpochs: a ${plan.order} needs random`);
  const identity = () => Array.from({ length: count }, (_, i) => i);
  let order = identity();
  for (let epoch = 0; epoch < plan.epochs; epoch++) {
    if (plan.order === 'fresh-shuffle') order = shuffleInPlace(identity(), random!);
    else if (plan.order === 'carried-shuffle') shuffleInPlace(order, random!);
    for (const unit of order) {
      visit(unit, epoch);
      plan.clock?.tick();
    }
    afterEpoch?.(epoch);
  }
}
