import { z } from 'zod';
import { TextSpanSchema } from './span.js';

export const TokenKindSchema = z.enum(['word', 'number', 'punct', 'quote', 'symbol']);
export type TokenKind = z.infer<typeof TokenKindSchema>;

export const TokenSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  kind: TokenKindSchema,
});
export type Token = z.infer<typeof TokenSchema>;

/**
 * The Universal POS tags the text stage's tagger chooses from, in the order of its model's weight
 * columns (models/pos.bin): an index into this list is a tag.
 */
export const POS_TAGS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
] as const;
export const PosTagSchema = z.enum(POS_TAGS);
export type PosTag = z.infer<typeof PosTagSchema>;

/**
 * A token's part of speech and lemma (the `pos` layer, one per token of the `tokens` layer, at the
 * same index), as the text stage's tagger reads the token in its sentence.
 */
export const TokenPosSchema = z.object({
  tag: PosTagSchema,
  /** Lower-cased ("troops" → "troop", "U.S." → "u.s."). */
  lemma: z.string(),
});
export type TokenPos = z.infer<typeof TokenPosSchema>;

export const SentenceSchema = TextSpanSchema.extend({
  /** Index of the first token and one past the last token of the sentence. */
  tokenStart: z.number().int(),
  tokenEnd: z.number().int(),
  paragraph: z.number().int(),
});
export type Sentence = z.infer<typeof SentenceSchema>;

/**
 * How a quotation without a closing mark ends: `continued` at a paragraph break, the next paragraph
 * re-opening it (a quotation over several paragraphs); `reopened` when a mark of the same style opens
 * again before it closed; `unclosed` at a paragraph break or the end of the text; `too-deep` for an
 * opening mark nested deeper than quotations are followed (its span is the mark).
 */
export const QuotationEndSchema = z.enum(['continued', 'reopened', 'unclosed', 'too-deep']);
export type QuotationEnd = z.infer<typeof QuotationEndSchema>;

/**
 * A quotation between double quote marks, from its opening mark to its closing mark (both
 * included), or to its last token when it ends otherwise (`ended`). A closing mark that closes
 * nothing is a quotation without `open`, its span the mark.
 */
export const QuotationSchema = TextSpanSchema.extend({
  /** 0 in running text, 1 inside another quotation, 2 for a mark nested deeper (`too-deep`). */
  depth: z.number().int().nonnegative(),
  /** The opening mark (`“`, `"`, `«`, …). */
  open: TextSpanSchema.optional(),
  /** The closing mark. */
  close: TextSpanSchema.optional(),
  ended: QuotationEndSchema.optional(),
  /** Index of the first token (the opening mark) and one past the last token of the quotation. */
  tokenStart: z.number().int(),
  tokenEnd: z.number().int(),
});
export type Quotation = z.infer<typeof QuotationSchema>;

export const EntityTypeSchema = z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const MentionKindSchema = z.enum(['name', 'titled-name', 'pronoun', 'description', 'demonym']);
export type MentionKind = z.infer<typeof MentionKindSchema>;

export const MentionSchema = TextSpanSchema.extend({
  id: z.string(),
  type: EntityTypeSchema,
  kind: MentionKindSchema,
  /** The bare name inside a titled mention ("Mark Rutte" in "NATO Secretary General Mark Rutte"). */
  head: TextSpanSchema.optional(),
  /** Title or role words in the mention ("Secretary General"). */
  title: TextSpanSchema.optional(),
  /** Resolved actor, once the actors stage has run. */
  actor: z.string().optional(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const AgentTypeSchema = z.string().regex(/^[A-Z]{3}$/);

export const RoleSchema = z.object({
  title: z.string(),
  /** Organisation or state the role belongs to ("NATO", "United States"). */
  affiliation: z.string().optional(),
  /** CAMEO code of the affiliation ("USA", "NAT"). */
  affiliationCode: z.string().optional(),
  /** CAMEO agent type of the role (GOV, LEG, MIL, …). */
  agent: AgentTypeSchema.optional(),
  /** Validity of the role, ISO dates, when known. */
  from: z.string().optional(),
  until: z.string().optional(),
  /** Where the role came from: the article's own words or the knowledge base. */
  source: z.enum(['text', 'kb', 'meta']),
  /**
   * True for a knowledge-base role chosen without a publication date: the latest role the
   * knowledge base holds, not necessarily the one held when the article was written.
   */
  unanchored: z.boolean().optional(),
  evidence: TextSpanSchema.optional(),
});
export type Role = z.infer<typeof RoleSchema>;

export const ActorSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityTypeSchema,
  mentions: z.array(z.string()),
  roles: z.array(RoleSchema),
  /** CAMEO actor code (country + agent, IGO code, …) valid at publication time, or null when unknown. */
  cameo: z.string().nullable(),
  /** Knowledge-base identifier when the actor was found there. */
  kb: z.string().optional(),
  /** A person's grammatical gender when the text (honorific, gendered title) or the first name says. */
  gender: z.enum(['male', 'female']).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const SourceRefSchema = TextSpanSchema.extend({
  mention: z.string().optional(),
  actor: z.string().optional(),
  /** True when the source is deliberately unnamed ("a senior official", "Russian media"). */
  unnamed: z.boolean().optional(),
  /** Every actor of a coordinated source ("Volker and Morrison said"), `actor` being the first. */
  actors: z.array(z.string()).optional(),
  /**
   * The relative pronoun the source is the subject through ("who" of "Marco Rubio, who affirmed"),
   * when the source spans its antecedent and it. PolNeAR marks the pronoun alone, and so does the
   * PolNeAR-format output (`newsgraph predict attribution`).
   */
  relative: TextSpanSchema.optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const StanceSchema = z.enum(['neutral', 'distancing', 'hedged', 'endorsing']);
export type Stance = z.infer<typeof StanceSchema>;

export const ViaSchema = z.object({
  /** The outlet relaying the statement ("Caliber.Az"). */
  outlet: z.string(),
  outletSpan: TextSpanSchema.optional(),
  cue: TextSpanSchema,
  /** What the outlet cites ("Russian media"), when it says. */
  citing: TextSpanSchema.optional(),
});
export type Via = z.infer<typeof ViaSchema>;

export const AttributionSchema = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'mixed', 'indirect']),
  source: SourceRefSchema.nullable(),
  cue: TextSpanSchema.extend({ lemma: z.string() }).nullable(),
  content: z.array(TextSpanSchema),
  via: z.array(ViaSchema),
  stance: StanceSchema,
  /**
   * The id of the attribution whose content reports this one ("She said the minister told her …":
   * the minister's report is within hers). PolNeAR-format output leaves these out.
   */
  within: z.string().optional(),
});
export type Attribution = z.infer<typeof AttributionSchema>;

export const ClaimSchema = TextSpanSchema.extend({
  id: z.string(),
  /** Why it is flagged: no source in the sentence or its context. */
  reason: z.string(),
  stance: StanceSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;

export const GranularitySchema = z.enum(['year', 'quarter', 'month', 'week', 'day', 'time']);
export const TimeExprSchema = TextSpanSchema.extend({
  id: z.string(),
  /** Normalised value, ISO-like: `2014`, `2025-04`, `2025-04-03`; `XXXX-04` when the year is unknown. */
  value: z.string(),
  granularity: GranularitySchema,
  /** True when resolved against the publication date rather than stated in full. */
  relative: z.boolean(),
  /** Part of the period ("early", "late", …) or relation ("since", "before"). */
  modifier: z.string().optional(),
  /**
   * What a relative expression counts from: the publication date, an earlier date in the text
   * ("the next year" after "in 2016"), or nothing (`none`: no publication date, so unresolved).
   */
  anchor: z.enum(['publication', 'text', 'none']).optional(),
});
export type TimeExpr = z.infer<typeof TimeExprSchema>;

export const EventActorSchema = z.object({
  actor: z.string().optional(),
  mention: z.string().optional(),
  /** CAMEO actor code as coded for this event; "" when the words name no actor the coder can code. */
  code: z.string(),
  text: z.string(),
  /** The actor's words in the article, `[start, end)`, when they are in the event's sentence. */
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});
export type EventActor = z.infer<typeof EventActorSchema>;

export const EventSchema = z.object({
  id: z.string(),
  source: EventActorSchema.nullable(),
  target: EventActorSchema.nullable(),
  /** CAMEO event code ("036", "1662"). */
  cameo: z.string(),
  plover: z.object({ type: z.string(), mode: z.string().optional() }).nullable(),
  goldstein: z.number(),
  quadClass: z.number().int().min(1).max(4),
  trigger: TextSpanSchema,
  /** Every place in the text the event is stated. */
  evidence: z.array(TextSpanSchema),
  /** The attribution the event was reported in ("Rubio said Russia attacked …"). */
  attribution: z.string().optional(),
  negated: z.boolean().optional(),
  /** The act is stated as future, hypothetical or conditional ("could impose sanctions"). */
  modality: z.enum(['future', 'hypothetical']).optional(),
  /** The article's words for the source and the target ("" when none). */
  sourceText: z.string().optional(),
  targetText: z.string().optional(),
  time: z.string().optional(),
  /**
   * A mutual act of two or more conjoined actors ("Israel and Lebanon held talks", "clashed with each
   * other"): none of them is the other's target. `participants` holds each with its own words and
   * code; the `source` has the first one's code on the conjoined words (as any conjoined source), the
   * `target` is only the act's own object (a pact, a place) or null. Each coding scheme writes its
   * dyads from it (`eventDyads`).
   */
  reciprocal: z.literal(true).optional(),
  participants: z.array(EventActorSchema).optional(),
});
export type Event = z.infer<typeof EventSchema>;
