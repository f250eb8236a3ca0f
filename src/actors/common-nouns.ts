import { z } from 'zod';
import { loadData } from '../util/data.js';
import { once } from '../util/modules.js';

const CommonNounsSchema = z.object({ nouns: z.array(z.string()) });
const commonNouns = once(
  (): ReadonlySet<string> => new Set(loadData('actors/common-nouns.json', CommonNounsSchema).nouns),
);
/** Common nouns, no one's name (data/actors/common-nouns.json, generated from WordNet). */
export function isCommonNoun(key: string): boolean {
  if (commonNouns().has(key)) return true;
  // "Mines", "Fisheries", "Resources": a plural of one.
  const singular = key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.endsWith('s') ? key.slice(0, -1) : '';
  return singular.length > 1 && commonNouns().has(singular);
}
