import { z } from 'zod';

/** ISO 8601 date (`2025-04-03`) or date-time. */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, {
  message: 'expected an ISO date such as 2025-04-03',
});

export const ArticleMetaSchema = z.object({
  title: z.string().optional(),
  url: z.string().optional(),
  outlet: z.string().optional(),
  published: IsoDate.optional(),
  byline: z.string().optional(),
  language: z.string().optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
