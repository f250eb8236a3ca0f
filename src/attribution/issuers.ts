import type { Mention } from '../model/index.js';
import { cueLexicon } from './lexicon.js';

/*
 * Sources that speak for someone else: a document ("a report from Kotak", "guidance from the Mayo
 * Clinic", "Amnesty's report", "an FBI report") is its issuer's statement, and a spokesperson
 * without a name ("a spokesman for the agency", "a CBP spokeswoman") is the organisation's voice.
 * A spokesperson for a person ("a spokesman for Smith") is not that person: the words are the
 * spokesperson's, so the source stays unnamed.
 */

/** Words before the noun that may open the phrase ("a", "the new", "credible"): lower-case only. */
const MAX_WORDS_BEFORE = 3;

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string, offset: number): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.&-]*/gu))
    out.push({ text: m[0].toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

/** The length of the phrase of `lists` that starts at words[k], or 0. */
function phraseAt(words: readonly Word[], k: number, lists: readonly string[][]): number {
  for (const p of lists) if (p.every((w, i) => words[k + i]?.text === w)) return p.length;
  return 0;
}

/**
 * The mention of whoever a document or spokesperson source speaks for, or undefined.
 * `over` are the mentions overlapping the source; `typeOf` gives a mention's actor type, or
 * undefined when it has no actor.
 */
export function issuerMention(
  text: string,
  start: number,
  end: number,
  over: readonly Mention[],
  typeOf: (m: Mention) => string | undefined,
): Mention | undefined {
  const lex = cueLexicon();
  const words = wordsOf(text.slice(start, end), start);
  const inMention = (w: Word) => over.some((m) => m.start <= w.start && w.end <= m.end);
  for (let k = 0; k < words.length && k <= MAX_WORDS_BEFORE + 2; k++) {
    const doc = phraseAt(words, k, lex.issuerNouns);
    const spokes = doc ? 0 : phraseAt(words, k, lex.spokesNouns);
    const len = doc || spokes;
    if (!len) {
      // Only determiners, adjectives, names and dates ("a February survey") may come before the noun.
      if (!inMention(words[k]) && k >= MAX_WORDS_BEFORE) return undefined;
      continue;
    }
    const fits = (m: Mention | undefined) => {
      const type = m ? typeOf(m) : undefined;
      return type !== undefined && (doc > 0 || type !== 'PERSON') ? m : undefined;
    };
    const next = k + len;
    const link = phraseAt(words, next, lex.issuerLinks);
    // The noun heads the phrase: nothing but a link to its issuer, a comma or a clause after it
    // ("a GOP data expert" is an expert).
    const rest = text.slice(words[next - 1].end, words[next]?.start ?? end);
    if (next < words.length && !link && !/[,(—–]/u.test(rest) && !/^(who|which|that)$/.test(words[next].text))
      return undefined;
    // "Amnesty's report", "an FBI report", "a CBP spokeswoman": the name just before the noun.
    const before = over
      .filter(
        (m) =>
          m.start >= start &&
          m.end <= words[k].start &&
          /^['’]?s?\s*$/u.test(text.slice(m.end, words[k].start)),
      )
      .sort((a, b) => b.end - a.end)[0];
    // A name without an actor there is the document's title ("the TexAuto Facts report from
    // InfoNation"): the issuer may still follow a link that names one ("from", "by"; not "of").
    const topic = link > 0 && lex.topicLinks.has(words[next].text);
    if (before && (fits(before) || !link || topic)) return fits(before);
    // "a report from Kotak", "reports received by Amnesty", "a spokesman for the agency".
    if (!link || next + link >= words.length) return undefined;
    let at = next + link;
    if (words[at].text === 'the') at++;
    const from = words[at]?.start;
    const after = over.filter((m) => m.start === from || (m.start <= from && from < m.end));
    after.sort((a, b) => b.end - b.start - (a.end - a.start));
    return fits(after[0]);
  }
  return undefined;
}
