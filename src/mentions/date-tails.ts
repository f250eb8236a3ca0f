import { z } from 'zod';
import type { Token } from '../model/index.js';
import { loadData } from '../util/data.js';

/*
 * The tagger reads a window of words, so on news it runs a name into the date after it ("UN
 * Security Council on Tuesday", "Labor Department on Wednesday") or before it ("Wednesday the Secret
 * Service"). No name of the CoNLL train gold holds a date that way (data/mentions/date-words.json),
 * so the name is cut where the date begins. A weekday or month inside a name is kept ("Sheffield
 * Wednesday", "Tuesday Weld", "Fiona May").
 */

const DateWordsSchema = z.object({
  dateWords: z.array(z.string()),
  prepositions: z.array(z.string()),
});

interface DateWords {
  dates: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
}
let words: DateWords | undefined;
function dateWords(): DateWords {
  if (!words) {
    const data = loadData('mentions/date-words.json', DateWordsSchema);
    words = { dates: new Set(data.dateWords), prepositions: new Set(data.prepositions) };
  }
  return words;
}

const LOWER_CASE = /^\p{Ll}+$/u;

/**
 * The token range `[first, last]` of a name without the date NER ran it into: a lower-case
 * preposition and a weekday or month end it ("… Council on Tuesday"), and a weekday or month
 * followed by lower-case words before the name's first capitalised word begin it ("Wednesday the
 * Secret Service"). Returns the range unchanged when there is no date.
 */
export function withoutDate(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
): [number, number] {
  const { dates, prepositions } = dateWords();
  const word = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const isLower = (i: number) => tokens[i].kind === 'word' && LOWER_CASE.test(word(i));
  const isDate = (i: number) => tokens[i].kind === 'word' && !isLower(i) && dates.has(word(i).toLowerCase());
  for (let i = first + 1; i < last; i++) {
    if (isLower(i) && prepositions.has(word(i)) && isDate(i + 1)) {
      last = i - 1;
      break;
    }
  }
  if (first < last && isDate(first) && isLower(first + 1)) {
    let i = first + 1;
    while (i <= last && isLower(i)) i++;
    first = i;
  }
  return [first, last];
}
