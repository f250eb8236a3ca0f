import type { ArticleMeta } from './meta.js';
import type { DocLayers, Layer } from './layers.js';

export type { Layer } from './layers.js';

/**
 * The document every stage reads: the immutable text and the layers earlier stages produced (the
 * layers are declared once, in `./layers.ts`). Stages never mutate it; each returns the layers it
 * provides and the pipeline builds the next Doc.
 */
export interface Doc extends DocLayers {
  readonly id?: string;
  readonly text: string;
  readonly meta: ArticleMeta;
}

/** What a stage returns: the layers it provides (messages are appended, everything else replaced). */
export type StageOutput = Partial<{ -readonly [K in Layer]: Doc[K] }>;

/** One ordered component of the pipeline, a pure function of the document so far. */
export interface Stage {
  readonly name: string;
  readonly requires: readonly Layer[];
  readonly provides: readonly Layer[];
  run(doc: Doc): StageOutput;
}
