import { z } from 'zod';
import { loadData } from '../util/data.js';
import { hashString } from './hash.js';

/* Loose: the file has keys for the text stage too. */
const AbbreviationsSchema = z.looseObject({ titles: z.array(z.string()), nameParts: z.array(z.string()) });

let honorifics: Set<number> | undefined;

/** The honorifics, lower case without the period ("mr", "sen"). */
export function honorificList(): string[] {
  // Title abbreviations that are part of a name ("St. Louis", "Martin Luther King Jr.") are no honorifics.
  const { titles, nameParts } = loadData('text/abbreviations.json', AbbreviationsSchema);
  const parts = new Set(nameParts.map((t) => t.toLowerCase()));
  return titles.filter((t) => !parts.has(t.toLowerCase()));
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
