import { z } from 'zod';
import type { Stance } from '../model/index.js';
import { StanceSchema } from '../model/index.js';
import { loadData } from '../util/data.js';

const CueDataSchema = z.object({
  verbs: z.object({
    neutral: z.array(z.string()),
    distancing: z.array(z.string()),
    hedged: z.array(z.string()),
    endorsing: z.array(z.string()),
  }),
  irregular: z.record(z.string(), z.array(z.string())),
  phrases: z.array(z.object({ words: z.string(), lemma: z.string(), stance: StanceSchema })),
  nouns: z.array(z.string()),
  outletVerbs: z.array(z.string()),
  personalRelayVerbs: z.array(z.string()).default([]),
  citing: z.array(z.string()),
  recipients: z.array(z.string()).default([]),
  notCues: z.array(z.string()).default([]),
  passiveReports: z.array(z.string()).default([]),
  outletWords: z.array(z.string()).default([]),
  unnamedSources: z.array(z.string()),
  unnamedMarkers: z.array(z.string()),
  pronouns: z.record(z.string(), z.enum(['PERSON', 'NONPERSON', 'ANY'])),
  claimBlockers: z.array(z.string()),
  auxiliaries: z.array(z.string()),
  speechVerbs: z.array(z.string()),
  objectReports: z.array(z.string()).default([]),
  notSources: z.array(z.string()),
  issuerNouns: z.array(z.string()).default([]),
  spokesNouns: z.array(z.string()).default([]),
  issuerLinks: z.array(z.string()).default([]),
  topicLinks: z.array(z.string()).default([]),
});

export interface CueEntry {
  lemma: string;
  stance: Stance;
}

export interface CuePhrase extends CueEntry {
  /** Lower-cased words of the phrase, matched token by token. */
  words: string[];
}

export interface CueLexicon {
  /** Inflected verb form (lower case) → its lemma and stance. */
  forms: Map<string, CueEntry>;
  /** Multi-word cues indexed by their first word, longest first. */
  phrases: Map<string, CuePhrase[]>;
  nouns: Set<string>;
  /** Lemmas of verbs an outlet uses to relay a statement ("reports", "cites"). */
  outletVerbs: Set<string>;
  /**
   * Outlet verbs people use as often ("Reeves wrote, citing …"): they relay only when the name
   * before them is a known outlet or ends in an outlet word ("Times").
   */
  personalRelayVerbs: Set<string>;
  /** Words introducing what an outlet relies on ("citing", "quoting"), as word lists. */
  citing: string[][];
  /** Words before the outlet a statement was given to ("told", "in an interview with"), as word lists. */
  recipients: string[][];
  /** Last words of outlet names ("Times", "News", "media"), lower case. */
  outletWords: Set<string>;
  /** Phrases around a tagged cue that report no speech, thought or writing ("also known as"), as word lists. */
  notCues: string[][];
  /** Lemmas whose passive with an agent reports what the agent said ("was echoed by Rubio"). */
  passiveReports: Set<string>;
  unnamedSources: Set<string>;
  unnamedMarkers: Set<string>;
  pronouns: Map<string, 'PERSON' | 'NONPERSON' | 'ANY'>;
  /** Lemmas whose presence in a sentence means it reports speech, so it is no bare claim. */
  claimBlockers: Set<string>;
  /** Words that may stand between a subject and its cue ("has", "also", "repeatedly"). */
  auxiliaries: Set<string>;
  /** Capitalised words after a cue that are no speaker ("said Friday"). */
  notSources: Set<string>;
  /** Lemmas of plain verbs of saying, whose cue always reports some content ("said", "noted"). */
  speechVerbs: Set<string>;
  /**
   * Verbs whose plain object is what was said ("condemned the move"): finite forms head a cue
   * 71–96% of the time on PolNeAR train (condemned 12/13, blasted 23/24, criticized 64/80).
   */
  objectReports: Set<string>;
  /** Irregular verb forms, which may be past participles ("thought", "told"): for passive cues. */
  participles: Set<string>;
  /** Documents that speak for whoever issued them ("a report from X", "guidance from X"), as word lists. */
  issuerNouns: string[][];
  /** People who speak for an organisation ("a spokesman for X", "a CBP spokeswoman"), as word lists. */
  spokesNouns: string[][];
  /** Words between such a noun and its issuer ("from", "received by"), as word lists, longest first. */
  issuerLinks: string[][];
  /** Links that after a named document give its subject, not its issuer ("a YouGov poll of voters"). */
  topicLinks: ReadonlySet<string>;
}

// Later lists win, so a verb listed as neutral and as distancing is distancing.
const STANCE_ORDER: readonly Stance[] = ['neutral', 'hedged', 'endorsing', 'distancing'];

/** Regular English inflections of a verb lemma; over-generation is harmless for lookup. */
export function inflections(lemma: string): string[] {
  const out = new Set<string>([lemma, lemma + 's', lemma + 'ed', lemma + 'ing']);
  const last = lemma[lemma.length - 1];
  if (/(s|sh|ch|x|z|o)$/.test(lemma)) out.add(lemma + 'es');
  if (last === 'e') {
    out.add(lemma + 'd');
    if (!lemma.endsWith('ee')) out.add(lemma.slice(0, -1) + 'ing');
  }
  if (/[^aeiou]y$/.test(lemma)) {
    const stem = lemma.slice(0, -1);
    out.add(stem + 'ies');
    out.add(stem + 'ied');
  }
  // Consonant doubling ("admit" → "admitted", "plan" → "planned").
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(lemma)) {
    out.add(lemma + last + 'ed');
    out.add(lemma + last + 'ing');
  }
  return [...out];
}

let cached: CueLexicon | undefined;

/** Lower-cased phrases as word lists, longest first. */
function wordLists(phrases: readonly string[]): string[][] {
  return phrases.map((p) => p.toLowerCase().split(/\s+/)).sort((a, b) => b.length - a.length);
}

/** The cue lexicon from `data/attribution/cues.json`, built once. */
export function cueLexicon(): CueLexicon {
  if (cached) return cached;
  const data = loadData('attribution/cues.json', CueDataSchema);
  const forms = new Map<string, CueEntry>();
  const stanceOf = new Map<string, Stance>();
  for (const stance of STANCE_ORDER) for (const lemma of data.verbs[stance]) stanceOf.set(lemma, stance);
  for (const [lemma, stance] of stanceOf) {
    const entry = { lemma, stance };
    for (const form of inflections(lemma)) if (!forms.has(form) || form === lemma) forms.set(form, entry);
    for (const form of data.irregular[lemma] ?? []) forms.set(form, entry);
  }
  // Irregular forms are exact: make sure a regular guess of another lemma does not shadow them.
  for (const [lemma, list] of Object.entries(data.irregular)) {
    const stance = stanceOf.get(lemma);
    if (stance) for (const form of list) forms.set(form, { lemma, stance });
  }
  const phrases = new Map<string, CuePhrase[]>();
  for (const p of data.phrases) {
    const words = p.words.toLowerCase().split(/\s+/);
    const list = phrases.get(words[0]) ?? [];
    list.push({ words, lemma: p.lemma, stance: p.stance });
    list.sort((a, b) => b.words.length - a.words.length);
    phrases.set(words[0], list);
  }
  cached = {
    forms,
    phrases,
    nouns: new Set(data.nouns),
    outletVerbs: new Set(data.outletVerbs),
    personalRelayVerbs: new Set(data.personalRelayVerbs),
    citing: data.citing.map((c) => c.toLowerCase().split(/\s+/)),
    recipients: data.recipients.map((c) => c.toLowerCase().split(/\s+/)).sort((a, b) => b.length - a.length),
    outletWords: new Set(data.outletWords),
    notCues: data.notCues.map((c) => c.toLowerCase().split(/\s+/)),
    passiveReports: new Set(data.passiveReports),
    unnamedSources: new Set(data.unnamedSources),
    unnamedMarkers: new Set(data.unnamedMarkers),
    pronouns: new Map(Object.entries(data.pronouns)),
    claimBlockers: new Set(data.claimBlockers),
    auxiliaries: new Set(data.auxiliaries),
    notSources: new Set(data.notSources),
    speechVerbs: new Set(data.speechVerbs),
    objectReports: new Set(data.objectReports),
    participles: new Set(Object.values(data.irregular).flat()),
    issuerNouns: wordLists(data.issuerNouns),
    spokesNouns: wordLists(data.spokesNouns),
    issuerLinks: wordLists(data.issuerLinks),
    topicLinks: new Set(data.topicLinks),
  };
  return cached;
}

/**
 * The lemma and stance of a cue span given its lower-cased words: a multi-word phrase when one
 * matches, else the first word that is a known verb form (skipping auxiliaries), else the words.
 */
export function cueLemma(words: readonly string[]): CueEntry {
  const lex = cueLexicon();
  for (let i = 0; i < words.length; i++) {
    for (const p of lex.phrases.get(words[i]) ?? []) {
      if (p.words.every((w, k) => words[i + k] === w)) return { lemma: p.lemma, stance: p.stance };
    }
  }
  for (const w of words) {
    const entry = lex.forms.get(w);
    if (entry) return entry;
  }
  const content = words.filter((w) => /\p{L}/u.test(w));
  return { lemma: (content.length ? content : words).join(' '), stance: 'neutral' };
}

/** True when a cue span contains a lexicon verb form, cue phrase or cue noun ("said", "according to"). */
export function hasLexiconCue(words: readonly string[]): boolean {
  const lex = cueLexicon();
  return words.some(
    (w, i) =>
      lex.forms.has(w) ||
      lex.nouns.has(w) ||
      (lex.phrases.get(w) ?? []).some((p) => p.words.every((x, k) => words[i + k] === x)),
  );
}
