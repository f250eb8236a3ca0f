import { z } from 'zod';
import { MetaSourceSchema } from '../model/index.js';

/** Where an item came from: a plain-text file, an HTML file, a fetched page, a feed entry, a JSONL line. */
export const IngestOriginSchema = z.enum(['text', 'html', 'url', 'feed', 'jsonl']);
export type IngestOrigin = z.infer<typeof IngestOriginSchema>;

/** One article ready for analysis. */
export const IngestItemSchema = z.object({
  /** Stable id: canonical URL, or file path (+ `:line` for JSONL), or `sha256:<content hash>`. */
  key: z.string().min(1),
  origin: IngestOriginSchema,
  /** The article body as plain text, paragraphs separated by a blank line. */
  text: z.string(),
  title: z.string().optional(),
  byline: z.string().optional(),
  /** ISO 8601 date or date-time. */
  published: z.string().optional(),
  outlet: z.string().optional(),
  url: z.string().optional(),
  canonicalUrl: z.string().optional(),
  /** BCP 47 primary language tag (`en`, `fr`), declared by the page or detected. */
  language: z.string().optional(),
  /** The feed URL (or feed file path) the item came from. */
  feed: z.string().optional(),
  /** Last modification date (ISO 8601), when the page states one. */
  modified: z.string().optional(),
  authors: z.array(z.string()).optional(),
  /** Where `published`, `modified`, `outlet` and `language` were read (see `MetaSource`). */
  publishedFrom: MetaSourceSchema.optional(),
  modifiedFrom: MetaSourceSchema.optional(),
  outletFrom: MetaSourceSchema.optional(),
  languageFrom: MetaSourceSchema.optional(),
});
export type IngestItem = z.infer<typeof IngestItemSchema>;

/** Something in the input that could not be turned into an item; reading goes on after it. */
export interface IngestProblem {
  /** `file`, `file:line`, or a URL. */
  where: string;
  reason: string;
}

/** Narrows a `readSources` result to a problem. */
export function isIngestProblem(x: IngestItem | IngestProblem): x is IngestProblem {
  return 'reason' in x && !('origin' in x);
}

/** A refused or failed input, thrown by the readers and turned into an `IngestProblem` by `readSources`. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}
