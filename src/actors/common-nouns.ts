import { z } from 'zod';
import { loadData } from '../util/data.js';

const CommonNounsSchema = z.object({ nouns: z.array(z.string()) });
let commonNouns: ReadonlySet<string> | undefined;
/** Common nouns, no one's name (data/actors/common-nouns.json, generated from WordNet). */
export function isCommonNoun(key: string): boolean {
  commonNouns ??= new Set(loadData('actors/common-nouns.json', CommonNounsSchema).nouns);
  if (commonNouns.has(key)) return true;
  // "Mines", "Fisheries", "Resources": a plural of one.
  const singular = key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.endsWith('s') ? key.slice(0, -1) : '';
  return singular.length > 1 && commonNouns.has(singular);
}
