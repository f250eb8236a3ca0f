import type { Token } from '../model/index.js';
import type { LinkedAttribution } from './link.js';

const MAX_LABEL_WORDS = 5;
const MIN_LABELLED_WORDS = 3;

/**
 * Speaker labels at the start of a line: transcript turns ("PENCE: Gennifer Flowers will not be
 * attending …") and headlines that give a named source its claim ("Graham: Trump’s Rhetoric
 * Destroying GOP"). The colon is the cue, the label the source, the rest of the line the content (a
 * headline's closing full stop left out). A transcript label is in capitals and names a person of the
 * article or is one of two or more labels that take turns; a headline label is a name.
 */
export function speakerLabels(
  text: string,
  tokens: readonly Token[],
  opts: {
    /** The article's title line, where "Name: claim" is a headline. */
    title?: { start: number; end: number };
    /** Tokens `[from, to)` hold a name (person or organisation) the mentions layer found. */
    isName: (from: number, to: number) => boolean;
    /** Lower-cased last words of the people named in the article ("pence", "wallace"). */
    personSurnames: ReadonlySet<string>;
  },
): LinkedAttribution[] {
  const surface = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const lineBreakBefore = (i: number) =>
    i > 0 && text.slice(tokens[i - 1].end, tokens[i].start).includes('\n');
  const lastWord = (from: number, to: number) => {
    let last = to - 1;
    while (last > from && surface(last) === '.') last--;
    return surface(last).toLowerCase();
  };
  const labels = lineLabels(text, tokens, opts.title);
  // Capitals labels that recur, when at least two of them take turns, are a transcript's speakers.
  const turns = new Map<string, number>();
  for (const l of labels) if (l.capitals && !l.inTitle) turns.set(l.key, (turns.get(l.key) ?? 0) + 1);
  const recurring = new Set([...turns].filter(([, n]) => n >= 2).map(([k]) => k));
  const dialogue = recurring.size >= 2;
  const out: LinkedAttribution[] = [];
  for (const { from, colon, inTitle, capitals, key } of labels) {
    const named = opts.personSurnames.has(lastWord(from, colon));
    const speaker = inTitle
      ? named || opts.isName(from, colon)
      : capitals && (named || (dialogue && recurring.has(key)));
    if (!speaker) continue;
    let end = colon + 1;
    while (end < tokens.length && !lineBreakBefore(end)) end++;
    if (inTitle && surface(end - 1) === '.') end--;
    let words = 0;
    for (let k = colon + 1; k < end; k++) if (tokens[k].kind === 'word') words++;
    if (words < MIN_LABELLED_WORDS) continue;
    out.push({
      cue: { role: 'cue', from: colon, to: colon + 1 },
      source: { role: 'source', from, to: colon },
      content: [{ role: 'content', from: colon + 1, to: end }],
    });
  }
  return out;
}

/** A capitalised run of up to five words and full stops opening a line, before a colon. */
interface Label {
  from: number;
  colon: number;
  inTitle: boolean;
  /** Every word is in capitals ("PENCE", "MR. WALLACE"). */
  capitals: boolean;
  key: string;
}

function lineLabels(text: string, tokens: readonly Token[], title?: { start: number; end: number }): Label[] {
  const surface = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const lineBreakBefore = (i: number) =>
    i > 0 && text.slice(tokens[i - 1].end, tokens[i].start).includes('\n');
  const labels: Label[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!(i === 0 || lineBreakBefore(i))) continue;
    // A transcript paragraph may open with the quote mark of a quotation running over paragraphs.
    const from = tokens[i].kind === 'quote' ? i + 1 : i;
    let colon = from;
    while (
      colon < tokens.length &&
      colon - from <= MAX_LABEL_WORDS &&
      (colon === from || !lineBreakBefore(colon)) &&
      (tokens[colon].kind === 'word' || surface(colon) === '.')
    )
      colon++;
    if (colon === from || colon >= tokens.length || surface(colon) !== ':' || lineBreakBefore(colon))
      continue;
    if (tokens[from].kind !== 'word' || !/^\p{Lu}/u.test(surface(from))) continue;
    let capitals = true;
    for (let k = from; k < colon; k++) {
      const w = surface(k);
      if (w !== '.' && !(/^[\p{Lu}'’.-]+$/u.test(w) && /\p{Lu}.*\p{Lu}/u.test(w))) capitals = false;
    }
    const inTitle =
      title !== undefined && tokens[from].start >= title.start && tokens[colon].end <= title.end;
    labels.push({
      from,
      colon,
      inTitle,
      capitals,
      key: text.slice(tokens[from].start, tokens[colon - 1].end),
    });
  }
  return labels;
}
