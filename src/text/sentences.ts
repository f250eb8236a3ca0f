import { z } from 'zod';
import type { Sentence, Token } from '../model/index.js';
import { loadData } from '../util/data.js';
import { CLOSING_GUILLEMETS, ENGLISH_CLOSING_QUOTES } from './quote-marks.js';

const AbbreviationsSchema = z.object({ titles: z.array(z.string()), other: z.array(z.string()) });
const EllipsisSchema = z.object({ continuing: z.array(z.string()) });

interface EndWords {
  titles: Set<string>;
  other: Set<string>;
  /** Words an ellipsis after them never ends a sentence ("the …", "about ..."). */
  continuing: Set<string>;
}

let abbreviations: EndWords | undefined;
function abbrev(): EndWords {
  if (!abbreviations) {
    const data = loadData('text/abbreviations.json', AbbreviationsSchema);
    const { continuing } = loadData('text/ellipsis.json', EllipsisSchema);
    abbreviations = {
      titles: new Set(data.titles),
      other: new Set(data.other),
      continuing: new Set(continuing),
    };
  }
  return abbreviations;
}

const CLOSERS = new Set<string>([...ENGLISH_CLOSING_QUOTES, ...CLOSING_GUILLEMETS, ')', ']']);
const ENDERS = new Set(['.', '!', '?', '…']);

/**
 * Splits tokens into sentences. Line breaks always end a sentence (and blank lines or single
 * line breaks start a paragraph); `.`, `!`, `?` end one when the next token starts a new
 * sentence, unless the word before the period is a title abbreviation ("Gen.") or another
 * abbreviation followed by a lower-case word or a number. An ellipsis ("...", "…") ends one only as a
 * reader would take it (see `ellipsisEnds`). Closing quote marks and brackets after the end
 * punctuation stay with the sentence they close.
 */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const abbreviations = abbrev();
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let first = 0;
  const close = (lastExclusive: number) => {
    if (lastExclusive <= first) return;
    const start = tokens[first].start;
    const end = tokens[lastExclusive - 1].end;
    sentences.push({
      start,
      end,
      text: text.slice(start, end),
      tokenStart: first,
      tokenEnd: lastExclusive,
      paragraph,
    });
    first = lastExclusive;
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const next = tokens[i + 1];
    if (!next) break;
    const gap = text.slice(tok.end, next.start);
    // A lone line break inside a sentence (a wrapped line: no end mark before it, a lower-case
    // word after it) does not end the sentence; a blank line or an end mark does.
    const wrapped =
      gap.indexOf('\n') === gap.lastIndexOf('\n') &&
      next.kind === 'word' &&
      /^\p{Ll}/u.test(text.slice(next.start, next.end)) &&
      !ENDERS.has(text.slice(tok.start, tok.end)) &&
      !CLOSERS.has(text.slice(tok.start, tok.end));
    if (gap.includes('\n') && !wrapped) {
      close(i + 1);
      paragraph++;
      continue;
    }
    const surface = text.slice(tok.start, tok.end);
    if (ENDERS.has(surface) || (tok.kind === 'word' && surface.endsWith('.') && surface.length > 2)) {
      const last = sentenceEndAt(text, tokens, i, surface, abbreviations);
      if (last === OUT_OF_TOKENS) break;
      if (last !== NO_END) {
        close(last + 1);
        i = last;
      }
    }
  }
  close(tokens.length);
  return sentences;
}

/** What `sentenceEndAt` returns when the end mark ends no sentence, or when no token follows. */
const NO_END = -1;
const OUT_OF_TOKENS = -2;

/**
 * For an end mark (`surface`) at token i: the last token of the sentence it ends, the closing
 * quotes and brackets right after it included; NO_END when the next token does not start a new
 * sentence (an abbreviation, an initial, "Caliber.Az"), OUT_OF_TOKENS when nothing follows.
 */
function sentenceEndAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  surface: string,
  words: EndWords,
): number {
  const { titles, other } = words;
  const tok = tokens[i];
  // Absorb closing quotes/brackets that follow the end mark directly.
  let j = i;
  while (
    tokens[j + 1] &&
    CLOSERS.has(text.slice(tokens[j + 1].start, tokens[j + 1].end)) &&
    tokens[j + 1].start === tokens[j].end
  )
    j++;
  const after = tokens[j + 1];
  if (!after) return OUT_OF_TOKENS;
  const afterGap = text.slice(tokens[j].end, after.start);
  if (afterGap.includes('\n')) return NO_END; // the line-break branch closes it after the closers
  const ellipsis = ellipsisStart(text, tokens, i);
  if (ellipsis >= 0) return ellipsisEnds(text, tokens, ellipsis, j, words.continuing) ? j : NO_END;
  if (afterGap.length === 0) return NO_END; // "Caliber.Az"-like joins or "?!" runs
  const afterText = text.slice(after.start, after.end);
  const startsSentence = /^[\p{Lu}\p{N}"“‘'([«]/u.test(afterText);
  if (surface === '.' && i > 0) {
    const prev = tokens[i - 1];
    const word = text.slice(prev.start, prev.end).toLowerCase();
    const attached = prev.end === tok.start;
    if (attached && titles.has(word)) return NO_END;
    if (attached && other.has(word) && !/^\p{Lu}/u.test(afterText)) return NO_END;
    if (attached && /^\p{L}$/u.test(word) && /^\p{Lu}/u.test(afterText)) {
      // A single initial ("John F. Kennedy") is not a sentence end.
      if (/^\p{Lu}$/u.test(text.slice(prev.start, prev.end))) return NO_END;
    }
  } else if (tok.kind === 'word' && surface.endsWith('.')) {
    // Dotted acronyms ("U.S.") end a sentence only before a typical sentence opener.
    if (
      !/^(?:The|A|An|In|On|But|And|He|She|It|They|We|I|This|That|Those|These|There|His|Her|Their|Its|As|At|For|If|When|While|After|Before|Meanwhile|However|“|")$/u.test(
        afterText,
      )
    )
      return NO_END;
  }
  return startsSentence ? j : NO_END;
}

const surfaceOf = (text: string, t: Token | undefined) => (t ? text.slice(t.start, t.end) : '');

/**
 * The first token of the ellipsis that ends at token i ("…", or a run of periods written together,
 * "...", "…."), or -1 when token i ends none.
 */
function ellipsisStart(text: string, tokens: readonly Token[], i: number): number {
  const mark = (k: number) => {
    const s = surfaceOf(text, tokens[k]);
    return s === '.' || s === '…';
  };
  if (!mark(i)) return -1;
  let k = i;
  while (k > 0 && mark(k - 1) && tokens[k - 1].end === tokens[k].start) k--;
  const run = text.slice(tokens[k].start, tokens[i].end);
  return run.includes('…') || run.length >= 2 ? k : -1;
}

/**
 * Whether the ellipsis at tokens[first, j] (closing quotes included) ends its sentence. A reader
 * takes it as an end before the start of a sentence (a capital, a number, an opening quote), even
 * written without a space ("individuals…This is"), and as words left out or a pause inside the
 * sentence before a lower-case word, after a word that cannot close a sentence ("the … Clinton
 * team"), or before a bracketed lower-case insertion ("to create … [an] incubator").
 */
function ellipsisEnds(
  text: string,
  tokens: readonly Token[],
  first: number,
  j: number,
  continuing: ReadonlySet<string>,
): boolean {
  const after = surfaceOf(text, tokens[j + 1]);
  if (first > 0 && continuing.has(surfaceOf(text, tokens[first - 1]).toLowerCase())) return false;
  if (after === '[' || after === '(') return /^\p{Lu}/u.test(surfaceOf(text, tokens[j + 2]));
  return /^[\p{Lu}\p{N}"“‘']/u.test(after);
}
