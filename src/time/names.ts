/**
 * Words chrono reads as dates that are names or nouns in news prose: "USA TODAY", "the Sun",
 * "Black Friday", "April Ryan", a "protest march", "now". English writes months and weekdays with a
 * capital, names them after a preposition or on their own, and never in capitals inside a name.
 */
const CASUAL = /^(?:today|tonight|yesterday|tomorrow)$/i;
const NOW = /^(?:right\s+)?now$/i;
/** "for eight minutes" is a duration; "in the day" ("earlier in the day") is no particular day. */
const DURATION =
  /^(?:for\s+(?:\S+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)|in\s+the\s+(?:day|week|month|year))$/i;
const MONTH_ONLY =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const MONTH_ABBR = /^(?:jan|feb|mar|apr|aug|sept?|oct|nov|dec)$/i;
const MONTH_NAME =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december)/i;
const WEEKDAY_ABBR = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/i;
const WEEKDAY = /^(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/i;
/** Words that may stand capitalised before a month or weekday without making it a name. */
const DATE_WORDS =
  /^(?:on|in|by|since|until|till|from|through|last|next|this|that|early|late|mid|before|after|during|every|each|of|and|or|but|as|at|around|between|the|a|until|said|says|told|late-|early-)$/i;

/** Whether a chrono match `[start, end)` with text `raw` is a name or noun rather than a date. */
export function notADate(text: string, start: number, raw: string): boolean {
  const word = raw.trim();
  if (NOW.test(word) || DURATION.test(word)) return true;
  // "1 1/2 cups", "3/4": fractions, not days.
  if (
    /^\d{1,2}\/\d{1,2}$/.test(word) &&
    (/^[1-9]\/[2-9]$/.test(word) || /\d\s$/.test(text.slice(Math.max(0, start - 2), start)))
  )
    return true;
  // "USA TODAY", "the Today show": casual day words in capitals or title case inside a sentence.
  if (
    CASUAL.test(word) &&
    (word === word.toUpperCase() || (/^[A-Z]/.test(word) && !sentenceStart(text, start)))
  )
    return true;
  // Months are capitalised in English: a "protest march", "may".
  const monthWord = /^\p{L}+/u.exec(word)?.[0] ?? '';
  if (MONTH_NAME.test(monthWord) && /^[a-z]/.test(monthWord)) return true;
  // An abbreviation alone ("the Sun", "Jan" the person) is not a date.
  if (WEEKDAY_ABBR.test(word) || (MONTH_ABBR.test(word) && !/\.$/.test(word))) return true;
  const prev = previousWord(text, start);
  const next = /^\s+(\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(start + raw.length))?.[1];
  // "April Ryan", "June Carter": a bare month followed by a capitalised name, with no preposition before.
  if (
    MONTH_ONLY.test(word) &&
    next &&
    !MONTH_NAME.test(next) &&
    !WEEKDAY.test(next) &&
    !(prev && DATE_WORDS.test(prev))
  )
    return true;
  // "Black Friday", "Super Tuesday", "Cyber Monday": a weekday after a capitalised word.
  if (WEEKDAY.test(word) && prev && /^\p{Lu}/u.test(prev) && !DATE_WORDS.test(prev)) return true;
  return false;
}

function previousWord(text: string, start: number): string | undefined {
  return /([\p{L}'’-]+)[\s,]*$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
}

function sentenceStart(text: string, start: number): boolean {
  return /(?:^|[.!?]["'”’)]?\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start));
}
