import { z } from 'zod';
import { loadData } from '../util/data.js';
import { hashString } from './hash.js';

/* Loose: the text stage reads other keys of the same (cached) file. */
const AbbreviationsSchema = z.looseObject({ titles: z.array(z.string()) });

/** Title abbreviations that are part of a name ("St. Louis", "Martin Luther King Jr.") rather than before it. */
const NAME_PART_TITLES = new Set(['st', 'jr', 'sr']);

let honorifics: Set<number> | undefined;

/** The honorifics, lower case without the period ("mr", "sen"). */
export function honorificList(): string[] {
  const { titles } = loadData('text/abbreviations.json', AbbreviationsSchema);
  return titles.filter((t) => !NAME_PART_TITLES.has(t.toLowerCase()));
}

/**
 * Lower-case word hashes of the honorifics that precede a name without being part of it ("Mr.",
 * "Sen.", "Gen."), from the text stage's abbreviation list. CoNLL's Reuters text almost never
 * writes them, so the tagger cannot learn them; news text does constantly ("Mr. Trump").
 */
export function honorificHashes(): Set<number> {
  if (!honorifics) {
    honorifics = new Set(honorificList().map((t) => hashString(t.toLowerCase())));
  }
  return honorifics;
}
