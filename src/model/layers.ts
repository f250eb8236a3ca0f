/**
 * The document's layers, declared once. `Doc` (what stages read), `emptyDoc`, the `Analysis` schema
 * (what the pipeline returns and the store keeps) and the pipeline's order check all derive from
 * this list; a new layer is one line here, with its element schema.
 */
import { z } from 'zod';
import {
  ActorSchema,
  AttributionSchema,
  ClaimSchema,
  EventSchema,
  MentionSchema,
  QuotationSchema,
  SentenceSchema,
  TimeExprSchema,
  TokenPosSchema,
  TokenSchema,
} from './analysis.js';
import { ArticleMetaSchema } from './meta.js';
import { MessageSchema } from './message.js';
import { TextSpanSchema } from './span.js';

/**
 * A list layer read element by element: a plain array, or a list whose owner computes its elements
 * when they are first read (the text stage's `pos` layer tags a sentence when one of its tokens is
 * first read). Iterating it reads every element. Arrays are lazy lists as they are.
 */
export interface LazyList<T> extends Iterable<T> {
  readonly length: number;
  /** Element i, as `Array.prototype.at` reads it (a negative i counts from the end; undefined outside). */
  at(i: number): T | undefined;
}

/**
 * Each layer: its element schema; `one` for a single optional span (else a list); `optionalInAnalysis`
 * for a list left out of an analysis unless asked for; `lazy` for a list a document holds as a
 * `LazyList` (stages read it through `at`; an analysis holds it as an array, every element read).
 * Order is the order of an analysis's keys.
 */
export const LAYERS = {
  title: { schema: TextSpanSchema, one: true },
  byline: { schema: TextSpanSchema, one: true },
  sentences: { schema: SentenceSchema },
  tokens: { schema: TokenSchema, optionalInAnalysis: true },
  // Lazy: no stage reads the tags of a sentence the events stage's gate stops (38 % of PolNeAR train's
  // sentences, 25 % of its tokens), unless an analysis is asked for with its token layers.
  pos: { schema: TokenPosSchema, optionalInAnalysis: true, lazy: true },
  quotations: { schema: QuotationSchema, optionalInAnalysis: true },
  mentions: { schema: MentionSchema },
  actors: { schema: ActorSchema },
  attributions: { schema: AttributionSchema },
  claims: { schema: ClaimSchema },
  events: { schema: EventSchema },
  times: { schema: TimeExprSchema },
  messages: { schema: MessageSchema },
} as const;

type Layers = typeof LAYERS;
export type Layer = keyof Layers;
/** Every layer name, in declaration order. */
export const LAYER_NAMES = Object.keys(LAYERS) as Layer[];

/** Layers that hold one optional span (the title, the byline). */
export type SpanLayer = { [K in Layer]: Layers[K] extends { one: true } ? K : never }[Layer];
/** Layers that hold a list of elements. */
export type ListLayer = Exclude<Layer, SpanLayer>;
type OptionalListLayer = {
  [K in ListLayer]: Layers[K] extends { optionalInAnalysis: true } ? K : never;
}[ListLayer];
type LazyListLayer = { [K in ListLayer]: Layers[K] extends { lazy: true } ? K : never }[ListLayer];
type Element<K extends Layer> = z.infer<Layers[K]['schema']>;

export function isSpanLayer(name: Layer): name is SpanLayer {
  return 'one' in LAYERS[name];
}

/** Token-level layers, left out of an analysis unless asked for (`tokens`, `pos`, `quotations`). */
export function isOptionalInAnalysis(name: Layer): boolean {
  return 'optionalInAnalysis' in LAYERS[name];
}

/** The layers as a document holds them (read-only lists, the lazy ones `LazyList`s; the spans optional). */
export type DocLayers = { readonly [K in Exclude<ListLayer, LazyListLayer>]: readonly Element<K>[] } & {
  readonly [K in LazyListLayer]: LazyList<Element<K>>;
} & {
  readonly [K in SpanLayer]?: Element<K>;
};

/** Every list layer empty: the document before the first stage. */
export function emptyLayers(): { [K in ListLayer]: Element<K>[] } {
  const layers: Partial<Record<ListLayer, unknown[]>> = {};
  for (const name of LAYER_NAMES) if (!isSpanLayer(name)) layers[name] = [];
  return layers as { [K in ListLayer]: Element<K>[] };
}

type LayerShape = { [K in SpanLayer]: z.ZodOptional<Layers[K]['schema']> } & {
  [K in Exclude<ListLayer, OptionalListLayer>]: z.ZodArray<Layers[K]['schema']>;
} & { [K in OptionalListLayer]: z.ZodOptional<z.ZodArray<Layers[K]['schema']>> };

function layerShape(): LayerShape {
  const shape: Record<string, z.ZodType> = {};
  for (const name of LAYER_NAMES) {
    const layer: { schema: z.ZodType; one?: boolean; optionalInAnalysis?: boolean } = LAYERS[name];
    const schema = layer.one ? layer.schema : z.array(layer.schema);
    shape[name] = layer.one || layer.optionalInAnalysis ? schema.optional() : schema;
  }
  return shape as LayerShape;
}

/** One analysed article: the text, its metadata and every layer, as the pipeline returns it. */
export const AnalysisSchema = z.object({
  version: z.literal(1),
  id: z.string().optional(),
  text: z.string(),
  meta: ArticleMetaSchema,
  ...layerShape(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;
