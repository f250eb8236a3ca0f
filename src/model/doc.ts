import type { ArticleMeta } from './meta.js';
import type { Message } from './message.js';
import type { Actor, Attribution, Claim, Event, Mention, Sentence, TimeExpr, Token } from './analysis.js';
import type { TextSpan } from './span.js';

/**
 * The document every stage reads: the immutable text and the layers earlier stages produced.
 * Stages never mutate it; each returns the layers it provides and the pipeline builds the next Doc.
 */
export interface Doc {
  readonly id?: string;
  readonly text: string;
  readonly meta: ArticleMeta;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly title?: TextSpan;
  readonly byline?: TextSpan;
  readonly mentions: readonly Mention[];
  readonly actors: readonly Actor[];
  readonly attributions: readonly Attribution[];
  readonly claims: readonly Claim[];
  readonly events: readonly Event[];
  readonly times: readonly TimeExpr[];
  readonly messages: readonly Message[];
}

export type Layer = Exclude<keyof Doc, 'id' | 'text' | 'meta'>;

/** What a stage returns: the layers it provides (messages are appended, everything else replaced). */
export type StageOutput = Partial<{ -readonly [K in Layer]: Doc[K] }>;

/** One ordered component of the pipeline, a pure function of the document so far. */
export interface Stage {
  readonly name: string;
  readonly requires: readonly Layer[];
  readonly provides: readonly Layer[];
  run(doc: Doc): StageOutput;
}
