import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A word of a sentence with its part of speech (Universal POS) and lemma, spans into the article. */
export interface Tagged {
  start: number;
  end: number;
  text: string;
  lower: string;
  lemma: string;
  pos: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;
function engine(): Nlp {
  // Loaded on first use: the model costs ~100 ms to read, and only the events stage needs it.
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/**
 * Tags `text.slice(start, end)` with wink-nlp and maps its tokens back to article offsets.
 * wink's tokenizer is lossless (value + preceding spaces rebuild the input), so offsets are exact;
 * a token that does not match its place is searched for nearby rather than trusted.
 */
export function tagRange(text: string, start: number, end: number): Tagged[] {
  const slice = text.slice(start, end);
  if (!slice.trim()) return [];
  const n = engine();
  const doc = n.readDoc(slice);
  const its = n.its;
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc
    .tokens()
    .out(its.lemma as Parameters<ReturnType<typeof doc.tokens>['out']>[0]) as string[];
  const out: Tagged[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    at += spaces[i]?.length ?? 0;
    let s = at;
    if (slice.slice(s, s + v.length) !== v) {
      const found = slice.indexOf(v, Math.max(0, at - 2));
      if (found < 0 || found > at + 64) continue;
      s = found;
    }
    at = s + v.length;
    // wink splits "Clinton's" into "Clinton" + "'s" or not depending on what its cache has learnt from
    // earlier documents; splitting here makes the tags a function of this text alone.
    const possessive = POSSESSIVE.exec(v);
    if (possessive) {
      const base = possessive[1]!;
      out.push(
        {
          start: start + s,
          end: start + s + base.length,
          text: base,
          lower: base.toLowerCase(),
          lemma: base.toLowerCase(),
          pos: pos[i] === 'PROPN' || /^\p{Lu}/u.test(base) ? 'PROPN' : 'NOUN',
        },
        {
          start: start + s + base.length,
          end: start + s + v.length,
          text: possessive[2]!,
          lower: possessive[2]!.toLowerCase(),
          lemma: "'s",
          pos: 'PART',
        },
      );
      continue;
    }
    out.push({
      start: start + s,
      end: start + s + v.length,
      text: v,
      lower: v.toLowerCase(),
      lemma: (lemmas[i] ?? v).toLowerCase(),
      pos: pos[i] ?? 'X',
    });
  }
  return out;
}

const POSSESSIVE = /^(\p{L}[\p{L}\p{M}.-]*)(['’][sS])$/u;
