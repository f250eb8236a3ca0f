import type { Sentence, Token } from '../model/index.js';
import type { LinkedAttribution, RoleSpan } from './link.js';

/**
 * Attributions the tagger misses but the syntax makes certain: "X, according to Y." and
 * "According to Y, X." — the cue phrase fixes the source (what follows it up to the clause end)
 * and the content (the rest of the sentence). Runs only where no linked attribution's cue or
 * content already covers the phrase.
 */
export function accordingTo(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  sentenceOf: Int32Array,
  linked: readonly LinkedAttribution[],
  isPhraseStart: (i: number) => boolean,
): LinkedAttribution[] {
  const out: LinkedAttribution[] = [];
  const word = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const covers = (spans: readonly (RoleSpan | null)[], i: number) =>
    spans.some((s) => s && s.from <= i && i < s.to);
  const isBreak = (i: number) => /^[,;:.!?)—–]$/u.test(word(i)) || tokens[i].kind === 'quote';
  for (let p = 0; p + 1 < tokens.length; p++) {
    if (!isPhraseStart(p)) continue;
    if (linked.some((a) => covers([a.cue], p) || covers(a.content, p))) continue;
    const s = sentences[sentenceOf[p]];
    if (!s) continue;
    const cue: RoleSpan = { role: 'cue', from: p, to: p + 2 };
    // The source: from after "to" up to the next clause break.
    let e = p + 2;
    while (e < s.tokenEnd && !isBreak(e)) e++;
    if (e === p + 2) continue;
    const source: RoleSpan = { role: 'source', from: p + 2, to: e };
    let content: RoleSpan | null = null;
    const trimEnd = (from: number, to: number) => {
      while (to > from && isBreak(to - 1) && tokens[to - 1].kind !== 'quote') to--;
      return to;
    };
    if (p - s.tokenStart >= 3) {
      // "X, according to Y": the content is everything before the phrase.
      const to = trimEnd(s.tokenStart, p);
      if (to - s.tokenStart >= 3) content = { role: 'content', from: s.tokenStart, to };
    } else if (e < s.tokenEnd && word(e) === ',') {
      // "According to Y, X."
      const to = trimEnd(e + 1, s.tokenEnd);
      if (to - (e + 1) >= 3) content = { role: 'content', from: e + 1, to };
    }
    if (!content) continue;
    const c = content;
    if (
      linked.some(
        (a) => a.cue && a.content.some((x) => x.from < c.to && c.from < x.to) && !covers([a.cue], p),
      )
    ) {
      // Another attribution claims this content; leave it unless its cue lies inside the content
      // ("Bloomberg reports that …, according to the Roper Center": the outer one is ours).
      const inner = linked.filter((a) => a.content.some((x) => x.from < c.to && c.from < x.to));
      if (!inner.every((a) => a.cue && a.cue.from >= c.from && a.cue.to <= c.to)) continue;
    }
    out.push({ cue, source, content: [content] });
  }
  return out;
}

/**
 * The speaker next to a cue the tagger left without a source: a pronoun or a capitalised name
 * directly before it (auxiliaries and adverbs may intervene: "Trump has repeatedly said") or
 * directly after it ("…,” said Smith"). Only adjacent words, so it never reaches into a clause.
 */
export function adjacentSource(
  text: string,
  tokens: readonly Token[],
  cue: RoleSpan,
  sentence: Sentence,
  lex: { auxiliaries: Set<string>; notSources: Set<string>; pronouns: Map<string, unknown> },
): RoleSpan | null {
  const surface = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const isName = (i: number) =>
    tokens[i].kind === 'word' && /^\p{Lu}/u.test(surface(i)) && !lex.notSources.has(surface(i).toLowerCase());
  let i = cue.from - 1;
  while (i >= sentence.tokenStart && lex.auxiliaries.has(surface(i).toLowerCase())) i--;
  if (i >= sentence.tokenStart) {
    const w = surface(i).toLowerCase();
    if (lex.pronouns.has(w) && w !== 'it' && w !== 'him' && w !== 'her' && w !== 'them')
      return { role: 'source', from: i, to: i + 1 };
    if (isName(i)) {
      let b = i;
      while (b - 1 >= sentence.tokenStart && isName(b - 1)) b--;
      return { role: 'source', from: b, to: i + 1 };
    }
  }
  const j = cue.to;
  if (j < sentence.tokenEnd && isName(j)) {
    let e = j;
    while (e + 1 < sentence.tokenEnd && isName(e + 1)) e++;
    return { role: 'source', from: j, to: e + 1 };
  }
  return null;
}

const NAME_LINKERS = new Set(['of', 'for', 'the', 'de', 'von', 'van', 'al', 'bin']);

/**
 * The subject of a cue separated from it by a parenthetical: "Ukrainian MP Oleksandr Dubinsky,
 * currently under pre-trial detention …, has suggested" / "Marco Rubio, who, in early April,
 * affirmed". When the cue follows a comma, the nearest capitalised name (titles and "of" inside)
 * that is itself followed by a comma opens the parenthetical and is the speaker.
 */
export function parentheticalSubject(
  text: string,
  tokens: readonly Token[],
  cue: RoleSpan,
  sentence: Sentence,
  lex: { auxiliaries: Set<string>; notSources: Set<string> },
): RoleSpan | null {
  const surface = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const isCap = (i: number) => tokens[i].kind === 'word' && /^\p{Lu}/u.test(surface(i));
  // A participle ("…, noting that") shares the main clause's subject; this is for finite verbs.
  if (/ing$/i.test(surface(cue.from))) return null;
  let i = cue.from - 1;
  while (i >= sentence.tokenStart && lex.auxiliaries.has(surface(i).toLowerCase())) i--;
  if (i < sentence.tokenStart || surface(i) !== ',') return null;
  for (let j = i - 1; j > sentence.tokenStart; j--) {
    if (surface(j) !== ',' || !isCap(j - 1)) continue;
    const last = j - 1;
    if (lex.notSources.has(surface(last).toLowerCase())) continue;
    let b = last;
    while (
      b - 1 >= sentence.tokenStart &&
      (isCap(b - 1) ||
        (NAME_LINKERS.has(surface(b - 1).toLowerCase()) && b - 2 >= sentence.tokenStart && isCap(b - 2)))
    )
      b--;
    // A name run right after a preposition is a place or date ("in Kyiv,"), not a subject.
    if (
      b - 1 >= sentence.tokenStart &&
      /^(in|on|at|since|from|to|with|near|after|before|during)$/i.test(surface(b - 1))
    )
      continue;
    // A lone sentence-initial word before a comma is an adverb ("Meanwhile,"), not a name.
    if (b === sentence.tokenStart && last === b) continue;
    return { role: 'source', from: b, to: last + 1 };
  }
  return null;
}
