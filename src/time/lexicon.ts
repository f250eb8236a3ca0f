/** The word lists of the times stage (data/time/), loaded once and compiled into patterns. */
import { z } from 'zod';
import { loadData } from '../util/data.js';

const ExpressionsSchema = z.object({
  prepositions: z.array(z.string()),
  relational: z.array(z.string()),
  parts: z.array(z.string()),
  directional: z.object({ past: z.array(z.string()), future: z.array(z.string()) }),
  anchored: z.array(
    z.object({ phrase: z.string(), unit: z.enum(['year', 'month', 'day']), shift: z.number().int() }),
  ),
});

const TenseSchema = z.object({
  description: z.string(),
  future: z.array(z.string()),
  past: z.array(z.string()),
  participleAfter: z.array(z.string()),
  notPast: z.array(z.string()),
  boundaries: z.array(z.string()),
});

export interface AnchoredPhrase {
  unit: 'year' | 'month' | 'day';
  shift: number;
}

export interface TimeLexicon {
  /** "<preposition> <part>? " right before a date, matched at the end of the preceding text. */
  before: RegExp;
  relational: ReadonlySet<string>;
  parts: RegExp;
  /** "last " / "next " right before a month or weekday. */
  directional: RegExp;
  pastWords: ReadonlySet<string>;
  futureWords: ReadonlySet<string>;
  anchored: RegExp;
  anchoredBy: ReadonlyMap<string, AnchoredPhrase>;
  /** Cue words of tense, each match with its kind, in a clause. */
  tenseCue: RegExp;
  future: ReadonlySet<string>;
  participleAfter: ReadonlySet<string>;
  notPast: ReadonlySet<string>;
  boundary: RegExp;
  boundaryWords: ReadonlySet<string>;
}

const alt = (xs: readonly string[]): string =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");

let lexicon: TimeLexicon | undefined;

export function timeLexicon(): TimeLexicon {
  if (lexicon) return lexicon;
  const e = loadData('time/expressions.json', ExpressionsSchema);
  const t = loadData('time/tense.json', TenseSchema);
  const words = [...t.future, ...t.past];
  lexicon = {
    before: new RegExp(`\\b(${alt(e.prepositions)})\\s+(?:(${alt(e.parts)})[\\s-]+)?$`, 'i'),
    relational: new Set(e.relational),
    parts: new RegExp(`\\b(${alt(e.parts)})[\\s-]+$`, 'i'),
    directional: new RegExp(`\\b(${alt([...e.directional.past, ...e.directional.future])})\\s+$`, 'i'),
    pastWords: new Set(e.directional.past.map(norm)),
    futureWords: new Set(e.directional.future.map(norm)),
    anchored: new RegExp(`\\b(${alt(e.anchored.map((a) => a.phrase))})\\b`, 'gi'),
    anchoredBy: new Map(e.anchored.map((a) => [norm(a.phrase), { unit: a.unit, shift: a.shift }])),
    // Apostrophe forms ('ll) have no word boundary before them.
    tenseCue: new RegExp(`(?:\\b|(?=['’]))(${alt(words)})\\b|\\b([a-z]{3,}ed)\\b`, 'gi'),
    future: new Set(t.future.map(norm)),
    participleAfter: new Set(t.participleAfter.map(norm)),
    notPast: new Set(t.notPast.map(norm)),
    boundaryWords: new Set(t.boundaries.map(norm)),
    boundary: new RegExp(`\\b(?:${alt(t.boundaries)})\\b|[;:]|\\s[—–]\\s`, 'gi'),
  };
  return lexicon;
}

export { norm as normWord };
