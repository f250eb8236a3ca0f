import type { Doc, Mention, SourceRef } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { cueLexicon } from './lexicon.js';

const NAME_KINDS = new Set(['name', 'titled-name']);
/** How many mentions back a pronoun looks for its antecedent. */
const ANTECEDENT_WINDOW = 60;

/** The document's mentions sorted by start, for binary search (mentions may come unsorted). */
export interface MentionIndex {
  mentions: readonly Mention[];
  starts: Int32Array;
  /** Longest mention length, to bound the search for mentions overlapping a span. */
  maxLength: number;
}

export function mentionIndex(doc: Doc): MentionIndex {
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  let maxLength = 0;
  for (const m of mentions) maxLength = Math.max(maxLength, m.end - m.start);
  return { mentions, starts: Int32Array.from(mentions.map((m) => m.start)), maxLength };
}

function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function overlapping(index: MentionIndex, start: number, end: number): Mention[] {
  const out: Mention[] = [];
  for (
    let k = lowerBound(index.starts, start - index.maxLength);
    k < index.mentions.length && index.starts[k] < end;
    k++
  ) {
    const m = index.mentions[k];
    if (m.start < end && start < m.end) out.push(m);
  }
  return out;
}

/**
 * The source of an attribution as a reference: its span, the mention and actor it names when the
 * mentions/actors layers know them, a pronoun resolved to the nearest preceding compatible
 * mention, and `unnamed` for deliberately anonymous sources ("a senior official").
 */
export function resolveSource(doc: Doc, index: MentionIndex, start: number, end: number): SourceRef {
  const ref: SourceRef = textSpan(doc.text, start, end);
  const lex = cueLexicon();
  const words = ref.text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’.-]+/u)
    .filter(Boolean);
  const over = overlapping(index, start, end);
  const named = over.filter((m) => NAME_KINDS.has(m.kind));
  const pronounType = words.length === 1 ? lex.pronouns.get(words[0]) : undefined;

  let mention: Mention | undefined;
  if (named.length) {
    // The longest named mention inside the source is the one it names.
    mention = named.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  } else if (pronounType) {
    mention = over.find((m) => m.actor) ?? antecedent(index, start, pronounType);
  } else if (over.length) {
    mention = over.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  }
  if (mention) {
    ref.mention = mention.id;
    const actor = mention.actor ?? doc.actors.find((a) => a.mentions.includes(mention.id))?.id;
    if (actor) ref.actor = actor;
  }
  if (!pronounType && !named.length && isUnnamed(words, ref.text)) ref.unnamed = true;
  return ref;
}

/** The nearest named mention ending before `offset` compatible with the pronoun. */
function antecedent(
  index: MentionIndex,
  offset: number,
  type: 'PERSON' | 'NONPERSON' | 'ANY',
): Mention | undefined {
  const from = lowerBound(index.starts, offset) - 1;
  for (let k = from; k >= 0 && k > from - ANTECEDENT_WINDOW; k--) {
    const m = index.mentions[k];
    if (m.end > offset || m.kind === 'pronoun') continue;
    const ok = type === 'PERSON' ? m.type === 'PERSON' : type === 'NONPERSON' ? m.type !== 'PERSON' : true;
    if (ok) return m;
  }
  return undefined;
}

/**
 * An unnamed source has a head noun such as "official", "sources", "media" and no proper name
 * other than demonyms and organisation adjectives ("Russian media", "White House officials").
 */
export function isUnnamed(words: readonly string[], text: string): boolean {
  const lex = cueLexicon();
  if (!words.some((w) => lex.unnamedSources.has(w))) return false;
  // A personal name ("Smith, a spokesman") makes the source named: capitalised words that are
  // neither the first word nor markers/source nouns.
  const tokens = text.split(/\s+/).filter(Boolean);
  let capitalised = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const lw = t.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (/^\p{Lu}/u.test(t) && !lex.unnamedMarkers.has(lw) && !lex.unnamedSources.has(lw)) capitalised++;
  }
  return capitalised <= 2 && !/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(text.trim());
}
