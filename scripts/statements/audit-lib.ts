/**
 * The pure parts of the statements-gold audit (scripts/statements/audit-sample.ts and
 * audit-score.ts): the gold's strata, the seeded stratified sample, and agreement with Cohen's kappa.
 */
import { seededRandom } from '../../src/util/random.js';

/** The fields of a gold pair its stratum is read from. */
export interface Labelled {
  label: string;
  hard: boolean;
}

export type Stratum = 'same' | 'hard' | 'easy';
export const stratumOf = (p: Labelled): Stratum => (p.label === 'same' ? 'same' : p.hard ? 'hard' : 'easy');

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The stratified sample, in reading order (shuffled across strata), with audit ids A001…. */
export function drawSample<P extends Labelled>(
  pairs: P[],
  sizes: Record<Stratum, number>,
  seed: number,
): Array<{ auditId: string; pair: P }> {
  const random = seededRandom(seed); // mulberry32: the same sample on every machine
  const chosen = (['same', 'hard', 'easy'] as const).flatMap((s) =>
    shuffled(
      pairs.filter((p) => stratumOf(p) === s),
      random,
    ).slice(0, sizes[s]),
  );
  return shuffled(chosen, random).map((pair, k) => ({ auditId: `A${String(k + 1).padStart(3, '0')}`, pair }));
}

export interface Agreement {
  n: number;
  agree: number;
  kappa: number;
  onSame: [number, number];
  onDifferent: [number, number];
}
/** Raw agreement and Cohen's kappa of two same/different labellings of the same pairs. */
export function agreement(rows: Array<{ gold: string; mine: string }>): Agreement {
  const n = rows.length;
  const agree = rows.filter((r) => r.gold === r.mine).length;
  const share = (who: 'gold' | 'mine') => rows.filter((r) => r[who] === 'same').length / (n || 1);
  const chance = share('gold') * share('mine') + (1 - share('gold')) * (1 - share('mine'));
  const observed = agree / (n || 1);
  const tally = (label: string): [number, number] => {
    const of = rows.filter((r) => r.gold === label);
    return [of.filter((r) => r.mine === label).length, of.length];
  };
  return {
    n,
    agree,
    kappa: chance < 1 ? (observed - chance) / (1 - chance) : 1,
    onSame: tally('same'),
    onDifferent: tally('different'),
  };
}
