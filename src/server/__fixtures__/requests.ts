import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { ErrorBodySchema } from '../index.js';

/** Each URL is refused with a 400 whose JSON error names the parameter at fault. */
export async function expectRefusedParameters(app: FastifyInstance, urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    const res = await app.inject(url);
    expect(res.statusCode, url).toBe(400);
    expect(ErrorBodySchema.parse(res.json()).error, url).toMatch(/parameter/);
  }
}
