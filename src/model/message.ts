import { z } from 'zod';
import { SpanSchema } from './span.js';

/** A diagnostic about the text ("unclosed quote at 812"), attached to the analysis as data, never printed. */
export const MessageSchema = z.object({
  severity: z.enum(['info', 'warning', 'error']),
  reason: z.string(),
  origin: z.string(),
  span: SpanSchema.optional(),
});
export type Message = z.infer<typeof MessageSchema>;
