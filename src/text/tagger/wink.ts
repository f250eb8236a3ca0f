import type winkNLP from 'wink-nlp';
import { winkEnglish } from '../../util/wink-model.js';
import type { Tagged } from './tagged.js';

type Nlp = ReturnType<typeof winkNLP>;

/** The learning part of wink's core model: the word → index table it extends with every unseen word. */
interface LexemeTable {
  hash: Record<string, number | undefined>;
  list: string[];
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
/** wink's cache (its word store, one per engine): `add` learns an unseen word, or finds a known one. */
interface WinkCache {
  add(text: string, category: number): number;
}
type FeatureFunctions = Record<string, (word: string, category: number, cache: WinkCache) => unknown>;
interface ModelParts {
  core(): unknown;
  featureFn(config: unknown): FeatureFunctions;
  metaCER(): unknown;
}
/** A word wink learnt: its entry, and the entry of its lower-case form (its "normal"). */
interface Learnt {
  index: number;
  normal: number;
  /** Whether the normal's entry was made from the lower-case form under the same category. */
  ownNormal: boolean;
}

/**
 * wink-nlp remembers every unseen word it reads, and a remembered word is tokenised differently later
 * ("nation's" kept whole instead of split), so tags would depend on which articles came before — and a
 * worker pool would disagree with a serial run. This wrapper hides the words learnt from earlier texts
 * (one text is one sentence for the events coder), so each text is read as by a fresh engine.
 * Learning a word again was a third of the tagging time, so a hidden word met again is shown again
 * with the entry wink made for it before: an entry's features (shape, prefix, suffix, default part of
 * speech) depend only on the word, its category and the model's own vocabulary, so it is the entry a
 * fresh engine would make, under another index. A fresh engine is started when the learnt entries
 * (which wink never frees) grow large or a packed feature table nears its capacity.
 */
export class ScopedWink {
  private nlp!: Nlp;
  private core!: CoreModel;
  /** Words made visible while reading the current text (learnt or shown again): hidden before the next. */
  private visible: string[] = [];
  /** Each word learnt, by category and text. */
  private learnt: Array<Map<string, Learnt>> = [];
  /** The category each learnt entry was made under, by index above the model's own words. */
  private madeUnder: number[] = [];

  /** `maxLearnt`: learnt entries kept before the engine is renewed. */
  constructor(private readonly maxLearnt = LEARNT_WORDS_MAX) {
    this.start();
  }

  private start(): void {
    this.starts += 1;
    const { winkNLP, model } = winkEnglish();
    const parts = model as unknown as ModelParts;
    let cache: WinkCache | undefined;
    const scoped = {
      ...model,
      core: () => {
        this.core = parts.core() as CoreModel;
        return this.core;
      },
      // The package's loader stringifies its (already stringified) machines again on every call, so
      // each renewed engine doubled them until a long run failed with "Invalid string length".
      metaCER: () => (patternsModel ??= parts.metaCER()),
      // wink hands its cache only to the feature functions of a word it learns.
      featureFn: (config: unknown) => {
        const functions = parts.featureFn(config);
        const reaching: FeatureFunctions = {};
        for (const [name, f] of Object.entries(functions))
          reaching[name] = (word, category, c) => f(word, category, (cache ??= c));
        return reaching;
      },
    };
    this.nlp = winkNLP(scoped as unknown as typeof model, ['pos']);
    this.learnt = [];
    this.madeUnder = [];
    this.visible = [];
    const lexeme = this.core.features.lexeme;
    this.nlp.readDoc(UNSEEN_WORD);
    if (!cache) throw new Error('wink-nlp: its cache was not reached (a changed wink version?)');
    this.visible.push(...lexeme.list.slice(lexeme.intrinsicSize, lexeme.index));
    const add = cache.add.bind(cache);
    cache.add = (text, category) => this.recall(text, category) ?? this.learn(add, text, category);
    this.hide();
  }

  /** A hidden word shown again with its earlier entry, when that is the entry a fresh engine would make. */
  private recall(text: string, category: number): number | undefined {
    const { hash } = this.core.features.lexeme;
    if (hash[text] !== undefined) return undefined;
    const known = this.learnt[category]?.get(text);
    if (!known) return undefined;
    const normText = text.toLowerCase();
    if (normText !== text) {
      const normal = hash[normText];
      // A normal already visible with another entry would be the normal of a fresh engine's entry.
      if (normal !== undefined ? normal !== known.normal : !known.ownNormal) return undefined;
      if (normal === undefined) this.show(normText, known.normal);
    }
    this.show(text, known.index);
    return known.index;
  }

  private learn(add: WinkCache['add'], text: string, category: number): number {
    const lexeme = this.core.features.lexeme;
    const before = lexeme.index;
    const index = add(text, category);
    for (let k = before; k < lexeme.index; k++) {
      this.visible.push(lexeme.list[k]!);
      this.madeUnder[k - lexeme.intrinsicSize] = category;
    }
    if (index < lexeme.intrinsicSize || index < before) return index;
    const normal = lexeme.hash[text.toLowerCase()]!;
    const ownNormal =
      normal === index ||
      (normal >= lexeme.intrinsicSize && this.madeUnder[normal - lexeme.intrinsicSize] === category);
    (this.learnt[category] ??= new Map()).set(text, { index, normal, ownNormal });
    return index;
  }

  private show(word: string, index: number): void {
    this.core.features.lexeme.hash[word] = index;
    this.visible.push(word);
  }

  /** Hides the words of the last text (kept as keys: deleting from wink's big table costs more). */
  private hide(): void {
    const { hash } = this.core.features.lexeme;
    for (const word of this.visible) hash[word] = undefined;
    this.visible = [];
  }

  /** Engines started so far (the first one included). */
  starts = 0;

  /** The engine for the next text, reading it as if nothing had been read before. */
  fresh(): Nlp {
    this.hide();
    const { lexeme } = this.core.features;
    const crowded = Object.values(this.core.features).some(
      (f) => f.maxIndex !== undefined && f.index !== undefined && f.index > f.maxIndex * 0.9,
    );
    if (crowded || lexeme.index - lexeme.intrinsicSize > this.maxLearnt) this.start();
    return this.nlp;
  }
}

/** wink's custom-entity compiler model, read once: unused here (no custom entities), but every engine loads it. */
let patternsModel: unknown;

/** A word no model knows: reading it makes wink learn a word, which reaches its cache. */
const UNSEEN_WORD = 'Qxzvqj';
/** Learnt entries kept before the engine is renewed (~10 MB; renewing costs ~50 ms). */
const LEARNT_WORDS_MAX = 200_000;

let engine: ScopedWink | undefined;

/**
 * wink-nlp's tags of `text.slice(start, end)`, as the events stage read them until our own tagger
 * (index.ts) was distilled from them; only the tagger's training script runs wink now. Its tokens
 * are mapped back to article offsets.
 * wink's tokenizer is lossless (value + preceding spaces rebuild the input), so offsets are exact;
 * a token that does not match its place is searched for nearby rather than trusted.
 */
export function winkTagRange(text: string, start: number, end: number): Tagged[] {
  return tagWith((engine ??= new ScopedWink()), text, start, end);
}

/** `winkTagRange` with a given engine. */
export function tagWith(engine: ScopedWink, text: string, start: number, end: number): Tagged[] {
  const slice = text.slice(start, end);
  if (!slice.trim()) return [];
  const n = engine.fresh();
  const doc = n.readDoc(slice);
  const its = n.its;
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as Parameters<typeof tokens.out>[0]) as string[];
  const out: Tagged[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    at += spaces[i]?.length ?? 0;
    let s = at;
    if (!slice.startsWith(v, s)) {
      const found = slice.indexOf(v, Math.max(0, at - 2));
      if (found < 0 || found > at + 64) continue;
      s = found;
    }
    at = s + v.length;
    // wink keeps "Clinton's" whole or splits it depending on the word's case and context; one token
    // form for possessives keeps the coder's patterns simple.
    const possessive = v.length > 2 && (v.endsWith('s') || v.endsWith('S')) ? POSSESSIVE.exec(v) : null;
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
