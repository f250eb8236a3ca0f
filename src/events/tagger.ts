import type winkNLP from 'wink-nlp';
import { winkEnglish } from '../util/wink-model.js';

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

/** The learning part of wink's core model: the word → index table it extends with every unseen word. */
interface LexemeTable {
  hash: Record<string, number | undefined>;
  index: number;
  intrinsicSize: number;
}
interface FeatureTable {
  index?: number;
  /** Packed tables (prefix, suffix, shape) overflow their bit field past this. */
  maxIndex?: number;
}
interface CoreModel {
  features: Record<string, FeatureTable> & { lexeme: LexemeTable & FeatureTable };
}
interface ModelWithCore {
  core(): unknown;
}

/**
 * wink-nlp remembers every unseen word it reads, and a remembered word is tokenised differently later
 * ("nation's" kept whole instead of split), so tags would depend on which articles came before — and a
 * worker pool would disagree with a serial run. This wrapper hides words learnt from earlier documents,
 * so each text is read as by a fresh engine, and starts a fresh engine when the hidden entries
 * (which wink never frees) grow large or a packed feature table nears its capacity.
 */
class ScopedWink {
  private nlp!: Nlp;
  private core!: CoreModel;
  /** Lexeme indices below this and at or above the intrinsic size were learnt from earlier documents. */
  private floor = 0;

  constructor() {
    this.start();
  }

  private start(): void {
    const { winkNLP, model } = winkEnglish();
    const keep = (core: CoreModel) => {
      const table = core.features.lexeme;
      table.hash = new Proxy(table.hash, {
        get: (target, word: string) => {
          const i = target[word];
          return i !== undefined && i >= table.intrinsicSize && i < this.floor ? undefined : i;
        },
      });
      this.core = core;
    };
    const scoped = {
      ...model,
      core: () => {
        const core = (model as unknown as ModelWithCore).core() as CoreModel;
        keep(core);
        return core;
      },
    };
    this.nlp = winkNLP(scoped as typeof model, ['pos']);
  }

  /** The engine for the next text, reading it as if nothing had been read before. */
  fresh(): Nlp {
    const { lexeme } = this.core.features;
    const crowded = Object.values(this.core.features).some(
      (f) => f.maxIndex !== undefined && f.index !== undefined && f.index > f.maxIndex * 0.9,
    );
    if (crowded || lexeme.index - lexeme.intrinsicSize > LEARNT_WORDS_MAX) this.start();
    this.floor = this.core.features.lexeme.index;
    return this.nlp;
  }
}

/** Hidden learnt words kept before the engine is renewed (~10 MB; renewing costs ~50 ms). */
const LEARNT_WORDS_MAX = 200_000;

let engine: ScopedWink | undefined;

/**
 * Tags `text.slice(start, end)` with wink-nlp and maps its tokens back to article offsets.
 * wink's tokenizer is lossless (value + preceding spaces rebuild the input), so offsets are exact;
 * a token that does not match its place is searched for nearby rather than trusted.
 */
export function tagRange(text: string, start: number, end: number): Tagged[] {
  const slice = text.slice(start, end);
  if (!slice.trim()) return [];
  // Loaded on first use: the model costs ~50 ms to read, and only the events stage needs it.
  engine ??= new ScopedWink();
  const n = engine.fresh();
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
    // wink keeps "Clinton's" whole or splits it depending on the word's case and context; one token
    // form for possessives keeps the coder's patterns simple.
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
