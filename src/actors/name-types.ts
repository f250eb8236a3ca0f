import { z } from 'zod';
import { loadData } from '../util/data.js';
import type { Work } from './scan/work.js';
import type { TokenView } from './tokens.js';
import { keyOf } from './tokens.js';
import { firstNameGender, isFirstName } from './gender.js';
import { CLAUSE_OPENERS, ORG_HEAD_NOUNS, surnameOf } from './words.js';
import { isCommonNoun } from './common-nouns.js';

/*
 * Types of NER names the article itself contradicts. NER reads a window of words, so on real
 * pages it types companies as people ("toymaker Hasbro", "Dick Clark Productions", the "Machine"
 * of "Big Machine") and people as organisations or places ("Taylor Swift", "Laura Bush") when the
 * words around them are unusual. Each repair needs evidence in the text, not a guess: a descriptor
 * noun, a company word ending the name, the organisation's full name elsewhere, or a first name
 * whose surname the article uses alone for a person.
 */

const NameTypesSchema = z.object({
  descriptors: z.array(z.string()),
  places: z.array(z.string()),
  selfStandingHeads: z.array(z.string()),
  placeEnds: z.array(z.string()),
  nameEnds: z.array(z.string()),
  thingEnds: z.array(z.string()),
  things: z.array(z.string()),
  bodyHeads: z.array(z.string()),
  cityBefore: z.array(z.string()),
  cityOf: z.array(z.string()),
});

interface NameTypeWords {
  descriptors: ReadonlySet<string>;
  nameEnds: ReadonlySet<string>;
  places: ReadonlySet<string>;
  selfStandingHeads: ReadonlySet<string>;
  placeEnds: ReadonlySet<string>;
  thingEnds: ReadonlySet<string>;
  things: ReadonlySet<string>;
  bodyHeads: ReadonlySet<string>;
  cityBefore: ReadonlySet<string>;
  cityOf: ReadonlySet<string>;
}
const CitiesSchema = z.object({ cities: z.array(z.string()) });
const ThingsSchema = z.object({
  heads: z.array(z.string()),
  names: z.array(z.string()),
  celestialNames: z.array(z.string()),
  celestialWords: z.array(z.string()),
  nameHeads: z.array(z.string()),
  descriptors: z.array(z.string()),
  sizeUnits: z.array(z.string()),
});
interface ThingWords {
  heads: ReadonlySet<string>;
  names: ReadonlySet<string>;
  celestialNames: ReadonlySet<string>;
  celestialWords: ReadonlySet<string>;
  nameHeads: ReadonlySet<string>;
  descriptors: ReadonlySet<string>;
  sizeUnits: ReadonlySet<string>;
}

let words: NameTypeWords | undefined;
let cities: ReadonlySet<string> | undefined;
let thingWords: ThingWords | undefined;
/** Head nouns of things and names of celestial bodies, diseases, holidays (data/actors/things.json, generated from WordNet). */
function things(): ThingWords {
  if (!thingWords) {
    const data = loadData('actors/things.json', ThingsSchema);
    thingWords = {
      heads: new Set(data.heads),
      names: new Set(data.names),
      celestialNames: new Set(data.celestialNames),
      celestialWords: new Set(data.celestialWords),
      nameHeads: new Set(data.nameHeads),
      descriptors: new Set(data.descriptors),
      sizeUnits: new Set(data.sizeUnits),
    };
  }
  return thingWords;
}
/** Large cities and capitals of the world (data/actors/cities.json, generated from GeoNames). */
function cityNames(): ReadonlySet<string> {
  cities ??= new Set(loadData('actors/cities.json', CitiesSchema).cities);
  return cities;
}
function nameTypeWords(): NameTypeWords {
  if (!words) {
    const data = loadData('actors/name-types.json', NameTypesSchema);
    words = {
      descriptors: new Set(data.descriptors),
      nameEnds: new Set(data.nameEnds),
      places: new Set(data.places),
      selfStandingHeads: new Set(data.selfStandingHeads),
      placeEnds: new Set(data.placeEnds),
      thingEnds: new Set(data.thingEnds),
      things: new Set(data.things),
      bodyHeads: new Set(data.bodyHeads),
      cityBefore: new Set(data.cityBefore),
      cityOf: new Set(data.cityOf),
    };
  }
  return words;
}

/** True for the last word of a company name ("Robotics", "Systems"): an "and" after it starts a second name. */
export function isCompanyNameEnd(key: string): boolean {
  return nameTypeWords().nameEnds.has(key);
}

/** True for the head noun of a body that stands on its own ("Fund" of "Senate Conservatives Fund"). */
export function isSelfStandingHead(key: string): boolean {
  return nameTypeWords().selfStandingHeads.has(key);
}

/** Capitalised words to the left of a name that may be the rest of an organisation's name. */
const MAX_LEFT_WORDS = 3;

/**
 * A person NER found that the text says is a company: a descriptor noun just before it
 * ("toymaker Hasbro"), or a company word ending it ("Nevada Corporation", "Masten Space Systems").
 * Runs before the organisation runs are rebuilt, so "Sierra" + "Nevada Corporation" can join.
 */
export function companiesTypedPerson(view: TokenView, works: readonly Work[]): void {
  const { descriptors, nameEnds } = nameTypeWords();
  const { keys, capitalised, tokens } = view;
  for (const w of works) {
    if (w.type !== 'PERSON' || w.kind !== 'name') continue;
    const last = keys[w.t1 - 1];
    const ended = w.t1 - w.t0 > 1 && (ORG_HEAD_NOUNS.has(last) || nameEnds.has(last));
    const before = w.t0 - 1;
    // "manufacturer Ron Johnson": before a first name the noun is the person's trade.
    const described =
      before >= 0 &&
      tokens[before].kind === 'word' &&
      !capitalised[before] &&
      descriptors.has(keys[before]) &&
      !firstNameGender(keys[w.t0]);
    if (ended || described) w.type = 'ORG';
  }
}

/**
 * A person NER cut out of an organisation's name ("accusing Big [Machine]" where the article
 * names "Big Machine" as an organisation elsewhere): the capitalised words before it on the same
 * line, with it, spell that name, so the mention becomes the organisation (and takes the words
 * NER gave a mention of their own).
 */
export function organisationTails(view: TokenView, works: Work[]): Work[] {
  const orgKeys = new Set<string>();
  const surnames = new Set<string>();
  for (const w of works) {
    if (w.type === 'ORG' && w.t1 - w.t0 > 1) orgKeys.add(keyOf(view, w.t0, w.t1));
    if (w.type === 'PERSON' && w.t1 - w.t0 > 1) surnames.add(surnameOf(view.keys.slice(w.t0, w.t1)));
  }
  if (orgKeys.size === 0) return works;
  const { capitalised, tokens, text, keys } = view;
  let out = works;
  for (const w of works) {
    // The surname of a person named in full is that person ("Democrat Hillary [Clinton]").
    if (w.type !== 'PERSON' || w.kind !== 'name' || surnames.has(keys[w.t1 - 1])) continue;
    for (let k = 1; k <= MAX_LEFT_WORDS; k++) {
      const i = w.t0 - k;
      if (i < 0 || !capitalised[i] || tokens[i].kind !== 'word' || CLAUSE_OPENERS.has(keys[i])) break;
      if (text.slice(tokens[i].end, tokens[i + 1].start).includes('\n')) break;
      if (!orgKeys.has(keyOf(view, i, w.t1))) continue;
      out = out.filter((x) => x === w || x.t1 <= i || x.t0 >= w.t1);
      w.t0 = i;
      w.start = tokens[i].start;
      w.type = 'ORG';
      break;
    }
  }
  return out;
}

/**
 * A name NER typed an organisation or a place that is a person's: two or three capitalised words,
 * the first a first name (unisex ones too), the last the surname the article uses alone for a person ("Taylor Swift""
 * typed ORG beside "Swift said"; "Laura Bush" typed LOC beside "Bush"). `personWords` are the keys
 * of one-word names typed PERSON and the surnames of full names typed PERSON.
 */
export function peopleTypedOtherwise(
  view: TokenView,
  works: readonly Work[],
  personWords: ReadonlySet<string>,
): void {
  const { nameEnds, placeEnds } = nameTypeWords();
  const { keys, capitalised, tokens } = view;
  for (const w of works) {
    if ((w.type !== 'ORG' && w.type !== 'LOC') || w.kind !== 'name' || w.hits.length > 0) continue;
    // A first name of either gender will do: the surname used alone is the evidence ("Taylor").
    if (!isFirstName(keys[w.t0])) continue;
    // First name and surname, with at most a middle initial between ("George W Bush").
    let last = w.t0 + 1;
    if (w.t1 - w.t0 === 3 && tokens[last].kind === 'word' && keys[last].length === 1) last++;
    else if (w.t1 - w.t0 !== 2) continue;
    if (!capitalised[last] || tokens[last].kind !== 'word') continue;
    const surname = keys[last];
    if (ORG_HEAD_NOUNS.has(surname) || nameEnds.has(surname) || placeEnds.has(surname)) continue;
    if (personWords.has(surname)) w.type = 'PERSON';
  }
}

/** "'s" right after a name, with the space CoNLL's tokenised text leaves before it. */
const POSSESSIVE_AFTER = /^\s?['’]s\b/u;

/**
 * True when the words before the name at tokens [t, t1) make a city's name the city: a place
 * preposition ("in Baton Rouge", but not "in Karlsruhe's 4-0 win", where "in" governs the noun
 * after the possessive) or a noun of a city's parts or people with "of" ("the mayor of Baton Rouge").
 */
function cityContext(view: TokenView, t: number, t1: number): boolean {
  const { cityBefore, cityOf } = nameTypeWords();
  const { keys, capitalised, text, tokens } = view;
  if (t >= 1 && !capitalised[t - 1] && cityBefore.has(keys[t - 1]))
    return !POSSESSIVE_AFTER.test(text.slice(tokens[t1 - 1].end, tokens[t1 - 1].end + 4));
  return t >= 2 && keys[t - 1] === 'of' && !capitalised[t - 2] && cityOf.has(keys[t - 2]);
}

/** A word in lower case: the line is prose, not a results table or a heading. */
const LOWER_CASE_WORD = /(?:^|[^\p{L}])\p{Ll}+(?![\p{L}])/u;

/**
 * A well-known place NER typed a person or organisation ("Louisiana" PERSON, then the "he" of the
 * next sentence resolved to it). The text decides otherwise when a person named in full there
 * has that word as first name or surname ("Virginia Foxx", "Joe Montana"), and a place typed an
 * organisation on a line with no lower-case word, or before a number, is a team in a results
 * table ("MINNESOTA 9 Texas 2 ( 10 innings )"). `nameKey` gives a mention's token key; `personWords` are the first words and
 * surnames of full names typed PERSON.
 */
export function placesTypedOtherwise(
  view: TokenView,
  works: readonly Work[],
  nameKey: (w: Work) => string,
  personWords: ReadonlySet<string>,
): void {
  const { places } = nameTypeWords();
  const { text } = view;
  for (const w of works) {
    if ((w.type !== 'PERSON' && w.type !== 'ORG') || w.kind !== 'name' || w.hits.length > 0) continue;
    const key = nameKey(w);
    if (personWords.has(key)) continue;
    if (cityNames().has(key) && !places.has(key)) {
      if (cityContext(view, w.t0, w.t1)) w.type = 'GPE';
      continue;
    }
    if (!places.has(key)) continue;
    if (w.type === 'ORG') {
      if (w.t1 < view.tokens.length && view.tokens[w.t1].kind === 'number') continue;
      const lineEnd = text.indexOf('\n', w.end);
      const line = text.slice(text.lastIndexOf('\n', w.start) + 1, lineEnd < 0 ? text.length : lineEnd);
      if (!LOWER_CASE_WORD.test(line)) continue;
    }
    w.type = 'GPE';
  }
}

/**
 * A law, agreement, programme or disease NER typed a person, organisation or place ("Affordable
 * Care Act" ORG, "Obamacare" LOC, "Zika" ORG): no actor, so it becomes MISC. A law or agreement is
 * told by its last word ("Act", "Amendment", "Treaty") after at least one other word; the names of
 * programmes and diseases are listed (`things` of name-types.json). So is a thing the text or
 * WordNet names as one (`isNamedThing`), and then every other mention of that name in the text,
 * unless the name ends in a role word, as a body's does ("an Army helicopter", "the Honduran Navy
 * aircraft": the operator's). A KB hit wins.
 */
export function thingsTypedActors(
  view: TokenView,
  works: readonly Work[],
  nameKey: (w: Work) => string,
  endsInRoleWord: (w: Work) => boolean,
  company: Company = () => false,
): void {
  const { thingEnds, things: listed, bodyHeads } = nameTypeWords();
  const named = new Set<string>();
  // "Jupiter" is a planet in an article that speaks of planets or moons, a town in Florida otherwise.
  const { celestialWords } = things();
  const sky = view.keys.some((k, i) => !view.capitalised[i] && celestialWords.has(k));
  for (const w of works) {
    if ((w.type !== 'PERSON' && w.type !== 'ORG' && w.type !== 'LOC') || w.kind !== 'name') continue;
    if (w.hits.length > 0) continue;
    const key = nameKey(w);
    const last = key.slice(key.lastIndexOf(' ') + 1);
    // With the two words before it when NER left "Government of" out of the name.
    const words = [...view.keys.slice(Math.max(0, w.t0 - 2), w.t0), ...key.split(' ')];
    // "Mayor Bill": a first name NER read as a person's ends no law's name; "Government of
    // National Accord": a body's head noun with "of" makes the name the body's.
    const personEnd = w.type === 'PERSON' && firstNameGender(last) !== undefined;
    const body = words.some((k, i) => (ORG_HEAD_NOUNS.has(k) || bodyHeads.has(k)) && words[i + 1] === 'of');
    if (listed.has(key) || (key.includes(' ') && thingEnds.has(last) && !personEnd && !body)) w.type = 'MISC';
    else if (!endsInRoleWord(w) && isNamedThing(view, w, key, sky)) named.add(key);
    else if (isBrandProduct(view, w, company)) {
      // "Google Stadia": and "Stadia" alone is the product too.
      named.add(key);
      named.add(key.slice(key.indexOf(' ') + 1));
    }
  }
  if (named.size === 0) return;
  for (const w of works)
    if (w.kind === 'name' && w.hits.length === 0 && w.type !== 'GPE' && named.has(nameKey(w)))
      w.type = 'MISC';
}

/**
 * A name the text or WordNet says is a thing: a disease or holiday by WordNet ("Christmas",
 * "SARS"), a celestial body in a text that speaks of planets, moons or stars ("Jupiter", "Europa";
 * not "in Jupiter, Florida"), or a name whose noun phrase ends in a thing's head noun ("the Europa
 * Clipper spacecraft", "the DAX index", "NASA's Galileo spacecraft"; not "a Long Island auto
 * repair shop", where the phrase goes on). A vehicle's name is mostly its operator's ("the Amtrak
 * train"), so those heads are not listed (scripts/build-things.ts), and an organisation's name
 * is its owner's ("the Heritage Foundation website"), as is a name before "'s". So is a name with a
 * model number in it (`hasModelNumber`), one ending its phrase after a size or a thing's noun
 * (`thingWordBefore`: "the 16-inch MacBook Pro", "the benchmark Sensex"), and one whose own last
 * word is a thing's head after a common noun ("the Hubble Space Telescope").
 */
function isNamedThing(view: TokenView, w: Work, key: string, sky: boolean): boolean {
  const { heads, names, celestialNames } = things();
  if (names.has(key)) return true;
  if (celestialNames.has(key)) return sky && !placeShaped(view, w, celestialNames);
  const { keys, tokens, capitalised, text } = view;
  const last = keys[w.t1 - 1];
  const { nameEnds, selfStandingHeads } = nameTypeWords();
  // "George Zimmerman's firearm": the name before a possessive is the owner's.
  if (last === "'s" || ORG_HEAD_NOUNS.has(last) || nameEnds.has(last) || selfStandingHeads.has(last))
    return false;
  if (hasModelNumber(view, w)) return true;
  if (thingWordBefore(view, w)) return endsPhrase(view, w);
  if (ownThingHead(view, w)) return true;
  const next = w.t1;
  if (next >= tokens.length || tokens[next].kind !== 'word' || capitalised[next] || !heads.has(keys[next]))
    return false;
  if (text.slice(tokens[next - 1].end, tokens[next].start).trim() !== '') return false;
  // As its sentence reads it ("the Galileo spacecraft found"): the text stage's tags, the head noun a
  // noun phrase's last word when no noun of the same sentence follows it.
  const { pos, sentence } = view;
  const after =
    next + 1 < tokens.length && sentence[next + 1] === sentence[next] ? pos.at(next + 1)?.tag : undefined;
  return pos.at(next)?.tag === 'NOUN' && (after === undefined || !NOUN_TAGS.has(after));
}

/** Whether tokens [t0, t1) name a company the KB knows ("Apple", "Google"). */
export type Company = (t0: number, t1: number) => boolean;

/**
 * "Google Stadia", "Apple AirPods": a company the KB knows, then capitalised words that are no
 * common noun ("Google Cloud", "Apple Music" stay the company's units), no first name, place, or
 * word of an organisation's name ("Samsung Electronics"): the company's product.
 */
function isBrandProduct(view: TokenView, w: Work, company: Company): boolean {
  if (w.t1 - w.t0 < 2 || !company(w.t0, w.t0 + 1)) return false;
  const { nameEnds, selfStandingHeads, places, placeEnds } = nameTypeWords();
  for (let t = w.t0 + 1; t < w.t1; t++) {
    const k = view.keys[t];
    if (view.tokens[t].kind !== 'word' || !view.capitalised[t] || isCommonNoun(k)) return false;
    if (ORG_HEAD_NOUNS.has(k) || nameEnds.has(k) || selfStandingHeads.has(k) || placeEnds.has(k))
      return false;
    if (places.has(k) || cityNames().has(k) || firstNameGender(k) !== undefined) return false;
  }
  return true;
}

/**
 * "Hubble Space Telescope", "Magic Keyboard": a thing's noun ends the name after a common noun
 * ("Sandy Hook", "Boston Globe", "Ford Motor" have none before the last word). Not a person's
 * name ("Senator Bell"), nor one a number goes on ("Teamsters Local 294").
 */
function ownThingHead(view: TokenView, w: Work): boolean {
  const { keys, tokens } = view;
  if (w.t1 - w.t0 < 2 || w.type === 'PERSON' || !things().nameHeads.has(keys[w.t1 - 1])) return false;
  if (w.t1 < tokens.length && tokens[w.t1].kind === 'number') return false;
  return isCommonNoun(keys[w.t1 - 2]);
}

/** A size written with its unit before a name ("16-inch", "2.5-litre"): the unit is the last part. */
const SIZE = /^\p{N}[\p{N}.,]*-(\p{L}+)$/u;
const PLURAL = /[^s]s$/u;

/**
 * The word just before the name says it is a thing: a size ("the 16-inch MacBook Pro") or a
 * thing's noun in lower case ("the benchmark Sensex", "the telescope Hubble").
 */
function thingWordBefore(view: TokenView, w: Work): boolean {
  const b = w.t0 - 1;
  if (b < 0 || view.tokens[b].kind !== 'word' || view.capitalised[b]) return false;
  const { sizeUnits, descriptors } = things();
  const word = view.text.slice(view.tokens[b].start, view.tokens[b].end);
  const unit = SIZE.exec(word)?.[1];
  if (unit !== undefined) return sizeUnits.has(unit.toLowerCase());
  // One thing's noun: a plural names kinds of owner ("the newspaper chains Gannett and GateHouse").
  const key = view.keys[b];
  if (!descriptors.has(key) || PLURAL.test(key) || view.text.slice(view.tokens[b].end, w.start) !== ' ')
    return false;
  // A noun, as the sentence reads it ("the benchmark Sensex"), not a verb ("would hammer Clinton").
  return view.pos.at(b)?.tag === 'NOUN';
}

/** The name ends its noun phrase: no noun follows it ("the 16-inch MacBook Pro is", not "a 40-minute CNN interview"). */
function endsPhrase(view: TokenView, w: Work): boolean {
  const { tokens, sentence, pos } = view;
  if (w.t1 >= tokens.length || sentence[w.t1] !== sentence[w.t0]) return true;
  // No tags (a document the text stage did not tag): not known to end here.
  const next = pos.at(w.t1)?.tag;
  return next !== undefined && !NOUN_TAGS.has(next);
}

/** A word of letters and digits run together ("AW3418DW", "256GB", "Powerbeats3"); not "1990s", "50th", "G4S". */
const MODEL_NUMBER = /^(?=.*\p{L})(?=.*\p{N})[\p{L}\p{N}]{4,}$/u;
const ORDINAL_OR_DECADE = /^\p{N}+(?:st|nd|rd|th|s)$/iu;

/** A name with a model number in it ("Dell Alienware AW3418DW", "A12X Bionic") is a product's. */
function hasModelNumber(view: TokenView, w: Work): boolean {
  for (let t = w.t0; t < w.t1; t++) {
    const word = view.text.slice(view.tokens[t].start, view.tokens[t].end);
    if (MODEL_NUMBER.test(word) && !ORDINAL_OR_DECADE.test(word)) return true;
  }
  return false;
}

const NOUN_TAGS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

/** "Jupiter, Florida", "in Jupiter": a celestial body's name that is a place's here. */
function placeShaped(view: TokenView, w: Work, celestialNames: ReadonlySet<string>): boolean {
  const { keys, capitalised, tokens } = view;
  const after = w.t1;
  const comma = after + 1 < tokens.length && keys[after] === ',' && capitalised[after + 1] === 1;
  return (comma && !celestialNames.has(keys[after + 1])) || cityContext(view, w.t0, w.t1);
}
